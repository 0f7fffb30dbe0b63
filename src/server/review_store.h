// The review queue of the HTTP service, in its SQLite state file: each extracted document with fields
// not accepted (needs_review or missing) is kept with its record and its page (as JPEG, the pixels the
// boxes refer to), and people's decisions on those fields (accept the value, or edit it) are kept with
// who made them and when. Every decision is kept; the latest for a field counts. Each document belongs
// to the key holder that sent it: the reading methods take `owner`, the holder whose documents are
// seen (nullopt: everyone's, for an admin).
// Thread safety: every method may be called from any thread (one connection, serialised).
#ifndef MIXTRACT_SERVER_REVIEW_STORE_H_
#define MIXTRACT_SERVER_REVIEW_STORE_H_

#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <vector>

#include "mixtract/document.h"
#include "mixtract/record.h"
#include "mixtract/status.h"

struct sqlite3;

namespace mixtract::server {

struct Correction {
  std::string action;  // "accept" or "edit"
  std::string value;   // the value accepted or entered
  std::string who;
  std::string at;  // UTC, "YYYY-MM-DD HH:MM:SS"
};

struct ReviewDocument {
  std::int64_t id = 0;
  std::string owner;  // Who sent it: the key holder's name.
  std::string source;
  std::string schema;
  std::string created;
  std::string record_json;                        // record_to_json's text
  std::vector<std::string> to_review;             // the fields not accepted by the engine
  std::map<std::string, Correction> corrections;  // field -> the latest decision
  std::size_t pending() const;                    // fields of to_review without a decision
};

class ReviewStore {
 public:
  static Result<std::unique_ptr<ReviewStore>> open(const std::filesystem::path& file);
  ~ReviewStore();
  ReviewStore(const ReviewStore&) = delete;
  ReviewStore& operator=(const ReviewStore&) = delete;

  using Owner = std::optional<std::string>;

  // Keeps the document `owner` sent when some field is not accepted; returns its id, or nullopt when
  // all were.
  Result<std::optional<std::int64_t>> add(const Record& record, const Document& page, const std::string& owner);

  // The documents with fields still pending, oldest first (without their records' text).
  Result<std::vector<ReviewDocument>> queue(const Owner& owner) const;
  // One document with its record and decisions; nullopt when there is none of that id (for `owner`).
  Result<std::optional<ReviewDocument>> document(std::int64_t id, const Owner& owner) const;
  // Every document (for export), with records and decisions.
  Result<std::vector<ReviewDocument>> all() const;
  // The page as JPEG; nullopt when there is no such document (for `owner`).
  Result<std::optional<std::string>> page(std::int64_t id, const Owner& owner) const;

  // Records `who`'s decision on a document of `owner`; accepting with an empty value accepts the
  // engine's. Errors: no such document or field (kNotFound), an action other than accept or edit, an
  // empty edited value (kInvalidArgument).
  Status decide(std::int64_t id, const Owner& owner, const std::string& field, const std::string& action,
                const std::string& value, const std::string& who);

  // Deletes the documents (pages, records, decisions) kept more than `days` days; returns how many.
  Result<std::size_t> delete_older_than(int days);

 private:
  ReviewStore(sqlite3* db, std::filesystem::path file) : db_(db), file_(std::move(file)) {}
  Result<std::vector<ReviewDocument>> select(std::optional<std::int64_t> id, const Owner& owner,
                                             bool with_records) const;

  sqlite3* db_;
  std::filesystem::path file_;
  mutable std::mutex mutex_;
};

}  // namespace mixtract::server

#endif  // MIXTRACT_SERVER_REVIEW_STORE_H_
