// What everyone who submits, extracts or collects a job agrees on: a job's document entries and the
// key of a document's result.
#ifndef MIXTRACT_QUEUE_QUEUED_DOCUMENT_H_
#define MIXTRACT_QUEUE_QUEUED_DOCUMENT_H_

#include <string>
#include <string_view>

#include "mixtract/status.h"

namespace mixtract {

// One document of a job, in its input order.
struct QueuedDocument {
  std::string path;    // Where workers read it (absolute, on shared storage), or the name it was sent with.
  std::string sha256;  // Its content hash when submitted (content_hash_of).
  std::string person;  // The manifest's person column; "" when not given.
};
std::string entry_of(const QueuedDocument& document);  // One line of JSON.
// An entry that is not entry_of's is kInvalidArgument quoting it.
Result<QueuedDocument> queued_document(std::string_view entry);

// Where a document's record is kept: one per content and settings, however often it was done.
inline std::string result_key(std::string_view sha256, std::string_view settings) {
  return std::string(sha256) + "|" + std::string(settings);
}

}  // namespace mixtract

#endif  // MIXTRACT_QUEUE_QUEUED_DOCUMENT_H_
