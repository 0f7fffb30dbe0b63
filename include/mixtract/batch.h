// Running an extractor over many documents in parallel, handing the results back in input order.
#ifndef MIXTRACT_BATCH_H_
#define MIXTRACT_BATCH_H_

#include <cstddef>
#include <filesystem>
#include <functional>
#include <span>
#include <vector>

#include "mixtract/extractor.h"
#include "mixtract/record.h"
#include "mixtract/status.h"

namespace mixtract {

class JobStore;  // The batch's record of what is done (internal to the library).

// Called once per file, in input order, on the thread that called run_batch: the record, or why the
// file could not be read. An error it returns stops the batch (the documents in flight are finished
// and dropped) and is returned by run_batch.
using BatchResultFn = std::function<Status(std::size_t index, Result<Record> record)>;

// Loads and extracts `files` on `workers` threads (at least 1). At most 2 * workers documents are in
// memory at a time, however long the batch: a worker waits while the oldest unhanded result is that
// far behind.
Status run_batch(const Extractor& extractor, std::span<const std::filesystem::path> files, int workers,
                 const BatchResultFn& on_result);

// Which of `files` `store` holds (JobStore::holds: same name, same content).
Result<std::vector<bool>> held_in(const JobStore& store, std::span<const std::filesystem::path> files);

// run_batch with a job store: the documents `held` marks (held_in(store, files), one flag per file) are not
// extracted again, their stored records come back in their place in the input order; every new record is stored
// before it is handed back, so that a run killed at any point loses at most the documents in flight.
Status run_batch(const Extractor& extractor, std::span<const std::filesystem::path> files,
                 const std::vector<bool>& held, int workers, JobStore& store, const BatchResultFn& on_result);

// For each file, the index of the first file with the same bytes: itself unless an earlier one has
// them. Batches extract each content once. A file that cannot be read is its own (reading it will fail
// with the reason later).
std::vector<std::size_t> first_with_same_content(std::span<const std::filesystem::path> files);

}  // namespace mixtract

#endif  // MIXTRACT_BATCH_H_
