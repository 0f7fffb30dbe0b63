// The five LLM experts (the reference system's routes) against a scripted OpenAI-compatible server over
// real HTTP, on a page rendered with a real font and read by the real PP-OCRv4.
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <opencv2/freetype.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "experts/expert_options.h"
#include "experts/llm/llm_expert.h"
#include "mixtract/extractor.h"
#include "ocr/ocr_service.h"
#include "pipeline/make_extractor.h"
#include "scripted_llm_server.h"

namespace mixtract {
namespace {

using mixtract::testing::ScriptedLlmServer;
using ::testing::HasSubstr;
using ::testing::Not;

// A page with two printed fields: 姓名 and 证书编号 (no 毕业院校 label).
Document page() {
  cv::Ptr<cv::freetype::FreeType2> font = cv::freetype::createFreeType2();
  font->loadFontData("/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2);
  cv::Mat image(360, 1200, CV_8UC3, cv::Scalar(255, 255, 255));
  font->putText(image, "毕业证书", {480, 70}, 48, cv::Scalar(20, 20, 20), -1, cv::LINE_AA, true);
  font->putText(image, "姓名 张三", {60, 170}, 40, cv::Scalar(20, 20, 20), -1, cv::LINE_AA, true);
  font->putText(image, "证书编号 106101201905007614", {60, 270}, 40, cv::Scalar(20, 20, 20), -1, cv::LINE_AA, true);
  std::vector<unsigned char> png;
  cv::imencode(".png", image, png);
  return Document::decode(std::string(png.begin(), png.end()), "张三_本科毕业证书.png").value();
}

// The text of a chat request's user message, and whether it carries an image.
std::string user_text(const nlohmann::json& request) {
  const nlohmann::json& content = request["messages"][1]["content"];
  return content.is_string() ? content.get<std::string>() : content[0]["text"].get<std::string>();
}
bool has_image(const nlohmann::json& request) {
  return request["messages"][1]["content"].is_array();
}

// Answers with every field the prompt asks for, from what a reader of this page would write.
ScriptedLlmServer::Answer answer(const nlohmann::json& request, int) {
  const std::string text = user_text(request);
  nlohmann::json values = nlohmann::json::object();
  if (text.find("\"name\"") != std::string::npos) values["name"] = "张三";
  if (text.find("\"certificate_number\"") != std::string::npos) values["certificate_number"] = "1061 0120 1905 007614";
  if (text.find("\"school\"") != std::string::npos) values["school"] = "";
  return ScriptedLlmServer::reply("```json\n" + values.dump() + "\n```");
}

// Experts' options with PP-OCRv4 and a client of `server`.
ExpertOptions options_for(const ScriptedLlmServer& server) {
  ExpertOptions options;
  options.deps_dir = MIXTRACT_DEFAULT_DEPS_DIR;
  OcrServiceOptions ocr;
  ocr.model_dir = options.deps_dir / "ppocr-models";
  options.ocr = std::make_shared<OcrService>(ocr);
  LlmOptions llm;
  llm.base_url = server.url();
  options.llm = LlmClient::create(llm).value();
  return options;
}

class LlmExpertsTest : public ::testing::Test {
 protected:
  void SetUp() override {
    options_ = options_for(server_);
    schema_ = load_schemas("graduation_certificate").value().at(0);
    for (const FieldSpec& field : schema_.fields) {
      if (field.name == "name" || field.name == "certificate_number" || field.name == "school")
        fields_.push_back(&field);
    }
  }

  std::vector<Candidate> propose(const std::string& expert) {
    Result<std::unique_ptr<Expert>> created = builtin_experts(options_).create(expert);
    EXPECT_TRUE(created.ok()) << created.status().message();
    Result<std::vector<Candidate>> candidates = (*created)->propose(document_, fields_);
    EXPECT_TRUE(candidates.ok()) << candidates.status().message();
    return candidates.ok() ? *candidates : std::vector<Candidate>{};
  }

  static std::string value_of(const std::vector<Candidate>& candidates, const std::string& field) {
    for (const Candidate& c : candidates) {
      if (c.field == field) return c.value;
    }
    return "(none)";
  }

  ScriptedLlmServer server_{&answer};
  ExpertOptions options_;
  Schema schema_;
  std::vector<const FieldSpec*> fields_;
  Document document_ = page();
};

TEST_F(LlmExpertsTest, TextOverThePageAsksOnceWithTheOcrText) {
  const std::vector<Candidate> candidates = propose("llm_text");
  EXPECT_EQ(value_of(candidates, "name"), "张三");
  EXPECT_EQ(value_of(candidates, "certificate_number"), "106101201905007614");  // Spaces gone.
  EXPECT_EQ(value_of(candidates, "school"), "(none)");                          // "" is no candidate.
  ASSERT_EQ(server_.chat_requests(), 1);
  const nlohmann::json request = server_.bodies()[0];
  EXPECT_FALSE(has_image(request));
  EXPECT_THAT(user_text(request), HasSubstr("106101201905007614"));  // The OCR text is in the prompt.
  EXPECT_THAT(user_text(request), HasSubstr("\"certificate_number\": 证书编号"));
  EXPECT_EQ(request["response_format"]["json_schema"]["schema"]["required"].size(), 3u);
  EXPECT_EQ(candidates.at(0).evidence.at(0).source, "llm:scripted-model:fields_from_text@v1");
  EXPECT_EQ(candidates.at(0).confidence, kLlmConfidence);
  EXPECT_EQ(candidates.at(0).cost.tokens, 120);  // The request's usage, counted once.
}

TEST_F(LlmExpertsTest, TheLocalCropAsksPerFieldWithItsLabelsRegionReadAgain) {
  const std::vector<Candidate> candidates = propose("llm_text_region");
  EXPECT_EQ(value_of(candidates, "name"), "张三");
  EXPECT_EQ(value_of(candidates, "certificate_number"), "106101201905007614");
  // The region was read again, cropped: its reading is the second evidence, boxed where it lies.
  for (const Candidate& candidate : candidates) {
    ASSERT_EQ(candidate.evidence.size(), 2u);
    EXPECT_EQ(candidate.evidence[1].source, "reread:ppocr");
    ASSERT_TRUE(candidate.evidence[1].box.has_value());
    const bool on_the_names_row = (*candidate.evidence[1].box)[0].y < 200;  // The number's row is at 230-270.
    EXPECT_EQ(on_the_names_row, candidate.field == "name") << candidate.field;
  }
  EXPECT_THAT(user_text(server_.bodies()[0]), Not(HasSubstr("证书编号")));  // Only the name's row.
  // 毕业院校 is not printed on the page: no request for it.
  ASSERT_EQ(server_.chat_requests(), 2);
  const std::vector<nlohmann::json> requests = server_.bodies();
  for (const nlohmann::json& request : requests) {
    EXPECT_EQ(request["response_format"]["json_schema"]["schema"]["required"].size(), 1u);
    EXPECT_THAT(user_text(request), Not(HasSubstr("\"school\"")));
  }
  EXPECT_THAT(user_text(requests[1]), HasSubstr("证书编号"));
  EXPECT_THAT(user_text(requests[1]), Not(HasSubstr("毕业证书\n")));  // Not the whole page.
}

TEST_F(LlmExpertsTest, VisionAsksOnceWithTheImage) {
  options_.ocr = nullptr;  // The vision route needs no OCR.
  const std::vector<Candidate> candidates = propose("llm_vision");
  EXPECT_EQ(value_of(candidates, "name"), "张三");
  ASSERT_EQ(server_.chat_requests(), 1);
  EXPECT_TRUE(has_image(server_.bodies()[0]));
  EXPECT_THAT(user_text(server_.bodies()[0]), Not(HasSubstr("106101201905007614")));
}

TEST_F(LlmExpertsTest, VisionPerFieldAsksOncePerField) {
  const std::vector<Candidate> candidates = propose("llm_vision_field");
  EXPECT_EQ(value_of(candidates, "certificate_number"), "106101201905007614");
  ASSERT_EQ(server_.chat_requests(), 3);
  for (const nlohmann::json& request : server_.bodies()) {
    EXPECT_TRUE(has_image(request));
    EXPECT_EQ(request["response_format"]["json_schema"]["schema"]["required"].size(), 1u);
  }
}

TEST_F(LlmExpertsTest, VisionWithOcrTextSendsBoth) {
  const std::vector<Candidate> candidates = propose("llm_vision_ocr");
  EXPECT_EQ(value_of(candidates, "name"), "张三");
  ASSERT_EQ(server_.chat_requests(), 1);
  EXPECT_TRUE(has_image(server_.bodies()[0]));
  EXPECT_THAT(user_text(server_.bodies()[0]), HasSubstr("106101201905007614"));
}

TEST_F(LlmExpertsTest, WithoutAServerTheExpertsSaySoWhenCreated) {
  options_.llm = nullptr;
  const Result<std::unique_ptr<Expert>> expert = builtin_experts(options_).create("llm_text");
  ASSERT_FALSE(expert.ok());
  EXPECT_THAT(expert.status().message(), HasSubstr("give its address with --llm-url"));
}

// The page extracted with the built-in 毕业证书 schema, llm_vision (asking `server`) first on every field and
// each field's own route after it.
Record extracted_asking_llm_vision_first(const ScriptedLlmServer& server) {
  Schema schema = load_schemas("graduation_certificate").value().at(0);
  for (FieldSpec& field : schema.fields) {
    std::vector<std::string> experts(1, "llm_vision");
    experts.insert(experts.end(), field.route.experts.begin(), field.route.experts.end());
    field.route.experts = std::move(experts);
    field.route.with_llm.clear();
  }
  const ExpertOptions options = options_for(server);
  const Extractor extractor = make_extractor(std::vector<Schema>{schema}, builtin_experts(options), options).value();
  return extractor.extract(page());
}

TEST(LlmRouteTest, AValueTheValidatorRefusesIsNotTrustedAndTheRouteGoesOn) {
  // The model answers a certificate number one digit short; the route's OCR expert reads it right.
  ScriptedLlmServer server([](const nlohmann::json&, int) {
    return ScriptedLlmServer::reply("{\"certificate_number\": \"10610120190500761\"}");
  });
  const Record record = extracted_asking_llm_vision_first(server);
  const FieldResult* number = record.find("certificate_number");
  ASSERT_NE(number, nullptr);
  EXPECT_EQ(number->value, "106101201905007614");
  bool refused = false;
  for (const Candidate& candidate : number->candidates) {
    if (candidate.expert == "llm_vision") refused = !candidate.invalid_reason.empty();
  }
  EXPECT_TRUE(refused);
}

TEST(LlmRouteTest, AReplyCutShortFailsTheExpertAndTheRouteFallsBack) {
  ScriptedLlmServer server([](const nlohmann::json&, int) {
    return ScriptedLlmServer::reply("{\"name\": \"张三\", \"certificate_number\": \"1061012019");
  });
  const Record record = extracted_asking_llm_vision_first(server);
  ASSERT_NE(record.find("certificate_number"), nullptr);
  EXPECT_EQ(record.find("certificate_number")->value, "106101201905007614");  // Read by the route's OCR experts.
  ASSERT_EQ(record.warnings.size(), 1u);
  EXPECT_THAT(record.warnings[0], HasSubstr("expert llm_vision failed: the reply's JSON object is cut short"));
  EXPECT_THAT(record.warnings[0], Not(HasSubstr("1061012019")));  // The warning is logged: no values in it.
  EXPECT_EQ(server.chat_requests(), 1);
}

TEST(LlmRouteTest, WithAnLlmTheBuiltInRoutesAskItOnlyWhereTheOfflineExpertsLeaveAFieldOpen) {
  ScriptedLlmServer server([](const nlohmann::json& request, int) {
    const std::string text = user_text(request);
    nlohmann::json values = nlohmann::json::object();
    if (text.find("\"gender\"") != std::string::npos) values["gender"] = "男";
    if (text.find("\"certificate_number\"") != std::string::npos) values["certificate_number"] = "106101201905007614";
    return ScriptedLlmServer::reply(values.dump());
  });
  const std::vector<Schema> schemas = load_schemas("graduation_certificate").value();
  ExpertOptions without_llm = options_for(server);
  without_llm.llm = nullptr;
  const Record offline = make_extractor(schemas, builtin_experts(without_llm), without_llm).value().extract(page());
  ASSERT_NE(offline.find("gender"), nullptr);
  EXPECT_EQ(offline.find("gender")->status, FieldStatus::kMissing);  // The page does not print it.
  EXPECT_EQ(server.chat_requests(), 0);
  const ExpertOptions with_llm_options = options_for(server);
  const Record with_llm =
      make_extractor(schemas, builtin_experts(with_llm_options), with_llm_options).value().extract(page());
  ASSERT_EQ(server.chat_requests(), 1);  // With the LLM: one request, the page's text, for the open fields.
  const std::string asked = user_text(server.bodies()[0]);
  EXPECT_THAT(asked, HasSubstr("\"gender\""));
  EXPECT_THAT(asked, Not(HasSubstr("\"certificate_number\"")));  // Read confidently offline: not asked.
  const FieldResult* gender = with_llm.find("gender");
  ASSERT_NE(gender, nullptr);
  EXPECT_EQ(gender->value, "男");
  EXPECT_EQ(gender->status, FieldStatus::kNeedsReview);  // The model alone: filled, not accepted.
  EXPECT_EQ(with_llm.find("certificate_number")->status, FieldStatus::kAccepted);
  EXPECT_EQ(with_llm.expert_costs.count("llm_text_region"), 0u);
}

}  // namespace
}  // namespace mixtract
