// The embedded model: llama.cpp's prebuilt libraries (deps/llama-libs) loading the tiny random-weight
// GGUF of scripts/llama_server.sh in this process, and answering under the JSON schema's grammar.
#include "llm/local_llm.h"

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mixtract {
namespace {

using ::testing::HasSubstr;

LocalLlmOptions options_with(const std::filesystem::path& model) {
  LocalLlmOptions options;
  options.model = model;
  options.lib_dir = std::filesystem::path(MIXTRACT_DEFAULT_DEPS_DIR) / "llama-libs" / "lib";
  options.context = 2048;
  return options;
}

class LocalLlmTest : public ::testing::Test {
 protected:
  void SetUp() override {
    const char* dir = std::getenv("MIXTRACT_LLAMA_DIR");
    if (dir == nullptr || !std::filesystem::exists(std::filesystem::path(dir) / "tiny-random.gguf")) {
      GTEST_SKIP() << "no tiny model: set MIXTRACT_LLAMA_DIR to the folder scripts/llama_server.sh prints "
                      "(scripts/test.sh does)";
    }
    model_ = std::filesystem::path(dir) / "tiny-random.gguf";
  }
  std::filesystem::path model_;
};

TEST_F(LocalLlmTest, AnswersWithJsonOfTheSchemasShape) {
  const Result<std::shared_ptr<LocalLlm>> llm = LocalLlm::load(options_with(model_));
  ASSERT_TRUE(llm.ok()) << llm.status().message();
  ChatRequest request;
  request.system = "You read certificates.";
  request.user = "证书编号：106101201905007614。Give the fields.";
  request.reply_schema = {
      {"type", "object"},
      {"properties", {{"name", {{"type", "string"}}}, {"certificate_number", {{"type", "string"}}}}},
      {"required", {"name", "certificate_number"}}};
  request.max_tokens = 400;  // More than two strings of at most 100 characters can take.
  const Result<ChatReply> reply = (*llm)->chat(request);
  ASSERT_TRUE(reply.ok()) << reply.status().message();
  EXPECT_GT(reply->prompt_tokens, 10);
  EXPECT_GT(reply->completion_tokens, 0);
  EXPECT_EQ(reply->model, "tiny-random");
  const Result<nlohmann::json> json = parse_reply_json(reply->content);
  ASSERT_TRUE(json.ok()) << json.status().message() << "\n" << reply->content;
  ASSERT_EQ(json->size(), 2u) << reply->content;
  EXPECT_TRUE((*json)["name"].is_string());
  EXPECT_TRUE((*json)["certificate_number"].is_string());
  // The same request, the same answer: temperature 0, and nothing kept from the last request.
  EXPECT_EQ((*llm)->chat(request).value().content, reply->content);
}

TEST_F(LocalLlmTest, ImagesAndBadFilesAreClearErrors) {
  const auto llm = LocalLlm::load(options_with(model_)).value();
  ChatRequest request;
  request.user = "x";
  request.image = cv::Mat(8, 8, CV_8UC3);
  EXPECT_EQ(llm->chat(request).status().code(), StatusCode::kUnsupported);

  EXPECT_EQ(LocalLlm::load(options_with("/no/such/model.gguf")).status().code(), StatusCode::kNotFound);
  const std::filesystem::path junk = std::filesystem::path(::testing::TempDir()) / "mixtract-junk.gguf";
  std::ofstream(junk) << "not a model";
  const Result<std::shared_ptr<LocalLlm>> broken = LocalLlm::load(options_with(junk));
  ASSERT_FALSE(broken.ok());
  EXPECT_THAT(broken.status().message(), HasSubstr("not a GGUF model"));
  std::filesystem::remove(junk);
}

}  // namespace
}  // namespace mixtract
