// The service's counters, in Prometheus' text format (GET /metrics): requests by route and status,
// latency histograms by route, expert calls and errors, extractions waiting and running. Thread-safe.
#ifndef MIXTRACT_SERVER_METRICS_H_
#define MIXTRACT_SERVER_METRICS_H_

#include <array>
#include <atomic>
#include <map>
#include <mutex>
#include <string>
#include <utility>

#include "mixtract/record.h"

namespace mixtract::server {

class Metrics {
 public:
  // A finished request: its route pattern (not its path, which may hold ids), status and duration.
  void request_done(const std::string& route, int status, double seconds);
  // The experts that ran on a document, and those that failed (from the record's warnings).
  void record_done(const Record& record);

  std::atomic<int> waiting{0};  // extractions waiting for a worker
  std::atomic<int> running{0};  // extractions running

  // Prometheus text exposition format 0.0.4.
  std::string render() const;

  static constexpr std::array<double, 12> kBuckets = {0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30};

 private:
  struct Histogram {
    std::array<long long, kBuckets.size()> counts{};  // cumulative when rendered
    long long count = 0;
    double sum = 0;
  };
  mutable std::mutex mutex_;
  std::map<std::pair<std::string, int>, long long> requests_;
  std::map<std::string, Histogram> latency_;
  std::map<std::string, std::pair<long long, long long>> experts_;  // calls, errors
};

}  // namespace mixtract::server

#endif  // MIXTRACT_SERVER_METRICS_H_
