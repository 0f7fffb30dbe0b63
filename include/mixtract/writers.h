// Output writers: one per format. Each writes to a temporary file next to the destination and renames
// it into place on close(), so a reader never sees a half-written file and an interrupted run leaves any
// earlier output intact.
#ifndef MIXTRACT_WRITERS_H_
#define MIXTRACT_WRITERS_H_

#include <filesystem>
#include <memory>
#include <span>
#include <string>

#include <nlohmann/json_fwd.hpp>

#include "mixtract/record.h"
#include "mixtract/schema.h"
#include "mixtract/status.h"

namespace mixtract {

// The JSON form of a record (also one line of results.jsonl): source, content_hash, schema, fields
// (value, confidence, status, expert, candidates with evidence), warnings and cost. docs/output.md
// describes it.
nlohmann::ordered_json record_to_json(const Record& record);

// Not thread-safe: one thread writes.
class RecordWriter {
 public:
  virtual ~RecordWriter() = default;
  virtual Status write(const Record& record) = 0;
  // Flushes and moves the file into place. Without close() the destination is left untouched.
  virtual Status close() = 0;
};

// One JSON object per line.
Result<std::unique_ptr<RecordWriter>> open_jsonl_writer(const std::filesystem::path& path);

// Tables: one row per record with the chosen values ("" = missing). Columns: 文件, then 文书类型 (the
// schema's title) when there are several schemas, then each field label once, in schema order.
// UTF-8 CSV with a BOM, so that spreadsheet programs read the Chinese.
Result<std::unique_ptr<RecordWriter>> open_csv_writer(const std::filesystem::path& path,
                                                      std::span<const Schema> schemas);
// The columns of those tables.
std::vector<std::string> results_header(std::span<const Schema> schemas);
// An Excel workbook with one sheet, "results".
Result<std::unique_ptr<RecordWriter>> open_xlsx_writer(const std::filesystem::path& path,
                                                       std::span<const Schema> schemas);

enum class OutputFormat { kJsonl, kCsv, kXlsx };

// "jsonl", "csv", "xlsx" -> the format; anything else is an error listing them.
Result<OutputFormat> parse_output_format(std::string_view name);
// The format a file name implies: .csv, .xlsx, else JSONL.
OutputFormat output_format_of(const std::filesystem::path& path);

// The writer for `format`.
Result<std::unique_ptr<RecordWriter>> open_writer(const std::filesystem::path& path, OutputFormat format,
                                                  std::span<const Schema> schemas);

}  // namespace mixtract

#endif  // MIXTRACT_WRITERS_H_
