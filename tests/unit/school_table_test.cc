#include "rules/school_table.h"

#include <filesystem>
#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "io/csv_reader.h"
#include "test_support.h"

namespace mixtract {
namespace {

using ::testing::HasSubstr;

TEST(CsvReaderTest, HandlesQuotesBomAndLineEnds) {
  Result<CsvRows> rows = parse_csv(
      "\xEF\xBB\xBF"
      "a,b\r\n\"x, \"\"y\"\"\",\"two\nlines\"\r\n\r\nlast,\n",
      "t.csv");
  ASSERT_TRUE(rows.ok());
  ASSERT_EQ(rows->size(), 3u);
  EXPECT_EQ((*rows)[0], (std::vector<std::string>{"a", "b"}));
  EXPECT_EQ((*rows)[1], (std::vector<std::string>{"x, \"y\"", "two\nlines"}));
  EXPECT_EQ((*rows)[2], (std::vector<std::string>{"last", ""}));
  EXPECT_THAT(parse_csv("a\n\"open,\nmore", "t.csv").status().message(), HasSubstr("t.csv:2: a quoted field"));
}

TEST(SchoolTableTest, FindsNamesInTextDespiteOcrErrors) {
  const SchoolTable table = SchoolTable::starter();
  EXPECT_FALSE(table.complete());
  // 汉武汉大学: one character too many before the name; 浙江大学 with a star stuck to it.
  std::vector<SchoolTable::Match> found = table.find_in_text(U"校名汉武汉大学", 3);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].school->name, "武汉大学");
  EXPECT_EQ(found[0].distance, 0u);
  found = table.find_in_text(U"校名浙江大学★", 3);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].school->name, "浙江大学");
  // One edit per four characters is corrected, more are not.
  found = table.find_in_text(U"哈尔滨工亚大学", 3);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].school->name, "哈尔滨工业大学");
  EXPECT_EQ(found[0].distance, 1u);
  found = table.find_in_text(U"四州大学", 3);
  ASSERT_FALSE(found.empty());
  EXPECT_EQ(found[0].school->name, "四川大学");
  EXPECT_TRUE(table.find_in_text(U"四州大字", 3).empty());
  EXPECT_TRUE(table.find_in_text(U"", 3).empty());
}

TEST(SchoolTableTest, StarterTableKnowsTheDocumentedSchools) {
  const SchoolTable table = SchoolTable::starter();
  EXPECT_EQ(table.size(), 10u);
  ASSERT_NE(table.find_by_code("10610"), nullptr);
  EXPECT_EQ(table.find_by_code("10610")->name, "四川大学");
  EXPECT_EQ(table.find_by_name("清华大学")->code, "10003");
  EXPECT_EQ(table.find_by_code("99999"), nullptr);
}

class SchoolCsvTest : public ::testing::Test {
 protected:
  std::filesystem::path write(const std::string& text) {
    const std::filesystem::path path = scratch_ / "schools.csv";
    std::ofstream(path) << text;
    return path;
  }
  mixtract::testing::ScratchDir scratch_;
};

TEST_F(SchoolCsvTest, ReadsByHeaderName) {
  Result<SchoolTable> table = SchoolTable::load_csv(write("学校代码,学校名称\n10001,北京大学\n12345,某某学院\n"));
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_EQ(table->size(), 2u);
  EXPECT_EQ(table->find_by_code("12345")->name, "某某学院");
}

TEST_F(SchoolCsvTest, LongerNamesWinOverTheNamesInsideThem) {
  Result<SchoolTable> table =
      SchoolTable::load_csv(write("name,code_5\n长春工业大学,10190\n长春工业大学人文信息学院,13601\n"));
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_TRUE(table->complete());
  std::vector<SchoolTable::Match> found = table->find_in_text(U"校名长春工业大学人文信息学院", 3);
  ASSERT_EQ(found.size(), 1u);  // 长春工业大学 lies inside the longer exact match.
  EXPECT_EQ(found[0].school->code, "13601");
  // With the long name misread, both are offered, the exact short one first.
  found = table->find_in_text(U"校名长春工业大学人文信息学完", 3);
  ASSERT_EQ(found.size(), 2u);
  EXPECT_EQ(found[0].school->code, "10190");
  EXPECT_EQ(found[1].school->code, "13601");
  EXPECT_EQ(table->longest_prefix_of("长春工业大学人文信息学院工商管理")->code, "13601");
  EXPECT_EQ(table->longest_prefix_of("在长春工业大学"), nullptr);
}

TEST_F(SchoolCsvTest, ErrorsNameLineAndColumn) {
  EXPECT_THAT(SchoolTable::load_csv(write("id,title\n1,x\n")).status().message(), HasSubstr(":1: the header needs"));
  EXPECT_THAT(SchoolTable::load_csv(write("name,code_5\n北京大学,10001\n清华,1003\n")).status().message(),
              HasSubstr(":3: column code_5: '1003' is not a 5-digit school code"));
  EXPECT_THAT(SchoolTable::load_csv(write("name,code_5\n北京大学,10001\n清华大学,10001\n")).status().message(),
              HasSubstr(":3: school code 10001 is given to both 北京大学 and 清华大学"));
  EXPECT_THAT(SchoolTable::load_csv("/nonexistent.csv").status().message(), HasSubstr("nonexistent.csv: no such file"));
}

TEST(SchoolTableTest, TheMinistryListIsBuiltIn) {
  const SchoolTable table = SchoolTable::builtin();
  EXPECT_TRUE(table.complete());
  EXPECT_EQ(table.size(), 2631u);
  ASSERT_NE(table.find_by_code("10533"), nullptr);
  EXPECT_EQ(table.find_by_code("10533")->name, "中南大学");
  EXPECT_EQ(table.find_by_code("10558")->name, "中山大学");
  EXPECT_EQ(table.find_by_code("00335")->name, "长春师范高等专科学校");  // A code not starting with 1.
  EXPECT_EQ(table.find_by_name("中国矿业大学（北京）")->level, "本科");
  // 中南大学 read exactly is 中南大学, not the nearest of a short list.
  const std::vector<SchoolTable::Match> found = table.find_in_text(U"校名中南大学", 1);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].school->name, "中南大学");
  EXPECT_EQ(found[0].distance, 0u);
}

TEST(SchoolTableTest, AdditionsAddAndReplace) {
  Result<SchoolTable> additions =
      SchoolTable::parse_csv_text("学校代码,学校名称\n10533,中南大学（新名）\n19999,新建大学\n", "mine.csv");
  ASSERT_TRUE(additions.ok()) << additions.status().message();
  const SchoolTable table = SchoolTable::with_additions(SchoolTable::builtin(), *additions);
  EXPECT_TRUE(table.complete());
  EXPECT_EQ(table.size(), 2632u);
  EXPECT_EQ(table.find_by_code("10533")->name, "中南大学（新名）");
  EXPECT_EQ(table.find_by_name("中南大学"), nullptr);
  EXPECT_EQ(table.find_by_code("19999")->name, "新建大学");
  EXPECT_EQ(table.find_by_code("10001")->name, "北京大学");
}

TEST(SchoolTableSharedDataTest, LoadsTheMinistryList) {
  const std::filesystem::path path = mixtract::testing::shared_data("universities_moe2017.csv");
  if (path.empty()) GTEST_SKIP() << mixtract::testing::kNoSharedData;
  Result<SchoolTable> table = SchoolTable::load_csv(path);
  ASSERT_TRUE(table.ok()) << table.status().message();
  EXPECT_EQ(table->size(), 2631u);
  const SchoolTable starter = SchoolTable::starter();
  for (const School& school : starter.schools()) {
    ASSERT_NE(table->find_by_code(school.code), nullptr) << school.code;
    EXPECT_EQ(table->find_by_code(school.code)->name, school.name);
  }
  // The built-in table holds the same facts.
  const SchoolTable builtin = SchoolTable::builtin();
  for (const School& school : table->schools()) {
    ASSERT_NE(builtin.find_by_code(school.code), nullptr) << school.code;
    EXPECT_EQ(builtin.find_by_code(school.code)->name, school.name);
    EXPECT_EQ(builtin.find_by_code(school.code)->level, school.level);
  }
}

}  // namespace
}  // namespace mixtract
