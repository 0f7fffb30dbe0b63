#include "server/api_keys.h"

#include <memory>

#include <sqlite3.h>

#include "core/sha256.h"
#include "io/sqlite_statement.h"
#include "server/random_id.h"

namespace mixtract::server {
namespace {

using Database = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;

Result<Database> open_keys(const std::filesystem::path& file) {
  MIXTRACT_ASSIGN_OR_RETURN(
      sqlite3 * db,
      open_sqlite(file,
                  "CREATE TABLE IF NOT EXISTS api_keys(sha256 TEXT PRIMARY KEY, name TEXT NOT NULL, created TEXT,"
                  " admin INTEGER NOT NULL DEFAULT 0)",
                  "key store"));
  Database database(db, &sqlite3_close);
  MIXTRACT_RETURN_IF_ERROR(add_column_if_missing(db, file, "api_keys", "admin", "INTEGER NOT NULL DEFAULT 0"));
  return database;
}

}  // namespace

Result<std::string> add_api_key(const std::filesystem::path& file, std::string_view name, bool admin) {
  if (name.empty()) return Status::invalid_argument("a key needs a name: who will use it");
  MIXTRACT_ASSIGN_OR_RETURN(const std::string random, random_hex(24));
  const std::string key = "mx_" + random;
  MIXTRACT_ASSIGN_OR_RETURN(Database db, open_keys(file));
  SqliteStatement insert(db.get(),
                         "INSERT INTO api_keys(sha256, name, created, admin) VALUES (?, ?, datetime('now'), ?)");
  const std::string hash = sha256_hex(key);
  bind_text(insert.get(), 1, hash);
  bind_text(insert.get(), 2, name);
  sqlite3_bind_int(insert.get(), 3, admin ? 1 : 0);
  if (!insert.ok() || sqlite3_step(insert.get()) != SQLITE_DONE) {
    return Status::io_error(file.string() + ": cannot store the key (" + sqlite3_errmsg(db.get()) + ")");
  }
  return key;
}

Result<ApiKeys> ApiKeys::load(const std::filesystem::path& file) {
  ApiKeys keys;
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return keys;
  MIXTRACT_ASSIGN_OR_RETURN(Database db, open_keys(file));
  SqliteStatement select(db.get(), "SELECT sha256, name, admin FROM api_keys");
  while (select.ok() && sqlite3_step(select.get()) == SQLITE_ROW) {
    keys.holders_.emplace(column_text(select.get(), 0),
                          KeyHolder{column_text(select.get(), 1), sqlite3_column_int(select.get(), 2) != 0});
  }
  return keys;
}

std::optional<KeyHolder> ApiKeys::holder(std::string_view key) const {
  auto found = holders_.find(sha256_hex(key));
  if (found == holders_.end()) return std::nullopt;
  return found->second;
}

}  // namespace mixtract::server
