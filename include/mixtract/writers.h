// Output writers: one per format. Each writes to a temporary file next to the destination and renames
// it into place on close(), so a reader never sees a half-written file and an interrupted run leaves any
// earlier output intact.
#ifndef MIXTRACT_WRITERS_H_
#define MIXTRACT_WRITERS_H_

#include <filesystem>
#include <memory>
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

// UTF-8 CSV with a BOM (so spreadsheet programs read the Chinese), header 文件 followed by each field's
// label, one row per record with the chosen values.
Result<std::unique_ptr<RecordWriter>> open_csv_writer(const std::filesystem::path& path, const Schema& schema);

}  // namespace mixtract

#endif  // MIXTRACT_WRITERS_H_
