// LlmClient: a client of OpenAI-compatible chat servers (vLLM, llama.cpp's llama-server, Ollama, cloud
// APIs): model listing, chat completions with text and images, structured output, retries, and a limit
// on the requests in flight.
#ifndef MIXTRACT_LLM_LLM_H_
#define MIXTRACT_LLM_LLM_H_

#include <chrono>
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>
#include <opencv2/core/mat.hpp>

#include "mixtract/status.h"

namespace mixtract {

struct LlmOptions {
  // The server: "http://127.0.0.1:8080" or "https://api.example.com/v1" ("/v1" is added when missing).
  std::string base_url;
  // The model id; "" = the server's only model (an error naming them when it serves several).
  std::string model;
  // The environment variable holding the API key, sent as "Authorization: Bearer KEY"; "" or an unset
  // variable = no key.
  std::string api_key_env = "MIXTRACT_LLM_API_KEY";
  // Requests in flight at once, over all threads; callers beyond it wait their turn.
  int max_in_flight = 8;
  // One attempt's limit (connect, send and the whole reply).
  std::chrono::milliseconds timeout{120'000};
  // Attempts after the first, on a connection failure, a timeout, HTTP 429 or 5xx. The wait before
  // attempt k is backoff * 2^(k-1), times a random factor in [0.5, 1.5), or what Retry-After says.
  int max_retries = 3;
  std::chrono::milliseconds backoff{500};
  // After this many requests in a row found the server unavailable (every attempt failed), requests
  // fail at once for `breaker_cooldown` instead of each paying its retries; the next one then tries
  // again. 0 = never stop asking.
  int breaker_failures = 3;
  std::chrono::milliseconds breaker_cooldown{30'000};
  // Images are scaled down so that their longer side is at most this many pixels, then sent as JPEG.
  int max_image_side = 1280;
};

// One chat request: a system prompt, a user prompt, and optionally an image shown with the user prompt.
struct ChatRequest {
  std::string system;
  std::string user;
  cv::Mat image;  // 8-bit BGR; empty = a text-only request.
  // A JSON schema the reply must follow (response_format json_schema; servers without it get JSON
  // mode, and the schema in words); null = free text.
  nlohmann::json reply_schema;
  int max_tokens = 512;
};

struct ChatReply {
  std::string content;  // The assistant's message as sent; parse_reply_json() reads JSON from it.
  std::string model;
  std::int64_t prompt_tokens = 0;
  std::int64_t completion_tokens = 0;
  double latency_ms = 0;  // All attempts, waits included.
  int attempts = 1;
};

// Where the LLM experts send their requests: a server (LlmClient) or a model in this process
// (LocalLlm, local_llm.h). Thread-safe.
class ChatBackend {
 public:
  virtual ~ChatBackend() = default;
  // Errors as LlmClient::chat's; a backend that cannot take images returns kUnsupported for them.
  virtual Result<ChatReply> chat(const ChatRequest& request) const = 0;
};

// Thread-safe: one client serves every thread of a run.
class LlmClient final : public ChatBackend {
 public:
  // Checks the options (no network yet); errors name the bad option.
  static Result<std::shared_ptr<LlmClient>> create(LlmOptions options);
  ~LlmClient() override;
  LlmClient(const LlmClient&) = delete;
  LlmClient& operator=(const LlmClient&) = delete;

  const LlmOptions& options() const { return options_; }
  // The ids the server lists at /v1/models.
  Result<std::vector<std::string>> models() const;
  // The model requests go to: LlmOptions::model, else the server's only one (asked once).
  Result<std::string> model() const;
  // Sends the request, retrying as LlmOptions says. Errors: kUnavailable (server down, timeouts, 429
  // or 5xx after the retries, or not asked while the breaker is open), kNotFound (no such model),
  // kInvalidArgument (a request the server refuses, a reply that is not a chat completion); each
  // names the server and what it said.
  Result<ChatReply> chat(const ChatRequest& request) const override;

 private:
  struct State;
  explicit LlmClient(LlmOptions options);
  Result<ChatReply> send(const ChatRequest& request) const;  // chat() without the breaker.
  LlmOptions options_;
  std::unique_ptr<State> state_;
};

// The JSON object in an LLM's reply, read leniently: code fences and prose around it, full-width
// punctuation outside strings (｛ ｝ ： ， “ ”), trailing commas. An error says what was wrong without
// quoting the reply (it holds personal data); the reply itself is logged at debug level.
Result<nlohmann::json> parse_reply_json(std::string_view reply);

}  // namespace mixtract

#endif  // MIXTRACT_LLM_LLM_H_
