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
