// POST /v1/extract.
#include <spdlog/spdlog.h>

#include "core/image_header.h"
#include "io/record_json.h"
#include "mixtract/writers.h"
#include "server/api_state.h"
#include "server/base64.h"

namespace mixtract::server {
namespace {

// The image, schema and file name of an extract request, or an error already written to `res`.
struct ExtractInput {
  std::string image;
  std::string schema = "auto";
  std::string file_name = "upload";
  std::string routes;  // "" or a routes document
};

bool read_extract_input(const HttpRequest& req, HttpResponse& res, ExtractInput& in) {
  if (req.is_form()) {
    std::optional<FormPart> image = req.form_part("image");
    if (!image) {
      send_error(res, 400, "missing_image", "the multipart form has no 'image' part: send the image file as 'image'");
      return false;
    }
    in.image = std::move(image->content);
    if (!image->file_name.empty()) in.file_name = safe_file_name(image->file_name);
    if (std::optional<FormPart> schema = req.form_part("schema")) in.schema = std::move(schema->content);
    if (std::optional<FormPart> routes = req.form_part("routes")) in.routes = std::move(routes->content);
    return true;
  }
  if (req.header("Content-Type").starts_with("application/json")) {
    const nlohmann::json body = nlohmann::json::parse(req.body(), nullptr, false);
    if (body.is_discarded() || !body.is_object()) {
      send_error(res, 400, "bad_json", "the body is not a JSON object");
      return false;
    }
    if (!body.contains("image_base64") || !body["image_base64"].is_string()) {
      send_error(res, 400, "missing_image", "the JSON body needs \"image_base64\": the image file's bytes in base64");
      return false;
    }
    std::optional<std::string> image = decode_base64(body["image_base64"].get_ref<const std::string&>());
    if (!image) {
      send_error(res, 400, "bad_base64", "\"image_base64\" is not valid base64");
      return false;
    }
    in.image = *std::move(image);
    for (const char* key : {"schema", "file_name"}) {
      if (body.contains(key) && !body[key].is_string()) {
        send_error(res, 400, "bad_json", std::string("\"") + key + "\" must be a string");
        return false;
      }
    }
    if (body.contains("schema")) in.schema = body["schema"].get<std::string>();
    if (body.contains("file_name")) in.file_name = safe_file_name(body["file_name"].get<std::string>());
    if (body.contains("routes")) {  // an object in tune's format, or its YAML text
      in.routes = body["routes"].is_string() ? body["routes"].get<std::string>() : body["routes"].dump();
    }
    return true;
  }
  send_error(res, 415, "unsupported_media_type",
             "send multipart/form-data with an 'image' part, or application/json with \"image_base64\"");
  return false;
}

void extract(ApiServer::State& s, const HttpRequest& req, HttpResponse& res) {
  ExtractInput in;
  if (!read_extract_input(req, res, in)) return;
  const std::shared_ptr<const Extractor> extractor = extractor_for(s, in.schema, in.routes, res);
  if (!extractor) return;
  if (!check_upload(s, in.image, in.file_name, res)) return;
  if (++s.metrics.waiting > s.options.max_waiting) {
    --s.metrics.waiting;
    res.set_header("Retry-After", "5");
    send_error(res, 503, "busy", "too many documents are waiting; try again shortly");
    return;
  }
  const bool got = s.slots.try_acquire_for(std::chrono::seconds(s.options.wait_seconds));
  --s.metrics.waiting;
  if (!got) {
    res.set_header("Retry-After", "5");
    send_error(res, 503, "busy", "no worker became free within " + std::to_string(s.options.wait_seconds) + " s");
    return;
  }
  std::optional<Document> document = decode_upload(s, in.image, in.file_name, res);  // In the slot: it takes memory.
  if (!document) {
    s.slots.release();
    return;
  }
  const Extracted record =
      extract_holding_slot(s, *extractor, *document, holder_of(s, req).name, res.header(kRequestId));
  if (record.review_id) res.set_header("X-Review-Id", std::to_string(*record.review_id));
  send_json(res, record_to_json(record.record));
}

}  // namespace

// A client's file name without folders or control characters; "upload" when nothing is left.
std::string safe_file_name(const std::string& name) {
  std::string base = std::filesystem::path(name).filename().string();
  if (const std::size_t slash = base.find_last_of("/\\"); slash != std::string::npos) base.erase(0, slash + 1);
  std::string out;
  for (const char c : base) {
    if (static_cast<unsigned char>(c) >= 0x20 && c != 0x7F) out += c;
  }
  return out.empty() || out == "." || out == ".." ? "upload" : out.substr(0, 255);
}

std::shared_ptr<const Extractor> extractor_for(ApiServer::State& s, const std::string& schema,
                                               const std::string& routes, HttpResponse& res) {
  Result<std::shared_ptr<const Extractor>> extractor = s.extractors->get(schema, routes);
  if (extractor.ok()) return *extractor;
  const bool unknown = extractor.status().code() == StatusCode::kNotFound;
  send_error(res, 400, unknown ? "unknown_schema" : "bad_routes", extractor.status().message());
  return nullptr;
}

namespace {

// False, with a 413 written, when width x height is over the server's pixel limit.
bool within_pixel_limit(const ApiServer::State& s, const std::string& file_name, long long width, long long height,
                        HttpResponse& res) {
  if (pixel_count({width, height}) <= s.options.max_pixels) return true;
  send_error(res, 413, "image_too_large",
             file_name + ": the image is " + std::to_string(width) + " x " + std::to_string(height) +
                 " pixels; the limit is " + std::to_string(s.options.max_pixels) + " pixels: send a smaller scan");
  return false;
}

}  // namespace

bool check_upload(const ApiServer::State& s, const std::string& image, const std::string& file_name,
                  HttpResponse& res) {
  if (image.empty()) {
    send_error(res, 400, "missing_image", file_name + ": the image is empty");
    return false;
  }
  const std::optional<ImageSize> size = image_format(image) ? peek_image_size(image) : std::nullopt;
  if (!size) {
    send_error(res, 422, "not_an_image",
               file_name + ": not a decodable image; supported formats are JPEG, PNG, TIFF, BMP and WebP");
    return false;
  }
  return within_pixel_limit(s, file_name, size->width, size->height, res);
}

std::optional<Document> decode_upload(const ApiServer::State& s, const std::string& image, const std::string& file_name,
                                      HttpResponse& res) {
  if (!check_upload(s, image, file_name, res)) return std::nullopt;
  Result<Document> document = Document::decode(image, file_name);
  if (!document.ok()) {
    send_error(res, 422, "not_an_image", document.status().message());
    return std::nullopt;
  }
  if (!within_pixel_limit(s, file_name, document->image().cols, document->image().rows, res)) return std::nullopt;
  return *std::move(document);
}

Extracted extract_holding_slot(ApiServer::State& s, const Extractor& extractor, const Document& document,
                               const std::string& owner, const std::string& request_id) {
  struct Slot {  // released however extract() ends
    ApiServer::State& s;
    explicit Slot(ApiServer::State& state) : s(state) { ++s.metrics.running; }
    ~Slot() {
      --s.metrics.running;
      s.slots.release();
    }
  };
  Extracted out;
  {
    const Slot slot(s);
    out.record = extractor.extract(document);
  }
  s.metrics.record_done(out.record);
  // A document the review queue cannot keep is still answered; the log says why it is not queued.
  if (Result<std::optional<std::int64_t>> queued = s.review->add(out.record, document, owner); !queued.ok()) {
    spdlog::error("{}: {}", request_id, queued.status().message());
  } else {
    out.review_id = *queued;
  }
  return out;
}

void add_extract_route(ApiServer::State& s) {
  s.http.post("/v1/extract",
              guarded(s, "/v1/extract", [&s](const HttpRequest& req, HttpResponse& res) { extract(s, req, res); }));
}

}  // namespace mixtract::server
