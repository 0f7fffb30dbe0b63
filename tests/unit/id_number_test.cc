#include "rules/id_number.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mixtract {
namespace {

using ::testing::HasSubstr;

TEST(IdNumberTest, ComputesTheCheckCharacter) {
  // The worked example of GB 11643-1999.
  EXPECT_EQ(id_check_character("11010519491231002"), 'X');
  EXPECT_EQ(id_check_character("44052418800101001"), '4');
  EXPECT_EQ(id_check_character("00000000000000000"), '1');
}

TEST(IdNumberTest, FormatsAndParsesBack) {
  const IdNumber id{"510107", {1997, 5, 12}, 123};
  const std::string text = format_id_number(id);
  EXPECT_EQ(text.size(), 18u);
  EXPECT_EQ(text.substr(0, 17), "51010719970512123");
  Result<IdNumber> parsed = parse_id_number(text);
  ASSERT_TRUE(parsed.ok()) << parsed.status().message();
  EXPECT_EQ(parsed->region_code, "510107");
  EXPECT_EQ(parsed->birth_date, (Date{1997, 5, 12}));
  EXPECT_TRUE(parsed->male());
}

TEST(IdNumberTest, RejectsBadNumbersWithTheReason) {
  EXPECT_TRUE(parse_id_number("11010519491231002X").ok());
  EXPECT_THAT(parse_id_number("110105194912310021").status().message(),
              HasSubstr("has check character '1', expected 'X'"));
  EXPECT_THAT(parse_id_number("11010519491231002").status().message(), HasSubstr("17 characters, not 18"));
  EXPECT_THAT(parse_id_number("1101051949123100AX").status().message(), HasSubstr("non-digit at position 17"));
  std::string bad_date = "11010519490231002";
  bad_date += id_check_character(bad_date);
  EXPECT_THAT(parse_id_number(bad_date).status().message(), HasSubstr("impossible birth date 19490231"));
}

}  // namespace
}  // namespace mixtract
