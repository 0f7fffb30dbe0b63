// A persistent store of analyses (OCR results, ...) in one SQLite file, keyed by the image's content
// hash plus what produced the analysis (engine and model version), so that a second run over the same
// documents skips the slow steps. Safe to lose: it only holds results that can be computed again.
#ifndef MIXTRACT_IO_ANALYSIS_CACHE_H_
#define MIXTRACT_IO_ANALYSIS_CACHE_H_

#include <cstdint>
#include <filesystem>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "mixtract/status.h"

struct sqlite3;

namespace mixtract {

// Thread-safe.
class AnalysisCache {
 public:
  // Opens or creates the file (and its folder). When the file is not a usable cache the error names it
  // and says it may be deleted. Entries beyond max_bytes are evicted, least recently used first.
  static Result<std::unique_ptr<AnalysisCache>> open(const std::filesystem::path& file, std::uint64_t max_bytes);
  ~AnalysisCache();
  AnalysisCache(const AnalysisCache&) = delete;
  AnalysisCache& operator=(const AnalysisCache&) = delete;

  // The stored value, or nullopt. Marks the entry as recently used.
  std::optional<std::string> get(std::string_view key);
  // Stores (or replaces) a value, then evicts old entries while the total exceeds the limit.
  Status put(std::string_view key, std::string_view value);

  std::uint64_t total_bytes();
  std::uint64_t entries();
  const std::filesystem::path& file() const { return file_; }

 private:
  AnalysisCache(sqlite3* db, std::filesystem::path file, std::uint64_t max_bytes)
      : db_(db), file_(std::move(file)), max_bytes_(max_bytes) {}

  Status evict_locked();

  std::mutex mutex_;
  sqlite3* db_;
  std::filesystem::path file_;
  std::uint64_t max_bytes_;
};

}  // namespace mixtract

#endif  // MIXTRACT_IO_ANALYSIS_CACHE_H_
