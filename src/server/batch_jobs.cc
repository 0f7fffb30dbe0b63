#include "server/batch_jobs.h"

#include <algorithm>
#include <chrono>

#include <sqlite3.h>

#include "core/sha256.h"
#include "io/sqlite_statement.h"
#include "mixtract/batch.h"
#include "server/random_id.h"

namespace mixtract::server {
Result<std::unique_ptr<BatchJobs>> BatchJobs::open(const std::filesystem::path& file) {
  const char* schema =
      "PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;"
      "CREATE TABLE IF NOT EXISTS batch_jobs(id TEXT PRIMARY KEY, owner TEXT NOT NULL, schema TEXT NOT NULL,"
      " created TEXT NOT NULL, documents INTEGER NOT NULL);"
      "CREATE TABLE IF NOT EXISTS batch_documents(job TEXT NOT NULL REFERENCES batch_jobs(id), position INTEGER"
      " NOT NULL, file_name TEXT NOT NULL, image BLOB, result TEXT, content TEXT, PRIMARY KEY(job, position));"
      "CREATE INDEX IF NOT EXISTS batch_documents_pending ON batch_documents(result) WHERE result IS NULL;";
  MIXTRACT_ASSIGN_OR_RETURN(sqlite3 * db, open_sqlite(file, schema, "job store"));
  auto jobs = std::unique_ptr<BatchJobs>(new BatchJobs(db, file));
  MIXTRACT_RETURN_IF_ERROR(add_column_if_missing(db, file, "batch_documents", "content", "TEXT"));
  return jobs;
}

BatchJobs::~BatchJobs() {
  sqlite3_close(db_);
}

Result<std::string> BatchJobs::submit(const std::string& owner, const std::string& schema,
                                      const std::vector<JobImage>& images) {
  MIXTRACT_ASSIGN_OR_RETURN(const std::string id, random_hex(8));
  std::vector<std::string> contents;  // Hashed before the store is locked: other requests need not wait.
  for (const JobImage& image : images) contents.push_back(sha256_hex(image.bytes));
  const std::vector<std::size_t> first = first_of_each(contents);
  {
    std::lock_guard lock(mutex_);
    auto fail = [&] {
      const Status status = Status::io_error(file_.string() + ": cannot store the job (" + sqlite3_errmsg(db_) + ")");
      sqlite3_exec(db_, "ROLLBACK", nullptr, nullptr, nullptr);
      return status;
    };
    if (sqlite3_exec(db_, "BEGIN", nullptr, nullptr, nullptr) != SQLITE_OK) return fail();
    SqliteStatement job(db_,
                        "INSERT INTO batch_jobs(id, owner, schema, created, documents) VALUES (?, ?, ?, "
                        "datetime('now'), ?)");
    bind_text(job.get(), 1, id);
    bind_text(job.get(), 2, owner);
    bind_text(job.get(), 3, schema);
    sqlite3_bind_int64(job.get(), 4, static_cast<sqlite3_int64>(images.size()));
    if (!job.ok() || sqlite3_step(job.get()) != SQLITE_DONE) return fail();
    SqliteStatement document(
        db_, "INSERT INTO batch_documents(job, position, file_name, image, content) VALUES (?, ?, ?, ?, ?)");
    if (!document.ok()) return fail();
    for (std::size_t i = 0; i < images.size(); ++i) {
      sqlite3_reset(document.get());
      bind_text(document.get(), 1, id);
      sqlite3_bind_int64(document.get(), 2, static_cast<sqlite3_int64>(i));
      bind_text(document.get(), 3, images[i].file_name);
      if (first[i] == i) {
        sqlite3_bind_blob(document.get(), 4, images[i].bytes.data(), static_cast<int>(images[i].bytes.size()),
                          SQLITE_TRANSIENT);
      } else {
        sqlite3_bind_null(document.get(), 4);  // Extracted once, as the first of its content.
      }
      bind_text(document.get(), 5, contents[i]);
      if (sqlite3_step(document.get()) != SQLITE_DONE) return fail();
    }
    if (sqlite3_exec(db_, "COMMIT", nullptr, nullptr, nullptr) != SQLITE_OK) return fail();
    ++version_;
  }
  changed_.notify_all();
  return id;
}

Result<std::optional<JobStatus>> BatchJobs::status(const std::string& id) {
  std::lock_guard lock(mutex_);
  SqliteStatement select(db_,
                         "SELECT owner, schema, created, documents, (SELECT count(*) FROM batch_documents WHERE"
                         " job = ?1 AND result IS NOT NULL) FROM batch_jobs WHERE id = ?1");
  if (!select.ok()) return Status::io_error(file_.string() + ": " + sqlite3_errmsg(db_));
  bind_text(select.get(), 1, id);
  if (sqlite3_step(select.get()) != SQLITE_ROW) return std::optional<JobStatus>();
  JobStatus status;
  status.id = id;
  status.owner = column_text(select.get(), 0);
  status.schema = column_text(select.get(), 1);
  status.created = column_text(select.get(), 2);
  status.documents = static_cast<std::size_t>(sqlite3_column_int64(select.get(), 3));
  status.done = static_cast<std::size_t>(sqlite3_column_int64(select.get(), 4));
  return std::optional<JobStatus>(status);
}

Result<std::optional<JobTask>> BatchJobs::next_task(
    const std::vector<std::pair<std::string, std::int64_t>>& taken) const {
  std::lock_guard lock(mutex_);
  SqliteStatement select(
      db_,
      "SELECT d.job, d.position, j.schema, d.file_name, d.image, j.owner FROM batch_documents d JOIN"
      " batch_jobs j ON j.id = d.job WHERE d.result IS NULL AND d.image IS NOT NULL ORDER BY j.created, d.rowid"
      " LIMIT ?");
  if (!select.ok()) return Status::io_error(file_.string() + ": " + sqlite3_errmsg(db_));
  sqlite3_bind_int64(select.get(), 1, static_cast<sqlite3_int64>(taken.size() + 1));
  while (sqlite3_step(select.get()) == SQLITE_ROW) {
    JobTask task{column_text(select.get(), 0), sqlite3_column_int64(select.get(), 1), column_text(select.get(), 2),
                 column_text(select.get(), 3), column_text(select.get(), 4),          column_text(select.get(), 5)};
    if (std::find(taken.begin(), taken.end(), std::pair{task.job, task.position}) == taken.end()) {
      return std::optional<JobTask>(std::move(task));
    }
  }
  return std::optional<JobTask>();
}

Status BatchJobs::complete(const std::string& job, std::int64_t position, const std::string& result_line) {
  {
    std::lock_guard lock(mutex_);
    // The image is no longer needed once the record is kept. The job's later documents of the same
    // content (submitted without their image) get the same result.
    SqliteStatement update(db_,
                           "UPDATE batch_documents SET result = ?1, image = NULL WHERE job = ?2 AND (position = ?3 OR"
                           " (image IS NULL AND result IS NULL AND content = (SELECT content FROM batch_documents"
                           " WHERE job = ?2 AND position = ?3)))");
    bind_text(update.get(), 1, result_line);
    bind_text(update.get(), 2, job);
    sqlite3_bind_int64(update.get(), 3, position);
    if (!update.ok() || sqlite3_step(update.get()) != SQLITE_DONE) {
      return Status::io_error(file_.string() + ": cannot store a result of job " + job + " (" + sqlite3_errmsg(db_) +
                              ")");
    }
    ++version_;
  }
  changed_.notify_all();
  return Status();
}

Result<std::vector<std::string>> BatchJobs::results(const std::string& job, std::int64_t from) {
  std::lock_guard lock(mutex_);
  SqliteStatement select(db_,
                         "SELECT position, result FROM batch_documents WHERE job = ? AND position >= ? ORDER BY"
                         " position");
  if (!select.ok()) return Status::io_error(file_.string() + ": " + sqlite3_errmsg(db_));
  bind_text(select.get(), 1, job);
  sqlite3_bind_int64(select.get(), 2, from);
  std::vector<std::string> lines;
  while (sqlite3_step(select.get()) == SQLITE_ROW) {
    if (sqlite3_column_type(select.get(), 1) == SQLITE_NULL) break;
    lines.push_back(column_text(select.get(), 1));
  }
  return lines;
}

void BatchJobs::wait_for_change(int milliseconds) const {
  std::unique_lock lock(mutex_);
  const std::uint64_t seen = version_;
  changed_.wait_for(lock, std::chrono::milliseconds(milliseconds), [&] { return version_ != seen; });
}

void BatchJobs::notify_all() const {
  {
    std::lock_guard lock(mutex_);
    ++version_;
  }
  changed_.notify_all();
}

Result<std::size_t> BatchJobs::delete_older_than(int days) {
  std::lock_guard lock(mutex_);
  return mixtract::delete_older_than(db_, file_, "batch_jobs", "batch_documents", "job", days, "jobs");
}

}  // namespace mixtract::server
