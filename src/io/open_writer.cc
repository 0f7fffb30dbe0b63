#include <nlohmann/json.hpp>

#include "io/atomic_file.h"
#include "io/results_table.h"
#include "io/table_writers.h"
#include "mixtract/writers.h"

namespace mixtract {
namespace {

nlohmann::json::error_handler_t constexpr kReplaceInvalidUtf8 = nlohmann::json::error_handler_t::replace;

class JsonlTableWriter final : public TableWriter {
 public:
  JsonlTableWriter(std::unique_ptr<AtomicFile> file, std::vector<std::string> header)
      : file_(std::move(file)), header_(std::move(header)) {}

  Status write_row(const std::vector<std::string>& cells) override {
    nlohmann::ordered_json row = nlohmann::ordered_json::object();
    for (std::size_t i = 0; i < header_.size() && i < cells.size(); ++i) row[header_[i]] = cells[i];
    return file_->append(row.dump(-1, ' ', false, kReplaceInvalidUtf8) + "\n");
  }
  Status close() override { return file_->commit(); }

 private:
  std::unique_ptr<AtomicFile> file_;
  std::vector<std::string> header_;
};

class JsonlRecordWriter final : public RecordWriter {
 public:
  explicit JsonlRecordWriter(std::unique_ptr<AtomicFile> file) : file_(std::move(file)) {}

  Status write(const Record& record) override {
    // Invalid UTF-8 from a file name or an expert is replaced rather than aborting the whole output.
    return file_->append(record_to_json_line(record) + "\n");
  }
  Status close() override { return file_->commit(); }

 private:
  std::unique_ptr<AtomicFile> file_;
};

class TableRecordWriter final : public RecordWriter {
 public:
  TableRecordWriter(std::unique_ptr<TableWriter> table, ResultsTable columns)
      : table_(std::move(table)), columns_(std::move(columns)) {}

  Status write(const Record& record) override { return table_->write_row(columns_.row(record)); }
  Status add_sheet(const std::string& name, std::span<const std::vector<std::string>> rows) override {
    if (rows.empty()) return Status::internal("sheet " + name + " without a header");
    MIXTRACT_RETURN_IF_ERROR(table_->start_sheet(name, rows.front()));
    for (const std::vector<std::string>& row : rows.subspan(1)) MIXTRACT_RETURN_IF_ERROR(table_->write_row(row));
    return Status();
  }
  Status close() override { return table_->close(); }

 private:
  std::unique_ptr<TableWriter> table_;
  ResultsTable columns_;
};

}  // namespace

Status TableWriter::start_sheet(const std::string& name, const std::vector<std::string>&) {
  return Status::unsupported("the table " + name + " needs a file of its own: only XLSX holds several tables");
}

Status RecordWriter::add_sheet(const std::string& name, std::span<const std::vector<std::string>>) {
  return Status::unsupported("the table " + name + " needs a file of its own: only XLSX holds several tables");
}

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

Result<std::unique_ptr<TableWriter>> open_table_writer(const std::filesystem::path& path, OutputFormat format,
                                                       const std::vector<std::string>& header) {
  switch (format) {
    case OutputFormat::kCsv: return open_csv_table(path, header);
    case OutputFormat::kXlsx: return open_xlsx_table(path, header);
    case OutputFormat::kJsonl: break;
  }
  MIXTRACT_ASSIGN_OR_RETURN(std::unique_ptr<AtomicFile> file, AtomicFile::open(path));
  return std::unique_ptr<TableWriter>(std::make_unique<JsonlTableWriter>(std::move(file), header));
}

Result<std::unique_ptr<RecordWriter>> open_writer(const std::filesystem::path& path, OutputFormat format,
                                                  std::span<const Schema> schemas) {
  if (format == OutputFormat::kJsonl) {
    MIXTRACT_ASSIGN_OR_RETURN(std::unique_ptr<AtomicFile> file, AtomicFile::open(path));
    return std::unique_ptr<RecordWriter>(std::make_unique<JsonlRecordWriter>(std::move(file)));
  }
  ResultsTable columns(schemas);
  MIXTRACT_ASSIGN_OR_RETURN(std::unique_ptr<TableWriter> table, open_table_writer(path, format, columns.header()));
  return std::unique_ptr<RecordWriter>(std::make_unique<TableRecordWriter>(std::move(table), std::move(columns)));
}

}  // namespace mixtract
