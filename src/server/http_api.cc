#include "server/http_api.h"

#include <algorithm>
#include <chrono>
#include <string>
#include <thread>

#include <spdlog/spdlog.h>

#include "core/builtin_texts.h"
#include "server/api_state.h"
#include "server/random_id.h"

namespace mixtract::server {
namespace {

using Clock = std::chrono::steady_clock;

// The routes, as metrics label them; any other path is "other".
const char* const kRoutes[] = {"/healthz", "/openapi.json", "/v1/schemas",      "/v1/extract",
                               "/metrics", "/review",       "/v1/review/queue", "/v1/jobs"};

std::string route_of(const std::string& path) {
  for (const char* route : kRoutes) {
    if (path == route) return route;
  }
  if (path.starts_with("/v1/review/documents/")) return kReviewDocument;
  return path.starts_with("/v1/jobs/") ? "/v1/jobs/{id}" : "other";
}

std::string code_of(int status) {
  switch (status) {
    case 400: return "bad_request";
    case 403: return "forbidden";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 408: return "timeout";
    case 413: return "too_large";
    case 414: return "uri_too_long";
    case 415: return "unsupported_media_type";
    default: return status >= 500 ? "internal" : "error";
  }
}

nlohmann::ordered_json schemas_json(const ApiServer::State& s) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const Schema& schema : s.extractors->schemas()) {
    nlohmann::ordered_json fields = nlohmann::ordered_json::array();
    for (const FieldSpec& f : schema.fields) {
      fields.push_back({{"name", f.name}, {"label", f.label}, {"kind", std::string(field_kind_name(f.kind))}});
    }
    out.push_back({{"name", schema.name}, {"title", schema.title}, {"fields", fields}});
  }
  return out;
}

std::string_view openapi_text() {
  for (const BuiltinText& text : builtin_server_texts()) {
    if (text.name == "openapi") return text.text;
  }
  return "{}";
}

// Deletes the review documents and jobs kept past keep_days: at once, then hourly, until stopping.
void delete_old_until_stopping(ApiServer::State& s) {
  Clock::time_point next = Clock::now();
  while (!s.stopping) {
    if (Clock::now() >= next) {
      next += std::chrono::hours(1);
      const Result<std::size_t> pages = s.review->delete_older_than(s.options.keep_days);
      const Result<std::size_t> jobs = s.local_jobs->delete_older_than(s.options.keep_days);
      if (!pages.ok()) spdlog::error("retention: {}", pages.status().message());
      if (!jobs.ok()) spdlog::error("retention: {}", jobs.status().message());
      if (pages.ok() && jobs.ok() && *pages + *jobs > 0) {
        spdlog::info("retention: deleted {} review document(s) and {} job(s) older than {} days", *pages, *jobs,
                     s.options.keep_days);
      }
    }
    s.local_jobs->wait_for_change(1000);
  }
}

}  // namespace

Result<ServiceStores> open_service_stores(const std::filesystem::path& state_file) {
  ServiceStores stores;
  MIXTRACT_ASSIGN_OR_RETURN(stores.keys, ApiKeys::load(state_file));
  MIXTRACT_ASSIGN_OR_RETURN(stores.review, ReviewStore::open(state_file));
  MIXTRACT_ASSIGN_OR_RETURN(stores.jobs, BatchJobs::open(state_file));
  return stores;
}

namespace {

// The limits and timeouts connections are received and answered within, from the options.
HttpLimits limits_of(const ServerOptions& options) {
  HttpLimits limits;
  limits.reception.header_deadline = std::chrono::seconds(options.read_timeout_seconds);
  limits.reception.max_body_bytes = options.max_body_bytes;
  limits.reception.max_connections_per_address = options.max_connections_per_address;
  limits.reception.handler_threads = std::max(1, options.workers) + 8;
  limits.keep_alive_seconds = std::min(5, options.read_timeout_seconds);
  limits.keep_alive_requests = 100;
  limits.read_timeout_seconds = options.read_timeout_seconds;
  return limits;
}

// Before routing: a request id for every request; bodies not framed by Content-Length, requests without a
// valid key (where keys are required) and requests over the rate limit are answered here (true).
bool admit(ApiServer::State& s, const HttpRequest& req, HttpResponse& res) {
  res.set_header(kRequestId, s.id_prefix + "-" + std::to_string(++s.next_id));
  // The body limit holds only for bodies framed by Content-Length: the HTTP library reads chunked bodies, and
  // inflates compressed ones, whole, whatever their size. Such bodies are refused before they are read.
  if (req.has_header("Transfer-Encoding") ||
      (req.has_header("Content-Encoding") && req.header("Content-Encoding") != "identity")) {
    const bool chunked = req.has_header("Transfer-Encoding");
    res.set_header("Connection", "close");
    send_error(res, chunked ? 411 : 415, chunked ? "length_required" : "unsupported_encoding",
               chunked ? "send the body with a Content-Length header: chunked bodies are not taken"
                       : "send the body uncompressed: compressed bodies (Content-Encoding) are not taken");
    s.metrics.request_done(route_of(req.path()), res.status(), 0);
    return true;
  }
  if (req.path() == "/healthz" || req.path() == "/openapi.json" || req.path() == "/review" ||
      req.path().starts_with("/review/")) {
    return false;
  }
  std::string key = key_of(req);
  if (s.options.require_keys) {
    if (!s.keys.holder(key)) {
      res.set_header("WWW-Authenticate", "Bearer");
      send_error(res, 401, "unauthorized",
                 key.empty()
                     ? "an API key is needed: Authorization: Bearer KEY (make one with mixtract serve --new-key NAME)"
                     : "the API key is not valid");
      s.metrics.request_done(route_of(req.path()), 401, 0);
      return true;
    }
  } else {
    key = req.remote_address();  // without keys, each client address has its own limit
  }
  int retry_after = 0;
  if (!s.limiter.allow(key, Clock::now(), retry_after)) {
    res.set_header("Retry-After", std::to_string(retry_after));
    send_error(res, 429, "rate_limited",
               "more than " + std::to_string(s.options.rate_per_minute) + " requests a minute; try again in " +
                   std::to_string(retry_after) + " s");
    s.metrics.request_done(route_of(req.path()), 429, 0);
    return true;
  }
  return false;
}

// Errors the HTTP server meets itself (no route, too large, unreadable) and exceptions, as JSON errors.
void set_error_handlers(ApiServer::State& s) {
  s.http.on_error([&s](const HttpRequest& req, HttpResponse& res) {
    if (!res.body().empty()) return;
    std::string message =
        res.status() == 404   ? "no such route: " + req.method() + " " + req.path() + " (see /openapi.json)"
        : res.status() == 413 ? "the request is larger than " + std::to_string(s.options.max_body_bytes >> 20) + " MiB"
                              : "the request could not be read: malformed, incomplete or too slow";
    if (res.status() == 404) s.metrics.request_done("other", 404, 0);
    send_error(res, res.status(), code_of(res.status()), message);
  });
  s.http.on_exception([](const HttpRequest&, HttpResponse& res) {
    send_error(res, 500, "internal", "an internal error; the server's log has it under this request id");
  });
}

}  // namespace

ApiServer::ApiServer(std::unique_ptr<ExtractorSet> extractors, ServiceStores stores, ServerOptions options,
                     std::shared_ptr<JobBackend> queue)
    : state_(std::make_unique<State>(std::move(extractors), std::move(stores), std::move(options), std::move(queue))) {
  State& s = *state_;
  const Result<std::string> prefix = random_hex(4);
  s.id_prefix = prefix.ok() ? *prefix : "0";
  s.http.configure(limits_of(s.options));
  s.http.before_routes([&s](const HttpRequest& req, HttpResponse& res) { return admit(s, req, res); });
  set_error_handlers(s);

  s.http.get("/healthz", guarded(s, "/healthz", [](const HttpRequest&, HttpResponse& res) {
               send_json(res, {{"status", "ok"}});
             }));
  s.http.get("/openapi.json", guarded(s, "/openapi.json", [](const HttpRequest&, HttpResponse& res) {
               res.set_body(std::string(openapi_text()), "application/json");
             }));
  s.http.get("/v1/schemas", guarded(s, "/v1/schemas",
                                    [&s](const HttpRequest&, HttpResponse& res) { send_json(res, schemas_json(s)); }));
  add_extract_route(s);
  add_review_routes(s);
  add_job_routes(s);
  s.http.get("/metrics", guarded(s, "/metrics", [&s](const HttpRequest&, HttpResponse& res) {
               res.set_body(s.metrics.render() + s.jobs->metrics(), "text/plain; version=0.0.4");
             }));
}

ApiServer::~ApiServer() = default;

Result<int> ApiServer::bind() {
  State& s = *state_;
  const int port = s.http.bind(s.options.host, s.options.port);
  if (port <= 0) {
    return Status::unavailable("cannot listen on " + s.options.host + ":" + std::to_string(s.options.port) +
                               ": the port is taken or the address is not this machine's");
  }
  return port;
}

void ApiServer::serve() {
  State& s = *state_;
  start_job_workers(s);
  std::thread retention;
  if (s.options.keep_days > 0) retention = std::thread([&s] { delete_old_until_stopping(s); });
  s.http.listen();
  stop_job_workers(s);
  if (retention.joinable()) retention.join();
}

std::string ApiServer::answer(std::string_view request) {
  return state_->http.answer(request);
}

void ApiServer::stop() {
  state_->stopping = true;
  state_->local_jobs->notify_all();
  state_->jobs->notify_all();
  state_->http.stop();
}

}  // namespace mixtract::server
