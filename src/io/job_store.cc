#include "io/job_store.h"

#include <sqlite3.h>

#include "io/sqlite_statement.h"

namespace mixtract {
namespace {

// WAL with synchronous NORMAL: a committed row survives the process being killed. `documents` is the
// table of stores written before records carried their content hash: its records are never reused.
constexpr const char* kSchema =
    "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
    "DROP TABLE IF EXISTS documents;"
    "CREATE TABLE IF NOT EXISTS settings(fingerprint TEXT NOT NULL);"
    "CREATE TABLE IF NOT EXISTS results(source TEXT PRIMARY KEY, content_hash TEXT NOT NULL, record TEXT NOT NULL);";

Status run(sqlite3* db, const std::filesystem::path& file, const char* sql) {
  char* error = nullptr;
  if (sqlite3_exec(db, sql, nullptr, nullptr, &error) == SQLITE_OK) return Status();
  const std::string message = error != nullptr ? error : "unknown error";
  sqlite3_free(error);
  return Status::io_error(file.string() + ": " + message);
}

// The first column of the first row of `sql`, or nullopt when it gives no row.
Result<std::optional<std::string>> first_value(sqlite3* db, const std::filesystem::path& file, const char* sql) {
  SqliteStatement select(db, sql);
  const int step = select.ok() ? sqlite3_step(select.get()) : SQLITE_ERROR;
  if (step == SQLITE_DONE) return std::optional<std::string>();
  if (step != SQLITE_ROW) return Status::io_error(file.string() + ": " + sqlite3_errmsg(db));
  return std::optional<std::string>(column_text(select.get(), 0));
}

}  // namespace

Result<std::unique_ptr<JobStore>> JobStore::open(const std::filesystem::path& file, bool fresh,
                                                 std::string_view settings) {
  Result<sqlite3*> opened = open_sqlite(file, kSchema, "job store");
  if (!opened.ok()) {
    return Status::io_error(opened.status().message() + "; delete it to start the run afresh");
  }
  std::unique_ptr<JobStore> store(new JobStore(*opened, file));
  sqlite3* db = store->db_;
  MIXTRACT_ASSIGN_OR_RETURN(const std::optional<std::string> stored_settings,
                            first_value(db, file, "SELECT fingerprint FROM settings"));
  MIXTRACT_ASSIGN_OR_RETURN(const std::optional<std::string> any_result,
                            first_value(db, file, "SELECT source FROM results LIMIT 1"));
  const bool other_settings = stored_settings.value_or("") != settings;
  store->emptied_for_other_settings_ = !fresh && other_settings && any_result.has_value();
  if (fresh || other_settings) {
    MIXTRACT_RETURN_IF_ERROR(run(db, file, "BEGIN; DELETE FROM results; DELETE FROM settings;"));
    SqliteStatement insert(db, "INSERT INTO settings(fingerprint) VALUES (?)");
    if (insert.ok()) bind_text(insert.get(), 1, settings);
    if (!insert.ok() || sqlite3_step(insert.get()) != SQLITE_DONE) {
      return Status::io_error(file.string() + ": " + sqlite3_errmsg(db));
    }
    MIXTRACT_RETURN_IF_ERROR(run(db, file, "COMMIT;"));
  }
  return store;
}

JobStore::~JobStore() {
  sqlite3_close(db_);
}

Result<std::optional<std::string>> JobStore::done(std::string_view source) const {
  SqliteStatement select(db_, "SELECT record FROM results WHERE source = ?");
  if (!select.ok()) return Status::io_error(file_.string() + ": " + sqlite3_errmsg(db_));
  bind_text(select.get(), 1, source);
  const int step = sqlite3_step(select.get());
  if (step == SQLITE_DONE) return std::optional<std::string>();
  if (step != SQLITE_ROW) return Status::io_error(file_.string() + ": " + sqlite3_errmsg(db_));
  return std::optional<std::string>(column_text(select.get(), 0));
}

Result<bool> JobStore::holds(std::string_view source, std::string_view content_hash) const {
  if (content_hash.empty()) return false;  // Unreadable now: read (and fail) again.
  SqliteStatement select(db_, "SELECT content_hash FROM results WHERE source = ?");
  if (!select.ok()) return Status::io_error(file_.string() + ": " + sqlite3_errmsg(db_));
  bind_text(select.get(), 1, source);
  const int step = sqlite3_step(select.get());
  if (step == SQLITE_DONE) return false;
  if (step != SQLITE_ROW) return Status::io_error(file_.string() + ": " + sqlite3_errmsg(db_));
  return content_hash == column_text(select.get(), 0);
}

Status JobStore::put(std::string_view source, std::string_view content_hash, std::string_view record_json) {
  SqliteStatement insert(db_, "INSERT OR REPLACE INTO results(source, content_hash, record) VALUES (?, ?, ?)");
  if (!insert.ok()) return Status::io_error(file_.string() + ": " + sqlite3_errmsg(db_));
  bind_text(insert.get(), 1, source);
  bind_text(insert.get(), 2, content_hash);
  bind_text(insert.get(), 3, record_json);
  if (sqlite3_step(insert.get()) != SQLITE_DONE) {
    return Status::io_error(file_.string() + ": cannot store the result of " + std::string(source) + " (" +
                            sqlite3_errmsg(db_) + ")");
  }
  return Status();
}

}  // namespace mixtract
