// The LLM client and experts against a real llama-server (llama.cpp, built by scripts/llama_server.sh)
// serving a tiny random-weight model: the real protocol, model listing, JSON-schema-constrained output,
// usage numbers and parallel requests. The model's answers are nonsense; the checks are on the plumbing.
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <cmath>
#include <cstdlib>
#include <filesystem>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <signal.h>
#include <spawn.h>

#include "llm/llm.h"
#include "test_support.h"

extern char** environ;

namespace mixtract {
namespace {

class LlamaServerTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    const char* dir = std::getenv("MIXTRACT_LLAMA_DIR");
    if (dir == nullptr || !std::filesystem::exists(std::filesystem::path(dir) / "bin/llama-server")) return;
    const std::string server = (std::filesystem::path(dir) / "bin/llama-server").string();
    const std::string model = (std::filesystem::path(dir) / "tiny-random.gguf").string();
    const std::string port = std::to_string(testing::free_port());
    std::vector<std::string> args = {server, "-m",      model,         "--host",       "127.0.0.1", "--port",
                                     port,   "--alias", "tiny-random", "-c",           "4096",      "-np",
                                     "4",    "-t",      "2",           "--log-disable"};
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    if (posix_spawn(&pid_, server.c_str(), nullptr, nullptr, argv.data(), environ) != 0) return;
    url_ = "http://127.0.0.1:" + port;
    // Ready when the model list answers (the model loads in about a second).
    LlmOptions options;
    options.base_url = url_;
    const auto client = LlmClient::create(options).value();
    for (int i = 0; i < 300 && !client->models().ok(); ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  }
  static void TearDownTestSuite() {
    if (pid_ > 0) {
      ::kill(pid_, SIGTERM);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  void SetUp() override {
    if (url_.empty()) {
      GTEST_SKIP() << "no llama-server: set MIXTRACT_LLAMA_DIR to the folder scripts/llama_server.sh prints "
                      "(scripts/test.sh does)";
    }
  }

  static std::shared_ptr<LlmClient> client(int in_flight = 4) {
    LlmOptions options;
    options.base_url = url_;
    options.max_in_flight = in_flight;
    options.timeout = std::chrono::milliseconds(60'000);
    return LlmClient::create(options).value();
  }
  static ChatRequest fields_request() {
    ChatRequest request;
    request.system = "You read certificates.";
    request.user = "Give the fields.";
    request.reply_schema = {
        {"type", "object"},
        {"properties", {{"name", {{"type", "string"}}}, {"certificate_number", {{"type", "string"}}}}},
        {"required", {"name", "certificate_number"}},
        {"additionalProperties", false}};
    request.max_tokens = 48;
    return request;
  }

  static inline pid_t pid_ = 0;
  static inline std::string url_;
};

TEST_F(LlamaServerTest, ListsItsModelAndRequestsGoToIt) {
  const auto llm = client();
  EXPECT_EQ(llm->models().value(), std::vector<std::string>{"tiny-random"});
  EXPECT_EQ(llm->model().value(), "tiny-random");
}

TEST_F(LlamaServerTest, AJsonSchemaReplyParsesWithTheFieldsAsStrings) {
  const Result<ChatReply> reply = client()->chat(fields_request());
  ASSERT_TRUE(reply.ok()) << reply.status().message();
  EXPECT_GT(reply->prompt_tokens, 10);
  EXPECT_GT(reply->completion_tokens, 0);
  EXPECT_LE(reply->completion_tokens, 48);
  const Result<nlohmann::json> json = parse_reply_json(reply->content);
  // A random model may run out of tokens inside a string; a complete reply has both keys as strings.
  if (json.ok()) {
    EXPECT_TRUE((*json)["name"].is_string()) << reply->content;
    EXPECT_TRUE((*json)["certificate_number"].is_string()) << reply->content;
  } else {
    EXPECT_THAT(json.status().message(), ::testing::HasSubstr("cut short")) << reply->content;
    EXPECT_EQ(reply->completion_tokens, 48);
  }
  EXPECT_EQ(reply->content.rfind("{", 0), 0u) << reply->content;  // Constrained: JSON from the first token.
}

TEST_F(LlamaServerTest, ParallelRequestsAllSucceed) {
  const auto llm = client(4);
  std::atomic<int> ok{0};
  std::vector<std::thread> threads;
  for (int i = 0; i < 8; ++i) {
    threads.emplace_back([&] {
      ChatRequest request = fields_request();
      request.max_tokens = 16;
      ok += llm->chat(request).ok() ? 1 : 0;
    });
  }
  for (std::thread& thread : threads) thread.join();
  EXPECT_EQ(ok, 8);
}

TEST_F(LlamaServerTest, AnImageWithoutAProjectorIsRefusedClearly) {
  // This llama-server has no vision projector (no mmproj file exists here): a clear error, no retry loop.
  ChatRequest request = fields_request();
  request.image = cv::Mat(64, 64, CV_8UC3, cv::Scalar(255, 255, 255));
  const Result<ChatReply> reply = client()->chat(request);
  ASSERT_FALSE(reply.ok());
  EXPECT_THAT(reply.status().message(), ::testing::HasSubstr(url_));
}

}  // namespace
}  // namespace mixtract
