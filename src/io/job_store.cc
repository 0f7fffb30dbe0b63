#include "mixtract/job_store.h"

#include <sqlite3.h>

#include "io/sqlite_statement.h"

namespace mixtract {

Result<std::unique_ptr<JobStore>> JobStore::open(const std::filesystem::path& file, bool fresh) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    const std::string message = db != nullptr ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::io_error(file.string() + ": cannot open the job store (" + message + ")");
  }
  sqlite3_busy_timeout(db, 5000);
  // WAL with synchronous NORMAL: a committed row survives the process being killed.
  std::string sql =
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
      "CREATE TABLE IF NOT EXISTS documents(source TEXT PRIMARY KEY, record TEXT NOT NULL);";
  if (fresh) sql += "DELETE FROM documents;";
  char* error = nullptr;
  if (sqlite3_exec(db, sql.c_str(), nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error != nullptr ? error : "unknown error";
    sqlite3_free(error);
    sqlite3_close(db);
    return Status::io_error(file.string() + ": not a usable job store (" + message +
                            "); delete it to start the run afresh");
  }
  return std::unique_ptr<JobStore>(new JobStore(db, file));
}

JobStore::~JobStore() {
  sqlite3_close(db_);
}

Result<std::optional<std::string>> JobStore::done(std::string_view source) const {
  SqliteStatement select(db_, "SELECT record FROM documents WHERE source = ?");
  if (!select.ok()) return Status::io_error(file_.string() + ": " + sqlite3_errmsg(db_));
  sqlite3_bind_text(select.get(), 1, source.data(), static_cast<int>(source.size()), SQLITE_TRANSIENT);
  const int step = sqlite3_step(select.get());
  if (step == SQLITE_DONE) return std::optional<std::string>();
  if (step != SQLITE_ROW) return Status::io_error(file_.string() + ": " + sqlite3_errmsg(db_));
  const auto* text = reinterpret_cast<const char*>(sqlite3_column_text(select.get(), 0));
  return std::optional<std::string>(std::string(text, static_cast<std::size_t>(sqlite3_column_bytes(select.get(), 0))));
}

Result<bool> JobStore::contains(std::string_view source) const {
  SqliteStatement select(db_, "SELECT 1 FROM documents WHERE source = ?");
  if (!select.ok()) return Status::io_error(file_.string() + ": " + sqlite3_errmsg(db_));
  sqlite3_bind_text(select.get(), 1, source.data(), static_cast<int>(source.size()), SQLITE_TRANSIENT);
  const int step = sqlite3_step(select.get());
  if (step != SQLITE_ROW && step != SQLITE_DONE) return Status::io_error(file_.string() + ": " + sqlite3_errmsg(db_));
  return step == SQLITE_ROW;
}

Status JobStore::put(std::string_view source, std::string_view record_json) {
  SqliteStatement insert(db_, "INSERT OR REPLACE INTO documents(source, record) VALUES (?, ?)");
  if (!insert.ok()) return Status::io_error(file_.string() + ": " + sqlite3_errmsg(db_));
  sqlite3_bind_text(insert.get(), 1, source.data(), static_cast<int>(source.size()), SQLITE_TRANSIENT);
  sqlite3_bind_text(insert.get(), 2, record_json.data(), static_cast<int>(record_json.size()), SQLITE_TRANSIENT);
  if (sqlite3_step(insert.get()) != SQLITE_DONE) {
    return Status::io_error(file_.string() + ": cannot store the result of " + std::string(source) + " (" +
                            sqlite3_errmsg(db_) + ")");
  }
  return Status();
}

}  // namespace mixtract
