#include "queue/queued_document.h"

#include <nlohmann/json.hpp>

namespace mixtract {

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

}  // namespace mixtract
