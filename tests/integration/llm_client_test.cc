// The LLM client against a scripted OpenAI-compatible server over real HTTP on the loopback interface.
#include <openssl/evp.h>

#include <atomic>
#include <cstdlib>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "llm/llm.h"
#include "scripted_llm_server.h"

namespace mixtract {
namespace {

using mixtract::testing::ScriptedLlmServer;
using ::testing::HasSubstr;
using Answer = ScriptedLlmServer::Answer;

LlmOptions options_for(const ScriptedLlmServer& server) {
  LlmOptions options;
  options.base_url = server.url();
  options.backoff = std::chrono::milliseconds(10);
  options.timeout = std::chrono::milliseconds(5000);
  return options;
}

ChatRequest fields_request() {
  ChatRequest request;
  request.system = "You read certificates.";
  request.user = "Give 姓名.";
  request.reply_schema = {{"type", "object"}, {"properties", {{"姓名", {{"type", "string"}}}}}};
  return request;
}

TEST(LlmClientTest, ListsModelsAndUsesTheOnlyOne) {
  ScriptedLlmServer server([](const nlohmann::json&, int) { return ScriptedLlmServer::reply("{\"姓名\": \"张三\"}"); });
  const auto client = LlmClient::create(options_for(server)).value();
  EXPECT_EQ(client->models().value(), std::vector<std::string>{"scripted-model"});
  const Result<ChatReply> reply = client->chat(fields_request());
  ASSERT_TRUE(reply.ok()) << reply.status().message();
  EXPECT_EQ(reply->content, "{\"姓名\": \"张三\"}");
  EXPECT_EQ(reply->model, "scripted-model");
  EXPECT_EQ(reply->prompt_tokens, 100);
  EXPECT_EQ(reply->completion_tokens, 20);
  EXPECT_EQ(reply->attempts, 1);
  // What went out: temperature 0, the schema as response_format, a system and a user message.
  const nlohmann::json sent = server.bodies().at(0);
  EXPECT_EQ(sent["model"], "scripted-model");
  EXPECT_EQ(sent["temperature"], 0);
  EXPECT_EQ(sent["response_format"]["type"], "json_schema");
  EXPECT_EQ(sent["response_format"]["json_schema"]["schema"]["properties"]["姓名"]["type"], "string");
  EXPECT_EQ(sent["messages"][0]["role"], "system");
  EXPECT_EQ(sent["messages"][1]["content"], "Give 姓名.");
}

TEST(LlmClientTest, SeveralModelsNeedAChoice) {
  ScriptedLlmServer server([](const nlohmann::json&, int) { return ScriptedLlmServer::reply("{}"); },
                           {"qwen-7b", "qwen-72b"});
  const Result<ChatReply> reply = LlmClient::create(options_for(server)).value()->chat(fields_request());
  ASSERT_FALSE(reply.ok());
  EXPECT_THAT(reply.status().message(), HasSubstr("serves 2 models (qwen-7b, qwen-72b); choose one with --llm-model"));
  LlmOptions chosen = options_for(server);
  chosen.model = "qwen-72b";
  EXPECT_TRUE(LlmClient::create(chosen).value()->chat(fields_request()).ok());
  EXPECT_EQ(server.bodies().back()["model"], "qwen-72b");
}

TEST(LlmClientTest, SendsTheImageScaledAsADataUrl) {
  ScriptedLlmServer server([](const nlohmann::json&, int) { return ScriptedLlmServer::reply("{}"); });
  LlmOptions options = options_for(server);
  options.max_image_side = 400;
  ChatRequest request = fields_request();
  request.image = cv::Mat(500, 1000, CV_8UC3, cv::Scalar(255, 255, 255));
  ASSERT_TRUE(LlmClient::create(options).value()->chat(request).ok());
  const nlohmann::json content = server.bodies().at(0)["messages"][1]["content"];
  ASSERT_TRUE(content.is_array());
  EXPECT_EQ(content[0]["type"], "text");
  const std::string url = content[1]["image_url"]["url"];
  const std::string prefix = "data:image/jpeg;base64,";
  ASSERT_EQ(url.rfind(prefix, 0), 0u);
  const std::string encoded = url.substr(prefix.size());
  std::vector<unsigned char> jpeg(encoded.size());
  const int n = EVP_DecodeBlock(jpeg.data(), reinterpret_cast<const unsigned char*>(encoded.data()),
                                static_cast<int>(encoded.size()));
  ASSERT_GT(n, 0);
  jpeg.resize(static_cast<std::size_t>(n));
  const cv::Mat image = cv::imdecode(jpeg, cv::IMREAD_COLOR);
  EXPECT_EQ(image.cols, 400);
  EXPECT_EQ(image.rows, 200);
}

TEST(LlmClientTest, RetriesBusyAndFailingServers) {
  // 429 with Retry-After, then a 503, then the answer.
  ScriptedLlmServer server([](const nlohmann::json&, int number) {
    if (number == 1) return ScriptedLlmServer::error(429, "slow down", "1");
    if (number == 2) return ScriptedLlmServer::error(503, "loading");
    return ScriptedLlmServer::reply("{}");
  });
  const auto start = std::chrono::steady_clock::now();
  const Result<ChatReply> reply = LlmClient::create(options_for(server)).value()->chat(fields_request());
  ASSERT_TRUE(reply.ok()) << reply.status().message();
  EXPECT_EQ(reply->attempts, 3);
  EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::seconds(1));  // Retry-After was kept.

  ScriptedLlmServer broken([](const nlohmann::json&, int) { return ScriptedLlmServer::error(500, "boom"); });
  LlmOptions options = options_for(broken);
  options.max_retries = 2;
  const Result<ChatReply> failed = LlmClient::create(options).value()->chat(fields_request());
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), StatusCode::kUnavailable);
  EXPECT_THAT(failed.status().message(), HasSubstr("no answer after 3 attempt(s); the last: HTTP 500: boom"));
  EXPECT_EQ(broken.chat_requests(), 3);
}

TEST(LlmClientTest, AConnectionDroppedHalfWayThroughTheReplyIsRetried) {
  // The first reply stops after its headers, the second half-way through the body, the third is whole.
  ScriptedLlmServer server([](const nlohmann::json&, int number) {
    if (number == 1) return ScriptedLlmServer::dropped("{\"姓名\": \"张三\"}", 0);
    if (number == 2) return ScriptedLlmServer::dropped("{\"姓名\": \"张三\"}", 60);
    return ScriptedLlmServer::reply("{\"姓名\": \"张三\"}");
  });
  const Result<ChatReply> reply = LlmClient::create(options_for(server)).value()->chat(fields_request());
  ASSERT_TRUE(reply.ok()) << reply.status().message();
  EXPECT_EQ(reply->attempts, 3);
  EXPECT_EQ(reply->content, "{\"姓名\": \"张三\"}");

  ScriptedLlmServer always([](const nlohmann::json&, int) { return ScriptedLlmServer::dropped("{}", 10); });
  LlmOptions options = options_for(always);
  options.max_retries = 1;
  const Result<ChatReply> failed = LlmClient::create(options).value()->chat(fields_request());
  ASSERT_FALSE(failed.ok());
  EXPECT_EQ(failed.status().code(), StatusCode::kUnavailable);
  EXPECT_THAT(failed.status().message(), HasSubstr("no answer after 2 attempt(s)"));
}

TEST(LlmClientTest, AHalfWrittenCompletionIsAClearError) {
  // A whole HTTP answer whose JSON stops half-way (a broken proxy): an error naming the server, not retried.
  ScriptedLlmServer server([](const nlohmann::json&, int) {
    ScriptedLlmServer::Answer answer;
    answer.body = ScriptedLlmServer::completion("{}", "m").substr(0, 40);
    return answer;
  });
  const Result<ChatReply> reply = LlmClient::create(options_for(server)).value()->chat(fields_request());
  ASSERT_FALSE(reply.ok());
  EXPECT_THAT(reply.status().message(),
              HasSubstr(server.url() + " (scripted-model): the reply is not a chat completion"));
  EXPECT_EQ(server.chat_requests(), 1);
}

TEST(LlmClientTest, ADownServerOrAModelThatDoesNotExistIsAClearError) {
  int port = 0;
  {
    ScriptedLlmServer gone([](const nlohmann::json&, int) { return ScriptedLlmServer::reply("{}"); });
    port = gone.port();
  }  // Stopped: nothing listens on the port any more.
  LlmOptions options;
  options.base_url = "http://127.0.0.1:" + std::to_string(port);
  options.model = "m";
  options.max_retries = 1;
  options.backoff = std::chrono::milliseconds(1);
  const Result<ChatReply> down = LlmClient::create(options).value()->chat(fields_request());
  ASSERT_FALSE(down.ok());
  EXPECT_EQ(down.status().code(), StatusCode::kUnavailable);
  EXPECT_THAT(down.status().message(), HasSubstr(options.base_url));

  ScriptedLlmServer server(
      [](const nlohmann::json&, int) { return ScriptedLlmServer::error(404, "model 'nope' not found"); });
  LlmOptions missing = options_for(server);
  missing.model = "nope";
  const Result<ChatReply> reply = LlmClient::create(missing).value()->chat(fields_request());
  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(reply.status().code(), StatusCode::kNotFound);
  EXPECT_THAT(reply.status().message(), HasSubstr("model 'nope' not found"));
  EXPECT_FALSE(LlmClient::create(LlmOptions{}).ok());  // No URL.
}

TEST(LlmClientTest, AServerFoundUnavailableIsNotAskedForAWhile) {
  ScriptedLlmServer server([](const nlohmann::json&, int) { return ScriptedLlmServer::error(503, "overloaded"); });
  LlmOptions options = options_for(server);
  options.max_retries = 1;
  options.breaker_failures = 2;
  options.breaker_cooldown = std::chrono::milliseconds(300);
  const auto client = LlmClient::create(options).value();
  EXPECT_EQ(client->chat(fields_request()).status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(client->chat(fields_request()).status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(server.chat_requests(), 4);  // Two requests, two attempts each.
  // The breaker is open: the next request fails at once, without asking.
  const Result<ChatReply> skipped = client->chat(fields_request());
  EXPECT_THAT(skipped.status().message(), HasSubstr("not asked: the last 2 requests found the server unavailable"));
  EXPECT_EQ(server.chat_requests(), 4);
  // After the cool-down it asks again.
  std::this_thread::sleep_for(std::chrono::milliseconds(350));
  EXPECT_FALSE(client->chat(fields_request()).ok());
  EXPECT_EQ(server.chat_requests(), 6);
}

TEST(LlmClientTest, AServerWithoutJsonSchemaGetsJsonMode) {
  ScriptedLlmServer server([](const nlohmann::json& request, int) {
    if (request["response_format"]["type"] == "json_schema") {
      return ScriptedLlmServer::error(400, "response_format type json_schema is not supported");
    }
    return ScriptedLlmServer::reply("{\"姓名\": \"张三\"}");
  });
  const auto client = LlmClient::create(options_for(server)).value();
  ASSERT_TRUE(client->chat(fields_request()).ok());
  ASSERT_TRUE(client->chat(fields_request()).ok());
  const std::vector<nlohmann::json> bodies = server.bodies();
  ASSERT_EQ(bodies.size(), 3u);  // The refusal is remembered: one json_schema attempt in all.
  EXPECT_EQ(bodies[1]["response_format"]["type"], "json_object");
  EXPECT_THAT(bodies[1]["messages"][0]["content"].get<std::string>(), HasSubstr("follows this JSON schema"));
  EXPECT_EQ(bodies[2]["response_format"]["type"], "json_object");
}

TEST(LlmClientTest, KeepsAtMostTheConfiguredRequestsInFlight) {
  ScriptedLlmServer server([](const nlohmann::json&, int) { return ScriptedLlmServer::reply("{}"); }, {"m"},
                           std::chrono::milliseconds(50));
  LlmOptions options = options_for(server);
  options.max_in_flight = 4;
  const auto client = LlmClient::create(options).value();
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 16; ++i) threads.emplace_back([&] { ok += client->chat(fields_request()).ok() ? 1 : 0; });
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(ok, 16);
  EXPECT_EQ(server.most_in_flight(), 4);
}

TEST(LlmClientTest, SendsTheApiKeyFromItsVariable) {
  ScriptedLlmServer server([](const nlohmann::json&, int) { return ScriptedLlmServer::reply("{}"); });
  setenv("MIXTRACT_TEST_LLM_KEY", "sk-test-123", 1);
  LlmOptions options = options_for(server);
  options.api_key_env = "MIXTRACT_TEST_LLM_KEY";
  ASSERT_TRUE(LlmClient::create(options).value()->chat(fields_request()).ok());
  options.api_key_env = "";
  ASSERT_TRUE(LlmClient::create(options).value()->chat(fields_request()).ok());
  EXPECT_EQ(server.authorizations(), (std::vector<std::string>{"Bearer sk-test-123", ""}));
}

TEST(LlmClientTest, ASlowServerTimesOut) {
  ScriptedLlmServer server([](const nlohmann::json&, int) { return ScriptedLlmServer::reply("{}"); }, {"m"},
                           std::chrono::milliseconds(700));
  LlmOptions options = options_for(server);
  options.timeout = std::chrono::milliseconds(200);
  options.max_retries = 1;
  const Result<ChatReply> reply = LlmClient::create(options).value()->chat(fields_request());
  ASSERT_FALSE(reply.ok());
  EXPECT_EQ(reply.status().code(), StatusCode::kUnavailable);
  EXPECT_EQ(server.chat_requests(), 2);
}

}  // namespace
}  // namespace mixtract
