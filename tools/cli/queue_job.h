// What `submit`, `worker` and `collect` agree on: the --queue option, a job's document entries and the
// key of a result.
#ifndef MIXTRACT_TOOLS_CLI_QUEUE_JOB_H_
#define MIXTRACT_TOOLS_CLI_QUEUE_JOB_H_

#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "mixtract/status.h"

namespace mixtract::cli {

// --queue redis://HOST[:PORT]/STREAM (or MIXTRACT_QUEUE), required.
void add_queue_option(CLI::App& sub, std::string& url);

// One document of a job, in its input order.
struct QueuedDocument {
  std::string path;    // Absolute, as every worker must find it on the shared storage.
  std::string sha256;  // Its content hash when submitted (content_hash_of).
  std::string person;  // The manifest's person column; "" when not given.
};
std::string entry_of(const QueuedDocument& document);  // One line of JSON.
Result<QueuedDocument> queued_document(std::string_view entry);

// Where a document's record is kept: one per content and settings, however often it was done.
inline std::string result_key(std::string_view sha256, std::string_view settings) {
  return std::string(sha256) + "|" + std::string(settings);
}

}  // namespace mixtract::cli

#endif  // MIXTRACT_TOOLS_CLI_QUEUE_JOB_H_
