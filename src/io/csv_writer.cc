#include <filesystem>
#include <vector>

#include "io/atomic_file.h"
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
  CsvWriter(std::unique_ptr<AtomicFile> file, const Schema& schema) : file_(std::move(file)) {
    for (const FieldSpec& field : schema.fields) fields_.push_back(field.name);
  }

  Status write(const Record& record) override {
    std::vector<std::string> cells{std::filesystem::path(record.source).filename().string()};
    for (const std::string& name : fields_) {
      const FieldResult* field = record.find(name);
      cells.push_back(field ? field->value : "");
    }
    return file_->append(csv_row(cells));
  }
  Status close() override { return file_->commit(); }

 private:
  std::unique_ptr<AtomicFile> file_;
  std::vector<std::string> fields_;
};

}  // namespace

Result<std::unique_ptr<RecordWriter>> open_csv_writer(const std::filesystem::path& path, const Schema& schema) {
  MIXTRACT_ASSIGN_OR_RETURN(std::unique_ptr<AtomicFile> file, AtomicFile::open(path));
  std::vector<std::string> header{"文件"};
  for (const FieldSpec& field : schema.fields) header.push_back(field.label);
  MIXTRACT_RETURN_IF_ERROR(file->append("\xEF\xBB\xBF" + csv_row(header)));
  return std::unique_ptr<RecordWriter>(std::make_unique<CsvWriter>(std::move(file), schema));
}

}  // namespace mixtract
