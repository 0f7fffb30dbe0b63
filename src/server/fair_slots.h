// FairSlots: a counting semaphore that hands free slots out in the order they were asked for. (The
// standard one does not: under load a waiter woken late lost to newcomers again and again, and about
// one request in ten waited from a tenth of a second to over a second for a worker.)
#ifndef MIXTRACT_SERVER_FAIR_SLOTS_H_
#define MIXTRACT_SERVER_FAIR_SLOTS_H_

#include <algorithm>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>

namespace mixtract::server {

// Thread-safe.
class FairSlots {
 public:
  explicit FairSlots(int count) : free_(count) {}

  void acquire() { wait_for_turn(std::chrono::steady_clock::time_point::max()); }
  // False when no slot came within `timeout`.
  template <class Rep, class Period>
  bool try_acquire_for(std::chrono::duration<Rep, Period> timeout) {
    return wait_for_turn(std::chrono::steady_clock::now() + timeout);
  }
  void release() {
    {
      std::lock_guard lock(mutex_);
      ++free_;
    }
    turns_.notify_all();
  }

 private:
  bool wait_for_turn(std::chrono::steady_clock::time_point deadline) {
    std::unique_lock lock(mutex_);
    const std::uint64_t ticket = next_ticket_++;
    waiting_.push_back(ticket);
    const auto my_turn = [&] { return free_ > 0 && waiting_.front() == ticket; };
    const bool got = deadline == std::chrono::steady_clock::time_point::max()
                         ? (turns_.wait(lock, my_turn), true)
                         : turns_.wait_until(lock, deadline, my_turn);
    waiting_.erase(std::find(waiting_.begin(), waiting_.end(), ticket));
    if (got) --free_;
    lock.unlock();
    turns_.notify_all();  // The next in line may go now (another slot is free, or this one gave up).
    return got;
  }

  std::mutex mutex_;
  std::condition_variable turns_;
  int free_;
  std::uint64_t next_ticket_ = 0;
  std::deque<std::uint64_t> waiting_;  // Tickets of the waiting threads, oldest first.
};

}  // namespace mixtract::server

#endif  // MIXTRACT_SERVER_FAIR_SLOTS_H_
