#include "progress.h"

#include <cmath>
#include <cstdio>

namespace mixtract::cli {
namespace {

// 75 s -> "1 min 15 s", 3720 s -> "1 h 2 min".
std::string duration_text(double seconds) {
  const long long s = std::llround(std::max(0.0, seconds));
  if (s < 60) return std::to_string(s) + " s";
  if (s < 3600) return std::to_string(s / 60) + " min " + std::to_string(s % 60) + " s";
  return std::to_string(s / 3600) + " h " + std::to_string(s % 3600 / 60) + " min";
}

// A rate with one decimal: 1.4.
std::string rate_text(double rate) {
  char text[32];
  std::snprintf(text, sizeof text, "%.1f", rate);
  return text;
}

}  // namespace

Progress::Progress(std::size_t total, std::ostream& out, bool terminal, std::chrono::seconds every, Clock clock)
    : total_(total), out_(out), terminal_(terminal), every_(every), clock_(std::move(clock)) {
  start_ = last_shown_ = clock_();
}

void Progress::advance(bool failed) {
  ++done_;
  if (failed) ++failed_;
  const auto now = clock_();
  const auto interval = terminal_ ? std::chrono::steady_clock::duration(std::chrono::milliseconds(200)) : every_;
  if (now - last_shown_ >= interval || (terminal_ && done_ == total_)) {
    last_shown_ = now;
    show();
  }
}

void Progress::clear() {
  if (terminal_ && shown_) out_ << "\r\033[K" << std::flush;
}

void Progress::finish() {
  if (terminal_) {
    if (shown_) out_ << "\n" << std::flush;
  } else if (shown_ && shown_done_ != done_) {
    show();
  }
}

std::string Progress::summary() const {
  std::string text = std::to_string(done_) + "/" + std::to_string(total_) + " documents";
  const double seconds = std::chrono::duration<double>(clock_() - start_).count();
  if (done_ > 0 && seconds > 0) {
    const double rate = static_cast<double>(done_) / seconds;
    text += " · " + rate_text(rate) + "/s";
    if (done_ < total_) text += " · " + duration_text(static_cast<double>(total_ - done_) / rate) + " left";
  }
  if (failed_ > 0) text += " · " + std::to_string(failed_) + " failed";
  return text;
}

void Progress::show() {
  shown_ = true;
  shown_done_ = done_;
  if (!terminal_) {
    out_ << "progress: " << summary() << "\n" << std::flush;
    return;
  }
  constexpr std::size_t kWidth = 24;
  const std::size_t filled = total_ == 0 ? kWidth : kWidth * done_ / total_;
  // \r back to the start, the bar, the text, and \033[K to clear what a longer line left.
  out_ << "\r[" << std::string(filled, '#') << std::string(kWidth - filled, '.') << "] " << summary() << "\033[K"
       << std::flush;
}

}  // namespace mixtract::cli
