#include <openssl/evp.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <mutex>
#include <random>
#include <thread>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "core/ascii.h"
#include "core/join.h"
#include "llm/http_connections.h"
#include "llm/llm.h"

namespace mixtract {
namespace {

using Clock = std::chrono::steady_clock;

// "https://host:port/some/v1/" -> origin "https://host:port", path prefix "/some/v1".
struct Endpoint {
  std::string origin;
  std::string prefix;
};

Result<Endpoint> endpoint_of(const std::string& url) {
  const std::size_t scheme_end = url.find("://");
  if (url.rfind("http://", 0) != 0 && url.rfind("https://", 0) != 0) {
    return Status::invalid_argument("LLM server URL '" + url + "' must start with http:// or https://");
  }
  const std::size_t path_start = url.find('/', scheme_end + 3);
  Endpoint endpoint{url.substr(0, path_start), path_start == std::string::npos ? "" : url.substr(path_start)};
  if (endpoint.origin.size() <= scheme_end + 3)
    return Status::invalid_argument("LLM server URL '" + url + "' names no host");
  while (!endpoint.prefix.empty() && endpoint.prefix.back() == '/') endpoint.prefix.pop_back();
  if (endpoint.prefix.size() < 3 || endpoint.prefix.compare(endpoint.prefix.size() - 3, 3, "/v1") != 0) {
    endpoint.prefix += "/v1";
  }
  return endpoint;
}

std::string base64(const std::vector<unsigned char>& bytes) {
  std::string out(4 * ((bytes.size() + 2) / 3), '\0');
  const int written =
      EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), bytes.data(), static_cast<int>(bytes.size()));
  out.resize(static_cast<std::size_t>(std::max(0, written)));
  return out;
}

// The image as a data URL of a JPEG whose longer side is at most `max_side`.
std::string image_data_url(const cv::Mat& image, int max_side) {
  cv::Mat scaled = image;
  const int side = std::max(image.cols, image.rows);
  if (side > max_side) {
    const double scale = static_cast<double>(max_side) / side;
    cv::resize(image, scaled, cv::Size(), scale, scale, cv::INTER_AREA);
  }
  std::vector<unsigned char> jpeg;
  cv::imencode(".jpg", scaled, jpeg, {cv::IMWRITE_JPEG_QUALITY, 90});
  return "data:image/jpeg;base64," + base64(jpeg);
}

// What the server said: its error message when it sent one, else the start of the body.
std::string server_message(const HttpResult& result) {
  if (result.status == 0) return result.error;
  const nlohmann::json body = nlohmann::json::parse(result.body, nullptr, /*allow_exceptions=*/false);
  std::string message;
  if (body.is_object() && body.contains("error")) {
    const nlohmann::json& error = body["error"];
    message = error.is_object() && error.contains("message") && error["message"].is_string()
                  ? error["message"].get<std::string>()
                  : error.dump();
  } else {
    message = result.body.substr(0, 200);
  }
  return "HTTP " + std::to_string(result.status) + ": " + message;
}

bool retryable(const HttpResult& result) {
  return result.status == 0 || result.status == 429 || result.status >= 500;
}

// A 400 that says the server does not know response_format json_schema.
bool refuses_json_schema(const HttpResult& result) {
  if (result.status != 400 && result.status != 422) return false;
  const std::string body = lower_ascii(result.body);
  return body.find("response_format") != std::string::npos || body.find("json_schema") != std::string::npos;
}

// A request's user message: its text, and its image (as a data URL) when it has one.
nlohmann::json user_content(const ChatRequest& request, int max_image_side) {
  if (request.image.empty()) return request.user;
  return nlohmann::json::array(
      {{{"type", "text"}, {"text", request.user}},
       {{"type", "image_url"}, {"image_url", {{"url", image_data_url(request.image, max_image_side)}}}}});
}

// The body of a chat completion request: the reply held to `request.reply_schema` by the server
// (json_schema), or, in `json_mode` (for servers that refuse that), by asking in the system prompt.
nlohmann::json chat_body(const ChatRequest& request, const std::string& model, const nlohmann::json& user,
                         bool json_mode) {
  std::string system = request.system;
  nlohmann::json body = {{"model", model}, {"temperature", 0}, {"max_tokens", request.max_tokens}};
  if (!request.reply_schema.is_null()) {
    if (json_mode) {
      body["response_format"] = {{"type", "json_object"}};
      system += "\nReply with one JSON object that follows this JSON schema: " + request.reply_schema.dump();
    } else {
      body["response_format"] = {
          {"type", "json_schema"},
          {"json_schema", {{"name", "fields"}, {"strict", true}, {"schema", request.reply_schema}}}};
    }
  }
  body["messages"] =
      nlohmann::json::array({{{"role", "system"}, {"content", system}}, {{"role", "user"}, {"content", user}}});
  return body;
}

// The reply in a chat completion's body; an error naming `where` when the body is none.
Result<ChatReply> chat_reply(const std::string& body, const std::string& model, const std::string& where) {
  const nlohmann::json reply = nlohmann::json::parse(body, nullptr, /*allow_exceptions=*/false);
  const nlohmann::json* content = nullptr;
  if (reply.is_object() && reply.contains("choices") && reply["choices"].is_array() && !reply["choices"].empty()) {
    const nlohmann::json& choice = reply["choices"][0];
    if (choice.contains("message") && choice["message"].contains("content") &&
        choice["message"]["content"].is_string()) {
      content = &choice["message"]["content"];
    }
  }
  if (content == nullptr) return Status::invalid_argument(where + ": the reply is not a chat completion");
  ChatReply out;
  out.content = content->get<std::string>();
  out.model = reply.value("model", model);
  if (reply.contains("usage") && reply["usage"].is_object()) {
    out.prompt_tokens = reply["usage"].value("prompt_tokens", std::int64_t{0});
    out.completion_tokens = reply["usage"].value("completion_tokens", std::int64_t{0});
  }
  return out;
}

// How long to wait before the next attempt: what the server's Retry-After says (at most a minute), else
// the backoff doubled for each attempt made, times `jitter`.
std::chrono::milliseconds wait_before_retry(const HttpResult& result, int attempts, std::chrono::milliseconds backoff,
                                            double jitter) {
  if (int seconds = std::atoi(result.retry_after.c_str()); seconds > 0) {
    return std::chrono::milliseconds(std::min(seconds, 60) * 1000);
  }
  return std::chrono::milliseconds(
      static_cast<std::int64_t>(std::ldexp(static_cast<double>(backoff.count()), attempts - 1) * jitter));
}

// One of the requests in flight a client allows, held for as long as it lives: waits for one to be free.
class InFlightSlot {
 public:
  InFlightSlot(std::mutex& mutex, std::condition_variable& freed, int& in_flight, int most)
      : mutex_(mutex), freed_(freed), in_flight_(in_flight) {
    std::unique_lock lock(mutex_);
    freed_.wait(lock, [&] { return in_flight_ < most; });
    ++in_flight_;
  }
  InFlightSlot(const InFlightSlot&) = delete;
  InFlightSlot& operator=(const InFlightSlot&) = delete;
  ~InFlightSlot() {
    {
      std::lock_guard lock(mutex_);
      --in_flight_;
    }
    freed_.notify_one();
  }

 private:
  std::mutex& mutex_;
  std::condition_variable& freed_;
  int& in_flight_;
};

}  // namespace

struct LlmClient::State {
  State(Endpoint server, std::string bearer, std::chrono::milliseconds timeout)
      : endpoint(std::move(server)), connections(endpoint.origin, std::move(bearer), timeout) {}

  Endpoint endpoint;
  HttpConnections connections;

  std::mutex mutex;  // Guards what follows.
  std::condition_variable slot_freed;
  int in_flight = 0;
  std::string model;             // Resolved once.
  int unavailable_in_a_row = 0;  // Requests that found the server unavailable, since the last answer.
  Clock::time_point breaker_open_until{};
  bool json_schema_refused = false;  // The server wants JSON mode instead.
  std::mt19937 random{std::random_device{}()};
};

LlmClient::LlmClient(LlmOptions options) : options_(std::move(options)) {}
LlmClient::~LlmClient() = default;

Result<std::shared_ptr<LlmClient>> LlmClient::create(LlmOptions options) {
  MIXTRACT_ASSIGN_OR_RETURN(Endpoint endpoint, endpoint_of(options.base_url));
  if (options.max_in_flight < 1) return Status::invalid_argument("LLM requests in flight must be at least 1");
  if (options.max_retries < 0) return Status::invalid_argument("LLM retries cannot be negative");
  if (options.breaker_failures < 0) return Status::invalid_argument("LLM breaker failures cannot be negative");
  if (options.timeout.count() <= 0) return Status::invalid_argument("the LLM timeout must be positive");
  if (options.max_image_side < 32) return Status::invalid_argument("the LLM image side must be at least 32 pixels");
  std::string key;
  if (!options.api_key_env.empty()) {
    if (const char* value = std::getenv(options.api_key_env.c_str())) key = value;
  }
  std::shared_ptr<LlmClient> client(new LlmClient(std::move(options)));
  client->state_ = std::make_unique<State>(std::move(endpoint), std::move(key), client->options_.timeout);
  return client;
}

Result<std::vector<std::string>> LlmClient::models() const {
  const HttpResult result = state_->connections.get(state_->endpoint.prefix + "/models");
  const std::string where = options_.base_url + " /models";
  if (result.status != 200) return Status::unavailable(where + ": " + server_message(result));
  const nlohmann::json body = nlohmann::json::parse(result.body, nullptr, /*allow_exceptions=*/false);
  if (!body.is_object() || !body.contains("data") || !body["data"].is_array()) {
    return Status::invalid_argument(where + ": not a model list");
  }
  std::vector<std::string> ids;
  for (const nlohmann::json& model : body["data"]) {
    if (model.is_object() && model.contains("id") && model["id"].is_string()) ids.push_back(model["id"]);
  }
  return ids;
}

Result<std::string> LlmClient::model() const {
  if (!options_.model.empty()) return options_.model;
  {
    std::lock_guard lock(state_->mutex);
    if (!state_->model.empty()) return state_->model;
  }
  MIXTRACT_ASSIGN_OR_RETURN(const std::vector<std::string> ids, models());
  if (ids.size() != 1) {
    return Status::invalid_argument(options_.base_url + " serves " + std::to_string(ids.size()) + " models (" +
                                    join(ids) + "); choose one with --llm-model");
  }
  std::lock_guard lock(state_->mutex);
  state_->model = ids[0];
  return ids[0];
}

Result<ChatReply> LlmClient::chat(const ChatRequest& request) const {
  {
    std::lock_guard lock(state_->mutex);
    if (Clock::now() < state_->breaker_open_until) {
      const auto wait = std::chrono::duration_cast<std::chrono::seconds>(state_->breaker_open_until - Clock::now());
      return Status::unavailable(
          options_.base_url + ": not asked: the last " + std::to_string(state_->unavailable_in_a_row) +
          " requests found the server unavailable; asking again in " + std::to_string(wait.count() + 1) + " s");
    }
  }
  Result<ChatReply> reply = send(request);
  std::lock_guard lock(state_->mutex);
  if (reply.ok() || reply.status().code() != StatusCode::kUnavailable) {
    state_->unavailable_in_a_row = 0;
  } else if (++state_->unavailable_in_a_row >= options_.breaker_failures && options_.breaker_failures > 0) {
    state_->breaker_open_until = Clock::now() + options_.breaker_cooldown;
  }
  return reply;
}

Result<ChatReply> LlmClient::send(const ChatRequest& request) const {
  const auto start = Clock::now();
  MIXTRACT_ASSIGN_OR_RETURN(const std::string model, this->model());
  // One slot of max_in_flight for the whole exchange, retries included.
  const InFlightSlot slot(state_->mutex, state_->slot_freed, state_->in_flight, options_.max_in_flight);
  const nlohmann::json user = user_content(request, options_.max_image_side);
  const std::string where = options_.base_url + " (" + model + ")";
  int attempts = 0;
  for (;;) {
    bool json_mode = false;
    {
      std::lock_guard lock(state_->mutex);
      json_mode = state_->json_schema_refused;
    }
    ++attempts;
    const HttpResult result = state_->connections.post_json(
        state_->endpoint.prefix + "/chat/completions",
        chat_body(request, model, user, json_mode).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace));
    if (result.status == 200) {
      MIXTRACT_ASSIGN_OR_RETURN(ChatReply out, chat_reply(result.body, model, where));
      out.attempts = attempts;
      out.latency_ms = std::chrono::duration<double, std::milli>(Clock::now() - start).count();
      return out;
    }
    if (!request.reply_schema.is_null() && !json_mode && refuses_json_schema(result)) {
      std::lock_guard lock(state_->mutex);
      state_->json_schema_refused = true;  // Again at once, in JSON mode; not counted as a retry.
      --attempts;
      continue;
    }
    if (!retryable(result)) {
      const std::string message = where + ": " + server_message(result);
      return result.status == 404 ? Status::not_found(message) : Status::invalid_argument(message);
    }
    if (attempts > options_.max_retries) {
      return Status::unavailable(where + ": no answer after " + std::to_string(attempts) +
                                 " attempt(s); the last: " + server_message(result));
    }
    double jitter = 1.0;
    if (std::atoi(result.retry_after.c_str()) <= 0) {
      std::lock_guard lock(state_->mutex);
      jitter = std::uniform_real_distribution<double>(0.5, 1.5)(state_->random);
    }
    std::this_thread::sleep_for(wait_before_retry(result, attempts, options_.backoff, jitter));
  }
}

}  // namespace mixtract
