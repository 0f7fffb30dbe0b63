#include "mixtract/batch.h"

#include <algorithm>
#include <condition_variable>
#include <functional>
#include <map>
#include <mutex>
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

Result<std::vector<bool>> held_in(const JobStore& store, std::span<const std::filesystem::path> files) {
  std::vector<bool> held;
  for (const std::filesystem::path& file : files) {
    MIXTRACT_ASSIGN_OR_RETURN(const bool done, store.holds(file));
    held.push_back(done);
  }
  return held;
}

Status run_batch(const Extractor& extractor, std::span<const std::filesystem::path> files,
                 const std::vector<bool>& held, int workers, JobStore& store, const BatchResultFn& on_result) {
  if (held.size() != files.size()) return Status::internal("run_batch: one held flag per file is needed");
  std::vector<std::string> keys;  // What the store knows each document by: the name its record gives.
  std::vector<std::filesystem::path> todo;
  std::vector<std::size_t> todo_index;  // Index in `files` of each todo document.
  for (std::size_t i = 0; i < files.size(); ++i) {
    keys.push_back(readable_name(files[i].string()));
    if (!held[i]) todo.push_back(files[i]), todo_index.push_back(i);
  }
  std::size_t next = 0;  // The next index of `files` to hand back.
  auto hand_held_until = [&](std::size_t end) -> Status {
    for (; next < end; ++next) {
      if (!held[next]) continue;
      Result<std::optional<std::string>> json = store.done(keys[next]);
      if (!json.ok()) return json.status();
      if (!json->has_value()) return Status::internal("a result vanished from the job store: " + keys[next]);
      MIXTRACT_RETURN_IF_ERROR(on_result(next, record_from_json(json->value())));
    }
    return Status();
  };
  const Status batch = run_batch(extractor, todo, workers, [&](std::size_t k, Result<Record> record) -> Status {
    const std::size_t index = todo_index[k];
    MIXTRACT_RETURN_IF_ERROR(hand_held_until(index));
    next = index + 1;
    if (record.ok()) {
      MIXTRACT_RETURN_IF_ERROR(store.put(keys[index], record->content_hash, record_to_json_line(*record)));
    }
    return on_result(index, std::move(record));
  });
  MIXTRACT_RETURN_IF_ERROR(batch);
  return hand_held_until(files.size());
}

std::vector<std::size_t> first_with_same_content(std::span<const std::filesystem::path> files) {
  std::vector<std::size_t> first(files.size());
  std::map<std::string, std::size_t> by_hash;
  for (std::size_t i = 0; i < files.size(); ++i) {
    first[i] = i;
    if (Result<std::string> hash = content_hash_of(files[i]); hash.ok()) {
      first[i] = by_hash.emplace(*std::move(hash), i).first->second;
    }
  }
  return first;
}

}  // namespace mixtract
