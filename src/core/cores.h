// How many threads a setting of 0 means.
#ifndef MIXTRACT_CORE_CORES_H_
#define MIXTRACT_CORE_CORES_H_

#include <algorithm>
#include <thread>

namespace mixtract {

// `threads` when given (> 0), else one per core: what -j 0, --workers 0 and EngineOptions::threads 0 mean.
inline int threads_or_cores(int threads) {
  return threads > 0 ? threads : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

}  // namespace mixtract

#endif  // MIXTRACT_CORE_CORES_H_
