#include "pipeline/recognise.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mixtract {
namespace {

using ::testing::HasSubstr;

class RecogniseTest : public ::testing::Test {
 protected:
  RecogniseTest() {
    Result<std::vector<Schema>> schemas = load_schemas("auto");
    EXPECT_TRUE(schemas.ok());
    schemas_ = *std::move(schemas);
  }

  Recognition recognise(const std::string& text) { return recognise_schema(text, schemas_, context_); }

  std::vector<Schema> schemas_;
  SchoolTable schools_ = SchoolTable::starter();
  CheckContext context_{&schools_, nullptr, 2026};
};

TEST_F(RecogniseTest, TheMostWordsWin) {
  const Recognition graduation = recognise("毕业证书\n学生张伟，性别男，…在本校法学专业…修完教学计划…准予毕业。");
  ASSERT_NE(graduation.schema, nullptr);
  EXPECT_EQ(graduation.schema->name, "graduation_certificate");
  EXPECT_EQ(graduation.reason, "recognised as 毕业证书 by 毕业证书, 准予毕业, 本校, 修完");
  // 学位证书 bodies also say 毕业 (业已毕业), but not the graduation certificate's set phrases.
  const Recognition degree =
      recognise("学士学位证书\n…业已毕业，经审核符合《中华人民共和国学位条例》的规定，授予工学学士学位");
  ASSERT_NE(degree.schema, nullptr);
  EXPECT_EQ(degree.schema->name, "degree_certificate");
}

TEST_F(RecogniseTest, VerificationReportsAreNotTheCertificatesTheyNameTheFieldsOf) {
  // Written by hand, in an order and wording no generator uses.
  const Recognition record = recognise(
      "学信网\n证书编号 105331201205001234\n姓名 孙丽 性别 女\n学历类别 普通高等教育 学习形式 普通全日制\n"
      "教育部学历证书电子注册备案表\n在线验证码 A8B2C3D4E5F6G7H8");
  ASSERT_NE(record.schema, nullptr);
  EXPECT_EQ(record.schema->name, "chsi_record");
  // 学位证书编号 and 学位授予单位 hold the degree certificate's words 学位证书 and 授予; the report has more.
  const Recognition report = recognise(
      "学位授予单位：中南大学\n获学位日期：2012年06月30日\n学位证书编号：1053342012001234\n"
      "在线验证码：Q7W3E9R1T5Y2U8I4\n中国高等教育学位在线验证报告");
  ASSERT_NE(report.schema, nullptr);
  EXPECT_EQ(report.schema->name, "degree_report");
}

TEST_F(RecogniseTest, AValidNumberDecidesWhenNoWordIsRead) {
  const Recognition card = recognise("何杰\n民票汉\n性女\n1984年6月1日\n36113019840601916X\n台民9份号时");
  ASSERT_NE(card.schema, nullptr);
  EXPECT_EQ(card.schema->name, "id_card");
  EXPECT_THAT(card.reason, HasSubstr("by a valid 公民身份号码 36113019840601916X"));
  // No word and no valid number: nothing is recognised.
  const Recognition none = recognise("何杰\n3611301984");
  EXPECT_EQ(none.schema, nullptr);
  EXPECT_THAT(none.reason, HasSubstr("not recognised as any of"));
  EXPECT_EQ(recognise("").schema, nullptr);
}

TEST_F(RecogniseTest, ANumberThatFitsTwoKindsDecidesNothing) {
  // 18 digits valid both as an ID number and as a graduation certificate number (school code 11010,
  // year 1949, level 05): without words, no guess.
  const Recognition both = recognise("110101194905010015");
  EXPECT_EQ(both.schema, nullptr);
  EXPECT_THAT(both.reason, HasSubstr("fits both"));
}

}  // namespace
}  // namespace mixtract
