// Reception: receives the requests of the server's connections, all of them on one thread (poll), and
// hands each request, once it has arrived whole (its headers, and the body its Content-Length
// announces), to a handler thread. A client that sends slowly or stops sending costs a buffer, not a
// thread, so the handler threads, and with them /healthz and /metrics, stay free for the others.
// Each request must arrive within its deadline, or it is answered 408 and its connection closed; each
// client address may hold a bounded number of connections at once, more are answered 503 at once.
// A connection the handler keeps open (HTTP keep-alive) goes back to waiting for its next request, for
// as long as the headers' deadline; one left idle that long is closed without an answer.
#ifndef MIXTRACT_SERVER_RECEPTION_H_
#define MIXTRACT_SERVER_RECEPTION_H_

#include <chrono>
#include <cstddef>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace httplib {
class ThreadPool;
}

namespace mixtract::server {

struct ReceptionLimits {
  std::chrono::seconds header_deadline{10};  // from the connection to the end of the headers
  // The body's deadline adds the time its length takes at this rate: a large upload on a slow link
  // is taken, a drip is not.
  std::size_t min_body_bytes_per_second = 64u << 10;
  std::size_t max_header_bytes = 64u << 10;      // more: 431
  std::size_t max_body_bytes = 20u << 20;        // a larger body is not received (the routes answer 413)
  std::size_t max_connections_per_address = 16;  // more at once: 503
  std::size_t max_connections = 1000;            // in all; more: 503
  int handler_threads = 9;
};

// A connection whose request has arrived, for the handler to answer.
struct ArrivedRequest {
  int socket = -1;
  std::string bytes;  // The request as received: headers and body.
  std::string remote_ip;
  int remote_port = 0;
  // Whether the connection may carry another request after this one (not when the client sent more
  // than this request: requests are not pipelined).
  bool may_keep_open = false;
};

// Thread-safe.
class Reception {
 public:
  // Answers the request; true when its connection stays open for the next (only if may_keep_open).
  using Handler = std::function<bool(ArrivedRequest&)>;
  Reception(ReceptionLimits limits, Handler handler);
  // stop()s.
  ~Reception();
  Reception(const Reception&) = delete;
  Reception& operator=(const Reception&) = delete;

  // Takes an accepted connection: receives its request and hands it on, or answers an error and closes it.
  void admit(int socket);
  // Closes the connections still being received, finishes the requests handed on. Idempotent.
  void stop();

 private:
  struct Connection;
  void receive_loop();
  // Reads what `c` has sent; false when it is done with (handed on or closed).
  bool receive(Connection& c);
  // Reads and drops what a connection answered and shut for writing still sends; false once it is closed.
  bool linger(Connection& c);
  // Notes the headers that end at `header_end` in `c`: the body's length, whether it is received at all.
  void headers_arrived(Connection& c, std::size_t header_end);
  // False when `c`, read or not this turn (`readable`), is closed: done with, or past its deadline.
  bool stays_open(Connection& c, bool readable, std::chrono::steady_clock::time_point now);
  void refuse(int socket, int status, const std::string& code, const std::string& message);
  void hand_on(Connection& c, bool may_keep_open);
  void release(const std::string& address);

  const ReceptionLimits limits_;
  const Handler handler_;
  int wake_[2] = {-1, -1};  // A pipe: admit() and stop() wake the receiving thread.
  std::mutex mutex_;
  std::vector<std::unique_ptr<Connection>> admitted_;  // Not yet taken up by the receiving thread.
  std::map<std::string, std::size_t> per_address_;     // Open connections by client address.
  std::size_t open_ = 0;
  bool stopping_ = false;
  std::unique_ptr<httplib::ThreadPool> handlers_;
  std::thread receiver_;
};

}  // namespace mixtract::server

#endif  // MIXTRACT_SERVER_RECEPTION_H_
