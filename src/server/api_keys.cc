#include "server/api_keys.h"

#include <memory>

#include <sqlite3.h>

#include "core/sha256.h"
#include "io/sqlite_statement.h"
#include "server/random_id.h"

namespace mixtract::server {
namespace {

using Database = std::unique_ptr<sqlite3, decltype(&sqlite3_close)>;

Result<Database> open_keys(const std::filesystem::path& file, int flags) {
  sqlite3* db = nullptr;
  const int opened = sqlite3_open_v2(file.c_str(), &db, flags, nullptr);
  Database owned(db, &sqlite3_close);
  if (opened != SQLITE_OK) {
    return Status::io_error(file.string() + ": cannot open (" + (db ? sqlite3_errmsg(db) : "out of memory") + ")");
  }
  sqlite3_busy_timeout(db, 5000);
  char* error = nullptr;
  if (sqlite3_exec(db, "CREATE TABLE IF NOT EXISTS api_keys(sha256 TEXT PRIMARY KEY, name TEXT NOT NULL, created TEXT)",
                   nullptr, nullptr, &error) != SQLITE_OK) {
    const std::string message = error ? error : "unknown error";
    sqlite3_free(error);
    return Status::io_error(file.string() + ": not a usable key store (" + message + ")");
  }
  return owned;
}

}  // namespace

Result<std::string> add_api_key(const std::filesystem::path& file, std::string_view name) {
  if (name.empty()) return Status::invalid_argument("a key needs a name: who will use it");
  MIXTRACT_ASSIGN_OR_RETURN(const std::string random, random_hex(24));
  const std::string key = "mx_" + random;
  MIXTRACT_ASSIGN_OR_RETURN(Database db, open_keys(file, SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE));
  SqliteStatement insert(db.get(), "INSERT INTO api_keys(sha256, name, created) VALUES (?, ?, datetime('now'))");
  const std::string hash = sha256_hex(key);
  sqlite3_bind_text(insert.get(), 1, hash.data(), static_cast<int>(hash.size()), SQLITE_TRANSIENT);
  sqlite3_bind_text(insert.get(), 2, name.data(), static_cast<int>(name.size()), SQLITE_TRANSIENT);
  if (!insert.ok() || sqlite3_step(insert.get()) != SQLITE_DONE) {
    return Status::io_error(file.string() + ": cannot store the key (" + sqlite3_errmsg(db.get()) + ")");
  }
  return key;
}

Result<ApiKeys> ApiKeys::load(const std::filesystem::path& file) {
  ApiKeys keys;
  std::error_code ec;
  if (!std::filesystem::exists(file, ec)) return keys;
  MIXTRACT_ASSIGN_OR_RETURN(Database db, open_keys(file, SQLITE_OPEN_READWRITE));
  SqliteStatement select(db.get(), "SELECT sha256, name FROM api_keys");
  while (select.ok() && sqlite3_step(select.get()) == SQLITE_ROW) {
    auto text = [&](int column) {
      return std::string(reinterpret_cast<const char*>(sqlite3_column_text(select.get(), column)),
                         static_cast<std::size_t>(sqlite3_column_bytes(select.get(), column)));
    };
    keys.names_.emplace(text(0), text(1));
  }
  return keys;
}

std::optional<std::string> ApiKeys::owner(std::string_view key) const {
  auto found = names_.find(sha256_hex(key));
  if (found == names_.end()) return std::nullopt;
  return found->second;
}

}  // namespace mixtract::server
