// The HTTP the service's routes see: a request, a response and a handler of our own, so that no route knows
// the HTTP library under them (cpp-httplib, behind HttpServer and http.cc). A request and a response are
// views of the library's own, valid while the handler they are given to runs.
#ifndef MIXTRACT_SERVER_HTTP_H_
#define MIXTRACT_SERVER_HTTP_H_

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace httplib {
struct Request;
struct Response;
class DataSink;
}  // namespace httplib

namespace mixtract::server {

// A part of a multipart form.
struct FormPart {
  std::string content;
  std::string file_name;  // As the client named it; "" for a plain field.
};

class HttpRequest {
 public:
  explicit HttpRequest(const httplib::Request& request) : request_(request) {}

  const std::string& method() const;
  const std::string& path() const;
  const std::string& body() const;
  const std::string& remote_address() const;
  // The header's value, "" when it is not there.
  std::string header(const std::string& name) const;
  bool has_header(const std::string& name) const;
  // What the route pattern's group `index` (from 1) matched; "" when it has no such group.
  std::string path_part(std::size_t index) const;
  // Whether the body is a multipart form (multipart/form-data).
  bool is_form() const;
  // The form's parts of that name, in the order sent; none when the body is no form.
  std::vector<FormPart> form_parts(const std::string& name) const;
  // The first of them; nullopt when there is none.
  std::optional<FormPart> form_part(const std::string& name) const;

 private:
  const httplib::Request& request_;
};

// Where a streamed body goes.
class BodySink {
 public:
  explicit BodySink(httplib::DataSink& sink) : sink_(sink) {}
  // False when the client has gone.
  bool write(std::string_view bytes);
  bool writable() const;
  // The body is whole.
  void done();

 private:
  httplib::DataSink& sink_;
};

class HttpResponse {
 public:
  explicit HttpResponse(httplib::Response& response) : response_(response) {}

  // -1 until one is set (the route then answers 200).
  int status() const;
  void set_status(int status);
  std::string header(const std::string& name) const;
  void set_header(const std::string& name, const std::string& value);
  const std::string& body() const;
  void set_body(std::string body, const std::string& content_type);
  // A body sent in chunks: `next` is called, each time the client can take more, until it calls
  // sink.done() (the body is whole) or returns false (the connection is dropped).
  void stream(const std::string& content_type, std::function<bool(BodySink& sink)> next);

 private:
  httplib::Response& response_;
};

using HttpHandler = std::function<void(const HttpRequest&, HttpResponse&)>;

}  // namespace mixtract::server

#endif  // MIXTRACT_SERVER_HTTP_H_
