// HttpServer: the service's HTTP server (cpp-httplib inside, nowhere else): routes of HttpHandlers, its
// connections received by a Reception (so that slow clients hold no thread), and able to answer a request
// read from memory, without a socket (for fuzzing).
#ifndef MIXTRACT_SERVER_HTTP_SERVER_H_
#define MIXTRACT_SERVER_HTTP_SERVER_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include "server/http.h"
#include "server/reception.h"

namespace mixtract::server {

struct HttpLimits {
  ReceptionLimits reception;      // How connections are received (deadlines, body size, per address).
  int keep_alive_seconds = 5;     // How long an idle connection is kept, as the answers' Keep-Alive says.
  int keep_alive_requests = 100;  // Requests on one connection.
  int read_timeout_seconds = 10;  // Reading a request, and writing its answer.
};

class HttpServer {
 public:
  HttpServer();
  ~HttpServer();
  HttpServer(const HttpServer&) = delete;
  HttpServer& operator=(const HttpServer&) = delete;

  // Before listening: the limits connections are received and answered within.
  void configure(const HttpLimits& limits);
  // Called before routing with each request: returns true when it answered the request itself.
  void before_routes(std::function<bool(const HttpRequest&, HttpResponse&)> admit);
  // Called for what no route answered or the server could not read (the response's status says which:
  // 404, 413, 400...).
  void on_error(HttpHandler handler);
  // Called when a handler throws.
  void on_exception(HttpHandler handler);
  // Routes: `pattern` is a regular expression over the whole path; its groups are HttpRequest::path_part.
  void get(const std::string& pattern, HttpHandler handler);
  void post(const std::string& pattern, HttpHandler handler);

  // Binds to host:port (port 0: a free one) with a listening queue of SOMAXCONN connections, not
  // httplib's 5 (a full queue drops new connections, and clients wait a second or more to retry).
  // The port, or -1 when it cannot be bound.
  int bind(const std::string& host, int port);
  // Answers requests until stop(); then closes the connections still being received and finishes the
  // requests in flight.
  void listen();
  void stop();
  // The raw response to one raw request, from client address 127.0.0.1.
  std::string answer(std::string_view request);

 private:
  class Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace mixtract::server

#endif  // MIXTRACT_SERVER_HTTP_SERVER_H_
