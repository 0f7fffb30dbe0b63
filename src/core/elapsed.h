// Wall time elapsed, the one way the code measures what it charges as a cost or reports as a timing.
#ifndef MIXTRACT_CORE_ELAPSED_H_
#define MIXTRACT_CORE_ELAPSED_H_

#include <chrono>

namespace mixtract {

// Milliseconds from `start` to now on the steady clock (never negative, unaffected by clock changes).
inline double ms_since(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace mixtract

#endif  // MIXTRACT_CORE_ELAPSED_H_
