#include "mixtract/batch.h"

#include <algorithm>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
#include <string_view>
#include <thread>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/guarded.h"
#include "core/text_encoding.h"
#include "io/job_store.h"
#include "mixtract/writers.h"

namespace mixtract {
namespace {

// Runs `set_stop` and wakes every waiting worker when it goes out of scope.
struct StopOnExit {
  std::function<void()> set_stop;
  std::condition_variable& changed;
  ~StopOnExit() {
    set_stop();
    changed.notify_all();
  }
};

}  // namespace

Status run_batch(const Extractor& extractor, std::span<const std::filesystem::path> files, int workers,
                 const BatchResultFn& on_result) {
  const std::size_t window = 2 * static_cast<std::size_t>(std::max(1, workers));
  std::mutex mutex;
  std::condition_variable changed;
  std::map<std::size_t, Result<Record>> done;  // Finished, not yet handed back.
  std::size_t next_to_take = 0;
  std::size_t next_to_hand = 0;
  bool stop = false;

  auto work = [&] {
    for (;;) {
      std::size_t index = 0;
      {
        std::unique_lock lock(mutex);
        changed.wait(lock,
                     [&] { return stop || next_to_take >= files.size() || next_to_take < next_to_hand + window; });
        if (stop || next_to_take >= files.size()) return;
        index = next_to_take++;
      }
      Result<Record> record = guarded(files[index], [&]() -> Result<Record> {
        MIXTRACT_ASSIGN_OR_RETURN(Document document, Document::load(files[index]));
        return extractor.extract(document);
      });
      {
        std::lock_guard lock(mutex);
        done.emplace(index, std::move(record));
      }
      changed.notify_all();
    }
  };
  std::vector<std::jthread> threads;
  for (int i = 0; i < std::max(1, workers); ++i) threads.emplace_back(work);
  // However this function ends, the workers stop before they are joined.
  const StopOnExit stop_workers{[&] {
                                  std::lock_guard lock(mutex);
                                  stop = true;
                                },
                                changed};

  Status status;
  while (next_to_hand < files.size()) {
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return done.contains(next_to_hand); });
    const auto found = done.find(next_to_hand);
    Result<Record> record = std::move(found->second);
    done.erase(found);
    lock.unlock();
    const std::filesystem::path& file = files[next_to_hand];
    status = guarded(file, [&] { return on_result(next_to_hand, std::move(record)); });
    lock.lock();
    ++next_to_hand;
    if (!status.ok()) stop = true;
    lock.unlock();
    changed.notify_all();
    if (!status.ok()) break;
  }
  return status;
}

std::vector<std::size_t> first_of_each(std::span<const std::string> keys) {
  std::vector<std::size_t> first(keys.size());
  std::map<std::string_view, std::size_t> seen;
  for (std::size_t i = 0; i < keys.size(); ++i) {
    first[i] = keys[i].empty() ? i : seen.emplace(keys[i], i).first->second;
  }
  return first;
}

std::size_t BatchPlan::to_extract() const {
  return static_cast<std::size_t>(std::count(stored.begin(), stored.end(), false));
}

Batch::Batch(std::unique_ptr<JobStore> store) : store_(std::move(store)) {}
Batch::~Batch() = default;

Result<std::unique_ptr<Batch>> Batch::open(const std::filesystem::path& job_store, bool resume,
                                           const std::string& settings) {
  std::error_code ec;
  if (job_store.has_parent_path()) std::filesystem::create_directories(job_store.parent_path(), ec);
  if (ec) return Status::io_error("cannot create the folder of " + job_store.string() + ": " + ec.message());
  MIXTRACT_ASSIGN_OR_RETURN(std::unique_ptr<JobStore> store, JobStore::open(job_store, !resume, settings));
  return std::unique_ptr<Batch>(new Batch(std::move(store)));
}

bool Batch::emptied_for_other_settings() const {
  return store_->emptied_for_other_settings();
}

Result<BatchPlan> Batch::plan(std::span<const BatchDocument> documents) const {
  std::vector<std::string> hashes;
  for (const BatchDocument& document : documents) {
    Result<std::string> hash = content_hash_of(document.path);
    hashes.push_back(hash.ok() ? *std::move(hash) : "");
  }
  const std::vector<std::size_t> first = first_of_each(hashes);
  BatchPlan plan;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const std::string name = readable_name(documents[i].path.string());
    if (first[i] != i) {
      plan.duplicates.push_back({name, "duplicate",
                                 "the same content as " + readable_name(documents[first[i]].path.string()) +
                                     ": extracted once, as that file"});
      continue;
    }
    plan.documents.push_back(documents[i]);
    MIXTRACT_ASSIGN_OR_RETURN(const bool held, store_->holds(name, hashes[i]));  // Hashed once, above.
    plan.stored.push_back(held);
  }
  return plan;
}

Status Batch::run(const Extractor& extractor, const BatchPlan& plan, int workers, const BatchResultFn& on_result) {
  if (plan.stored.size() != plan.documents.size()) return Status::internal("Batch::run: a plan of another batch");
  std::vector<std::string> keys;  // What the store knows each document by: the name its record gives.
  std::vector<std::filesystem::path> todo;
  std::vector<std::size_t> todo_index;  // Index in the plan of each todo document.
  for (std::size_t i = 0; i < plan.documents.size(); ++i) {
    keys.push_back(readable_name(plan.documents[i].path.string()));
    if (!plan.stored[i]) todo.push_back(plan.documents[i].path), todo_index.push_back(i);
  }
  std::size_t next = 0;  // The next index of the plan to hand back.
  auto hand_stored_until = [&](std::size_t end) -> Status {
    for (; next < end; ++next) {
      if (!plan.stored[next]) continue;
      MIXTRACT_ASSIGN_OR_RETURN(Record record, stored(keys[next]));
      MIXTRACT_RETURN_IF_ERROR(on_result(next, std::move(record)));
    }
    return Status();
  };
  const Status batch = run_batch(extractor, todo, workers, [&](std::size_t k, Result<Record> record) -> Status {
    const std::size_t index = todo_index[k];
    MIXTRACT_RETURN_IF_ERROR(hand_stored_until(index));
    next = index + 1;
    if (record.ok()) {
      MIXTRACT_RETURN_IF_ERROR(store_->put(keys[index], record->content_hash, record_to_json_line(*record)));
    }
    return on_result(index, std::move(record));
  });
  MIXTRACT_RETURN_IF_ERROR(batch);
  return hand_stored_until(plan.documents.size());
}

Result<Record> Batch::stored(const std::string& source) const {
  MIXTRACT_ASSIGN_OR_RETURN(std::optional<std::string> json, store_->done(source));
  if (!json) return Status::internal("a result vanished from the job store: " + source);
  return record_from_json(*json);
}

}  // namespace mixtract
