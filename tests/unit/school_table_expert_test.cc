// The school_table expert on page text written by hand for these tests.
#include "experts/school_table/school_table_expert.h"

#include <algorithm>

#include <gtest/gtest.h>

#include "ocr_page.h"

namespace mixtract {
namespace {

using mixtract::testing::ocr_page;

// The schools found, best first, joined by '|'.
std::string schools(const std::vector<std::string>& lines) {
  std::string out;
  for (const Candidate& c : find_schools(ocr_page(lines), SchoolTable::builtin(), "school", 3)) {
    out += (out.empty() ? "" : "|") + c.value;
  }
  return out;
}

TEST(SchoolTableExpertTest, FindsANameBrokenAcrossALineAndMisread) {
  EXPECT_EQ(schools({"于2016年9月至2020年6月在湘潭", "大学会计学专业学习"}), "湘潭大学");
  EXPECT_EQ(schools({"校名：湘谭大学"}), "湘潭大学");
  EXPECT_EQ(schools({"在湘潭", "大字会计学专业学习"}), "湘潭大学");
}

TEST(SchoolTableExpertTest, ACorrectionGathersNoCharactersFromThreeRows) {
  // 李文华's 文华, a seal's 学 and the label's 证, each on a row of its own, are 文华学院 one character off.
  EXPECT_EQ(schools({"校长：李文华", "学", "证书编号：100731201405063842"}), "");
  // Nor does a correction open inside a labelled value: 李文华's 文华 and a seal's 学 on the row below.
  EXPECT_EQ(schools({"校长：李文华", "学"}), "");
  EXPECT_EQ(schools({"校名：湘谭", "大学"}), "湘潭大学");                  // At the value's start it may.
  EXPECT_EQ(schools({"发证单位：文云南师范大学文理学"}), "云南师范大学");  // A seal's 文 read first costs one.
  // Read as printed, a name may run over three rows (a seal's ring read in pieces).
  EXPECT_EQ(schools({"文华", "学", "院"}), "文华学院");
  // Boxes that a seal cut one row into are one row: 技 lost under the seal is corrected.
  OcrResult one_row = ocr_page({"校名：湖南工程学", "院应用", "术学院  校长：陈立新"});
  for (std::size_t i = 0; i < one_row.lines.size(); ++i) {
    const float x = 10 + 300 * static_cast<float>(i), y = 10;
    one_row.lines[i].box = {Point{x, y}, Point{x + 280, y}, Point{x + 280, y + 20}, Point{x, y + 20}};
  }
  const std::vector<Candidate> found = find_schools(one_row, SchoolTable::builtin(), "school", 3);
  EXPECT_TRUE(std::any_of(found.begin(), found.end(),
                          [](const Candidate& c) { return c.value == "湖南工程学院应用技术学院"; }));
}

}  // namespace
}  // namespace mixtract
