// What the HTTP service's routes share: the server's state and the helpers that answer requests.
// Internal to src/server/.
#ifndef MIXTRACT_SERVER_API_STATE_H_
#define MIXTRACT_SERVER_API_STATE_H_

#include <atomic>
#include <cstdint>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <thread>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "mixtract/document.h"
#include "server/batch_jobs.h"
#include "server/fair_slots.h"
#include "server/http_api.h"
#include "server/http_server.h"
#include "server/metrics.h"
#include "server/rate_limiter.h"

namespace mixtract::server {

// The server's state, shared by every route.
struct ApiServer::State {
  State(std::unique_ptr<ExtractorSet> e, ServiceStores stores, ServerOptions o, std::shared_ptr<JobBackend> queue)
      : extractors(std::move(e)),
        keys(std::move(stores.keys)),
        review(std::move(stores.review)),
        local_jobs(std::move(stores.jobs)),
        jobs(queue ? std::move(queue) : local_jobs),
        options(std::move(o)),
        limiter(options.rate_per_minute),
        slots(std::max(1, options.workers)) {}

  std::unique_ptr<ExtractorSet> extractors;
  ApiKeys keys;
  std::shared_ptr<ReviewStore> review;
  std::shared_ptr<BatchJobs> local_jobs;  // Extracted by job_workers.
  std::shared_ptr<JobBackend> jobs;       // Where POST /v1/jobs goes: local_jobs, or a job queue's workers.
  ServerOptions options;
  HttpServer http;
  Metrics metrics;
  RateLimiter limiter;
  FairSlots slots;
  std::string id_prefix;
  std::atomic<unsigned long long> next_id{0};
  // The workers of local_jobs, and the documents they are extracting.
  std::vector<std::thread> job_workers;
  std::atomic<bool> stopping{false};
  std::mutex taken_mutex;
  std::vector<std::pair<std::string, std::int64_t>> taken;
};

inline constexpr const char* kRequestId = "X-Request-Id";
// The metrics' name of the review routes of one document.
inline constexpr const char* kReviewDocument = "/v1/review/documents/{id}";

// An error body: {"error": {"code", "message", "request_id"}}, with `status`.
void send_error(HttpResponse& res, int status, const std::string& code, const std::string& message);
// A Status as an error: kNotFound 404, kInvalidArgument 400, else 500.
void send_status_error(HttpResponse& res, const Status& status);
void send_json(HttpResponse& res, const nlohmann::ordered_json& body);

// The key the request carries (Authorization: Bearer KEY, or X-API-Key), or "".
std::string key_of(const HttpRequest& req);
// Who made a request: the key's holder; without keys (--no-auth, loopback only) "local", an admin.
KeyHolder holder_of(const ApiServer::State& s, const HttpRequest& req);
// Whether the holder may see what `owner` sent: its own, or anyone's for an admin.
inline bool may_see(const KeyHolder& holder, const std::string& owner) {
  return holder.admin || holder.name == owner;
}
// The number the route's pattern matched ({id}), or nullopt with a 404 written.
std::optional<std::int64_t> path_id(const HttpRequest& req, HttpResponse& res);

// Runs `handler`, turning anything it throws into a 500 that names the request id, and counts it in the
// metrics under `route`.
HttpHandler guarded(ApiServer::State& s, std::string route, HttpHandler handler);

// A client's file name without folders or control characters; "upload" when nothing is left.
std::string safe_file_name(const std::string& name);
// The extractor of `schema` ("auto" or a schema's name) with `routes` ("" or a routes document)
// applied, or null with a 400 written (unknown_schema, bad_routes).
std::shared_ptr<const Extractor> extractor_for(ApiServer::State& s, const std::string& schema,
                                               const std::string& routes, HttpResponse& res);
// Whether the uploaded image may be decoded, judged from its bytes without decoding them; false with the
// error written: empty (400), of no format read or no size in its header (422), more pixels than allowed
// (413).
bool check_upload(const ApiServer::State& s, const std::string& image, const std::string& file_name, HttpResponse& res);
// The uploaded image decoded, or nullopt with the error written: check_upload's errors, the pixel limit
// checked again after decoding (413), bytes that do not decode (422).
std::optional<Document> decode_upload(const ApiServer::State& s, const std::string& image, const std::string& file_name,
                                      HttpResponse& res);
// Extracts `document` while holding one of s.slots (taken by the caller, released here), counts it in
// the metrics and queues it for review when a field is not accepted.
struct Extracted {
  Record record;
  std::optional<std::int64_t> review_id;
};
// A document that needs review is kept in the review queue as `owner`'s.
Extracted extract_holding_slot(ApiServer::State& s, const Extractor& extractor, const Document& document,
                               const std::string& owner, const std::string& request_id);

// The routes of extract_route.cc, review_routes.cc and job_routes.cc; the job workers.
void add_extract_route(ApiServer::State& s);
void add_review_routes(ApiServer::State& s);
void add_job_routes(ApiServer::State& s);
// Starts options.workers threads extracting the documents of local batch jobs (those left by an earlier
// run too), unless the jobs go to a queue; stop_job_workers() lets each finish its document and joins
// them.
void start_job_workers(ApiServer::State& s);
void stop_job_workers(ApiServer::State& s);

}  // namespace mixtract::server

#endif  // MIXTRACT_SERVER_API_STATE_H_
