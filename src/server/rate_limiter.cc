#include "server/rate_limiter.h"

#include <algorithm>
#include <cmath>

namespace mixtract::server {

bool RateLimiter::allow(const std::string& key, Clock::time_point now, int& retry_after) {
  retry_after = 0;
  if (per_minute_ <= 0) return true;
  const double capacity = per_minute_;
  const double per_second = capacity / 60.0;
  std::lock_guard lock(mutex_);
  auto [bucket, fresh] = buckets_.try_emplace(key, Bucket{capacity, now});
  Bucket& b = bucket->second;
  if (!fresh) {
    const double elapsed = std::chrono::duration<double>(now - b.updated).count();
    b.tokens = std::min(capacity, b.tokens + std::max(0.0, elapsed) * per_second);
    b.updated = now;
  }
  if (b.tokens >= 1) {
    b.tokens -= 1;
    return true;
  }
  retry_after = static_cast<int>(std::ceil((1 - b.tokens) / per_second));
  return false;
}

}  // namespace mixtract::server
