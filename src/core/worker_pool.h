// WorkerPool: a fixed set of threads that run the jobs handed to them, one at a time each, in the
// order given. Callers block until their job is done. Heavy work (OCR inference) runs here, on as
// many threads as there are cores, however many threads wait on other things (an LLM server): the
// work and its memory stay bounded by the pool's size.
#ifndef MIXTRACT_CORE_WORKER_POOL_H_
#define MIXTRACT_CORE_WORKER_POOL_H_

#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <mutex>
#include <thread>
#include <vector>

namespace mixtract {

// Thread-safe. Destroying the pool finishes the jobs queued, then joins its threads.
class WorkerPool {
 public:
  explicit WorkerPool(int threads) {
    for (int i = 0; i < std::max(1, threads); ++i) threads_.emplace_back([this] { work(); });
  }
  ~WorkerPool() {
    {
      std::lock_guard lock(mutex_);
      stopping_ = true;
    }
    changed_.notify_all();
    threads_.clear();  // Joins.
  }
  WorkerPool(const WorkerPool&) = delete;
  WorkerPool& operator=(const WorkerPool&) = delete;

  // Runs `job` on a pool thread and returns its result. Exceptions propagate to the caller.
  template <typename Job>
  auto run(Job job) -> decltype(job()) {
    std::packaged_task<decltype(job())()> task(std::move(job));
    auto result = task.get_future();
    {
      std::lock_guard lock(mutex_);
      jobs_.emplace_back([&task] { task(); });
    }
    changed_.notify_one();
    return result.get();
  }

 private:
  void work() {
    for (;;) {
      std::function<void()> job;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [this] { return stopping_ || !jobs_.empty(); });
        if (jobs_.empty()) return;
        job = std::move(jobs_.front());
        jobs_.pop_front();
      }
      job();
    }
  }

  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<std::function<void()>> jobs_;
  bool stopping_ = false;
  std::vector<std::jthread> threads_;  // Last: joined first.
};

}  // namespace mixtract

#endif  // MIXTRACT_CORE_WORKER_POOL_H_
