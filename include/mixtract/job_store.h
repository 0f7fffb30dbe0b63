// JobStore: the state of a batch run, in SQLite next to its output: the record of every document done,
// stored the moment it is handed back, so that a run that was killed or interrupted goes on with
// --resume where it stopped, without doing a document twice or losing one.
#ifndef MIXTRACT_JOB_STORE_H_
#define MIXTRACT_JOB_STORE_H_

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <string_view>

#include "mixtract/status.h"

struct sqlite3;

namespace mixtract {

// Thread-compatible: one thread at a time.
class JobStore {
 public:
  // Opens the store, creating it; `fresh` empties it (a new run). Errors name the file.
  static Result<std::unique_ptr<JobStore>> open(const std::filesystem::path& file, bool fresh);
  ~JobStore();
  JobStore(const JobStore&) = delete;
  JobStore& operator=(const JobStore&) = delete;

  // The record (record_to_json text) stored for the document, or nullopt when it is not done.
  Result<std::optional<std::string>> done(std::string_view source) const;
  // Whether the document is done, without reading its record.
  Result<bool> contains(std::string_view source) const;
  // Stores the document's record, durably (it survives the process being killed).
  Status put(std::string_view source, std::string_view record_json);

 private:
  JobStore(sqlite3* db, std::filesystem::path file) : db_(db), file_(std::move(file)) {}
  sqlite3* db_;
  std::filesystem::path file_;
};

}  // namespace mixtract

#endif  // MIXTRACT_JOB_STORE_H_
