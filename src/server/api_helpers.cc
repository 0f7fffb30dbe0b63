#include <spdlog/spdlog.h>

#include "server/api_state.h"

namespace mixtract::server {

void send_error(httplib::Response& res, int status, const std::string& code, const std::string& message) {
  res.status = status;
  const nlohmann::json body = {
      {"error", {{"code", code}, {"message", message}, {"request_id", res.get_header_value(kRequestId)}}}};
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

void send_json(httplib::Response& res, const nlohmann::ordered_json& body) {
  res.set_content(body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace), "application/json");
}

void send_status_error(httplib::Response& res, const Status& status) {
  if (status.code() == StatusCode::kNotFound) return send_error(res, 404, "not_found", status.message());
  if (status.code() == StatusCode::kInvalidArgument) return send_error(res, 400, "bad_request", status.message());
  if (status.code() == StatusCode::kUnavailable) return send_error(res, 503, "unavailable", status.message());
  send_error(res, 500, "internal", status.message());
}

std::string key_of(const httplib::Request& req) {
  const std::string bearer = req.get_header_value("Authorization");
  if (bearer.starts_with("Bearer ")) return bearer.substr(7);
  return req.get_header_value("X-API-Key");
}

KeyHolder holder_of(const ApiServer::State& s, const httplib::Request& req) {
  if (!s.options.require_keys) return KeyHolder{"local", true};
  return s.keys.holder(key_of(req)).value_or(KeyHolder{"unknown", false});
}

std::optional<std::int64_t> path_id(const httplib::Request& req, httplib::Response& res) {
  try {
    return std::stoll(req.matches[1].str());
  } catch (const std::exception&) {
    send_error(res, 404, "not_found", "no such document");
    return std::nullopt;
  }
}

httplib::Server::Handler guarded(ApiServer::State& s, std::string route, httplib::Server::Handler handler) {
  return [&s, route = std::move(route), handler = std::move(handler)](const httplib::Request& req,
                                                                      httplib::Response& res) {
    const auto start = std::chrono::steady_clock::now();
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
    s.metrics.request_done(route, res.status,
                           std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
  };
}

}  // namespace mixtract::server
