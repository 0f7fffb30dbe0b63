#include "server/review_store.h"

#include <algorithm>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>
#include <sqlite3.h>

#include "io/sqlite_statement.h"
#include "mixtract/writers.h"

namespace mixtract::server {
std::size_t ReviewDocument::pending() const {
  return static_cast<std::size_t>(std::count_if(to_review.begin(), to_review.end(),
                                                [&](const std::string& f) { return !corrections.contains(f); }));
}

Result<std::unique_ptr<ReviewStore>> ReviewStore::open(const std::filesystem::path& file) {
  const char* schema =
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
      "CREATE TABLE IF NOT EXISTS review_documents(id INTEGER PRIMARY KEY AUTOINCREMENT, source TEXT NOT NULL,"
      " schema TEXT NOT NULL, created TEXT NOT NULL, record TEXT NOT NULL, to_review TEXT NOT NULL,"
      " page BLOB NOT NULL, owner TEXT NOT NULL DEFAULT '');"
      "CREATE TABLE IF NOT EXISTS review_decisions(id INTEGER PRIMARY KEY AUTOINCREMENT, document INTEGER NOT NULL"
      " REFERENCES review_documents(id), field TEXT NOT NULL, action TEXT NOT NULL, value TEXT NOT NULL,"
      " who TEXT NOT NULL, at TEXT NOT NULL);"
      "CREATE INDEX IF NOT EXISTS review_decisions_document ON review_decisions(document);";
  MIXTRACT_ASSIGN_OR_RETURN(sqlite3 * db, open_sqlite(file, schema, "review store"));
  std::unique_ptr<ReviewStore> store(new ReviewStore(db, file));
  // Documents kept before they had owners are seen by admins only.
  MIXTRACT_RETURN_IF_ERROR(add_column_if_missing(db, file, "review_documents", "owner", "TEXT NOT NULL DEFAULT ''"));
  return store;
}

ReviewStore::~ReviewStore() {
  sqlite3_close(db_);
}

Result<std::optional<std::int64_t>> ReviewStore::add(const Record& record, const Document& page,
                                                     const std::string& owner) {
  nlohmann::json to_review = nlohmann::json::array();
  for (const FieldResult& f : record.fields) {
    if (f.status != FieldStatus::kAccepted) to_review.push_back(f.field);
  }
  if (to_review.empty()) return std::optional<std::int64_t>();
  std::vector<unsigned char> jpeg;
  if (!cv::imencode(".jpg", page.image(), jpeg, {cv::IMWRITE_JPEG_QUALITY, 90})) {
    return Status::internal("cannot encode the page of " + record.source + " for review");
  }
  const std::string record_text = record_to_json_line(record);
  std::lock_guard lock(mutex_);
  SqliteStatement insert(db_,
                         "INSERT INTO review_documents(source, schema, created, record, to_review, page, owner)"
                         " VALUES (?, ?, datetime('now'), ?, ?, ?, ?)");
  bind_text(insert.get(), 1, record.source);
  bind_text(insert.get(), 2, record.schema);
  bind_text(insert.get(), 3, record_text);
  bind_text(insert.get(), 4, to_review.dump());
  sqlite3_bind_blob(insert.get(), 5, jpeg.data(), static_cast<int>(jpeg.size()), SQLITE_TRANSIENT);
  bind_text(insert.get(), 6, owner);
  if (!insert.ok() || sqlite3_step(insert.get()) != SQLITE_DONE) {
    return Status::io_error(file_.string() + ": cannot keep the document for review (" + sqlite3_errmsg(db_) + ")");
  }
  return std::optional<std::int64_t>(sqlite3_last_insert_rowid(db_));
}

Result<std::vector<ReviewDocument>> ReviewStore::select(std::optional<std::int64_t> id, const Owner& owner,
                                                        bool with_records) const {
  std::lock_guard lock(mutex_);
  // ?1 the id, ?2 the owner; NULL = any.
  const std::string sql = "SELECT id, owner, source, schema, created, to_review" +
                          std::string(with_records ? ", record" : "") +
                          " FROM review_documents WHERE (?1 IS NULL OR id = ?1) AND (?2 IS NULL OR owner = ?2)"
                          " ORDER BY id";
  SqliteStatement documents(db_, sql.c_str());
  if (!documents.ok()) return Status::io_error(file_.string() + ": " + sqlite3_errmsg(db_));
  if (id) sqlite3_bind_int64(documents.get(), 1, *id);
  if (owner) bind_text(documents.get(), 2, *owner);
  std::vector<ReviewDocument> out;
  std::map<std::int64_t, std::size_t> index;
  while (sqlite3_step(documents.get()) == SQLITE_ROW) {
    ReviewDocument d;
    d.id = sqlite3_column_int64(documents.get(), 0);
    d.owner = column_text(documents.get(), 1);
    d.source = column_text(documents.get(), 2);
    d.schema = column_text(documents.get(), 3);
    d.created = column_text(documents.get(), 4);
    const nlohmann::json fields = nlohmann::json::parse(column_text(documents.get(), 5), nullptr, false);
    if (fields.is_array()) {
      for (const nlohmann::json& f : fields) {
        if (f.is_string()) d.to_review.push_back(f.get<std::string>());
      }
    }
    if (with_records) d.record_json = column_text(documents.get(), 6);
    index[d.id] = out.size();
    out.push_back(std::move(d));
  }
  SqliteStatement decisions(db_,
                            "SELECT document, field, action, value, who, at FROM review_decisions"
                            " WHERE ?1 IS NULL OR document = ?1 ORDER BY id");
  if (!decisions.ok()) return Status::io_error(file_.string() + ": " + sqlite3_errmsg(db_));
  if (id) sqlite3_bind_int64(decisions.get(), 1, *id);
  while (sqlite3_step(decisions.get()) == SQLITE_ROW) {
    auto found = index.find(sqlite3_column_int64(decisions.get(), 0));
    if (found == index.end()) continue;
    out[found->second].corrections[column_text(decisions.get(), 1)] =
        Correction{column_text(decisions.get(), 2), column_text(decisions.get(), 3), column_text(decisions.get(), 4),
                   column_text(decisions.get(), 5)};
  }
  return out;
}

Result<std::vector<ReviewDocument>> ReviewStore::queue(const Owner& owner) const {
  MIXTRACT_ASSIGN_OR_RETURN(std::vector<ReviewDocument> documents, select(std::nullopt, owner, false));
  std::erase_if(documents, [](const ReviewDocument& d) { return d.pending() == 0; });
  return documents;
}

Result<std::optional<ReviewDocument>> ReviewStore::document(std::int64_t id, const Owner& owner) const {
  MIXTRACT_ASSIGN_OR_RETURN(std::vector<ReviewDocument> documents, select(id, owner, true));
  if (documents.empty()) return std::optional<ReviewDocument>();
  return std::optional<ReviewDocument>(std::move(documents.front()));
}

Result<std::vector<ReviewDocument>> ReviewStore::all() const {
  return select(std::nullopt, std::nullopt, true);
}

Result<std::optional<std::string>> ReviewStore::page(std::int64_t id, const Owner& owner) const {
  std::lock_guard lock(mutex_);
  SqliteStatement select_page(db_, "SELECT page FROM review_documents WHERE id = ?1 AND (?2 IS NULL OR owner = ?2)");
  if (!select_page.ok()) return Status::io_error(file_.string() + ": " + sqlite3_errmsg(db_));
  sqlite3_bind_int64(select_page.get(), 1, id);
  if (owner) bind_text(select_page.get(), 2, *owner);
  if (sqlite3_step(select_page.get()) != SQLITE_ROW) return std::optional<std::string>();
  const auto* bytes = static_cast<const char*>(sqlite3_column_blob(select_page.get(), 0));
  return std::optional<std::string>(
      std::string(bytes, static_cast<std::size_t>(sqlite3_column_bytes(select_page.get(), 0))));
}

Status ReviewStore::decide(std::int64_t id, const Owner& owner, const std::string& field, const std::string& action,
                           const std::string& value, const std::string& who) {
  if (action != "accept" && action != "edit") {
    return Status::invalid_argument("action '" + action + "': use accept or edit");
  }
  if (action == "edit" && value.empty()) return Status::invalid_argument("an edit needs the new value");
  MIXTRACT_ASSIGN_OR_RETURN(std::optional<ReviewDocument> document, this->document(id, owner));
  if (!document) return Status::not_found("no document " + std::to_string(id) + " in the review queue");
  const nlohmann::json record = nlohmann::json::parse(document->record_json, nullptr, false);
  if (record.is_discarded() || !record["fields"].contains(field)) {
    return Status::not_found("document " + std::to_string(id) + " has no field '" + field + "'");
  }
  // Accepting without a value accepts the engine's.
  const std::string decided =
      action == "accept" && value.empty() ? record["fields"][field].value("value", std::string()) : value;
  std::lock_guard lock(mutex_);
  SqliteStatement insert(db_,
                         "INSERT INTO review_decisions(document, field, action, value, who, at)"
                         " VALUES (?, ?, ?, ?, ?, datetime('now'))");
  sqlite3_bind_int64(insert.get(), 1, id);
  bind_text(insert.get(), 2, field);
  bind_text(insert.get(), 3, action);
  bind_text(insert.get(), 4, decided);
  bind_text(insert.get(), 5, who);
  if (!insert.ok() || sqlite3_step(insert.get()) != SQLITE_DONE) {
    return Status::io_error(file_.string() + ": cannot keep the decision (" + sqlite3_errmsg(db_) + ")");
  }
  return Status();
}

Result<std::size_t> ReviewStore::delete_older_than(int days) {
  std::lock_guard lock(mutex_);
  return mixtract::delete_older_than(db_, file_, "review_documents", "review_decisions", "document", days,
                                     "review documents");
}

}  // namespace mixtract::server
