// The review page and its API: GET /review (and its script and style), GET /v1/review/queue,
// GET /v1/review/documents/{id} (and /page), POST /v1/review/documents/{id}/decisions.
#include "core/builtin_texts.h"
#include "server/api_state.h"

namespace mixtract::server {
namespace {

void review_queue(const ApiServer::State& s, httplib::Response& res) {
  Result<std::vector<ReviewDocument>> queue = s.review->queue();
  if (!queue.ok()) return send_status_error(res, queue.status());
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const ReviewDocument& d : *queue) {
    out.push_back(
        {{"id", d.id}, {"source", d.source}, {"schema", d.schema}, {"created", d.created}, {"pending", d.pending()}});
  }
  send_json(res, out);
}

void review_document(const ApiServer::State& s, const httplib::Request& req, httplib::Response& res) {
  const std::optional<std::int64_t> id = path_id(req, res);
  if (!id) return;
  Result<std::optional<ReviewDocument>> found = s.review->document(*id);
  if (!found.ok()) return send_status_error(res, found.status());
  if (!*found) return send_error(res, 404, "not_found", "no document " + std::to_string(*id) + " in the review queue");
  const ReviewDocument& d = **found;
  nlohmann::ordered_json decisions = nlohmann::ordered_json::object();
  for (const auto& [field, c] : d.corrections) {
    decisions[field] = {{"action", c.action}, {"value", c.value}, {"who", c.who}, {"at", c.at}};
  }
  send_json(res, {{"id", d.id},
                  {"source", d.source},
                  {"schema", d.schema},
                  {"created", d.created},
                  {"to_review", d.to_review},
                  {"pending", d.pending()},
                  {"decisions", decisions},
                  {"record", nlohmann::ordered_json::parse(d.record_json, nullptr, false)}});
}

void review_page_image(const ApiServer::State& s, const httplib::Request& req, httplib::Response& res) {
  const std::optional<std::int64_t> id = path_id(req, res);
  if (!id) return;
  Result<std::optional<std::string>> page = s.review->page(*id);
  if (!page.ok()) return send_status_error(res, page.status());
  if (!*page) return send_error(res, 404, "not_found", "no document " + std::to_string(*id) + " in the review queue");
  res.set_header("Cache-Control", "private, max-age=3600");
  res.set_content(**page, "image/jpeg");
}

void review_decide(ApiServer::State& s, const httplib::Request& req, httplib::Response& res) {
  const std::optional<std::int64_t> id = path_id(req, res);
  if (!id) return;
  const nlohmann::json body = nlohmann::json::parse(req.body, nullptr, false);
  if (body.is_discarded() || !body.is_object() || !body.contains("field") || !body["field"].is_string() ||
      !body.contains("action") || !body["action"].is_string() ||
      (body.contains("value") && !body["value"].is_string())) {
    return send_error(res, 400, "bad_json",
                      "send {\"field\": NAME, \"action\": \"accept\" or \"edit\", \"value\": TEXT}");
  }
  const Status decided = s.review->decide(*id, body["field"], body["action"], body.value("value", ""), who_of(s, req));
  if (!decided.ok()) return send_status_error(res, decided);
  review_document(s, req, res);
}

// A file of the review page, with a policy that lets it load nothing from elsewhere.
void send_page_file(httplib::Response& res, std::string_view name, const char* type) {
  for (const BuiltinText& text : builtin_server_texts()) {
    if (text.name == name) res.set_content(std::string(text.text), type);
  }
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; connect-src 'self'; "
                 "form-action 'self'; frame-ancestors 'none'");
  res.set_header("X-Content-Type-Options", "nosniff");
}

}  // namespace

void add_review_routes(ApiServer::State& s) {
  s.http.Get("/review", guarded(s, "/review", [](const httplib::Request&, httplib::Response& res) {
               send_page_file(res, "review_page", "text/html; charset=utf-8");
             }));
  s.http.Get("/review/app.js", guarded(s, "/review", [](const httplib::Request&, httplib::Response& res) {
               send_page_file(res, "review_script", "text/javascript; charset=utf-8");
             }));
  s.http.Get("/review/style.css", guarded(s, "/review", [](const httplib::Request&, httplib::Response& res) {
               send_page_file(res, "review_style", "text/css; charset=utf-8");
             }));
  s.http.Get("/v1/review/queue", guarded(s, "/v1/review/queue", [&s](const httplib::Request&, httplib::Response& res) {
               review_queue(s, res);
             }));
  s.http.Get(R"(/v1/review/documents/(\d+))",
             guarded(s, kReviewDocument,
                     [&s](const httplib::Request& req, httplib::Response& res) { review_document(s, req, res); }));
  s.http.Get(R"(/v1/review/documents/(\d+)/page)",
             guarded(s, kReviewDocument,
                     [&s](const httplib::Request& req, httplib::Response& res) { review_page_image(s, req, res); }));
  s.http.Post(R"(/v1/review/documents/(\d+)/decisions)",
              guarded(s, kReviewDocument,
                      [&s](const httplib::Request& req, httplib::Response& res) { review_decide(s, req, res); }));
}

}  // namespace mixtract::server
