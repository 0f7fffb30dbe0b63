// What the HTTP service's routes share: the server's state and the helpers that answer requests.
// Internal to src/server/.
#ifndef MIXTRACT_SERVER_API_STATE_H_
#define MIXTRACT_SERVER_API_STATE_H_

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <semaphore>
#include <string>

#include <httplib.h>
#include <nlohmann/json.hpp>

#include "server/http_api.h"
#include "server/metrics.h"
#include "server/rate_limiter.h"

namespace mixtract::server {

// The server's state, shared by every route.
struct ApiServer::State {
  State(std::map<std::string, std::shared_ptr<const Extractor>> e, ApiKeys k, std::shared_ptr<ReviewStore> r,
        ServerOptions o)
      : extractors(std::move(e)),
        keys(std::move(k)),
        review(std::move(r)),
        options(std::move(o)),
        limiter(options.rate_per_minute),
        slots(std::max(1, options.workers)) {}

  std::map<std::string, std::shared_ptr<const Extractor>> extractors;
  ApiKeys keys;
  std::shared_ptr<ReviewStore> review;
  ServerOptions options;
  httplib::Server http;
  Metrics metrics;
  RateLimiter limiter;
  std::counting_semaphore<1024> slots;
  std::string id_prefix;
  std::atomic<unsigned long long> next_id{0};
};

inline constexpr const char* kRequestId = "X-Request-Id";
// The metrics' name of the review routes of one document.
inline constexpr const char* kReviewDocument = "/v1/review/documents/{id}";

// An error body: {"error": {"code", "message", "request_id"}}, with `status`.
void send_error(httplib::Response& res, int status, const std::string& code, const std::string& message);
// A Status as an error: kNotFound 404, kInvalidArgument 400, else 500.
void send_status_error(httplib::Response& res, const Status& status);
void send_json(httplib::Response& res, const nlohmann::ordered_json& body);

// The key the request carries (Authorization: Bearer KEY, or X-API-Key), or "".
std::string key_of(const httplib::Request& req);
// Who made a request: the key's name, or "local" without keys.
std::string who_of(const ApiServer::State& s, const httplib::Request& req);
// The number the route's pattern matched ({id}), or nullopt with a 404 written.
std::optional<std::int64_t> path_id(const httplib::Request& req, httplib::Response& res);

// Runs `handler`, turning anything it throws into a 500 that names the request id, and counts it in the
// metrics under `route`.
httplib::Server::Handler guarded(ApiServer::State& s, std::string route, httplib::Server::Handler handler);

// The routes of extract_route.cc and review_routes.cc.
void add_extract_route(ApiServer::State& s);
void add_review_routes(ApiServer::State& s);

}  // namespace mixtract::server

#endif  // MIXTRACT_SERVER_API_STATE_H_
