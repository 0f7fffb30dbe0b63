// Output writers. Each writes to a temporary file next to the destination and renames it into place on
// close(), so a reader never sees a half-written file and an interrupted run leaves any earlier output
// intact. Not thread-safe: one thread writes.
#ifndef MIXTRACT_WRITERS_H_
#define MIXTRACT_WRITERS_H_

#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "mixtract/record.h"
#include "mixtract/schema.h"
#include "mixtract/status.h"

namespace mixtract {

enum class OutputFormat { kJsonl, kCsv, kXlsx };

// "jsonl", "csv", "xlsx" -> the format; anything else is an error listing them.
Result<OutputFormat> parse_output_format(std::string_view name);
// The format a file name implies: .csv, .xlsx, else JSONL.
OutputFormat output_format_of(const std::filesystem::path& path);

// A table of strings: the header given when opening, then rows of as many cells.
class TableWriter {
 public:
  virtual ~TableWriter() = default;
  virtual Status write_row(const std::vector<std::string>& cells) = 0;
  // XLSX: the rows written next go to a new sheet of that name, under that header. The other formats
  // hold one table and return an error.
  virtual Status start_sheet(const std::string& name, const std::vector<std::string>& header);
  // Flushes and moves the file into place. Without close() the destination is left untouched.
  virtual Status close() = 0;
};

// CSV: UTF-8 with a BOM (so spreadsheet programs read the Chinese), CRLF, RFC 4180 quoting. XLSX: a
// sheet "文书" first, rows streamed (constant memory). JSONL: one object per row, keyed by the header.
Result<std::unique_ptr<TableWriter>> open_table_writer(const std::filesystem::path& path, OutputFormat format,
                                                       const std::vector<std::string>& header);

// The JSON form of a record as one line of text (a line of the JSONL output): source, content_hash,
// schema, fields (value, confidence, status, reason, expert, candidates with evidence), warnings and cost;
// docs/output.md describes it. Bytes that are not UTF-8 (which no value should hold) become U+FFFD rather
// than an exception.
std::string record_to_json_line(const Record& record);
// The inverse of record_to_json_line; errors say what is missing or malformed.
Result<Record> record_from_json(std::string_view text);

// The columns of a table of records of `schemas`: 文件, then 文书类型 (the schema's title) when there are
// several schemas, then each field label once, in schema order.
std::vector<std::string> results_header(std::span<const Schema> schemas);

class RecordWriter {
 public:
  virtual ~RecordWriter() = default;
  virtual Status write(const Record& record) = 0;
  // XLSX: one more sheet after the records' (rows[0] its header). The other formats return an error.
  virtual Status add_sheet(const std::string& name, std::span<const std::vector<std::string>> rows);
  virtual Status close() = 0;  // As TableWriter::close().
};

// JSONL: record_to_json_line, one per line. CSV and XLSX: one row per record under results_header(), the
// chosen values ("" = missing).
Result<std::unique_ptr<RecordWriter>> open_writer(const std::filesystem::path& path, OutputFormat format,
                                                  std::span<const Schema> schemas);

}  // namespace mixtract

#endif  // MIXTRACT_WRITERS_H_
