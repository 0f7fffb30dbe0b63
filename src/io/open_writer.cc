#include "mixtract/writers.h"

namespace mixtract {

Result<OutputFormat> parse_output_format(std::string_view name) {
  if (name == "jsonl") return OutputFormat::kJsonl;
  if (name == "csv") return OutputFormat::kCsv;
  if (name == "xlsx") return OutputFormat::kXlsx;
  return Status::invalid_argument("unknown output format '" + std::string(name) + "'; known: jsonl, csv, xlsx");
}

OutputFormat output_format_of(const std::filesystem::path& path) {
  const std::string extension = path.extension().string();
  if (extension == ".csv" || extension == ".CSV") return OutputFormat::kCsv;
  if (extension == ".xlsx" || extension == ".XLSX") return OutputFormat::kXlsx;
  return OutputFormat::kJsonl;
}

Result<std::unique_ptr<RecordWriter>> open_writer(const std::filesystem::path& path, OutputFormat format,
                                                  std::span<const Schema> schemas) {
  switch (format) {
    case OutputFormat::kCsv: return open_csv_writer(path, schemas);
    case OutputFormat::kXlsx: return open_xlsx_writer(path, schemas);
    case OutputFormat::kJsonl: break;
  }
  return open_jsonl_writer(path);
}

}  // namespace mixtract
