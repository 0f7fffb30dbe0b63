#include <filesystem>
#include <vector>

#include "io/atomic_file.h"
#include "io/results_table.h"
#include "mixtract/writers.h"

namespace mixtract {
namespace {

// RFC 4180 quoting: fields holding a comma, quote or line break are quoted, quotes doubled.
std::string csv_field(std::string_view text) {
  if (text.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(text);
  std::string out = "\"";
  for (char c : text) {
    if (c == '"') out += '"';
    out += c;
  }
  return out + "\"";
}

std::string csv_row(const std::vector<std::string>& cells) {
  std::string row;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    if (i > 0) row += ',';
    row += csv_field(cells[i]);
  }
  return row + "\r\n";
}

class CsvWriter final : public RecordWriter {
 public:
  CsvWriter(std::unique_ptr<AtomicFile> file, ResultsTable table) : file_(std::move(file)), table_(std::move(table)) {}

  Status write(const Record& record) override { return file_->append(csv_row(table_.row(record))); }
  Status close() override { return file_->commit(); }

 private:
  std::unique_ptr<AtomicFile> file_;
  ResultsTable table_;
};

}  // namespace

Result<std::unique_ptr<RecordWriter>> open_csv_writer(const std::filesystem::path& path,
                                                      std::span<const Schema> schemas) {
  MIXTRACT_ASSIGN_OR_RETURN(std::unique_ptr<AtomicFile> file, AtomicFile::open(path));
  ResultsTable table(schemas);
  MIXTRACT_RETURN_IF_ERROR(file->append("\xEF\xBB\xBF" + csv_row(table.header())));
  return std::unique_ptr<RecordWriter>(std::make_unique<CsvWriter>(std::move(file), std::move(table)));
}

}  // namespace mixtract
