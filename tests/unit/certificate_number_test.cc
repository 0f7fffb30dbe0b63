#include "rules/certificate_number.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mixtract {
namespace {

using ::testing::HasSubstr;

TEST(CertificateNumberTest, ParsesTheDocumentedExample) {
  Result<GraduationNumber> n = parse_graduation_number("106101201905007614");
  ASSERT_TRUE(n.ok()) << n.status().message();
  EXPECT_EQ(n->school_code, "10610");
  EXPECT_EQ(n->schooling_type, 1);
  EXPECT_EQ(n->year, 2019);
  EXPECT_EQ(n->level, EducationLevel::kBachelor);
  EXPECT_EQ(n->serial, 7614);
  EXPECT_EQ(format_graduation_number(*n), "106101201905007614");
}

TEST(CertificateNumberTest, EncodesEveryGraduationLevel) {
  for (EducationLevel level :
       {EducationLevel::kJuniorCollege, EducationLevel::kBachelor, EducationLevel::kMaster, EducationLevel::kDoctor}) {
    const std::string text = format_graduation_number({"10003", 1, 2021, level, 42});
    ASSERT_EQ(text.size(), 18u);
    Result<GraduationNumber> back = parse_graduation_number(text);
    ASSERT_TRUE(back.ok()) << text;
    EXPECT_EQ(back->level, level);
  }
  EXPECT_EQ(format_graduation_number({"10003", 1, 2021, EducationLevel::kDoctor, 42}).substr(10, 2), "01");
  EXPECT_EQ(format_graduation_number({"10003", 1, 2021, EducationLevel::kJuniorCollege, 42}).substr(10, 2), "06");
}

TEST(CertificateNumberTest, DegreeNumbersHaveSixteenDigits) {
  const std::string text = format_degree_number({"10610", EducationLevel::kMaster, 2019, 123456});
  EXPECT_EQ(text, "1061032019123456");
  Result<DegreeNumber> back = parse_degree_number(text);
  ASSERT_TRUE(back.ok());
  EXPECT_EQ(back->level, EducationLevel::kMaster);
  EXPECT_EQ(back->year, 2019);
  EXPECT_EQ(format_degree_number({"10001", EducationLevel::kBachelor, 2010, 1}).substr(5, 1), "4");
  EXPECT_EQ(format_degree_number({"10001", EducationLevel::kDoctor, 2010, 1}).substr(5, 1), "2");
}

TEST(CertificateNumberTest, RejectsBrokenStructure) {
  EXPECT_THAT(parse_graduation_number("10610120190500761").status().message(), HasSubstr("17 characters, not 18"));
  EXPECT_THAT(parse_graduation_number("10610120190500761O").status().message(), HasSubstr("non-digit at position 18"));
  EXPECT_THAT(parse_graduation_number("106101201903007614").status().message(), HasSubstr("level code 03"));
  EXPECT_THAT(parse_degree_number("1061052019123456").status().message(), HasSubstr("degree code 5"));
}

}  // namespace
}  // namespace mixtract
