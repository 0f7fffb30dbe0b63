// Requests per minute per API key: a token bucket per key, holding at most a minute's requests, refilled
// continuously. Thread-safe.
#ifndef MIXTRACT_SERVER_RATE_LIMITER_H_
#define MIXTRACT_SERVER_RATE_LIMITER_H_

#include <chrono>
#include <map>
#include <mutex>
#include <string>

namespace mixtract::server {

class RateLimiter {
 public:
  using Clock = std::chrono::steady_clock;

  // 0 = no limit.
  explicit RateLimiter(int per_minute) : per_minute_(per_minute) {}

  // True when `key` may make a request at `now` (and counts it); otherwise false, with the seconds until
  // it may in `retry_after`.
  bool allow(const std::string& key, Clock::time_point now, int& retry_after);

 private:
  struct Bucket {
    double tokens = 0;
    Clock::time_point updated;
  };
  int per_minute_;
  std::mutex mutex_;
  std::map<std::string, Bucket> buckets_;
};

}  // namespace mixtract::server

#endif  // MIXTRACT_SERVER_RATE_LIMITER_H_
