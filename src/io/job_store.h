// JobStore: the state of a batch run, in SQLite next to its output: the record of every document done,
// stored the moment it is handed back, so that a run that was killed or interrupted goes on with
// --resume where it stopped, without doing a document twice or losing one.
//
// A stored record is reused only for the same document with the same content under the same settings:
// each record is kept with its document's content hash, and the store with the fingerprint of the run's
// settings (whatever besides a document's bytes changes its record: version, schemas, routes, tables,
// models). A file replaced since, or a run with other settings, is read again.
#ifndef MIXTRACT_IO_JOB_STORE_H_
#define MIXTRACT_IO_JOB_STORE_H_

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
  // Opens the store for a run whose settings have the fingerprint `settings`, creating it. `fresh`
  // empties it (a new run); so does a store written under other settings, and then
  // emptied_for_other_settings() says so. Errors name the file.
  static Result<std::unique_ptr<JobStore>> open(const std::filesystem::path& file, bool fresh,
                                                std::string_view settings);
  ~JobStore();
  JobStore(const JobStore&) = delete;
  JobStore& operator=(const JobStore&) = delete;

  // Whether open() dropped the records of a run with other settings.
  bool emptied_for_other_settings() const { return emptied_for_other_settings_; }

  // The record (record_to_json text) stored for the document named `source` (Record::source), or
  // nullopt when it is not done.
  Result<std::optional<std::string>> done(std::string_view source) const;
  // Whether the document named `source` (Record::source) is done for the content whose hash is
  // `content_hash` (its present content, content_hash_of; "" when it cannot be read: never done).
  Result<bool> holds(std::string_view source, std::string_view content_hash) const;
  // Stores the document's record (replacing any earlier one of that name), durably: it survives the
  // process being killed.
  Status put(std::string_view source, std::string_view content_hash, std::string_view record_json);

 private:
  JobStore(sqlite3* db, std::filesystem::path file) : db_(db), file_(std::move(file)) {}
  sqlite3* db_;
  std::filesystem::path file_;
  bool emptied_for_other_settings_ = false;
};

}  // namespace mixtract

#endif  // MIXTRACT_IO_JOB_STORE_H_
