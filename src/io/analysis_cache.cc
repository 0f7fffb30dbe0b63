#include "io/analysis_cache.h"

#include <chrono>

#include <sqlite3.h>

#include "io/sqlite_statement.h"

namespace mixtract {
namespace {

std::int64_t now_us() {
  return std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::system_clock::now().time_since_epoch())
      .count();
}

}  // namespace

Result<std::unique_ptr<AnalysisCache>> AnalysisCache::open(const std::filesystem::path& file, std::uint64_t max_bytes) {
  std::error_code ec;
  if (file.has_parent_path()) std::filesystem::create_directories(file.parent_path(), ec);
  sqlite3* db = nullptr;
  const std::string hint = "; it only holds results that can be computed again: delete it, or run with --no-cache";
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_FULLMUTEX, nullptr) !=
      SQLITE_OK) {
    const std::string message = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::unavailable(file.string() + ": cannot open the analysis cache (" + message + ")" + hint);
  }
  sqlite3_busy_timeout(db, 5000);
  const char* schema =
      "PRAGMA journal_mode=WAL;"
      "CREATE TABLE IF NOT EXISTS analyses(key TEXT PRIMARY KEY, value BLOB NOT NULL, bytes INTEGER NOT NULL, "
      "last_used INTEGER NOT NULL);"
      "CREATE INDEX IF NOT EXISTS analyses_by_use ON analyses(last_used);";
  char* error = nullptr;
  if (sqlite3_exec(db, schema, nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error != nullptr ? error : "unknown error";
    sqlite3_free(error);
    sqlite3_close(db);
    return Status::unavailable(file.string() + ": not a usable analysis cache (" + message + ")" + hint);
  }
  return std::unique_ptr<AnalysisCache>(new AnalysisCache(db, file, max_bytes));
}

AnalysisCache::~AnalysisCache() {
  sqlite3_close(db_);
}

std::optional<std::string> AnalysisCache::get(std::string_view key) {
  std::lock_guard<std::mutex> lock(mutex_);
  SqliteStatement select(db_, "SELECT value FROM analyses WHERE key = ?");
  if (!select.ok()) return std::nullopt;
  sqlite3_bind_text(select.get(), 1, key.data(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
  if (sqlite3_step(select.get()) != SQLITE_ROW) return std::nullopt;
  const auto* data = static_cast<const char*>(sqlite3_column_blob(select.get(), 0));
  std::string value(data != nullptr ? data : "", static_cast<std::size_t>(sqlite3_column_bytes(select.get(), 0)));
  SqliteStatement touch(db_, "UPDATE analyses SET last_used = ? WHERE key = ?");
  if (touch.ok()) {
    sqlite3_bind_int64(touch.get(), 1, now_us());
    sqlite3_bind_text(touch.get(), 2, key.data(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
    sqlite3_step(touch.get());
  }
  return value;
}

Status AnalysisCache::put(std::string_view key, std::string_view value) {
  std::lock_guard<std::mutex> lock(mutex_);
  SqliteStatement insert(db_, "INSERT OR REPLACE INTO analyses(key, value, bytes, last_used) VALUES (?, ?, ?, ?)");
  if (!insert.ok()) return Status::io_error(file_.string() + ": " + sqlite3_errmsg(db_));
  sqlite3_bind_text(insert.get(), 1, key.data(), static_cast<int>(key.size()), SQLITE_TRANSIENT);
  sqlite3_bind_blob(insert.get(), 2, value.data(), static_cast<int>(value.size()), SQLITE_TRANSIENT);
  sqlite3_bind_int64(insert.get(), 3, static_cast<sqlite3_int64>(value.size()));
  sqlite3_bind_int64(insert.get(), 4, now_us());
  if (sqlite3_step(insert.get()) != SQLITE_DONE) {
    return Status::io_error(file_.string() + ": cannot store an analysis: " + sqlite3_errmsg(db_));
  }
  return evict_locked();
}

Status AnalysisCache::evict_locked() {
  SqliteStatement total(db_, "SELECT COALESCE(SUM(bytes), 0) FROM analyses");
  if (!total.ok() || sqlite3_step(total.get()) != SQLITE_ROW)
    return Status::io_error(file_.string() + ": " + sqlite3_errmsg(db_));
  std::int64_t bytes = sqlite3_column_int64(total.get(), 0);
  while (static_cast<std::uint64_t>(bytes) > max_bytes_) {
    SqliteStatement oldest(db_, "SELECT key, bytes FROM analyses ORDER BY last_used ASC LIMIT 1");
    if (!oldest.ok() || sqlite3_step(oldest.get()) != SQLITE_ROW) break;
    const std::string key(reinterpret_cast<const char*>(sqlite3_column_text(oldest.get(), 0)));
    bytes -= sqlite3_column_int64(oldest.get(), 1);
    SqliteStatement remove(db_, "DELETE FROM analyses WHERE key = ?");
    if (!remove.ok()) break;
    sqlite3_bind_text(remove.get(), 1, key.c_str(), -1, SQLITE_TRANSIENT);
    if (sqlite3_step(remove.get()) != SQLITE_DONE) return Status::io_error(file_.string() + ": cannot evict");
  }
  return Status();
}

std::uint64_t AnalysisCache::total_bytes() {
  std::lock_guard<std::mutex> lock(mutex_);
  SqliteStatement total(db_, "SELECT COALESCE(SUM(bytes), 0) FROM analyses");
  return total.ok() && sqlite3_step(total.get()) == SQLITE_ROW
             ? static_cast<std::uint64_t>(sqlite3_column_int64(total.get(), 0))
             : 0;
}

std::uint64_t AnalysisCache::entries() {
  std::lock_guard<std::mutex> lock(mutex_);
  SqliteStatement count(db_, "SELECT COUNT(*) FROM analyses");
  return count.ok() && sqlite3_step(count.get()) == SQLITE_ROW
             ? static_cast<std::uint64_t>(sqlite3_column_int64(count.get(), 0))
             : 0;
}

}  // namespace mixtract
