// The major_table expert on page text written by hand for these tests: a major is found whatever wording
// marks it, and only where the name is the holder's major.
#include "experts/major_table/major_table_expert.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "ocr_page.h"

namespace mixtract {
namespace {

using mixtract::testing::ocr_page;

class MajorTableExpertTest : public ::testing::Test {
 protected:
  // The major found, or "(none)".
  std::string major(const std::vector<std::string>& lines) const {
    const std::vector<Candidate> found = find_majors(ocr_page(lines), majors_, schools_, "major");
    return found.empty() ? "(none)" : found.front().value;
  }

  MajorTable majors_ = MajorTable::builtin();
  SchoolTable schools_ = SchoolTable::builtin();
};

TEST_F(MajorTableExpertTest, FindsTheMajorWhateverMarksIt) {
  EXPECT_EQ(major({"毕业证书", "刘洋，女，主修汉语言", "文学，学业期满，准予毕业。"}), "汉语言文学");
  const std::vector<Candidate> found =
      find_majors(ocr_page({"刘洋在本校数学与应用数学方向完成学业"}), majors_, schools_, "major");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].value, "数学与应用数学");  // The longest name, not 数学 or 应用数学 within it.
  EXPECT_LE(found[0].confidence, kUnmarkedMajor);
}

TEST_F(MajorTableExpertTest, ANameThatNamesSomethingElseIsNoMajor) {
  // A degree's category, a school, a department: no major.
  EXPECT_EQ(major({"学士学位证书", "授予经济学学士学位", "中央音乐学院"}), "(none)");
  EXPECT_EQ(major({"毕业证书", "南京审计大学"}), "(none)");
  EXPECT_EQ(major({"在本校化学系应用化学方向学习"}), "应用化学");
  // Two characters only beside 专业.
  EXPECT_EQ(major({"毕业证书", "英语六级合格"}), "(none)");
  EXPECT_EQ(major({"毕业证书", "专业：英语"}), "英语");
  // Part of a longer name whose other characters were misread.
  EXPECT_EQ(major({"在本校机械设汁制造及其自动化专业学习"}), "(none)");
  EXPECT_EQ(major({"在本校数学每应用数学专业学习"}), "(none)");
  EXPECT_EQ(major({"在本校应用数学专业学习"}), "应用数学");
  EXPECT_EQ(major({"在本校电子信息工程专业学习"}), "电子信息工程");  // Not 电子信息工程技术 misread.
  EXPECT_EQ(major({"在本校数学与应用数学专业学习"}), "数学与应用数学");
}

TEST_F(MajorTableExpertTest, TwoMajorsNamedGiveNone) {
  EXPECT_EQ(major({"主修会计学专业，辅修计算机科学与技术专业"}), "(none)");
  EXPECT_EQ(major({"会计学专业", "会计学"}), "会计学");  // The same one twice.
}

}  // namespace
}  // namespace mixtract
