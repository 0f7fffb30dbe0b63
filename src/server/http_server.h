// HttpServer: httplib's server, its connections received by a Reception (so that slow clients hold no
// thread), and able to answer a request read from memory, without a socket (for fuzzing).
#ifndef MIXTRACT_SERVER_HTTP_SERVER_H_
#define MIXTRACT_SERVER_HTTP_SERVER_H_

#include <functional>
#include <memory>
#include <string>
#include <string_view>

#include <httplib.h>

#include "server/reception.h"

namespace mixtract::server {

class HttpServer : public httplib::Server {
 public:
  HttpServer();
  // Binds to host:port (port 0: a free one) with a listening queue of SOMAXCONN connections, not
  // httplib's 5 (a full queue drops new connections, and clients wait a second or more to retry).
  // The port, or -1 when it cannot be bound.
  int bind(const std::string& host, int port);
  // Before listening: connections are received within `limits`.
  void receive_with(const ReceptionLimits& limits);
  // After listening: closes the connections still being received, finishes the requests in flight.
  void stop_receiving();
  // The raw response to one raw request, from client address 127.0.0.1.
  std::string answer(std::string_view request);

 private:
  bool process_and_close_socket(socket_t socket) override;
  std::unique_ptr<Reception> reception_;
  int listening_socket_ = -1;  // The last socket httplib created to listen on.
};

}  // namespace mixtract::server

#endif  // MIXTRACT_SERVER_HTTP_SERVER_H_
