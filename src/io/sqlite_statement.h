// A prepared SQLite statement, finalised on scope exit, and the small helpers the stores share.
#ifndef MIXTRACT_IO_SQLITE_STATEMENT_H_
#define MIXTRACT_IO_SQLITE_STATEMENT_H_

#include <filesystem>
#include <string>
#include <string_view>

#include <sqlite3.h>

#include "mixtract/status.h"

namespace mixtract {

class SqliteStatement {
 public:
  SqliteStatement(sqlite3* db, const char* sql) { sqlite3_prepare_v2(db, sql, -1, &statement_, nullptr); }
  ~SqliteStatement() { sqlite3_finalize(statement_); }
  SqliteStatement(const SqliteStatement&) = delete;
  SqliteStatement& operator=(const SqliteStatement&) = delete;
  sqlite3_stmt* get() const { return statement_; }
  bool ok() const { return statement_ != nullptr; }

 private:
  sqlite3_stmt* statement_ = nullptr;
};

// Binds `text` (copied) to parameter `index` (from 1).
inline void bind_text(sqlite3_stmt* statement, int index, std::string_view text) {
  sqlite3_bind_text(statement, index, text.data(), static_cast<int>(text.size()), SQLITE_TRANSIENT);
}

// Column `column` of the current row as bytes (text or blob); "" for NULL.
inline std::string column_text(sqlite3_stmt* statement, int column) {
  const auto* bytes = static_cast<const char*>(sqlite3_column_blob(statement, column));
  return bytes ? std::string(bytes, static_cast<std::size_t>(sqlite3_column_bytes(statement, column))) : std::string();
}

// Opens (creating it when missing) `file` with a 5 s busy timeout and runs `schema_sql` (CREATE ... IF NOT
// EXISTS). Errors name the file and `what` it was to be ("review store"). The caller closes it.
inline Result<sqlite3*> open_sqlite(const std::filesystem::path& file, const char* schema_sql, std::string_view what) {
  sqlite3* db = nullptr;
  if (sqlite3_open_v2(file.c_str(), &db, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE, nullptr) != SQLITE_OK) {
    const std::string message = db ? sqlite3_errmsg(db) : "out of memory";
    sqlite3_close(db);
    return Status::io_error(file.string() + ": cannot open the " + std::string(what) + " (" + message + ")");
  }
  sqlite3_busy_timeout(db, 5000);
  char* error = nullptr;
  if (sqlite3_exec(db, schema_sql, nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    sqlite3_close(db);
    return Status::io_error(file.string() + ": not a usable " + std::string(what) + " (" + message + ")");
  }
  return db;
}

// Deletes the rows of `table` created (column `created`, SQLite datetime text) more than `days` days
// ago, and first the rows of `child_table` whose `child_column` names one of them by `id`. Returns how
// many rows of `table` went; errors name the file and `what` was to be deleted.
inline Result<std::size_t> delete_older_than(sqlite3* db, const std::filesystem::path& file, std::string_view table,
                                             std::string_view child_table, std::string_view child_column, int days,
                                             std::string_view what) {
  const std::string from_old = " FROM " + std::string(table) + " WHERE created < datetime('now', ?1)";
  const std::string children = "DELETE FROM " + std::string(child_table) + " WHERE " + std::string(child_column) +
                               " IN (SELECT id" + from_old + ")";
  const std::string parents = "DELETE" + from_old;
  const std::string cutoff = std::to_string(-days) + " days";  // "-30 days"
  for (const std::string& sql : {children, parents}) {
    SqliteStatement statement(db, sql.c_str());
    if (statement.ok()) bind_text(statement.get(), 1, cutoff);
    if (!statement.ok() || sqlite3_step(statement.get()) != SQLITE_DONE) {
      return Status::io_error(file.string() + ": cannot delete old " + std::string(what) + " (" + sqlite3_errmsg(db) +
                              ")");
    }
  }
  return static_cast<std::size_t>(sqlite3_changes(db));
}

// Adds `column` (with its SQL `definition`, which needs a default) to `table` when a file written by
// an earlier version lacks it.
inline Status add_column_if_missing(sqlite3* db, const std::filesystem::path& file, std::string_view table,
                                    std::string_view column, std::string_view definition) {
  const std::string columns = "PRAGMA table_info(" + std::string(table) + ")";
  SqliteStatement info(db, columns.c_str());
  while (info.ok() && sqlite3_step(info.get()) == SQLITE_ROW) {
    if (column_text(info.get(), 1) == column) return Status();
  }
  const std::string alter =
      "ALTER TABLE " + std::string(table) + " ADD COLUMN " + std::string(column) + " " + std::string(definition);
  if (sqlite3_exec(db, alter.c_str(), nullptr, nullptr, nullptr) != SQLITE_OK) {
    return Status::io_error(file.string() + ": cannot add column " + std::string(column) + " to " + std::string(table) +
                            " (" + sqlite3_errmsg(db) + ")");
  }
  return Status();
}

}  // namespace mixtract

#endif  // MIXTRACT_IO_SQLITE_STATEMENT_H_
