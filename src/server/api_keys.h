// API keys of the HTTP service. A key is shown once, when it is made; only its SHA-256 is kept (in the
// service's SQLite file), so a copy of the file gives no key away.
#ifndef MIXTRACT_SERVER_API_KEYS_H_
#define MIXTRACT_SERVER_API_KEYS_H_

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>

#include "mixtract/status.h"

namespace mixtract::server {

// Makes a key for `name` (who uses it: a person or a system), stores its hash in `file` (created when
// missing) and returns the key: "mx_" and 48 hex digits from the system's random source. What a key
// sends (review pages, jobs) belongs to its name; an admin key sees every name's.
Result<std::string> add_api_key(const std::filesystem::path& file, std::string_view name, bool admin = false);

// Who holds a key.
struct KeyHolder {
  std::string name;
  bool admin = false;
};

class ApiKeys {
 public:
  // The keys stored in `file`; a missing file holds none.
  static Result<ApiKeys> load(const std::filesystem::path& file);

  // Who holds the key, or nullopt when it is not one of the keys. Thread safety: const, safe.
  std::optional<KeyHolder> holder(std::string_view key) const;
  std::size_t size() const { return holders_.size(); }

 private:
  std::map<std::string, KeyHolder, std::less<>> holders_;  // SHA-256 hex -> holder
};

}  // namespace mixtract::server

#endif  // MIXTRACT_SERVER_API_KEYS_H_
