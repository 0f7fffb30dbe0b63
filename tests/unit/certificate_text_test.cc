#include <gtest/gtest.h>

#include "experts/certificate_text/certificate_text_expert.h"
#include "ocr_page.h"

namespace mixtract {
namespace {

using mixtract::testing::ocr_page;  // Every character read with confidence 0.99 except where noted.

TEST(CertificateTextTest, ReadsTheGraduationSentenceAcrossLineBreaks) {
  OcrResult ocr = ocr_page({"毕业证书", "学生 张伟，性别 男，一九九七年五月十二日生，于二〇一五年九月至二〇一九年六",
                            "月在本校计算机科学与",  // The major breaks across lines.
                            "技术专业四年制本科学习，修完教学计划规定的全部课程，成绩合格，准予毕业。",
                            "校名：四川大学", "证书编号：106101201905007614", "二○一九年六月三十日"});
  ocr.lines[3].char_confidences[0] = 0.6f;  // 技
  const std::map<std::string, TextValue> values =
      read_certificate_text(ocr, SchoolTable::starter(), MajorTable::builtin());
  EXPECT_EQ(values.at("name").value, "张伟");
  EXPECT_EQ(values.at("gender").value, "男");
  EXPECT_EQ(values.at("birth_date").value, "1997-05-12");
  EXPECT_EQ(values.at("major").value, "计算机科学与技术");
  EXPECT_FLOAT_EQ(values.at("major").confidence, 0.6f);  // The weakest character decides.
  EXPECT_EQ(values.at("major").line, 2);
  EXPECT_EQ(values.at("level").value, "本科");
  EXPECT_EQ(values.at("issue_date").value, "2019-06-30");  // ○ read as 〇.
}

TEST(CertificateTextTest, ReadsTheDegreeSentence) {
  const OcrResult ocr =
      ocr_page({"学士学位证书", "张伟，男，1997年5月12日生。在四川大学计算机科学与技术",
                "专业完成了本科学习计划，业已毕业，经审核符合《中华人民共和国学位条例》的规定，授予工学学", "士学位。",
                "四川大学", "学位评定委员会主席：王建国", "2019年6月30日", "证书编号：1061042019123456"});
  const std::map<std::string, TextValue> values =
      read_certificate_text(ocr, SchoolTable::starter(), MajorTable::builtin());
  EXPECT_EQ(values.at("name").value, "张伟");
  EXPECT_EQ(values.at("birth_date").value, "1997-05-12");
  EXPECT_EQ(values.at("school").value, "四川大学");
  EXPECT_EQ(values.at("major").value, "计算机科学与技术");
  EXPECT_EQ(values.at("level").value, "本科");
  EXPECT_EQ(values.at("degree").value, "工学学士学位");
  EXPECT_EQ(values.at("issue_date").value, "2019-06-30");
}

TEST(CertificateTextTest, SetWordsAndLevelsMayBeMisread) {
  // 性别 lost its 别, the name is gone, 士 is read 土: the rest is still read.
  const std::map<std::string, TextValue> values = read_certificate_text(
      ocr_page({"学生，性男，一九八八年六月十日生，于二〇一一年九月至二〇一四年七月在本校软件工程专业硕土研究生学习"}),
      SchoolTable::starter(), MajorTable::builtin());
  EXPECT_FALSE(values.contains("name"));
  EXPECT_EQ(values.at("gender").value, "男");
  EXPECT_EQ(values.at("birth_date").value, "1988-06-10");
  EXPECT_EQ(values.at("major").value, "软件工程");
  EXPECT_EQ(values.at("level").value, "硕士研究生");
  EXPECT_FLOAT_EQ(values.at("level").confidence, 0.99f * 0.8f);  // Corrected, so less sure.
  // Two levels equally close: none is guessed.
  EXPECT_FALSE(read_certificate_text(
                   ocr_page({"学生张伟，性别男，1997年5月12日生，于2015年9月至2019年6月在本校法学专业X科学习"}),
                   SchoolTable::starter(), MajorTable::builtin())
                   .contains("level"));
}

TEST(CertificateTextTest, IssueDateWithItsYearHalfHiddenOrWithoutTheBody) {
  // The seal hid 二 of 二〇二二: the study period's last year completes it.
  std::map<std::string, TextValue> values = read_certificate_text(
      ocr_page({"学生曹思，性别男，一九九六年九月二十日生，于二〇一九年九月至二〇二二年七月在本校汉语"
                "言文学专业硕士研究生学习",
                "校名：南昌工学院", "〇二二年七月十八日"}),
      SchoolTable::starter(), MajorTable::builtin());
  EXPECT_EQ(values.at("issue_date").value, "2022-07-18");
  EXPECT_FLOAT_EQ(values.at("issue_date").confidence, 0.99f * 0.8f);
  EXPECT_EQ(values.at("issue_date").note, "year completed from the study period: read '〇二二年七月十八日'");
  // What is left must match that year.
  values =
      read_certificate_text(ocr_page({"学生曹思，性别男，一九九六年九月二十日生，于二〇一九年九月至二〇二二年七月在本"
                                      "校汉语言文学专业硕士研究生学习",
                                      "〇二一年七月十八日"}),
                            SchoolTable::starter(), MajorTable::builtin());
  EXPECT_FALSE(values.contains("issue_date"));
  // A body line lost: the issue date is still found on a page that says 准予毕业.
  values =
      read_certificate_text(ocr_page({"毕业证书", "学生郑晨芳，性别男，一九九一年十一月十三日生，于二〇",
                                      "习，修完教学计划规定的全部课程，成绩合格，准予毕业。", "二〇一四年六月十四日"}),
                            SchoolTable::starter(), MajorTable::builtin());
  EXPECT_EQ(values.at("issue_date").value, "2014-06-14");
  EXPECT_EQ(values.at("name").value, "郑晨芳");  // Each fact is found by its own cue: the name's line was read.
}

TEST(CertificateTextTest, DegreeDateBrokenAcrossLines) {
  const std::map<std::string, TextValue> values = read_certificate_text(
      ocr_page({"梁强琳，女，1989年2月26日生。在西南交通大学机械设计制造及其自动化专业完成了硕士研究生学习计划",
                "授予工学硕士学位。", "西南交通大", "2015年7月", "26日", "证书编号：1061332015093492"}),
      SchoolTable::starter(), MajorTable::builtin());
  EXPECT_EQ(values.at("issue_date").value, "2015-07-26");
  EXPECT_FLOAT_EQ(values.at("issue_date").confidence, 0.99f);
}

TEST(CertificateTextTest, DegreeDateWithItsYearHalfHidden) {
  const auto read = [](const std::string& date_line) {
    return read_certificate_text(ocr_page({"王霞，男，1993年2月24日生。在清华大学软件工程专业完成了硕士研究生学习计划",
                                           "授予工学硕士学位。", date_line, "证书编号：1000332018050426"}),
                                 SchoolTable::starter(), MajorTable::builtin());
  };
  const std::map<std::string, TextValue> values = read("018年6月14日");
  EXPECT_EQ(values.at("issue_date").value, "2018-06-14");  // The number's year: 2018.
  EXPECT_EQ(values.at("issue_date").note, "year completed from the certificate number: read '018年6月14日'");
  EXPECT_FALSE(read("017年6月14日").contains("issue_date"));  // Does not match the number's year.
  // The whole year hidden, on a line of its own.
  EXPECT_EQ(read("年六月十四日").at("issue_date").value, "2018-06-14");
  EXPECT_EQ(read("年六月十四日").at("issue_date").note,
            "year completed from the certificate number: read '年六月十四日'");
  EXPECT_FALSE(read("主席：王建国年六月十四日").contains("issue_date"));
}

TEST(CertificateTextTest, MajorsAreCorrectedAgainstTheTable) {
  const std::map<std::string, TextValue> values = read_certificate_text(
      ocr_page({"学生张伟，性别男，1997年5月12日生，于2015年9月至2019年6月在本校计算机科学与技木专业四年制本科学习"}),
      SchoolTable::starter(), MajorTable::builtin());
  EXPECT_EQ(values.at("major").value, "计算机科学与技术");
  EXPECT_EQ(values.at("major").raw, "计算机科学与技木");
  EXPECT_FLOAT_EQ(values.at("major").confidence, 0.99f * 0.8f);
  EXPECT_EQ(values.at("major").note, "read '计算机科学与技木', corrected to '计算机科学与技术' (major table)");
}

TEST(CertificateTextTest, DegreeSchoolMisreadIsSplitByTheTable) {
  // 浙江大字 (学 misread): the table's closest school at the start of the run ends the school.
  const std::map<std::string, TextValue> values =
      read_certificate_text(ocr_page({"张伟，男，1997年5月12日生。在浙江大字法学专业党成了本科学习计划"}),
                            SchoolTable::starter(), MajorTable::builtin());
  EXPECT_EQ(values.at("school").value, "浙江大学");
  EXPECT_EQ(values.at("major").value, "法学");
  EXPECT_EQ(values.at("level").value, "本科");
}

TEST(CertificateTextTest, DegreeSchoolFromTheTableAndAMisreadAward) {
  // The school name runs into the major; 授予 is misread as 投子.
  const OcrResult ocr = ocr_page({"学士学位证书", "张伟，男，1997年5月12日生·在哈尔滨工业大学计算机",
                                  "科学与技术专业完成了本科学习计划，业已毕业，经审核符合《中华人民共和国学位条例》",
                                  "的规定，投子工学学士学位", "2019年6月30日"});
  const std::map<std::string, TextValue> values =
      read_certificate_text(ocr, SchoolTable::starter(), MajorTable::builtin());
  EXPECT_EQ(values.at("school").value, "哈尔滨工业大学");
  EXPECT_EQ(values.at("major").value, "计算机科学与技术");
  EXPECT_EQ(values.at("degree").value, "工学学士学位");
  EXPECT_EQ(values.at("issue_date").value, "2019-06-30");
}

TEST(CertificateTextTest, OtherPagesGiveNothing) {
  EXPECT_TRUE(read_certificate_text(ocr_page({"姓名 张伟", "公民身份号码 11010519491231002X"}), SchoolTable::starter(),
                                    MajorTable::builtin())
                  .empty());
  EXPECT_TRUE(read_certificate_text(ocr_page({}), SchoolTable::starter(), MajorTable::builtin()).empty());
  // An impossible birth date is not made up: the other fields stay, the date is left out.
  const std::map<std::string, TextValue> values = read_certificate_text(
      ocr_page(
          {"学生张伟，性别男，一九九七年二月三十日生，于二〇一五年九月至二〇一九年六月在本校法学专业四年制本科学习"}),
      SchoolTable::starter(), MajorTable::builtin());
  EXPECT_EQ(values.at("name").value, "张伟");
  EXPECT_FALSE(values.contains("birth_date"));
}

}  // namespace
}  // namespace mixtract
