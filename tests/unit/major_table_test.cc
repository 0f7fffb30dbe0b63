#include "rules/major_table.h"

#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "test_support.h"

namespace mixtract {
namespace {

using ::testing::HasSubstr;

TEST(MajorTableTest, CorrectsOcrErrorsToTheCatalogueSpelling) {
  const MajorTable table = MajorTable::builtin();
  EXPECT_GT(table.size(), 500u);  // data/majors.csv, every row read.
  EXPECT_TRUE(table.contains("计算机科学与技术"));
  EXPECT_FALSE(table.correct("计算机科学与技术").has_value());  // Right as read.
  // One character wrong in eight; one missing in eleven.
  std::optional<MajorTable::Correction> fix = table.correct("计算机科学与技木");
  ASSERT_TRUE(fix.has_value());
  EXPECT_EQ(fix->name, "计算机科学与技术");
  EXPECT_EQ(fix->distance, 1u);
  fix = table.correct("机械设计制造及自动化");
  ASSERT_TRUE(fix.has_value());
  EXPECT_EQ(fix->name, "机械设计制造及其自动化");
  // Short names must be read exactly, and too many edits correct nothing.
  EXPECT_FALSE(table.correct("法字").has_value());
  EXPECT_FALSE(table.correct("计算科学技木").has_value());
  EXPECT_FALSE(table.correct("").has_value());
}

TEST(MajorTableTest, AmbiguousCorrectionsAreNotMade) {
  mixtract::testing::ScratchDir scratch;
  const std::filesystem::path csv = scratch.path() / "majors.csv";
  std::ofstream(csv) << "专业名称\n电子信息工程\n电子信息科学\n";
  const Result<MajorTable> table = MajorTable::load_csv(csv);
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_EQ(table->size(), 2u);
  EXPECT_FALSE(table->correct("电子信息工学").has_value());  // One edit from both.
  ASSERT_TRUE(table->correct("电子信息工桯").has_value());
  EXPECT_EQ(table->correct("电子信息工桯")->name, "电子信息工程");

  std::ofstream(csv) << "id,title\n1,x\n";
  EXPECT_THAT(MajorTable::load_csv(csv).status().message(), HasSubstr(":1: the header needs a name column"));
  EXPECT_THAT(MajorTable::load_csv(scratch.path() / "absent.csv").status().message(),
              HasSubstr("absent.csv: no such file"));
}

TEST(MajorTableTest, AUsersTableAddsToTheBuiltInOne) {
  const Result<MajorTable> mine = MajorTable::parse_csv_text("name\n量子信息科学\n会计学\n", "<mine>");
  ASSERT_TRUE(mine.ok()) << mine.status().message();
  const MajorTable builtin = MajorTable::builtin();
  const MajorTable table = MajorTable::with_additions(builtin, *mine);
  EXPECT_FALSE(builtin.contains("量子信息科学"));
  EXPECT_TRUE(table.contains("量子信息科学"));
  EXPECT_TRUE(table.contains("管理科学与工程"));  // A graduate discipline of the built-in table.
  EXPECT_EQ(table.size(), builtin.size() + 1);
}

}  // namespace
}  // namespace mixtract
