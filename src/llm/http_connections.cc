#include "llm/http_connections.h"

#include <httplib.h>

namespace mixtract {
namespace {

// Why no response came, in words.
std::string error_text(httplib::Error error) {
  switch (error) {
    case httplib::Error::Connection: return "cannot connect (is the server running?)";
    case httplib::Error::ConnectionTimeout: return "timed out connecting";
    case httplib::Error::Read: return "no answer in time, or the connection closed while reading it";
    case httplib::Error::Write: return "the connection closed while sending";
    case httplib::Error::SSLConnection: return "the TLS handshake failed";
    case httplib::Error::SSLServerVerification: return "the server's TLS certificate is not trusted";
    default: return httplib::to_string(error);
  }
}

HttpResult result_of(const httplib::Result& response) {
  HttpResult result;
  if (!response) {
    result.error = error_text(response.error());
    return result;
  }
  result.status = response->status;
  result.body = response->body;
  result.retry_after = response->get_header_value("Retry-After");
  return result;
}

}  // namespace

HttpConnections::HttpConnections(std::string origin, std::string bearer, std::chrono::milliseconds timeout)
    : origin_(std::move(origin)), bearer_(std::move(bearer)), timeout_(timeout) {}

HttpConnections::~HttpConnections() = default;

std::unique_ptr<httplib::Client> HttpConnections::take() {
  {
    std::lock_guard lock(mutex_);
    if (!idle_.empty()) {
      std::unique_ptr<httplib::Client> client = std::move(idle_.back());
      idle_.pop_back();
      return client;
    }
  }
  auto client = std::make_unique<httplib::Client>(origin_);
  client->set_keep_alive(true);
  client->set_tcp_nodelay(true);  // Headers and body go out at once, not 40 ms apart.
  client->set_connection_timeout(timeout_);
  client->set_read_timeout(timeout_);
  client->set_write_timeout(timeout_);
  if (!bearer_.empty()) client->set_bearer_token_auth(bearer_);
  return client;
}

void HttpConnections::give_back(std::unique_ptr<httplib::Client> client) {
  std::lock_guard lock(mutex_);
  idle_.push_back(std::move(client));
}

HttpResult HttpConnections::get(const std::string& path) {
  std::unique_ptr<httplib::Client> client = take();
  HttpResult result = result_of(client->Get(path));
  if (result.status != 0) give_back(std::move(client));  // A broken connection is dropped.
  return result;
}

HttpResult HttpConnections::post_json(const std::string& path, const std::string& body) {
  std::unique_ptr<httplib::Client> client = take();
  HttpResult result = result_of(client->Post(path, body, "application/json"));
  if (result.status != 0) give_back(std::move(client));
  return result;
}

}  // namespace mixtract
