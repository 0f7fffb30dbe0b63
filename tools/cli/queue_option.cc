#include "queue_option.h"

namespace mixtract::cli {

void add_queue_option(CLI::App& sub, std::string& url) {
  sub.add_option("--queue", url,
                 "The job queue: redis://HOST[:PORT]/STREAM, e.g. redis://10.0.0.5:6379/scans (Redis 6.2 or "
                 "later; the stream and its keys are created when missing)")
      ->envname("MIXTRACT_QUEUE")
      ->required();
}

}  // namespace mixtract::cli
