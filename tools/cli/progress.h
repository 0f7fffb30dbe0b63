// The progress of a batch on stderr: on a terminal one line redrawn in place (a bar, documents/s, time
// left, failures so far); otherwise a plain line now and then, for logs.
#ifndef MIXTRACT_TOOLS_CLI_PROGRESS_H_
#define MIXTRACT_TOOLS_CLI_PROGRESS_H_

#include <chrono>
#include <cstddef>
#include <functional>
#include <ostream>
#include <string>

namespace mixtract::cli {

class Progress {
 public:
  using Clock = std::function<std::chrono::steady_clock::time_point()>;

  // `total` documents to do; `terminal`: redraw one line, else a line every `every`. The clock is for
  // tests.
  Progress(std::size_t total, std::ostream& out, bool terminal, std::chrono::seconds every = std::chrono::seconds(30),
           Clock clock = std::chrono::steady_clock::now);

  // One more document done; `failed` when it could not be extracted.
  void advance(bool failed);
  // Clears the line on a terminal, so that a message can be written; the next advance() redraws it.
  void clear();
  // Ends the line on a terminal; a last plain line otherwise, when any was written.
  void finish();

  // "12/40 documents · 1.4/s · 20 s left · 1 failed": the text of a line (without the bar).
  std::string summary() const;

 private:
  void show();

  std::size_t total_;
  std::ostream& out_;
  bool terminal_;
  std::chrono::steady_clock::duration every_;
  Clock clock_;
  std::chrono::steady_clock::time_point start_;
  std::chrono::steady_clock::time_point last_shown_;
  std::size_t done_ = 0;
  std::size_t failed_ = 0;
  bool shown_ = false;
  std::size_t shown_done_ = 0;  // done_ when a line was last shown.
};

}  // namespace mixtract::cli

#endif  // MIXTRACT_TOOLS_CLI_PROGRESS_H_
