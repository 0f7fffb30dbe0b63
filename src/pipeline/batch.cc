#include "mixtract/batch.h"

#include <algorithm>
#include <condition_variable>
#include <map>
#include <mutex>
#include <thread>
#include <vector>

namespace mixtract {

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
      Result<Record> record = [&]() -> Result<Record> {
        MIXTRACT_ASSIGN_OR_RETURN(Document document, Document::load(files[index]));
        return extractor.extract(document);
      }();
      {
        std::lock_guard lock(mutex);
        done.emplace(index, std::move(record));
      }
      changed.notify_all();
    }
  };
  std::vector<std::jthread> threads;
  for (int i = 0; i < std::max(1, workers); ++i) threads.emplace_back(work);

  Status status;
  while (next_to_hand < files.size()) {
    std::unique_lock lock(mutex);
    changed.wait(lock, [&] { return done.contains(next_to_hand); });
    const auto found = done.find(next_to_hand);
    Result<Record> record = std::move(found->second);
    done.erase(found);
    lock.unlock();
    status = on_result(next_to_hand, std::move(record));
    lock.lock();
    ++next_to_hand;
    if (!status.ok()) stop = true;
    lock.unlock();
    changed.notify_all();
    if (!status.ok()) break;
  }
  threads.clear();  // Joins.
  return status;
}

}  // namespace mixtract
