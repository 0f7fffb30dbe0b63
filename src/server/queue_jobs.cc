#include "server/queue_jobs.h"

#include <chrono>
#include <ctime>
#include <map>
#include <set>

#include <nlohmann/json.hpp>

#include "core/sha256.h"
#include "queue/queued_document.h"
#include "server/random_id.h"

namespace mixtract::server {
namespace {

// SQLite's datetime('now') form, as the local jobs' `created`: 2026-12-03 21:40:00 (UTC).
std::string now_utc() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char text[32];
  std::strftime(text, sizeof text, "%Y-%m-%d %H:%M:%S", &utc);
  return text;
}

// A job as read back: its facts, its documents in order, and those given up on (content hash -> reason).
struct JobView {
  JobStream::Job job;
  std::vector<QueuedDocument> documents;
  std::map<std::string, std::string> given_up;
};

Result<std::optional<JobView>> view_of(JobStream& stream, const std::string& id) {
  MIXTRACT_ASSIGN_OR_RETURN(std::optional<JobStream::Job> job, stream.job(id));
  if (!job) return std::optional<JobView>();
  JobView view;
  for (const std::string& entry : job->documents) {
    MIXTRACT_ASSIGN_OR_RETURN(QueuedDocument document, queued_document(entry));
    view.documents.push_back(std::move(document));
  }
  view.job = *std::move(job);
  MIXTRACT_ASSIGN_OR_RETURN(view.given_up, stream.given_up(id));
  return std::optional<JobView>(std::move(view));
}

}  // namespace

Result<std::unique_ptr<QueueJobs>> QueueJobs::open(const QueueAddress& address, std::string settings) {
  MIXTRACT_ASSIGN_OR_RETURN(JobStream stream, JobStream::open(address));
  return std::unique_ptr<QueueJobs>(new QueueJobs(std::move(stream), std::move(settings)));
}

Status QueueJobs::with_stream(const std::function<Status(JobStream&)>& step) {
  std::lock_guard lock(mutex_);
  if (!stream_) {
    Result<JobStream> opened = JobStream::open(address_);
    if (!opened.ok()) return opened.status();
    stream_.emplace(std::move(opened).value());
  }
  Status status = step(*stream_);
  if (status.code() == StatusCode::kUnavailable) stream_.reset();
  return status;
}

Result<std::string> QueueJobs::submit(const std::string& owner, const std::string& schema,
                                      const std::vector<JobImage>& images) {
  if (schema != "auto") {
    return Status::invalid_argument("schema '" + schema +
                                    "': this service's jobs are extracted by the workers of a job queue, which "
                                    "recognise each document's schema themselves; leave \"schema\" out or send "
                                    "\"auto\" (POST /v1/extract takes any schema)");
  }
  MIXTRACT_ASSIGN_OR_RETURN(const std::string id, random_hex(8));
  JobStream::Job job;
  job.facts = {{"owner", owner}, {"schema", schema}, {"settings", settings_}, {"created", now_utc()}};
  std::vector<std::string> hashes;
  for (const JobImage& image : images) {
    hashes.push_back(sha256_hex(image.bytes));
    job.documents.push_back(entry_of({image.file_name, hashes.back(), ""}));
  }
  const Status submitted = with_stream([&](JobStream& stream) -> Status {
    MIXTRACT_RETURN_IF_ERROR(stream.put_job(id, job));
    std::set<std::string> queued;  // Each content once: its result serves every image that holds it.
    for (std::size_t i = 0; i < images.size(); ++i) {
      if (!queued.insert(hashes[i]).second) continue;
      MIXTRACT_RETURN_IF_ERROR(stream
                                   .add({{"job", id},
                                         {"path", images[i].file_name},
                                         {"sha256", hashes[i]},
                                         {"settings", settings_},
                                         {"bytes", images[i].bytes}})
                                   .status());
    }
    return Status();
  });
  if (!submitted.ok()) return submitted;
  return id;
}

Result<std::optional<JobStatus>> QueueJobs::status(const std::string& id) {
  std::optional<JobStatus> status;
  const Status read = with_stream([&](JobStream& stream) -> Status {
    MIXTRACT_ASSIGN_OR_RETURN(std::optional<JobView> view, view_of(stream, id));
    if (!view) return Status();
    std::vector<std::string> keys;
    for (const QueuedDocument& document : view->documents) keys.push_back(result_key(document.sha256, settings_));
    MIXTRACT_ASSIGN_OR_RETURN(const std::vector<bool> have, stream.have_results(keys));
    status.emplace();
    status->id = id;
    status->owner = field_of(view->job.facts, "owner");
    status->schema = field_of(view->job.facts, "schema");
    status->created = field_of(view->job.facts, "created");
    status->documents = view->documents.size();
    for (std::size_t i = 0; i < have.size(); ++i) {
      if (have[i] || view->given_up.contains(view->documents[i].sha256)) ++status->done;
    }
    return Status();
  });
  if (!read.ok()) return read;
  return status;
}

Result<std::vector<std::string>> QueueJobs::results(const std::string& id, std::int64_t from) {
  std::vector<std::string> lines;
  const Status read = with_stream([&](JobStream& stream) -> Status {
    MIXTRACT_ASSIGN_OR_RETURN(std::optional<JobView> view, view_of(stream, id));
    if (!view || from < 0 || static_cast<std::size_t>(from) >= view->documents.size()) return Status();
    const std::span<const QueuedDocument> rest = std::span(view->documents).subspan(static_cast<std::size_t>(from));
    std::vector<std::string> keys;
    for (const QueuedDocument& document : rest) keys.push_back(result_key(document.sha256, settings_));
    MIXTRACT_ASSIGN_OR_RETURN(const std::vector<std::optional<std::string>> records, stream.results(keys));
    for (std::size_t i = 0; i < rest.size(); ++i) {
      if (records[i]) {
        lines.push_back(*records[i]);
        continue;
      }
      const auto reason = view->given_up.find(rest[i].sha256);
      if (reason == view->given_up.end()) break;  // Not done yet.
      lines.push_back(nlohmann::json{{"source", rest[i].path}, {"error", reason->second}}.dump(
          -1, ' ', false, nlohmann::json::error_handler_t::replace));
    }
    return Status();
  });
  if (!read.ok()) return read;
  return lines;
}

void QueueJobs::wait_for_change(int milliseconds) const {
  // The workers say nothing when they store a result: look again after a while.
  std::unique_lock lock(wait_mutex_);
  const unsigned long long seen = wakings_;
  woken_.wait_for(lock, std::chrono::milliseconds(milliseconds), [&] { return wakings_ != seen; });
}

void QueueJobs::notify_all() const {
  {
    std::lock_guard lock(wait_mutex_);
    ++wakings_;
  }
  woken_.notify_all();
}

std::string QueueJobs::metrics() {
  long long pending = 0;
  long long dead = 0;
  std::optional<long long> lag;
  const Status status = with_stream([&](JobStream& stream) -> Status {
    MIXTRACT_ASSIGN_OR_RETURN(pending, stream.pending());
    MIXTRACT_ASSIGN_OR_RETURN(dead, stream.dead_letters());
    MIXTRACT_ASSIGN_OR_RETURN(lag, stream.lag());
    return Status();
  });
  std::string text =
      "# HELP mixtract_job_queue_up Whether the job queue answered this scrape.\n"
      "# TYPE mixtract_job_queue_up gauge\n"
      "mixtract_job_queue_up " +
      std::string(status.ok() ? "1" : "0") + "\n";
  if (!status.ok()) return text;
  text +=
      "# HELP mixtract_job_queue_pending Documents handed to a worker and not yet acknowledged.\n"
      "# TYPE mixtract_job_queue_pending gauge\n"
      "mixtract_job_queue_pending " +
      std::to_string(pending) +
      "\n"
      "# HELP mixtract_job_queue_dead_letters Documents given up on (the dead-letter stream's length).\n"
      "# TYPE mixtract_job_queue_dead_letters gauge\n"
      "mixtract_job_queue_dead_letters " +
      std::to_string(dead) + "\n";
  if (lag) {
    text +=
        "# HELP mixtract_job_queue_lag Documents queued and not yet handed to any worker.\n"
        "# TYPE mixtract_job_queue_lag gauge\n"
        "mixtract_job_queue_lag " +
        std::to_string(*lag) + "\n";
  }
  return text;
}

}  // namespace mixtract::server
