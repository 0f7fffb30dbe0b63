#include "queue_job.h"

#include <nlohmann/json.hpp>

namespace mixtract::cli {

void add_queue_option(CLI::App& sub, std::string& url) {
  sub.add_option("--queue", url,
                 "The job queue: redis://HOST[:PORT]/STREAM, e.g. redis://10.0.0.5:6379/scans (Redis 6.2 or "
                 "later; the stream and its keys are created when missing)")
      ->envname("MIXTRACT_QUEUE")
      ->required();
}

std::string entry_of(const QueuedDocument& document) {
  return nlohmann::json{{"path", document.path}, {"sha256", document.sha256}, {"person", document.person}}.dump();
}

Result<QueuedDocument> queued_document(std::string_view entry) {
  const nlohmann::json json = nlohmann::json::parse(entry, nullptr, false);
  if (!json.is_object() || !json.contains("path") || !json.contains("sha256") || !json["path"].is_string() ||
      !json["sha256"].is_string()) {
    return Status::invalid_argument("a job's document entry is not what submit writes: " + std::string(entry));
  }
  return QueuedDocument{json["path"], json["sha256"], json.value("person", "")};
}

}  // namespace mixtract::cli
