#include "server/http.h"

#include <httplib.h>

namespace mixtract::server {

const std::string& HttpRequest::method() const {
  return request_.method;
}

const std::string& HttpRequest::path() const {
  return request_.path;
}

const std::string& HttpRequest::body() const {
  return request_.body;
}

const std::string& HttpRequest::remote_address() const {
  return request_.remote_addr;
}

std::string HttpRequest::header(const std::string& name) const {
  return request_.get_header_value(name);
}

bool HttpRequest::has_header(const std::string& name) const {
  return request_.has_header(name);
}

std::string HttpRequest::path_part(std::size_t index) const {
  return index < request_.matches.size() ? request_.matches[index].str() : "";
}

bool HttpRequest::is_form() const {
  return request_.is_multipart_form_data();
}

std::vector<FormPart> HttpRequest::form_parts(const std::string& name) const {
  std::vector<FormPart> parts;
  const auto [first, last] = request_.files.equal_range(name);
  for (auto part = first; part != last; ++part) parts.push_back({part->second.content, part->second.filename});
  return parts;
}

std::optional<FormPart> HttpRequest::form_part(const std::string& name) const {
  const auto part = request_.files.find(name);
  if (part == request_.files.end()) return std::nullopt;
  return FormPart{part->second.content, part->second.filename};
}

bool BodySink::write(std::string_view bytes) {
  return sink_.write(bytes.data(), bytes.size());
}

bool BodySink::writable() const {
  return sink_.is_writable();
}

void BodySink::done() {
  sink_.done();
}

int HttpResponse::status() const {
  return response_.status;
}

void HttpResponse::set_status(int status) {
  response_.status = status;
}

std::string HttpResponse::header(const std::string& name) const {
  return response_.get_header_value(name);
}

void HttpResponse::set_header(const std::string& name, const std::string& value) {
  response_.set_header(name, value);
}

const std::string& HttpResponse::body() const {
  return response_.body;
}

void HttpResponse::set_body(std::string body, const std::string& content_type) {
  response_.set_content(std::move(body), content_type);
}

void HttpResponse::stream(const std::string& content_type, std::function<bool(BodySink& sink)> next) {
  response_.set_chunked_content_provider(content_type, [next = std::move(next)](std::size_t, httplib::DataSink& sink) {
    BodySink body(sink);
    return next(body);
  });
}

}  // namespace mixtract::server
