#include <spdlog/spdlog.h>

#include "server/api_state.h"

namespace mixtract::server {

void send_error(HttpResponse& res, int status, const std::string& code, const std::string& message) {
  res.set_status(status);
  const nlohmann::json body = {
      {"error", {{"code", code}, {"message", message}, {"request_id", res.header(kRequestId)}}}};
  res.set_body(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

void send_json(HttpResponse& res, const nlohmann::ordered_json& body) {
  res.set_body(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

void send_status_error(HttpResponse& res, const Status& status) {
  if (status.code() == StatusCode::kNotFound) return send_error(res, 404, "not_found", status.message());
  if (status.code() == StatusCode::kInvalidArgument) return send_error(res, 400, "bad_request", status.message());
  if (status.code() == StatusCode::kUnavailable) return send_error(res, 503, "unavailable", status.message());
  send_error(res, 500, "internal", status.message());
}

std::string key_of(const HttpRequest& req) {
  const std::string bearer = req.header("Authorization");
  if (bearer.starts_with("Bearer ")) return bearer.substr(7);
  return req.header("X-API-Key");
}

KeyHolder holder_of(const ApiServer::State& s, const HttpRequest& req) {
  if (!s.options.require_keys) return KeyHolder{"local", true};
  return s.keys.holder(key_of(req)).value_or(KeyHolder{"unknown", false});
}

std::optional<std::int64_t> path_id(const HttpRequest& req, HttpResponse& res) {
  try {
    return std::stoll(req.path_part(1));
  } catch (const std::exception&) {
    send_error(res, 404, "not_found", "no such document");
    return std::nullopt;
  }
}

HttpHandler guarded(ApiServer::State& s, std::string route, HttpHandler handler) {
  return [&s, route = std::move(route), handler = std::move(handler)](const HttpRequest& req, HttpResponse& res) {
    const auto start = std::chrono::steady_clock::now();
    try {
      handler(req, res);
    } catch (const std::exception& e) {
      spdlog::error("request {} {} {}: {}", res.header(kRequestId), req.method(), route, e.what());
      send_error(res, 500, "internal", "an internal error; the server's log has it under this request id");
    } catch (...) {
      spdlog::error("request {} {} {}: unknown exception", res.header(kRequestId), req.method(), route);
      send_error(res, 500, "internal", "an internal error; the server's log has it under this request id");
    }
    if (res.status() == -1) res.set_status(200);  // what is sent when the handler set none
    s.metrics.request_done(route, res.status(),
                           std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  };
}

}  // namespace mixtract::server
