// HttpConnections: the one adapter over the HTTP library (cpp-httplib) for the LLM client: GET and POST
// of JSON to one server over kept-alive connections, http or https.
#ifndef MIXTRACT_LLM_HTTP_CONNECTIONS_H_
#define MIXTRACT_LLM_HTTP_CONNECTIONS_H_

#include <chrono>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

namespace httplib {
class Client;
}

namespace mixtract {

struct HttpResult {
  int status = 0;  // The HTTP status; 0 when no response came (see error).
  std::string body;
  std::string retry_after;  // The Retry-After header, when sent.
  std::string error;        // Why no response came: connection refused, timeout, ...
};

// Thread-safe: each request takes an idle connection or opens one, and gives it back after.
class HttpConnections {
 public:
  // `origin`: "http://host:port" or "https://host[:port]". `bearer`: sent as Authorization when not "".
  HttpConnections(std::string origin, std::string bearer, std::chrono::milliseconds timeout);
  ~HttpConnections();
  HttpConnections(const HttpConnections&) = delete;
  HttpConnections& operator=(const HttpConnections&) = delete;

  HttpResult get(const std::string& path);
  HttpResult post_json(const std::string& path, const std::string& body);

 private:
  std::unique_ptr<httplib::Client> take();
  void give_back(std::unique_ptr<httplib::Client> client);

  std::string origin_;
  std::string bearer_;
  std::chrono::milliseconds timeout_;
  std::mutex mutex_;
  std::vector<std::unique_ptr<httplib::Client>> idle_;
};

}  // namespace mixtract

#endif  // MIXTRACT_LLM_HTTP_CONNECTIONS_H_
