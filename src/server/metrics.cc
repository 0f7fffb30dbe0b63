#include "server/metrics.h"

#include <sstream>

namespace mixtract::server {
namespace {

// A label value as Prometheus escapes it.
std::string label(const std::string& value) {
  std::string out;
  for (const char c : value) {
    if (c == '\\' || c == '"') out += '\\';
    if (c == '\n') {
      out += "\\n";
      continue;
    }
    out += c;
  }
  return out;
}

}  // namespace

void Metrics::request_done(const std::string& route, int status, double seconds) {
  std::lock_guard lock(mutex_);
  ++requests_[{route, status}];
  Histogram& h = latency_[route];
  for (std::size_t i = 0; i < kBuckets.size(); ++i) {
    if (seconds <= kBuckets[i]) {
      ++h.counts[i];
      break;
    }
  }
  ++h.count;
  h.sum += seconds;
}

void Metrics::record_done(const Record& record) {
  std::lock_guard lock(mutex_);
  for (const auto& [expert, cost] : record.expert_costs) ++experts_[expert].first;
  for (const std::string& warning : record.warnings) {
    constexpr std::string_view kPrefix = "expert ";
    if (!warning.starts_with(kPrefix)) continue;
    const std::size_t end = warning.find(' ', kPrefix.size());
    if (end != std::string::npos && warning.compare(end, 8, " failed:") == 0) {
      ++experts_[warning.substr(kPrefix.size(), end - kPrefix.size())].second;
    }
  }
}

std::string Metrics::render() const {
  std::lock_guard lock(mutex_);
  std::ostringstream out;
  out << "# HELP mixtract_http_requests_total HTTP requests by route and status.\n"
      << "# TYPE mixtract_http_requests_total counter\n";
  for (const auto& [key, count] : requests_) {
    out << "mixtract_http_requests_total{route=\"" << label(key.first) << "\",status=\"" << key.second << "\"} "
        << count << "\n";
  }
  out << "# HELP mixtract_http_request_duration_seconds Time from request to response, by route.\n"
      << "# TYPE mixtract_http_request_duration_seconds histogram\n";
  for (const auto& [route, h] : latency_) {
    long long cumulative = 0;
    for (std::size_t i = 0; i < kBuckets.size(); ++i) {
      cumulative += h.counts[i];
      out << "mixtract_http_request_duration_seconds_bucket{route=\"" << label(route) << "\",le=\"" << kBuckets[i]
          << "\"} " << cumulative << "\n";
    }
    out << "mixtract_http_request_duration_seconds_bucket{route=\"" << label(route) << "\",le=\"+Inf\"} " << h.count
        << "\n"
        << "mixtract_http_request_duration_seconds_sum{route=\"" << label(route) << "\"} " << h.sum << "\n"
        << "mixtract_http_request_duration_seconds_count{route=\"" << label(route) << "\"} " << h.count << "\n";
  }
  out << "# HELP mixtract_expert_calls_total Documents each expert ran on.\n"
      << "# TYPE mixtract_expert_calls_total counter\n";
  for (const auto& [expert, counts] : experts_) {
    out << "mixtract_expert_calls_total{expert=\"" << label(expert) << "\"} " << counts.first << "\n";
  }
  out << "# HELP mixtract_expert_errors_total Documents on which an expert failed.\n"
      << "# TYPE mixtract_expert_errors_total counter\n";
  for (const auto& [expert, counts] : experts_) {
    out << "mixtract_expert_errors_total{expert=\"" << label(expert) << "\"} " << counts.second << "\n";
  }
  out << "# HELP mixtract_queue_depth Extractions waiting for a worker.\n"
      << "# TYPE mixtract_queue_depth gauge\n"
      << "mixtract_queue_depth " << waiting.load() << "\n"
      << "# HELP mixtract_extractions_running Extractions running.\n"
      << "# TYPE mixtract_extractions_running gauge\n"
      << "mixtract_extractions_running " << running.load() << "\n";
  return out.str();
}

}  // namespace mixtract::server
