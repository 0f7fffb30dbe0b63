#include "server/reception.h"

#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <optional>
#include <string_view>

#include <arpa/inet.h>
#include <fcntl.h>
#include <httplib.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <nlohmann/json.hpp>
#include <poll.h>

#include "core/ascii.h"

namespace mixtract::server {
namespace {

using Clock = std::chrono::steady_clock;

// The value of header `name` in the header block `headers`, or nullopt.
std::optional<std::string_view> header_value(std::string_view headers, std::string_view name) {
  for (std::size_t start = headers.find("\r\n"); start != std::string_view::npos && start + 2 < headers.size();) {
    start += 2;
    const std::size_t end = headers.find("\r\n", start);
    const std::string_view line = headers.substr(start, end - start);
    const std::size_t colon = line.find(':');
    if (colon != std::string_view::npos && lower_ascii(line.substr(0, colon)) == name) {
      return trim(line.substr(colon + 1));
    }
    start = end;
  }
  return std::nullopt;
}

// The peer's address and port of a connected socket.
std::pair<std::string, int> peer_of(int socket) {
  sockaddr_storage address{};
  socklen_t length = sizeof address;
  char text[INET6_ADDRSTRLEN] = "";
  int port = 0;
  if (getpeername(socket, reinterpret_cast<sockaddr*>(&address), &length) == 0) {
    if (address.ss_family == AF_INET) {
      const auto* v4 = reinterpret_cast<const sockaddr_in*>(&address);
      inet_ntop(AF_INET, &v4->sin_addr, text, sizeof text);
      port = ntohs(v4->sin_port);
    } else if (address.ss_family == AF_INET6) {
      const auto* v6 = reinterpret_cast<const sockaddr_in6*>(&address);
      inet_ntop(AF_INET6, &v6->sin6_addr, text, sizeof text);
      port = ntohs(v6->sin6_port);
    }
  }
  return {text, port};
}

const char* reason_phrase(int status) {
  switch (status) {
    case 408: return "Request Timeout";
    case 431: return "Request Header Fields Too Large";
    default: return "Service Unavailable";
  }
}

void set_blocking(int socket, bool blocking) {
  const int flags = fcntl(socket, F_GETFL, 0);
  fcntl(socket, F_SETFL, blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK);
}

}  // namespace

struct Reception::Connection {
  int socket = -1;
  std::string address;
  int port = 0;
  std::string bytes;
  Clock::time_point deadline;
  std::size_t header_end = 0;  // The length of the headers with their blank line; 0 until they are in.
  std::size_t wanted = 0;      // The length of the whole request, once the headers are in.
  // Answered: what the client still sends is read and dropped until it closes or stops sending, so that
  // closing with unread bytes (a body refused as too large, which many clients send whole before they
  // read) does not reset the connection before the client has read the answer.
  bool lingering = false;
  Clock::time_point linger_end;   // Lingering: closed by then even if the client goes on sending.
  bool kept = false;              // Kept open after an answer: closed without one if no request comes.
  bool body_left_unread = false;  // A body not received (too large, or not framed by its length).
};

// An answered connection is closed once its client has sent nothing for kLingerIdle, or after kLingerMost.
constexpr std::chrono::seconds kLingerIdle{2};
constexpr std::chrono::seconds kLingerMost{30};

Reception::Reception(ReceptionLimits limits, Handler handler) : limits_(limits), handler_(std::move(handler)) {
  if (pipe2(wake_, O_CLOEXEC | O_NONBLOCK) != 0) wake_[0] = wake_[1] = -1;
  handlers_ = std::make_unique<httplib::ThreadPool>(static_cast<std::size_t>(std::max(1, limits_.handler_threads)));
  receiver_ = std::thread([this] { receive_loop(); });
}

Reception::~Reception() {
  stop();
  if (wake_[0] >= 0) close(wake_[0]), close(wake_[1]);
}

void Reception::stop() {
  {
    std::lock_guard lock(mutex_);
    if (stopping_) return;
    stopping_ = true;
  }
  if (wake_[1] >= 0) (void)!write(wake_[1], "x", 1);
  if (receiver_.joinable()) receiver_.join();
  handlers_->shutdown();  // Finishes the requests handed on.
}

void Reception::admit(int socket) {
  auto [address, port] = peer_of(socket);
  std::string refused;
  {
    std::lock_guard lock(mutex_);
    if (stopping_) {
      refused = "the server is stopping";
    } else if (open_ >= limits_.max_connections) {
      refused = "the server holds " + std::to_string(open_) + " connections, its most; try again shortly";
    } else if (per_address_[address] >= limits_.max_connections_per_address) {
      refused = "this address holds " + std::to_string(limits_.max_connections_per_address) +
                " connections to the server, its most; close some or try again shortly";
    } else {
      ++open_;
      ++per_address_[address];
      auto connection = std::make_unique<Connection>();
      connection->socket = socket;
      connection->address = std::move(address);
      connection->port = port;
      connection->deadline = Clock::now() + limits_.header_deadline;
      admitted_.push_back(std::move(connection));
    }
  }
  if (!refused.empty()) return refuse(socket, 503, "unavailable", refused);
  if (wake_[1] >= 0) (void)!write(wake_[1], "x", 1);
}

void Reception::refuse(int socket, int status, const std::string& code, const std::string& message) {
  const nlohmann::json body = {{"error", {{"code", code}, {"message", message}, {"request_id", ""}}}};
  const std::string text = body.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
  const std::string response = "HTTP/1.1 " + std::to_string(status) + " " + reason_phrase(status) +
                               "\r\nContent-Type: application/json\r\nContent-Length: " + std::to_string(text.size()) +
                               "\r\nConnection: close\r\n\r\n" + text;
  set_blocking(socket, false);  // Best effort: a client that does not read gets nothing.
  (void)!send(socket, response.data(), response.size(), MSG_NOSIGNAL);
  shutdown(socket, SHUT_WR);
  close(socket);
}

void Reception::release(const std::string& address) {
  std::lock_guard lock(mutex_);
  --open_;
  if (--per_address_[address] == 0) per_address_.erase(address);
}

bool Reception::linger(Connection& c) {
  char buffer[64 << 10];
  // At most 16 buffers a turn, so that a client that floods cannot hold this thread.
  for (int turn = 0; turn < 16; ++turn) {
    const ssize_t n = recv(c.socket, buffer, sizeof buffer, 0);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return true;
    if (n > 0) {
      c.deadline = std::min(Clock::now() + kLingerIdle, c.linger_end);
      continue;
    }
    close(c.socket);
    release(c.address);
    return false;
  }
  return true;
}

void Reception::headers_arrived(Connection& c, std::size_t header_end) {
  c.header_end = header_end;
  const std::string_view headers(c.bytes.data(), c.header_end);
  std::size_t length = 0;
  if (const auto value = header_value(headers, "content-length")) {
    const auto [end, error] = std::from_chars(value->data(), value->data() + value->size(), length);
    if (error != std::errc() || end != value->data() + value->size()) length = 0;  // The routes answer 400.
  }
  // A body not framed by its length, or too large, is not received: the routes answer 411/415/413,
  // and the connection, on which it may still come, is not kept.
  if (header_value(headers, "transfer-encoding") || length > limits_.max_body_bytes) {
    length = 0;
    c.body_left_unread = true;
  }
  c.wanted = c.header_end + length;
  c.deadline += std::chrono::seconds(length / limits_.min_body_bytes_per_second);
  if (length > 0 && header_value(headers, "expect") == std::optional<std::string_view>("100-continue")) {
    // The client waits for this before it sends the body. (httplib sends its own 100 when it takes the
    // request; a client takes any number of 1xx answers before the final one.)
    constexpr std::string_view kContinue = "HTTP/1.1 100 Continue\r\n\r\n";
    (void)!send(c.socket, kContinue.data(), kContinue.size(), MSG_NOSIGNAL);
  }
}

bool Reception::receive(Connection& c) {
  if (c.lingering) return linger(c);
  char buffer[64 << 10];
  while (c.header_end == 0 || c.bytes.size() < c.wanted) {
    const std::size_t room = c.header_end == 0 ? sizeof buffer : std::min(sizeof buffer, c.wanted - c.bytes.size());
    const ssize_t n = recv(c.socket, buffer, room, 0);
    if (n < 0 && (errno == EAGAIN || errno == EWOULDBLOCK || errno == EINTR)) return true;
    if (n <= 0) {  // The client closed, or the connection broke: nothing to answer.
      close(c.socket);
      release(c.address);
      return false;
    }
    const std::size_t searched_from = c.bytes.size() >= 3 ? c.bytes.size() - 3 : 0;
    c.bytes.append(buffer, static_cast<std::size_t>(n));
    if (c.header_end != 0) continue;
    const std::size_t blank = c.bytes.find("\r\n\r\n", searched_from);
    if (blank == std::string::npos) {
      if (c.bytes.size() <= limits_.max_header_bytes) continue;
      refuse(c.socket, 431, "headers_too_large",
             "the request's headers are larger than " + std::to_string(limits_.max_header_bytes >> 10) + " KiB");
      release(c.address);
      return false;
    }
    headers_arrived(c, blank + 4);
  }
  const bool pipelined = c.bytes.size() > c.wanted;
  c.bytes.resize(c.wanted);  // Whatever a client sent after its request is not answered, nor is it kept open.
  hand_on(c, !pipelined && !c.body_left_unread);
  return false;
}

void Reception::hand_on(Connection& c, bool may_keep_open) {
  set_blocking(c.socket, true);
  const timeval timeout{static_cast<time_t>(limits_.header_deadline.count()), 0};
  setsockopt(c.socket, SOL_SOCKET, SO_SNDTIMEO, &timeout, sizeof timeout);  // A client that does not read.
  // The answer goes out in several writes (headers, body): without this, Nagle's algorithm holds the
  // last one until the client's delayed acknowledgement (about 40 ms a request).
  const int nodelay = 1;
  setsockopt(c.socket, IPPROTO_TCP, TCP_NODELAY, &nodelay, sizeof nodelay);
  auto request =
      std::make_shared<ArrivedRequest>(ArrivedRequest{c.socket, std::move(c.bytes), c.address, c.port, may_keep_open});
  handlers_->enqueue([this, request] {
    const bool keep_open = handler_(*request) && request->may_keep_open;
    auto answered = std::make_unique<Connection>();
    answered->socket = request->socket;
    answered->address = std::move(request->remote_ip);
    answered->port = request->remote_port;
    if (keep_open) {  // Waits for the next request.
      answered->deadline = Clock::now() + limits_.header_deadline;
      answered->kept = true;
    } else {
      shutdown(request->socket, SHUT_WR);
      answered->deadline = Clock::now() + kLingerIdle;
      answered->linger_end = Clock::now() + kLingerMost;
      answered->lingering = true;
    }
    {
      std::lock_guard lock(mutex_);
      if (!stopping_) {
        admitted_.push_back(std::move(answered));
        if (wake_[1] >= 0) (void)!write(wake_[1], "x", 1);
        return;
      }
    }
    close(answered->socket);  // Stopping: no receiving thread to linger on.
    release(answered->address);
  });
}

bool Reception::stays_open(Connection& c, bool readable, Clock::time_point now) {
  if (readable && !receive(c)) return false;
  if (now < c.deadline) return true;
  if (c.lingering || (c.kept && c.bytes.empty())) {
    close(c.socket);
    release(c.address);
    return false;
  }
  refuse(c.socket, 408, "timeout",
         "the request did not arrive within its time: " + std::to_string(limits_.header_deadline.count()) +
             " s for the headers, and the body at " + std::to_string(limits_.min_body_bytes_per_second >> 10) +
             " KiB/s or faster");
  release(c.address);
  return false;
}

void Reception::receive_loop() {
  std::vector<std::unique_ptr<Connection>> connections;
  std::vector<pollfd> polled;
  for (;;) {
    {
      std::lock_guard lock(mutex_);
      if (stopping_) break;
      for (auto& c : admitted_) {
        set_blocking(c->socket, false);
        connections.push_back(std::move(c));
      }
      admitted_.clear();
    }
    polled.assign(1, pollfd{wake_[0], POLLIN, 0});
    Clock::time_point first_deadline = Clock::time_point::max();
    for (const auto& c : connections) {
      polled.push_back(pollfd{c->socket, POLLIN, 0});
      first_deadline = std::min(first_deadline, c->deadline);
    }
    int timeout_ms = -1;
    if (!connections.empty()) {
      const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(first_deadline - Clock::now());
      timeout_ms = static_cast<int>(std::clamp<long long>(left.count() + 1, 0, 60'000));
    }
    poll(polled.data(), polled.size(), timeout_ms);
    if (polled[0].revents != 0) {
      char drained[64];
      while (read(wake_[0], drained, sizeof drained) > 0) {
      }
    }
    const Clock::time_point now = Clock::now();
    std::size_t kept = 0;
    for (std::size_t i = 0; i < connections.size(); ++i) {
      if (stays_open(*connections[i], polled[i + 1].revents != 0, now)) connections[kept++] = std::move(connections[i]);
    }
    connections.resize(kept);
  }
  {
    std::lock_guard lock(mutex_);
    for (auto& c : admitted_) connections.push_back(std::move(c));
    admitted_.clear();
  }
  for (const auto& c : connections) {
    close(c->socket);
    release(c->address);
  }
}

}  // namespace mixtract::server
