#include <vector>

#include "core/text_encoding.h"
#include "io/atomic_file.h"
#include "io/csv_reader.h"
#include "io/table_writers.h"

namespace mixtract {
namespace {

// RFC 4180 quoting: fields holding a comma, quote or line break are quoted, quotes doubled. A value a
// spreadsheet would run as a formula (=, +, -, @, tab or CR first) gets a leading ' so that it shows as
// text (csv_reader's without_formula_guard takes it off again). Bytes that are not UTF-8 (a GBK file
// name in a message) are written as readable_name shows them, so the file is always UTF-8.
std::string csv_field(std::string_view raw) {
  const std::string value = readable_name(raw);
  const bool formula_like = !value.empty() && kFormulaStarts.find(value[0]) != std::string_view::npos;
  std::string text(formula_like ? "'" : "");
  text.append(value);
  if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
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

class CsvTableWriter final : public TableWriter {
 public:
  explicit CsvTableWriter(std::unique_ptr<AtomicFile> file) : file_(std::move(file)) {}

  Status write_row(const std::vector<std::string>& cells) override { return file_->append(csv_row(cells)); }
  Status close() override { return file_->commit(); }

 private:
  std::unique_ptr<AtomicFile> file_;
};

}  // namespace

Result<std::unique_ptr<TableWriter>> open_csv_table(const std::filesystem::path& path,
                                                    const std::vector<std::string>& header) {
  MIXTRACT_ASSIGN_OR_RETURN(std::unique_ptr<AtomicFile> file, AtomicFile::open(path));
  MIXTRACT_RETURN_IF_ERROR(file->append("\xEF\xBB\xBF" + csv_row(header)));
  return std::unique_ptr<TableWriter>(std::make_unique<CsvTableWriter>(std::move(file)));
}

}  // namespace mixtract
