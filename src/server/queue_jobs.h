// Batch jobs extracted by the workers of a job queue (`mixtract worker`, docs/scale-out.md), for
// `serve --queue`: each job is recorded on the queue as `mixtract submit` records one, its images sent
// inside their messages (the workers need no storage shared with the service), and its results read back
// from the queue's results hash and dead letters.
// Thread safety: every method may be called from any thread (one connection, serialised; reopened after
// it breaks).
#ifndef MIXTRACT_SERVER_QUEUE_JOBS_H_
#define MIXTRACT_SERVER_QUEUE_JOBS_H_

#include <condition_variable>
#include <functional>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "queue/job_stream.h"
#include "server/job_backend.h"

namespace mixtract::server {

class QueueJobs final : public JobBackend {
 public:
  // `settings`: the fingerprint of the settings the workers run with (the CLI's settings_fingerprint,
  // schema "auto"); a worker started with others gives each message up as a dead letter saying so.
  // Connects once, so that an unreachable queue is said at start (kUnavailable).
  static Result<std::unique_ptr<QueueJobs>> open(const QueueAddress& address, std::string settings);

  // Only schema "auto", the workers' (kInvalidArgument otherwise).
  Result<std::string> submit(const std::string& owner, const std::string& schema,
                             const std::vector<JobImage>& images) override;
  Result<std::optional<JobStatus>> status(const std::string& id) override;
  Result<std::vector<std::string>> results(const std::string& job, std::int64_t from) override;
  void wait_for_change(int milliseconds) const override;
  void notify_all() const override;
  // mixtract_job_queue_up, and when it is 1 mixtract_job_queue_pending, mixtract_job_queue_lag and
  // mixtract_job_queue_dead_letters.
  std::string metrics() override;

 private:
  QueueJobs(JobStream stream, std::string settings)
      : address_(stream.address()), stream_(std::move(stream)), settings_(std::move(settings)) {}
  // Runs `step` on the connection, reopening it first when an earlier step broke it; a failed step drops
  // it, so that the next call reconnects.
  Status with_stream(const std::function<Status(JobStream&)>& step);

  const QueueAddress address_;
  std::mutex mutex_;  // Guards stream_.
  std::optional<JobStream> stream_;
  const std::string settings_;
  mutable std::mutex wait_mutex_;
  mutable std::condition_variable woken_;
  mutable unsigned long long wakings_ = 0;
};

}  // namespace mixtract::server

#endif  // MIXTRACT_SERVER_QUEUE_JOBS_H_
