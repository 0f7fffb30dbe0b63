#include "server/http_server.h"

#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>

#include <httplib.h>

namespace mixtract::server {
namespace {

// A request held in memory; the response goes to the socket, or into `response` when there is none.
class RequestStream : public httplib::Stream {
 public:
  RequestStream(std::string_view request, int socket, std::string ip, int port)
      : request_(request), socket_(socket), ip_(std::move(ip)), port_(port) {}
  bool is_readable() const override { return true; }
  bool is_writable() const override { return true; }
  ssize_t read(char* ptr, std::size_t size) override {
    const std::size_t n = std::min(size, request_.size());
    request_.copy(ptr, n);
    request_.remove_prefix(n);
    return static_cast<ssize_t>(n);
  }
  ssize_t write(const char* ptr, std::size_t size) override {
    if (socket_ < 0) {
      response.append(ptr, size);
      return static_cast<ssize_t>(size);
    }
    return send(socket_, ptr, size, MSG_NOSIGNAL);
  }
  void get_remote_ip_and_port(std::string& ip, int& port) const override {
    ip = ip_;
    port = port_;
  }
  void get_local_ip_and_port(std::string& ip, int& port) const override { get_remote_ip_and_port(ip, port); }
  socket_t socket() const override { return socket_ < 0 ? INVALID_SOCKET : socket_; }

  std::string response;

 private:
  std::string_view request_;
  int socket_;
  std::string ip_;
  int port_;
};

}  // namespace

// httplib's server, its sockets handed to the reception.
class HttpServer::Impl : public httplib::Server {
 public:
  Impl() {
    set_socket_options([this](socket_t socket) {
      httplib::default_socket_options(socket);
      listening_socket_ = socket;
    });
  }

  int bind(const std::string& host, int port) {
    const int bound = port == 0 ? bind_to_any_port(host) : (bind_to_port(host, port) ? port : -1);
    if (bound > 0) ::listen(listening_socket_, SOMAXCONN);  // On a listening socket: sets its queue's length.
    return bound;
  }

  void receive_with(const ReceptionLimits& limits) {
    reception_ = std::make_unique<Reception>(limits, [this](ArrivedRequest& request) {
      RequestStream stream(request.bytes, request.socket, request.remote_ip, request.remote_port);
      bool closed = false;  // Set when the request asks to close (Connection: close, HTTP/1.0).
      const bool answered = process_request(stream, /*close_connection=*/!request.may_keep_open, closed, nullptr);
      return answered && !closed;
    });
  }

  void stop_receiving() {
    if (reception_) reception_->stop();
  }

  std::string answer(std::string_view request) {
    RequestStream stream(request, -1, "127.0.0.1", 0);
    bool closed = false;
    process_request(stream, /*close_connection=*/true, closed, nullptr);
    return std::move(stream.response);
  }

 private:
  bool process_and_close_socket(socket_t socket) override {
    if (!reception_) {
      close(socket);
      return false;
    }
    reception_->admit(socket);
    return true;
  }

  std::unique_ptr<Reception> reception_;
  int listening_socket_ = -1;  // The last socket httplib created to listen on.
};

namespace {

httplib::Server::Handler adapted(HttpHandler handler) {
  return [handler = std::move(handler)](const httplib::Request& req, httplib::Response& res) {
    HttpResponse response(res);
    handler(HttpRequest(req), response);
  };
}

}  // namespace

HttpServer::HttpServer() : impl_(std::make_unique<Impl>()) {}
HttpServer::~HttpServer() = default;

void HttpServer::configure(const HttpLimits& limits) {
  // httplib's threads only pass each connection to the reception, whose handler threads answer the
  // requests once they have arrived whole.
  impl_->new_task_queue = [] { return new httplib::ThreadPool(2); };
  impl_->receive_with(limits.reception);
  impl_->set_keep_alive_max_count(static_cast<std::size_t>(limits.keep_alive_requests));
  impl_->set_payload_max_length(limits.reception.max_body_bytes);
  impl_->set_read_timeout(limits.read_timeout_seconds, 0);
  impl_->set_write_timeout(limits.read_timeout_seconds, 0);
  impl_->set_keep_alive_timeout(limits.keep_alive_seconds);
}

void HttpServer::before_routes(std::function<bool(const HttpRequest&, HttpResponse&)> admit) {
  impl_->set_pre_routing_handler([admit = std::move(admit)](const httplib::Request& req, httplib::Response& res) {
    HttpResponse response(res);
    return admit(HttpRequest(req), response) ? httplib::Server::HandlerResponse::Handled
                                             : httplib::Server::HandlerResponse::Unhandled;
  });
}

void HttpServer::on_error(HttpHandler handler) {
  impl_->set_error_handler(adapted(std::move(handler)));
}

void HttpServer::on_exception(HttpHandler handler) {
  impl_->set_exception_handler([handler = adapted(std::move(handler))](const httplib::Request& req,
                                                                       httplib::Response& res,
                                                                       std::exception_ptr) { handler(req, res); });
}

void HttpServer::get(const std::string& pattern, HttpHandler handler) {
  impl_->Get(pattern, adapted(std::move(handler)));
}

void HttpServer::post(const std::string& pattern, HttpHandler handler) {
  impl_->Post(pattern, adapted(std::move(handler)));
}

int HttpServer::bind(const std::string& host, int port) {
  return impl_->bind(host, port);
}

void HttpServer::listen() {
  impl_->listen_after_bind();
  impl_->stop_receiving();
}

void HttpServer::stop() {
  impl_->stop();
}

std::string HttpServer::answer(std::string_view request) {
  return impl_->answer(request);
}

}  // namespace mixtract::server
