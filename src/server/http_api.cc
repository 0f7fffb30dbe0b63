#include "server/http_api.h"

#include <openssl/rand.h>

#include <atomic>
#include <chrono>
#include <semaphore>

#include <httplib.h>
#include <nlohmann/json.hpp>
#include <spdlog/spdlog.h>

#include "core/builtin_texts.h"
#include "core/image_header.h"
#include "core/join.h"
#include "mixtract/writers.h"
#include "server/base64.h"
#include "server/metrics.h"
#include "server/rate_limiter.h"

namespace mixtract::server {

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

namespace {

using Clock = std::chrono::steady_clock;
constexpr const char* kRequestId = "X-Request-Id";

// The routes, as metrics label them; any other path is "other".
const char* const kRoutes[] = {"/healthz", "/openapi.json", "/v1/schemas",     "/v1/extract",
                               "/metrics", "/review",       "/v1/review/queue"};
constexpr const char* kReviewDocument = "/v1/review/documents/{id}";

std::string route_of(const std::string& path) {
  for (const char* route : kRoutes) {
    if (path == route) return route;
  }
  return path.starts_with("/v1/review/documents/") ? kReviewDocument : "other";
}

// An error body: {"error": {"code", "message", "request_id"}}.
void send_error(httplib::Response& res, int status, const std::string& code, const std::string& message) {
  res.status = status;
  const nlohmann::json body = {
      {"error", {{"code", code}, {"message", message}, {"request_id", res.get_header_value(kRequestId)}}}};
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

void send_json(httplib::Response& res, const nlohmann::ordered_json& body) {
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

std::string code_of(int status) {
  switch (status) {
    case 400: return "bad_request";
    case 404: return "not_found";
    case 405: return "method_not_allowed";
    case 408: return "timeout";
    case 413: return "too_large";
    case 414: return "uri_too_long";
    case 415: return "unsupported_media_type";
    default: return status >= 500 ? "internal" : "error";
  }
}

// The key the request carries (Authorization: Bearer KEY, or X-API-Key), or "".
std::string key_of(const httplib::Request& req) {
  const std::string bearer = req.get_header_value("Authorization");
  if (bearer.starts_with("Bearer ")) return bearer.substr(7);
  return req.get_header_value("X-API-Key");
}

// A client's file name without folders or control characters; "upload" when nothing is left.
std::string safe_file_name(const std::string& name) {
  std::string base = std::filesystem::path(name).filename().string();
  if (const std::size_t slash = base.find_last_of("/\\"); slash != std::string::npos) base.erase(0, slash + 1);
  std::string out;
  for (const char c : base) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
  }
  return out.empty() || out == "." || out == ".." ? "upload" : out.substr(0, 255);
}

// Runs `handler`, turning anything it throws into a 500 that names the request id, and counts it.
httplib::Server::Handler guarded(ApiServer::State& s, std::string route, httplib::Server::Handler handler) {
  return [&s, route = std::move(route), handler = std::move(handler)](const httplib::Request& req,
                                                                      httplib::Response& res) {
    const Clock::time_point start = Clock::now();
    try {
      handler(req, res);
    } catch (const std::exception& e) {
      spdlog::error("request {} {} {}: {}", res.get_header_value(kRequestId), req.method, route, e.what());
      send_error(res, 500, "internal", "an internal error; the server's log has it under this request id");
    } catch (...) {
      spdlog::error("request {} {} {}: unknown exception", res.get_header_value(kRequestId), req.method, route);
      send_error(res, 500, "internal", "an internal error; the server's log has it under this request id");
    }
    if (res.status == -1) res.status = 200;  // what httplib sends when the handler set none
    s.metrics.request_done(route, res.status, std::chrono::duration<double>(Clock::now() - start).count());
  };
}

nlohmann::ordered_json schemas_json(const ApiServer::State& s) {
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const auto& [name, extractor] : s.extractors) {
    if (name == "auto") continue;
    const Schema& schema = extractor->schemas().front();
    nlohmann::ordered_json fields = nlohmann::ordered_json::array();
    for (const FieldSpec& f : schema.fields) {
      fields.push_back({{"name", f.name}, {"label", f.label}, {"kind", std::string(field_kind_name(f.kind))}});
    }
    out.push_back({{"name", schema.name}, {"title", schema.title}, {"fields", fields}});
  }
  return out;
}

// The image, schema and file name of an extract request, or an error already written to `res`.
struct ExtractInput {
  std::string image;
  std::string schema = "auto";
  std::string file_name = "upload";
};

bool read_extract_input(const httplib::Request& req, httplib::Response& res, ExtractInput& in) {
  if (req.is_multipart_form_data()) {
    if (!req.has_file("image")) {
      send_error(res, 400, "missing_image", "the multipart form has no 'image' part: send the image file as 'image'");
      return false;
    }
    const httplib::MultipartFormData image = req.get_file_value("image");
    in.image = image.content;
    if (!image.filename.empty()) in.file_name = safe_file_name(image.filename);
    if (req.has_file("schema")) in.schema = req.get_file_value("schema").content;
    return true;
  }
  if (req.get_header_value("Content-Type").starts_with("application/json")) {
    const nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
      send_error(res, 400, "bad_json", "the body is not a JSON object");
      return false;
    }
    if (!body.contains("image_base64") || !body["image_base64"].is_string()) {
      send_error(res, 400, "missing_image", "the JSON body needs \"image_base64\": the image file's bytes in base64");
      return false;
    }
    std::optional<std::string> image = decode_base64(body["image_base64"].get_ref<const std::string&>());
    if (!image) {
      send_error(res, 400, "bad_base64", "\"image_base64\" is not valid base64");
      return false;
    }
    in.image = *std::move(image);
    for (const char* key : {"schema", "file_name"}) {
      if (body.contains(key) && !body[key].is_string()) {
        send_error(res, 400, "bad_json", std::string("\"") + key + "\" must be a string");
        return false;
      }
    }
    if (body.contains("schema")) in.schema = body["schema"].get<std::string>();
    if (body.contains("file_name")) in.file_name = safe_file_name(body["file_name"].get<std::string>());
    return true;
  }
  send_error(res, 415, "unsupported_media_type",
             "send multipart/form-data with an 'image' part, or application/json with \"image_base64\"");
  return false;
}

void extract(ApiServer::State& s, const httplib::Request& req, httplib::Response& res) {
  ExtractInput in;
  if (!read_extract_input(req, res, in)) return;
  const auto found = s.extractors.find(in.schema);
  if (found == s.extractors.end()) {
    std::vector<std::string> known;
    for (const auto& [name, extractor] : s.extractors) known.push_back(name);
    send_error(res, 400, "unknown_schema", "unknown schema '" + in.schema + "'; known: " + join(known));
    return;
  }
  if (in.image.empty()) {
    send_error(res, 400, "missing_image", "the image is empty");
    return;
  }
  auto too_many_pixels = [&](long long width, long long height) {
    if (width * height <= s.options.max_pixels) return false;
    send_error(res, 413, "image_too_large",
               "the image is " + std::to_string(width) + " x " + std::to_string(height) + " pixels; the limit is " +
                   std::to_string(s.options.max_pixels) + " pixels: send a smaller scan");
    return true;
  };
  if (const std::optional<ImageSize> size = peek_image_size(in.image);
      size && too_many_pixels(size->width, size->height)) {
    return;
  }
  Result<Document> document = Document::decode(in.image, in.file_name);
  if (!document.ok()) {
    send_error(res, 422, "not_an_image", document.status().message());
    return;
  }
  if (too_many_pixels(document->image().cols, document->image().rows)) return;

  if (++s.metrics.waiting > s.options.max_waiting) {
    --s.metrics.waiting;
    res.set_header("Retry-After", "5");
    send_error(res, 503, "busy", "too many documents are waiting; try again shortly");
    return;
  }
  const bool got = s.slots.try_acquire_for(std::chrono::seconds(s.options.wait_seconds));
  --s.metrics.waiting;
  if (!got) {
    res.set_header("Retry-After", "5");
    send_error(res, 503, "busy", "no worker became free within " + std::to_string(s.options.wait_seconds) + " s");
    return;
  }
  ++s.metrics.running;
  struct Release {
    ApiServer::State& s;
    ~Release() {
      --s.metrics.running;
      s.slots.release();
    }
  } release{s};
  const Record record = found->second->extract(*document);
  s.metrics.record_done(record);
  // A document the review queue cannot keep is still answered; the log says why it is not queued.
  if (Result<std::optional<std::int64_t>> queued = s.review->add(record, *document); !queued.ok()) {
    spdlog::error("request {}: {}", res.get_header_value(kRequestId), queued.status().message());
  } else if (*queued) {
    res.set_header("X-Review-Id", std::to_string(**queued));
  }
  send_json(res, record_to_json(record));
}

// Who made a request: the key's name, or "local" without keys.
std::string who_of(const ApiServer::State& s, const httplib::Request& req) {
  return s.options.require_keys ? s.keys.owner(key_of(req)).value_or("unknown") : "local";
}

// The document {id} of the path, or an error already written.
std::optional<std::int64_t> document_id(const httplib::Request& req, httplib::Response& res) {
  try {
    return std::stoll(req.matches[1].str());
  } catch (const std::exception&) {
    send_error(res, 404, "not_found", "no such document");
    return std::nullopt;
  }
}

void send_status_error(httplib::Response& res, const Status& status) {
  const bool not_found = status.code() == StatusCode::kNotFound;
  const bool bad = status.code() == StatusCode::kInvalidArgument;
  send_error(res,
             not_found ? 404
             : bad     ? 400
                       : 500,
             not_found ? "not_found"
             : bad     ? "bad_request"
                       : "internal",
             status.message());
}

void review_queue(const ApiServer::State& s, httplib::Response& res) {
  Result<std::vector<ReviewDocument>> queue = s.review->queue();
  if (!queue.ok()) return send_status_error(res, queue.status());
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const ReviewDocument& d : *queue) {
    out.push_back(
        {{"id", d.id}, {"source", d.source}, {"schema", d.schema}, {"created", d.created}, {"pending", d.pending()}});
  }
  send_json(res, out);
}

void review_document(const ApiServer::State& s, const httplib::Request& req, httplib::Response& res) {
  const std::optional<std::int64_t> id = document_id(req, res);
  if (!id) return;
  Result<std::optional<ReviewDocument>> found = s.review->document(*id);
  if (!found.ok()) return send_status_error(res, found.status());
  if (!*found) return send_error(res, 404, "not_found", "no document " + std::to_string(*id) + " in the review queue");
  const ReviewDocument& d = **found;
  nlohmann::ordered_json decisions = nlohmann::ordered_json::object();
  for (const auto& [field, c] : d.corrections) {
    decisions[field] = {{"action", c.action}, {"value", c.value}, {"who", c.who}, {"at", c.at}};
  }
  send_json(res, {{"id", d.id},
                  {"source", d.source},
                  {"schema", d.schema},
                  {"created", d.created},
                  {"to_review", d.to_review},
                  {"pending", d.pending()},
                  {"decisions", decisions},
                  {"record", nlohmann::ordered_json::parse(d.record_json, nullptr, false)}});
}

void review_page_image(const ApiServer::State& s, const httplib::Request& req, httplib::Response& res) {
  const std::optional<std::int64_t> id = document_id(req, res);
  if (!id) return;
  Result<std::optional<std::string>> page = s.review->page(*id);
  if (!page.ok()) return send_status_error(res, page.status());
  if (!*page) return send_error(res, 404, "not_found", "no document " + std::to_string(*id) + " in the review queue");
  res.set_header("Cache-Control", "private, max-age=3600");
  res.set_content(**page, "image/jpeg");
}

void review_decide(ApiServer::State& s, const httplib::Request& req, httplib::Response& res) {
  const std::optional<std::int64_t> id = document_id(req, res);
  if (!id) return;
  const nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object() || !body.contains("field") || !body["field"].is_string() ||
      !body.contains("action") || !body["action"].is_string() ||
      (body.contains("value") && !body["value"].is_string())) {
    return send_error(res, 400, "bad_json",
                      "send {\"field\": NAME, \"action\": \"accept\" or \"edit\", \"value\": TEXT}");
  }
  const Status decided = s.review->decide(*id, body["field"], body["action"], body.value("value", ""), who_of(s, req));
  if (!decided.ok()) return send_status_error(res, decided);
  review_document(s, req, res);
}

// A file of the review page, with a policy that lets it load nothing from elsewhere.
void send_page_file(httplib::Response& res, std::string_view name, const char* type) {
  for (const BuiltinText& text : builtin_server_texts()) {
    if (text.name == name) res.set_content(std::string(text.text), type);
  }
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; connect-src 'self'; "
                 "form-action 'self'; frame-ancestors 'none'");
  res.set_header("X-Content-Type-Options", "nosniff");
}

std::string_view openapi_text() {
  for (const BuiltinText& text : builtin_server_texts()) {
    if (text.name == "openapi") return text.text;
  }
  return "{}";
}

}  // namespace

ApiServer::ApiServer(std::map<std::string, std::shared_ptr<const Extractor>> extractors, ApiKeys keys,
                     std::shared_ptr<ReviewStore> review, ServerOptions options)
    : state_(std::make_unique<State>(std::move(extractors), std::move(keys), std::move(review), std::move(options))) {
  State& s = *state_;
  unsigned char random[4];
  if (RAND_bytes(random, sizeof random) == 1) {
    for (const unsigned char b : random)
      s.id_prefix += "0123456789abcdef"[b >> 4], s.id_prefix += "0123456789abcdef"[b & 15];
  }
  const std::size_t threads = static_cast<std::size_t>(std::max(1, s.options.workers)) + 8;
  s.http.new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
  s.http.set_payload_max_length(s.options.max_body_bytes);
  s.http.set_read_timeout(s.options.read_timeout_seconds, 0);
  s.http.set_write_timeout(s.options.read_timeout_seconds, 0);
  s.http.set_keep_alive_timeout(std::min(5, s.options.read_timeout_seconds));

  s.http.set_pre_routing_handler([&s](const httplib::Request& req, httplib::Response& res) {
    res.set_header(kRequestId, s.id_prefix + "-" + std::to_string(++s.next_id));
    if (req.path == "/healthz" || req.path == "/openapi.json" || req.path == "/review" ||
        req.path.starts_with("/review/")) {
      return httplib::Server::HandlerResponse::Unhandled;
    }
    std::string key = key_of(req);
    if (s.options.require_keys) {
      if (!s.keys.owner(key)) {
        res.set_header("WWW-Authenticate", "Bearer");
        send_error(res, 401, "unauthorized",
                   key.empty()
                       ? "an API key is needed: Authorization: Bearer KEY (make one with mixtract serve --new-key NAME)"
                       : "the API key is not valid");
        s.metrics.request_done(route_of(req.path), 401, 0);
        return httplib::Server::HandlerResponse::Handled;
      }
    } else {
      key = req.remote_addr;  // without keys, each client address has its own limit
    }
    int retry_after = 0;
    if (!s.limiter.allow(key, Clock::now(), retry_after)) {
      res.set_header("Retry-After", std::to_string(retry_after));
      send_error(res, 429, "rate_limited",
                 "more than " + std::to_string(s.options.rate_per_minute) + " requests a minute; try again in " +
                     std::to_string(retry_after) + " s");
      s.metrics.request_done(route_of(req.path), 429, 0);
      return httplib::Server::HandlerResponse::Handled;
    }
    return httplib::Server::HandlerResponse::Unhandled;
  });
  s.http.set_error_handler([&s](const httplib::Request& req, httplib::Response& res) {
    if (!res.body.empty()) return;
    std::string message = res.status == 404 ? "no such route: " + req.method + " " + req.path + " (see /openapi.json)"
                          : res.status == 413
                              ? "the request is larger than " + std::to_string(s.options.max_body_bytes >> 20) + " MiB"
                              : "the request could not be read: malformed, incomplete or too slow";
    if (res.status == 404) s.metrics.request_done("other", 404, 0);
    send_error(res, res.status, code_of(res.status), message);
  });
  s.http.set_exception_handler([](const httplib::Request&, httplib::Response& res, std::exception_ptr) {
    send_error(res, 500, "internal", "an internal error; the server's log has it under this request id");
  });

  s.http.Get("/healthz", guarded(s, "/healthz", [](const httplib::Request&, httplib::Response& res) {
               send_json(res, {{"status", "ok"}});
             }));
  s.http.Get("/openapi.json", guarded(s, "/openapi.json", [](const httplib::Request&, httplib::Response& res) {
               res.set_content(std::string(openapi_text()), "application/json");
             }));
  s.http.Get("/v1/schemas", guarded(s, "/v1/schemas", [&s](const httplib::Request&, httplib::Response& res) {
               send_json(res, schemas_json(s));
             }));
  s.http.Post("/v1/extract", guarded(s, "/v1/extract", [&s](const httplib::Request& req, httplib::Response& res) {
                extract(s, req, res);
              }));
  s.http.Get("/review", guarded(s, "/review", [](const httplib::Request&, httplib::Response& res) {
               send_page_file(res, "review_page", "text/html; charset=utf-8");
             }));
  s.http.Get("/review/app.js", guarded(s, "/review", [](const httplib::Request&, httplib::Response& res) {
               send_page_file(res, "review_script", "text/javascript; charset=utf-8");
             }));
  s.http.Get("/review/style.css", guarded(s, "/review", [](const httplib::Request&, httplib::Response& res) {
               send_page_file(res, "review_style", "text/css; charset=utf-8");
             }));
  s.http.Get("/v1/review/queue", guarded(s, "/v1/review/queue", [&s](const httplib::Request&, httplib::Response& res) {
               review_queue(s, res);
             }));
  s.http.Get(R"(/v1/review/documents/(\d+))",
             guarded(s, kReviewDocument,
                     [&s](const httplib::Request& req, httplib::Response& res) { review_document(s, req, res); }));
  s.http.Get(R"(/v1/review/documents/(\d+)/page)",
             guarded(s, kReviewDocument,
                     [&s](const httplib::Request& req, httplib::Response& res) { review_page_image(s, req, res); }));
  s.http.Post(R"(/v1/review/documents/(\d+)/decisions)",
              guarded(s, kReviewDocument,
                      [&s](const httplib::Request& req, httplib::Response& res) { review_decide(s, req, res); }));
  s.http.Get("/metrics", guarded(s, "/metrics", [&s](const httplib::Request&, httplib::Response& res) {
               res.set_content(s.metrics.render(), "text/plain; version=0.0.4");
             }));
}

ApiServer::~ApiServer() = default;

Result<int> ApiServer::bind() {
  State& s = *state_;
  const int port = s.options.port == 0 ? s.http.bind_to_any_port(s.options.host)
                                       : (s.http.bind_to_port(s.options.host, s.options.port) ? s.options.port : -1);
  if (port <= 0) {
    return Status::unavailable("cannot listen on " + s.options.host + ":" + std::to_string(s.options.port) +
                               ": the port is taken or the address is not this machine's");
  }
  return port;
}

void ApiServer::serve() {
  state_->http.listen_after_bind();
}

void ApiServer::stop() {
  state_->http.stop();
}

}  // namespace mixtract::server
