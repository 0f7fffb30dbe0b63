#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "llm/llm.h"

namespace mixtract {
namespace {

using ::testing::HasSubstr;
using ::testing::Not;

TEST(ReplyJsonTest, ReadsTheObjectInsideFencesAndProse) {
  const Result<nlohmann::json> json = parse_reply_json(
      "Sure! Here are the fields:\n```json\n{\"姓名\": \"张三\", \"证书编号\": \"106101201905007614\"}\n```\nHope it "
      "helps.");
  ASSERT_TRUE(json.ok()) << json.status().message();
  EXPECT_EQ((*json)["姓名"], "张三");
  EXPECT_EQ((*json)["证书编号"], "106101201905007614");
}

TEST(ReplyJsonTest, MendsFullWidthPunctuationAndTrailingCommasOutsideStrings) {
  const Result<nlohmann::json> json =
      parse_reply_json("｛“name”：“张三，李四”， \"list\": [1, 2,], \"school\": \"四川大学\",｝");
  ASSERT_TRUE(json.ok()) << json.status().message();
  EXPECT_EQ((*json)["name"], "张三，李四");  // Inside a string the full-width comma stays.
  EXPECT_EQ((*json)["list"].size(), 2u);
  EXPECT_EQ((*json)["school"], "四川大学");
}

TEST(ReplyJsonTest, KeepsEscapesAndBracesInsideStrings) {
  const Result<nlohmann::json> json = parse_reply_json(R"({"a": "x \"}\" y", "b": {"c": "}"}} trailing {"d": 1})");
  ASSERT_TRUE(json.ok()) << json.status().message();
  EXPECT_EQ((*json)["a"], "x \"}\" y");
  EXPECT_EQ((*json)["b"]["c"], "}");
  EXPECT_FALSE(json->contains("d"));
}

TEST(ReplyJsonTest, SaysWhatIsWrong) {
  const Result<nlohmann::json> none = parse_reply_json("I cannot read this image.");
  ASSERT_FALSE(none.ok());
  EXPECT_THAT(none.status().message(), HasSubstr("no JSON object"));
  const Result<nlohmann::json> cut = parse_reply_json("{\"姓名\": \"张三\", \"性别\": \"男");
  ASSERT_FALSE(cut.ok());
  EXPECT_THAT(cut.status().message(), HasSubstr("cut short"));
  EXPECT_THAT(cut.status().message(), Not(HasSubstr("张三")));  // Values stay out of errors and logs.
  const Result<nlohmann::json> broken = parse_reply_json("{\"a\": tru}");
  ASSERT_FALSE(broken.ok());
  EXPECT_THAT(broken.status().message(), HasSubstr("not valid JSON"));
  EXPECT_FALSE(parse_reply_json("").ok());
  EXPECT_FALSE(parse_reply_json(std::string("{\"a\": \"\xff\xfe\"}")).ok());  // Invalid UTF-8: an error, no crash.
}

}  // namespace
}  // namespace mixtract
