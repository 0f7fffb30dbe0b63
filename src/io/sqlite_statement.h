// A prepared SQLite statement, finalised on scope exit.
#ifndef MIXTRACT_IO_SQLITE_STATEMENT_H_
#define MIXTRACT_IO_SQLITE_STATEMENT_H_

#include <sqlite3.h>

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

}  // namespace mixtract

#endif  // MIXTRACT_IO_SQLITE_STATEMENT_H_
