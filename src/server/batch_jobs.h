// Batch jobs the HTTP service extracts itself, in its SQLite state file: the images of a job are stored
// when it is submitted and each document's record when it is extracted, so a job survives a restart (its
// remaining documents are extracted then) and its results can be read while it runs and long after. A
// document of the same content as an earlier one of its job is extracted once: its result is that one's,
// as the queue's workers do it (each content once, the batches' rule: first_of_each).
// Thread safety: every method may be called from any thread (one connection, serialised).
#ifndef MIXTRACT_SERVER_BATCH_JOBS_H_
#define MIXTRACT_SERVER_BATCH_JOBS_H_

#include <condition_variable>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "mixtract/status.h"
#include "server/job_backend.h"

struct sqlite3;

namespace mixtract::server {

// A document waiting to be extracted.
struct JobTask {
  std::string job;
  std::int64_t position = 0;
  std::string schema;
  std::string file_name;
  std::string bytes;
  std::string owner;  // Who submitted the job.
};

class BatchJobs final : public JobBackend {
 public:
  static Result<std::unique_ptr<BatchJobs>> open(const std::filesystem::path& file);
  ~BatchJobs();
  BatchJobs(const BatchJobs&) = delete;
  BatchJobs& operator=(const BatchJobs&) = delete;

  // Any schema: the service's own workers extract the documents.
  Result<std::string> submit(const std::string& owner, const std::string& schema,
                             const std::vector<JobImage>& images) override;
  Result<std::optional<JobStatus>> status(const std::string& id) override;
  // The next document of any job still to extract, oldest job first; nullopt when none.
  Result<std::optional<JobTask>> next_task(const std::vector<std::pair<std::string, std::int64_t>>& taken) const;
  // Stores a document's result: its record's JSON text, or an error line.
  Status complete(const std::string& job, std::int64_t position, const std::string& result_line);
  Result<std::vector<std::string>> results(const std::string& job, std::int64_t from) override;

  // Waits until a result is stored or a job submitted, or `milliseconds` pass.
  void wait_for_change(int milliseconds) const override;
  void notify_all() const override;
  // Deletes the jobs (images and results) submitted more than `days` days ago; returns how many.
  Result<std::size_t> delete_older_than(int days);

 private:
  BatchJobs(sqlite3* db, std::filesystem::path file) : db_(db), file_(std::move(file)) {}
  sqlite3* db_;
  std::filesystem::path file_;
  mutable std::mutex mutex_;
  mutable std::condition_variable changed_;
  mutable std::uint64_t version_ = 0;
};

}  // namespace mixtract::server

#endif  // MIXTRACT_SERVER_BATCH_JOBS_H_
