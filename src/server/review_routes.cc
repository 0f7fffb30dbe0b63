// The review page and its API: GET /review (and its script and style), GET /v1/review/queue,
// GET /v1/review/documents/{id} (and /page), POST /v1/review/documents/{id}/decisions.
#include "core/builtin_texts.h"
#include "server/api_state.h"

namespace mixtract::server {
namespace {

// Whose documents the request may see: its key holder's, or everyone's for an admin.
ReviewStore::Owner owner_seen(const ApiServer::State& s, const HttpRequest& req) {
  const KeyHolder holder = holder_of(s, req);
  return holder.admin ? std::nullopt : ReviewStore::Owner(holder.name);
}

void review_queue(const ApiServer::State& s, const HttpRequest& req, HttpResponse& res) {
  Result<std::vector<ReviewDocument>> queue = s.review->queue(owner_seen(s, req));
  if (!queue.ok()) return send_status_error(res, queue.status());
  nlohmann::ordered_json out = nlohmann::ordered_json::array();
  for (const ReviewDocument& d : *queue) {
    out.push_back(
        {{"id", d.id}, {"source", d.source}, {"schema", d.schema}, {"created", d.created}, {"pending", d.pending()}});
  }
  send_json(res, out);
}

void review_document(const ApiServer::State& s, const HttpRequest& req, HttpResponse& res) {
  const std::optional<std::int64_t> id = path_id(req, res);
  if (!id) return;
  Result<std::optional<ReviewDocument>> found = s.review->document(*id, owner_seen(s, req));
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

void review_page_image(const ApiServer::State& s, const HttpRequest& req, HttpResponse& res) {
  const std::optional<std::int64_t> id = path_id(req, res);
  if (!id) return;
  Result<std::optional<std::string>> page = s.review->page(*id, owner_seen(s, req));
  if (!page.ok()) return send_status_error(res, page.status());
  if (!*page) return send_error(res, 404, "not_found", "no document " + std::to_string(*id) + " in the review queue");
  res.set_header("Cache-Control", "private, max-age=3600");
  res.set_body(**page, "image/jpeg");
}

// Whether a decision comes from a page of this server's own origin, as far as the browser tells: a
// page elsewhere cannot plant decisions (which become `tune` labels), even under --no-auth.
bool same_origin(const HttpRequest& req) {
  const std::string origin = req.header("Origin");
  if (!origin.empty() && origin != "http://" + req.header("Host") && origin != "https://" + req.header("Host")) {
    return false;
  }
  const std::string site = req.header("Sec-Fetch-Site");
  return site.empty() || site == "same-origin" || site == "none";
}

void review_decide(ApiServer::State& s, const HttpRequest& req, HttpResponse& res) {
  const std::optional<std::int64_t> id = path_id(req, res);
  if (!id) return;
  // A JSON body cannot be sent across origins without the browser asking first (which is not answered).
  if (!req.header("Content-Type").starts_with("application/json")) {
    return send_error(res, 415, "unsupported_media_type", "send the decision as JSON: Content-Type: application/json");
  }
  if (!same_origin(req)) {
    return send_error(res, 403, "forbidden",
                      "a decision from a page of another site (Origin " + req.header("Origin") +
                          ") is refused; use the review page of this server");
  }
  const nlohmann::json body = nlohmann::json::parse(req.body(), nullptr, false);
  if (body.is_discarded() || !body.is_object() || !body.contains("field") || !body["field"].is_string() ||
      !body.contains("action") || !body["action"].is_string() ||
      (body.contains("value") && !body["value"].is_string())) {
    return send_error(res, 400, "bad_json",
                      "send {\"field\": NAME, \"action\": \"accept\" or \"edit\", \"value\": TEXT}");
  }
  const Status decided = s.review->decide(*id, owner_seen(s, req), body["field"], body["action"],
                                          body.value("value", ""), holder_of(s, req).name);
  if (!decided.ok()) return send_status_error(res, decided);
  review_document(s, req, res);
}

// A file of the review page, with a policy that lets it load nothing from elsewhere.
void send_page_file(HttpResponse& res, std::string_view name, const char* type) {
  for (const BuiltinText& text : builtin_server_texts()) {
    if (text.name == name) res.set_body(std::string(text.text), type);
  }
  res.set_header("Content-Security-Policy",
                 "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob:; connect-src 'self'; "
                 "form-action 'self'; frame-ancestors 'none'");
  res.set_header("X-Content-Type-Options", "nosniff");
}

}  // namespace

void add_review_routes(ApiServer::State& s) {
  s.http.get("/review", guarded(s, "/review", [](const HttpRequest&, HttpResponse& res) {
               send_page_file(res, "review_page", "text/html; charset=utf-8");
             }));
  s.http.get("/review/app.js", guarded(s, "/review", [](const HttpRequest&, HttpResponse& res) {
               send_page_file(res, "review_script", "text/javascript; charset=utf-8");
             }));
  s.http.get("/review/style.css", guarded(s, "/review", [](const HttpRequest&, HttpResponse& res) {
               send_page_file(res, "review_style", "text/css; charset=utf-8");
             }));
  s.http.get("/v1/review/queue", guarded(s, "/v1/review/queue", [&s](const HttpRequest& req, HttpResponse& res) {
               review_queue(s, req, res);
             }));
  s.http.get(
      R"(/v1/review/documents/(\d+))",
      guarded(s, kReviewDocument, [&s](const HttpRequest& req, HttpResponse& res) { review_document(s, req, res); }));
  s.http.get(
      R"(/v1/review/documents/(\d+)/page)",
      guarded(s, kReviewDocument, [&s](const HttpRequest& req, HttpResponse& res) { review_page_image(s, req, res); }));
  s.http.post(
      R"(/v1/review/documents/(\d+)/decisions)",
      guarded(s, kReviewDocument, [&s](const HttpRequest& req, HttpResponse& res) { review_decide(s, req, res); }));
}

}  // namespace mixtract::server
