// Batches: many documents through one extractor, as `mixtract extract` runs them. run_batch is the
// engine room (parallel, results in input order, memory bounded); a Batch adds what a run of thousands of
// personal documents needs: each content once, every record kept in a job store the moment it is handed
// back (a batch stopped anywhere goes on where it stopped), and the documents' problems as error-log rows.
#ifndef MIXTRACT_BATCH_H_
#define MIXTRACT_BATCH_H_

#include <cstddef>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "mixtract/extractor.h"
#include "mixtract/record.h"
#include "mixtract/status.h"

namespace mixtract {

class JobStore;  // The batch's record of what is done (internal to the library).

// Called once per document, in input order, on the thread that called run_batch: the record, or why the
// document could not be read. An error it returns stops the batch (the documents in flight are finished
// and dropped) and is returned by run_batch.
using BatchResultFn = std::function<Status(std::size_t index, Result<Record> record)>;

// Loads and extracts `files` on `workers` threads (at least 1). At most 2 * workers documents are in
// memory at a time, however long the batch: a worker waits while the oldest unhanded result is that
// far behind.
Status run_batch(const Extractor& extractor, std::span<const std::filesystem::path> files, int workers,
                 const BatchResultFn& on_result);

// One document of a batch.
struct BatchDocument {
  std::filesystem::path path;  // An image file, or a PDF page named FILE.pdf#page=N.
  std::string person;          // The person it is given for (a manifest's person column); "" = not given.
};

// One row of a batch's error log.
struct BatchProblem {
  std::string file;    // The document's name (readable_name); "" for an input that names no document.
  std::string stage;   // input, duplicate, read, recognise, worker (given up on by a queue worker), cross-check.
  std::string reason;  // What went wrong, in words.
};

// For each key, the index of the first key equal to it: itself unless an earlier one is the same; an
// empty key (not known) is equal to none. Batches extract each content once: the keys are content hashes.
std::vector<std::size_t> first_of_each(std::span<const std::string> keys);

// A batch's documents as it runs them.
struct BatchPlan {
  std::vector<BatchDocument> documents;  // Each content once, in input order.
  std::vector<bool> stored;              // Per document: the job store holds its record (resume).
  std::vector<BatchProblem> duplicates;  // Those left out, each naming the document extracted in its place.

  std::size_t to_extract() const;  // The documents not stored.
};

class Batch {
 public:
  // A batch keeping its records in the SQLite file `job_store` (it and its folder made when missing) for
  // settings with the fingerprint `settings` (what besides a document's bytes changes its record). With
  // `resume` the records it holds are taken, as long as a document's content is the same; without, or when
  // the store was written under other settings (emptied_for_other_settings), it is emptied first. Errors
  // name the file.
  static Result<std::unique_ptr<Batch>> open(const std::filesystem::path& job_store, bool resume,
                                             const std::string& settings);
  ~Batch();
  Batch(const Batch&) = delete;
  Batch& operator=(const Batch&) = delete;

  bool emptied_for_other_settings() const;

  // `documents` each content once (a document that cannot be read is its own; reading it fails later),
  // those the store holds marked. Errors are the store's.
  Result<BatchPlan> plan(std::span<const BatchDocument> documents) const;

  // Extracts the plan's documents the store does not hold, on `workers` threads (run_batch), and hands
  // every document's record to `on_result` in the plan's order, the stored ones read from the store. Each
  // new record is stored before it is handed back: a batch killed at any point loses at most the documents
  // in flight.
  Status run(const Extractor& extractor, const BatchPlan& plan, int workers, const BatchResultFn& on_result);

  // The stored record of the document whose Record::source is `source`.
  Result<Record> stored(const std::string& source) const;

 private:
  explicit Batch(std::unique_ptr<JobStore> store);
  std::unique_ptr<JobStore> store_;
};

}  // namespace mixtract

#endif  // MIXTRACT_BATCH_H_
