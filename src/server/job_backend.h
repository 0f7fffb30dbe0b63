// Where the HTTP service's batch jobs live and who extracts them: the service itself, from its state
// file (BatchJobs), or the workers of a job queue (QueueJobs). The routes see only this interface.
// Thread safety: every method may be called from any thread.
#ifndef MIXTRACT_SERVER_JOB_BACKEND_H_
#define MIXTRACT_SERVER_JOB_BACKEND_H_

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "mixtract/status.h"

namespace mixtract::server {

struct JobImage {
  std::string file_name;
  std::string bytes;
};

struct JobStatus {
  std::string id;
  std::string owner;
  std::string schema;
  std::string created;
  std::size_t documents = 0;
  std::size_t done = 0;  // extracted or failed
  bool finished() const { return done == documents; }
};

class JobBackend {
 public:
  virtual ~JobBackend() = default;

  // Stores the job and returns its id (16 hex digits). A schema the backend cannot extract with is
  // kInvalidArgument saying which it can.
  virtual Result<std::string> submit(const std::string& owner, const std::string& schema,
                                     const std::vector<JobImage>& images) = 0;
  // nullopt when there is no such job.
  virtual Result<std::optional<JobStatus>> status(const std::string& id) = 0;
  // The result lines of documents [from, ...) that are done, in document order, up to the first one not
  // done yet: a record's JSON text, or {"source", "error"} for a document that failed.
  virtual Result<std::vector<std::string>> results(const std::string& job, std::int64_t from) = 0;
  // Waits until something may have changed, or `milliseconds` pass.
  virtual void wait_for_change(int milliseconds) const = 0;
  // Wakes every waiter (on stopping).
  virtual void notify_all() const = 0;
  // Lines for GET /metrics in Prometheus' text format; "" when there is nothing to add.
  virtual std::string metrics() { return ""; }
};

}  // namespace mixtract::server

#endif  // MIXTRACT_SERVER_JOB_BACKEND_H_
