// The cues of data/certificate_cues.yaml on certificate text written by hand for these tests, in
// wordings `mixtract synth` does not produce, in both numeral styles, broken at awkward places.
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "experts/certificate_text/certificate_text_expert.h"
#include "ocr_page.h"
#include "rules/plausibility.h"

namespace mixtract {
namespace {

using ::testing::HasSubstr;

using mixtract::testing::ocr_page;

class CertificateCuesTest : public ::testing::Test {
 protected:
  std::map<std::string, TextValue> read(const std::vector<std::string>& lines) const {
    return read_certificate_text(ocr_page(lines), schools_, majors_);
  }
  std::string fact(const std::map<std::string, TextValue>& facts, const std::string& name) const {
    const auto it = facts.find(name);
    return it == facts.end() ? "(none)" : it->second.value;
  }

  SchoolTable schools_ = SchoolTable::builtin();
  MajorTable majors_ = MajorTable::builtin();
};

TEST_F(CertificateCuesTest, GraduateCertificateWithAnotherWording) {
  const auto facts =
      read({"博士研究生毕业证书", "研究生王小明，性别男，1984年10", "月12日生，于2011年9月至2015年6月在",
            "本校金融学专业学习，学制四年，修完博士研究生培养", "计划规定的全部课程，成绩合格，准予毕业。",
            "校名：中南大学", "证书编号：105331201502000123", "2015年6月30日"});
  EXPECT_EQ(fact(facts, "name"), "王小明");
  EXPECT_EQ(fact(facts, "gender"), "男");
  EXPECT_EQ(fact(facts, "birth_date"), "1984-10-12");
  EXPECT_EQ(fact(facts, "study_start"), "2011-09");
  EXPECT_EQ(fact(facts, "study_end"), "2015-06");
  EXPECT_EQ(fact(facts, "major"), "金融学");
  EXPECT_EQ(fact(facts, "level"), "博士研究生");
  EXPECT_EQ(fact(facts, "school"), "中南大学");
  EXPECT_EQ(fact(facts, "issue_date"), "2015-06-30");
}

TEST_F(CertificateCuesTest, MasterDegreeCertificateInChineseNumerals) {
  const auto facts =
      read({"硕士学位证书", "王小明，男，一九八四年十月十二日生。在中南", "大学经济学专业学完硕士研究生课程，已通过",
            "硕士学位的课程考试和论文答辩，成绩合格。根据《中华人民共和国学位条例》的规定，授予经济", "学硕士学位。",
            "中南大学学位评定委员会", "主席", "二〇一五年六月三十日", "证书编号：1053332015000123"});
  EXPECT_EQ(fact(facts, "name"), "王小明");
  EXPECT_EQ(fact(facts, "gender"), "男");
  EXPECT_EQ(fact(facts, "birth_date"), "1984-10-12");
  EXPECT_EQ(fact(facts, "school"), "中南大学");
  EXPECT_EQ(fact(facts, "major"), "经济学");
  EXPECT_EQ(fact(facts, "level"), "硕士研究生");
  EXPECT_EQ(fact(facts, "degree"), "经济学硕士学位");
  EXPECT_EQ(fact(facts, "issue_date"), "2015-06-30");
  EXPECT_EQ(facts.at("level").note, "");  // Heading, body and award agree.
}

TEST_F(CertificateCuesTest, DoctorDegreeWithTheSchoolOnlyBeforeItsCommittee) {
  const auto facts = read({"博士学位证书", "李娜，女，1979年3月5日生。在本校材料科学与工程专", "业学完博士研究生课程，",
                           "经中山大学学位评定委员会审核，授予工学博士学位。", "2009年7月1日"});
  EXPECT_EQ(fact(facts, "name"), "李娜");
  EXPECT_EQ(fact(facts, "gender"), "女");
  EXPECT_EQ(fact(facts, "school"), "中山大学");
  EXPECT_EQ(fact(facts, "major"), "材料科学与工程");
  EXPECT_EQ(fact(facts, "level"), "博士研究生");
  EXPECT_EQ(fact(facts, "degree"), "工学博士学位");
  EXPECT_EQ(fact(facts, "issue_date"), "2009-07-01");
}

TEST_F(CertificateCuesTest, TheTitleIsNoSchoolAndAnExactNameIsNotCorrected) {
  const auto facts =
      read({"普通高等学校", "毕业证书", "学生 赵 磊 , 性别 男 , 1998年4月2日出生 , 于2016年9月至2020年6月在",
            "本校会计学专业四年制本科学习，修完教学计划规定的全部课程，成绩合格，准予毕业。", "校名:中南大学",
            "二〇二〇年六月三十日"});
  EXPECT_EQ(fact(facts, "school"), "中南大学");  // Not 普通高等学校, not 中山大学.
  EXPECT_EQ(facts.at("school").note, "");
  EXPECT_EQ(fact(facts, "name"), "赵磊");
  EXPECT_EQ(fact(facts, "birth_date"), "1998-04-02");  // 出生, half-width commas, spaces.
  EXPECT_EQ(fact(facts, "level"), "本科");
  EXPECT_EQ(fact(facts, "major"), "会计学");
  EXPECT_EQ(fact(facts, "issue_date"), "2020-06-30");
}

TEST_F(CertificateCuesTest, MixedNumeralsLabelsAndAnyOrder) {
  // The issue date first, then labelled facts, then the body; a date in mixed numerals.
  const auto facts = read({"2019年六月三十日", "姓名：陈晓", "出生日期：1997.05.12", "专业：法学",
                           "学生陈晓，性别女，于2015年9月至2019年6月在本校学习，准予毕业。"});
  EXPECT_EQ(fact(facts, "issue_date"), "2019-06-30");
  EXPECT_EQ(fact(facts, "name"), "陈晓");
  EXPECT_EQ(fact(facts, "gender"), "女");
  EXPECT_EQ(fact(facts, "birth_date"), "1997-05-12");
  EXPECT_EQ(fact(facts, "major"), "法学");
}

TEST_F(CertificateCuesTest, AFormWithLetterSpacedLabelsAndNoColons) {
  // OCR reads 姓　　名　　黄刚 as three lines of one row.
  const auto facts = read({"毕业证书", "姓", "名", "黄刚", "性", "别", "男", "出生日期", "1993年03月28日", "专", "业",
                           "土木工程", "层", "次", "本科", "毕业时间", "2015年07月", "2015年07月28日"});
  EXPECT_EQ(fact(facts, "name"), "黄刚");
  EXPECT_EQ(fact(facts, "gender"), "男");
  EXPECT_EQ(fact(facts, "birth_date"), "1993-03-28");
  EXPECT_EQ(fact(facts, "major"), "土木工程");
  EXPECT_EQ(fact(facts, "level"), "本科");
  EXPECT_EQ(fact(facts, "issue_date"), "2015-07-28");
  // Other words for the labels: 出生年月, 所学专业.
  const auto other = read({"毕业证书", "姓名", "吴婷", "出生年月", "1990年2月8日", "所学专业", "护理学", "学历层次",
                           "本科", "二〇一二年六月三十日"});
  EXPECT_EQ(fact(other, "birth_date"), "1990-02-08");
  EXPECT_EQ(fact(other, "major"), "护理学");
  EXPECT_EQ(fact(other, "issue_date"), "2012-06-30");
  // 出生年月日 before the date, the issue date printed before it in reading order.
  const auto full =
      read({"毕业证书", "2013年7月1日", "学生姓名：孙倩", "出生年月日：1991年3月5日", "所学专业：护理学"});
  EXPECT_EQ(fact(full, "birth_date"), "1991-03-05");
  EXPECT_EQ(fact(full, "issue_date"), "2013-07-01");
  // 专业 at a line's start in a sentence is no label: the sentence's major stands, undoubted.
  const auto sentence = read({"学生王五，性别男，1990年1月2日生，于2008年9月至2012年6月在本校会计学", "专业",
                              "学习，修完教学计划规定的全部课程，成绩合格，准予毕业。"});
  EXPECT_EQ(fact(sentence, "major"), "会计学");
  EXPECT_FLOAT_EQ(sentence.at("major").confidence, 0.99f);
}

TEST_F(CertificateCuesTest, AValueReadAcrossAGapInItsRowIsDoubtful) {
  // 一九九五年六月二十四日 with 二十 under a seal: the detector read the two ends as two lines of one row.
  OcrResult page = ocr_page({"学士学位证书", "李娜，女，1972年3月5日生。在中南大学法学专业完成了学士学位的学业要求，",
                             "授予法学学士学位。", "一九九五年六月", "四日"});
  page.lines[3].box = {Point{10, 100}, Point{150, 100}, Point{150, 120}, Point{10, 120}};
  page.lines[4].box = {Point{195, 100}, Point{230, 100}, Point{230, 120}, Point{195, 120}};
  auto facts = read_certificate_text(page, schools_, majors_);
  EXPECT_EQ(fact(facts, "issue_date"), "1995-06-04");
  EXPECT_FLOAT_EQ(facts.at("issue_date").confidence, static_cast<float>(kDoubtfulReading));
  // The same two pieces side by side, no gap between them: one line the detector split.
  page.lines[4].box = {Point{152, 100}, Point{187, 100}, Point{187, 120}, Point{152, 120}};
  facts = read_certificate_text(page, schools_, majors_);
  EXPECT_FLOAT_EQ(facts.at("issue_date").confidence, 0.99f);
}

TEST_F(CertificateCuesTest, ADateInsideASentenceIsNoIssueDateToAccept) {
  // The committee met on a day the sentence names; the date printed below lost its year under the seal and is
  // completed from the number's year, not taken for the meeting's.
  auto facts = read({"硕士学位证书", "周敏，女，一九八九年二月三日生。在湘潭大学会计学专业学完硕士研究生课程，",
                     "经湘潭大学学位评定委员会二〇一五年六", "月二十日会议审议通过，授予管理学硕士学位。",
                     "年六月三十日", "证书编号：1053032015003456"});
  EXPECT_EQ(fact(facts, "issue_date"), "2015-06-30");
  // With no date printed apart, the meeting's date is all there is: for review only, and said so.
  facts = read({"学士学位证书", "周敏，女，1993年2月3日生。在湘潭大学会计学专业修完本科课程，经本校学位",
                "评定委员会2015年6月20日审议通过，授予管理学学士学位。"});
  EXPECT_EQ(fact(facts, "issue_date"), "2015-06-20");
  EXPECT_FLOAT_EQ(facts.at("issue_date").confidence, static_cast<float>(kDoubtfulReading));
  EXPECT_THAT(facts.at("issue_date").note, HasSubstr("inside a sentence"));
  // A date after a label's colon, or alone on its line, stands apart.
  facts = read({"学士学位证书", "周敏，女，1993年2月3日生。在湘潭大学会计学专业修完本科课程，经本校学位",
                "评定委员会2015年6月20日审议通过，授予管理学学士学位。", "日期：2015年6月30日"});
  EXPECT_EQ(fact(facts, "issue_date"), "2015-06-30");
  EXPECT_FLOAT_EQ(facts.at("issue_date").confidence, 0.99f);
}

TEST_F(CertificateCuesTest, TheFactsInBracketsAfterACertifyingWord) {
  const auto facts =
      read({"中南大学", "博士学位证书", "兹证明赵敏（女，一九八一年十二月九日生）在",
            "中南大学冶金工程专业完成了博士研究生学业，经", "答辩合格，授予工学博士学位。", "2012年6月28日"});
  EXPECT_EQ(fact(facts, "name"), "赵敏");
  EXPECT_EQ(fact(facts, "gender"), "女");
  EXPECT_EQ(fact(facts, "birth_date"), "1981-12-09");
  EXPECT_EQ(fact(facts, "major"), "冶金工程");
  EXPECT_EQ(fact(facts, "school"), "中南大学");
}

TEST_F(CertificateCuesTest, AClassmateOfOurSchool) {
  // 同学 after the name, the sex after a colon in brackets, 我校 for the school.
  const auto facts = read({"毕业证书", "刘洋同学（性别：男），二〇〇一年三月十四日生，二〇一九年",
                           "九月入学，二〇二二年六月毕业，在我校",
                           "护理专业（三年制专科）学习期满，成绩合格，准予毕业。", "2022年6月20日"});
  EXPECT_EQ(fact(facts, "name"), "刘洋");
  EXPECT_EQ(fact(facts, "gender"), "男");
  EXPECT_EQ(fact(facts, "birth_date"), "2001-03-14");
  EXPECT_EQ(fact(facts, "major"), "护理");
  EXPECT_EQ(fact(facts, "school"), "(none)");  // 我校 names none.
  EXPECT_EQ(fact(facts, "issue_date"), "2022-06-20");
}

TEST_F(CertificateCuesTest, ATranslationBesideTheBodyAndAYearBrokenAcrossLines) {
  // Each Chinese line shares its row with an English one; the birth year wraps after 199.
  const auto facts = read({"毕业证书", "DIPLOMA", "学生陈雪，性别女，于199", "This is to certify that the",
                           "6年11月3日出生，2014年9月", "bearer, born on November 3, 1996,",
                           "至2018年6月在我校环境工程", "studied in the undergraduate", "专业四年制本科学习，修完全部",
                           "programme of this university", "课程，成绩合格，准予毕业。", "二〇一八年六月三十日"});
  EXPECT_EQ(fact(facts, "name"), "陈雪");
  EXPECT_EQ(fact(facts, "birth_date"), "1996-11-03");
  EXPECT_EQ(fact(facts, "major"), "环境工程");
  EXPECT_EQ(fact(facts, "level"), "本科");
  EXPECT_EQ(fact(facts, "issue_date"), "2018-06-30");
}

TEST_F(CertificateCuesTest, ADepartmentBetweenTheSchoolAndTheMajorIsNeither) {
  // The major table knows 应用化学 and 会计学: cut after the department, undoubted.
  auto facts = read({"学生何平，性别男，一九七五年三月十二日生，于一九九三年九月至一九九七年七月在本校化学系",
                     "应用化学专业四年制本科学习，修完教学计划规定的全部课程，成绩合格，准予毕业。"});
  EXPECT_EQ(fact(facts, "major"), "应用化学");
  EXPECT_FLOAT_EQ(facts.at("major").confidence, 0.99f);
  facts = read({"研究生韦红，性别女，1990年5月1日生，于2012年9月至2015年6月在中南大学商学院会计学专业硕士研究生学习"});
  EXPECT_EQ(fact(facts, "school"), "中南大学");
  EXPECT_EQ(fact(facts, "major"), "会计学");
  // A major the table does not know: where the department ends is a guess, so it is doubtful.
  facts = read({"学生何平，性别男，1975年3月12日生，在本校物理系量子信息科学专业四年制本科学习，准予毕业。"});
  EXPECT_EQ(fact(facts, "major"), "量子信息科学");
  EXPECT_LT(facts.at("major").confidence, 0.5f);
  // A college named 院 without 学: 研究生院.
  facts = read({"研究生王芳，女，1986年2月3日生，于2010年9月至2013年6月在我校研究生院会",
                "计学专业（研究方向：审计理论）攻读硕士学位，准予毕业。"});
  EXPECT_EQ(fact(facts, "major"), "会计学");
  // 系 at a major's start is no department.
  facts = read({"学生何平，性别男，1975年3月12日生，在本校系统工程专业四年制本科学习，准予毕业。"});
  EXPECT_EQ(fact(facts, "major"), "系统工程");
}

TEST_F(CertificateCuesTest, EnrolledInOurSchoolAndASexAfterALineBreak) {
  const auto facts = read({"毕业证书", "兹有梁静同学，女，一九九九年八月一日出生，二〇一七年九月进入我",
                           "校土木工程专业学习，学制四年，修完本科教学计划规定的全部课程。"});
  EXPECT_EQ(fact(facts, "name"), "梁静");
  EXPECT_EQ(fact(facts, "major"), "土木工程");
  const auto degree =
      read({"学士学位证书", "经中南大学学位评定委员会审核，授予梁静（", "女，1999年8月1日生）工学学士学位。"});
  EXPECT_EQ(fact(degree, "gender"), "女");
}

TEST_F(CertificateCuesTest, AMajorAfterTheOwnSchoolsWordWithNoVerbBeforeIt) {
  auto facts = read({"毕业证书", "兹有我校国际经济",
                     "与贸易专业学生王小明，性别男，1998年4月2日生，自2016年9月至2020年6月修业四年，准予毕业。"});
  EXPECT_EQ(fact(facts, "major"), "国际经济与贸易");
  EXPECT_EQ(fact(facts, "name"), "王小明");
  facts =
      read({"毕业证书", "本校汉语言", "文学专业毕业生李娜，女，一九九九年八月一日生，修完本科教学计划的全部课程。"});
  EXPECT_EQ(fact(facts, "major"), "汉语言文学");
  EXPECT_EQ(fact(facts, "school"), "(none)");
  // A committee's decision is no major: punctuation ends the run.
  facts = read({"硕士学位证书", "经我校学位评定委员会审定，授予工商管理硕士专业学位。"});
  EXPECT_EQ(fact(facts, "major"), "(none)");
}

TEST_F(CertificateCuesTest, TheCohortsYearBetweenSchoolAndMajor) {
  auto facts = read({"毕业证书", "兹证明李娜（女，1999年8月1日出生）系本校2017级汉语言",
                     "文学专业学生，于2021年6月完成本科全部学业，准予毕业。"});
  EXPECT_EQ(fact(facts, "major"), "汉语言文学");
  EXPECT_EQ(fact(facts, "school"), "(none)");
  facts = read({"学生张伟，男，一九九七年五月十二日生，在中南大学 2015 级临床医学专业学习五年，准予毕业。"});
  EXPECT_EQ(fact(facts, "major"), "临床医学");
  EXPECT_EQ(fact(facts, "school"), "中南大学");
}

TEST_F(CertificateCuesTest, AFormsLabelAndValueReadAsOneLine) {
  auto facts =
      read({"学士学位证书", "姓名刘杰", "性别女", "出生日期", "1975年7月25日", "专业法学", "学位", "法学学士学位"});
  EXPECT_EQ(fact(facts, "major"), "法学");
  EXPECT_EQ(fact(facts, "name"), "刘杰");
  EXPECT_EQ(fact(facts, "birth_date"), "1975-07-25");
  facts = read({"毕业证书", "所学专业会计学"});
  EXPECT_EQ(fact(facts, "major"), "会计学");
  // A sentence wrapped before 专业 is no label.
  facts = read({"毕业证书", "学生张伟，性别男，1997年5月12日生，在本校会计学", "专业学习，修完了全部课程。"});
  EXPECT_EQ(fact(facts, "major"), "会计学");
}

TEST_F(CertificateCuesTest, AValueAfterAColonEndsAtASemicolon) {
  const auto facts = read({"学士学位证书", "姓名：刘杰；性别：女；出生日期：1975年7月25日",
                           "专业：国际经济与贸易；学位：经济学学士学位", "校名：中南大学；校长：王建国"});
  EXPECT_EQ(fact(facts, "major"), "国际经济与贸易");
  EXPECT_EQ(fact(facts, "school"), "中南大学");
  EXPECT_EQ(fact(facts, "degree"), "经济学学士学位");
  EXPECT_EQ(fact(facts, "birth_date"), "1975-07-25");
  // The semicolon read as a colon.
  EXPECT_EQ(fact(read({"专业：临床医学：学位：医学博士学位"}), "major"), "临床医学");
}

TEST_F(CertificateCuesTest, AMajorInBracketsAfterTheDegree) {
  // Written for this test: the major only after the award, labelled inside brackets, broken across lines.
  EXPECT_EQ(
      fact(read({"王芳，女，1990年3月8日生。在湘潭大学完成了学士学位的学业要求，授予法学学士学位（专业：法学）。"}),
           "major"),
      "法学");
  EXPECT_EQ(
      fact(read({"周强，男，一九八八年五月六日生。在中南大学完成了硕士学位的学业要求，授予理学硕士学位（专业：数学",
                 "与应用数学）。"}),
           "major"),
      "数学与应用数学");
  EXPECT_EQ(fact(read({"授予教育硕士专业学位(专业:学科教学（语", "文）)"}), "major"), "学科教学（语文）");
  // After a colon elsewhere, a sentence's comma or a closing bracket ends the value too.
  EXPECT_EQ(fact(read({"姓名：李华，专业：英语，学位：文学学士学位"}), "major"), "英语");
}

TEST_F(CertificateCuesTest, AMajorWithItsEnglishNameInBracketsBeforeTheMajorsWord) {
  // Written for this test: the English name broken across lines, with a comma and an apostrophe in it.
  auto facts =
      read({"学生陈静，性别女，一九九九年一月九日生，于2017年9月至2021年6月在本校机械设计制造及其自动化（Mechanical",
            "Design, Manufacturing and Automation）专业四年制本科学习，修完…"});
  EXPECT_EQ(fact(facts, "major"), "机械设计制造及其自动化");
  facts = read({"研究生刘洋，男，1990年2月3日生，在湘潭大学法学(Law)专业学习"});
  EXPECT_EQ(fact(facts, "major"), "法学");
  EXPECT_EQ(fact(facts, "school"), "湘潭大学");
  EXPECT_EQ(fact(read({"兹有我校英语（Teachers' English）专业学生王芳，于2016年9月至2020年6月在校学习"}), "major"),
            "英语");
}

TEST_F(CertificateCuesTest, ADisciplineInPlaceOfOrBeforeTheMajorsWord) {
  // 学科专业 broken between 学 and 科: the major is what comes before it.
  auto facts = read({"博士学位证书", "王芳，女，一九八七年三月九日生。在北京大学中国语言文学学",
                     "科专业学完博士研究生课程，通过论文答辩，授予文学博士学位。"});
  EXPECT_EQ(fact(facts, "major"), "中国语言文学");
  EXPECT_EQ(fact(facts, "school"), "北京大学");
  // No 专业 at all: a graduate's discipline, the verb after it.
  facts = read({"研究生毕业证书",
                "研究生李强，男，1985年6月2日生，2008年9月进入本校管理科学与工程学科学习，"
                "修完规定课程，准予毕业。"});
  EXPECT_EQ(fact(facts, "major"), "管理科学与工程");
  EXPECT_EQ(fact(facts, "school"), "(none)");
  facts = read({"毕业证书", "研究生周敏，女，1990年1月2日生，在我校材料科学与工程学科攻读硕士学位，准予毕业。"});
  EXPECT_EQ(fact(facts, "major"), "材料科学与工程");
  // A professional degree's field (领域), with 专业学位 after it: the run up to that 专业 is no major.
  facts = read({"硕士学位证书", "陈静，女，一九九一年五月六日生，在浙江大学电子信息工程领",
                "域攻读硕士专业学位，完成了规定的课程学习，授予工学硕士学位。"});
  EXPECT_EQ(fact(facts, "major"), "电子信息工程");
  EXPECT_EQ(fact(facts, "school"), "浙江大学");
  // 学科（专业）, as the degree regulations' forms print it, in either brackets and broken after the bracket.
  facts = read(
      {"硕士学位证书", "赵刚，男，1990年1月2日生，在湘潭大学法学学科（", "专业）攻读硕士学位，授予法学硕士学位。"});
  EXPECT_EQ(fact(facts, "major"), "法学");
  EXPECT_EQ(fact(facts, "school"), "湘潭大学");
  facts = read({"学士学位证书", "赵刚，男，1990年1月2日生，在我校英语学科(专业)完成学业，授予文学学士学位。"});
  EXPECT_EQ(fact(facts, "major"), "英语");
}

TEST_F(CertificateCuesTest, ABracketBeforeTheWordMajorIsNoPartOfIt) {
  // The catalogue's code between the major and 专业, broken across lines inside the bracket.
  auto facts = read({"毕业证书", "学生赵刚，性别男，1990年1月2日生，于2008年9月至2012年6月在我校英语（0502",
                     "01）专业学习，准予毕业。"});
  EXPECT_EQ(fact(facts, "major"), "英语");
  facts = read({"毕业证书", "学生赵刚，性别男，在湘潭大学法学(030101K)专业完成学业，准予毕业。"});
  EXPECT_EQ(fact(facts, "major"), "法学");
  EXPECT_EQ(fact(facts, "school"), "湘潭大学");
  // A direction or a form of the programme, in Han characters, broken inside the bracket or after it.
  facts = read({"毕业证书", "学生钱文，女，2001年3月4日生，于2019年9月至2023年6月在本校英语（商务",
                "方向）专业学习，准予毕业。"});
  EXPECT_EQ(fact(facts, "major"), "英语");
  facts = read({"毕业证书", "学生赵刚，性别男，在湘潭大学法学（中外合作办学）", "专业完成学业，准予毕业。"});
  EXPECT_EQ(fact(facts, "major"), "法学");
  EXPECT_EQ(fact(facts, "school"), "湘潭大学");
  // A bracket elsewhere in the run is no direction: the run ends at it, and the major is read after it.
  facts = read({"毕业证书", "学生赵刚，性别男，在湘潭大学（湖南）法学专业完成学业，准予毕业。"});
  EXPECT_NE(fact(facts, "major"), "湘潭大学");
}

TEST_F(CertificateCuesTest, TheSchoolsFormerNameInBracketsIsNeitherSchoolNorMajor) {
  auto facts = read({"毕业证书", "学生钱文，女，2001年3月4日生，于2019年9月至2023年6月在中南大学（原湖南",
                     "财经学院）英语专业四年制本科学习，准予毕业。"});
  EXPECT_EQ(fact(facts, "major"), "英语");
  EXPECT_EQ(fact(facts, "school"), "中南大学");
  facts = read({"毕业证书", "学生赵刚，性别男，在西南大学(原西南农业大学)", "园艺专业完成学业，准予毕业。"});
  EXPECT_EQ(fact(facts, "major"), "园艺");
  EXPECT_EQ(fact(facts, "school"), "西南大学");
}

TEST_F(CertificateCuesTest, TheBirthDateAndSexFromAValidIdentityNumber) {
  auto facts = read({"毕业证书", "赵敏，身份证号：110105199003071220，于二〇〇八年九月至二〇一二年七月在本校",
                     "法学专业学习，成绩合格，准予毕业。"});
  EXPECT_EQ(fact(facts, "birth_date"), "1990-03-07");
  EXPECT_EQ(fact(facts, "gender"), "女");
  EXPECT_THAT(facts.at("birth_date").note, HasSubstr("identity number 110105199003071220"));
  facts = read({"毕业证书", "学生孙磊（公民身份号码42010619850611003", "8）在本校会计学专业学习，准予毕业。"});
  EXPECT_EQ(fact(facts, "birth_date"), "1985-06-11");
  EXPECT_EQ(fact(facts, "gender"), "男");
  // A check character that does not match: a digit misread, so nothing is taken from it.
  facts = read({"毕业证书", "赵敏，身份证号110105199003071221，在本校法学专业学习，准予毕业。"});
  EXPECT_EQ(fact(facts, "birth_date"), "(none)");
  // The date printed comes first; an identity number that says otherwise halves its confidence.
  facts = read({"毕业证书", "学生赵敏，性别女，1990年3月8日生，身份证号码110105199003071220，在本校法学专业学习。"});
  EXPECT_EQ(fact(facts, "birth_date"), "1990-03-08");
  EXPECT_THAT(facts.at("birth_date").note, HasSubstr("cues disagree: also read '1990-03-07'"));
}

TEST_F(CertificateCuesTest, AModeOfStudyBeforeTheMajorIsNotPartOfIt) {
  auto facts = read({"成人高等教育毕业证书", "学生钱进，性别男，1979年11月3日生，于2005年3月至2008年1月在本校夜大",
                     "学机械设计制造及其自动化专业本科学习，成绩合格，准予毕业。"});
  EXPECT_EQ(fact(facts, "major"), "机械设计制造及其自动化");
  facts = read({"毕业证书", "学生钱进，性别男，一九七九年十一月三日生，在中南大学函授法学专业专科学习，准予毕业。"});
  EXPECT_EQ(fact(facts, "major"), "法学");
  EXPECT_EQ(fact(facts, "school"), "中南大学");
  EXPECT_THAT(plausibility_problem(FieldKind::kMajor, "业余会计学", nullptr), HasSubstr("mode of study"));
  facts = read({"学士学位证书", "刘芳，女，1990年3月1日生，系中南大学成人高等",
                "教育会计学专业本科毕业生。授予管理学学士学位。"});
  EXPECT_EQ(fact(facts, "major"), "会计学");
  EXPECT_EQ(fact(facts, "school"), "中南大学");
  facts = read({"毕业证书", "学生钱进，性别男，1979年11月3日生，在本校继续教育学院汉语言文学专业学习，准予毕业。"});
  EXPECT_EQ(fact(facts, "major"), "汉语言文学");
  EXPECT_THAT(plausibility_problem(FieldKind::kMajor, "成人高等教育法学", nullptr), HasSubstr("mode of study"));
}

TEST_F(CertificateCuesTest, AWordOfAddressAfterTheNameIsNotPartOfIt) {
  auto facts = read({"硕士学位证书", "周敏同志，女，一九七九年十一月三日生，在中南大学文学院汉语言文",
                     "学专业攻读硕士学位，论文答辩通过。授予文学硕士学位。"});
  EXPECT_EQ(fact(facts, "name"), "周敏");
  EXPECT_EQ(fact(facts, "gender"), "女");
  EXPECT_EQ(fact(facts, "birth_date"), "1979-11-03");
  facts =
      read({"学士学位证书", "经中南大学学位评定委员会审核。钱进同", "志在本校法学专业完成了学业，授予法学学士学位。"});
  EXPECT_EQ(fact(facts, "name"), "钱进");
  EXPECT_THAT(plausibility_problem(FieldKind::kName, "钱进同志", nullptr), HasSubstr("同志"));
}

TEST_F(CertificateCuesTest, TheNameAfterTheWordForATrainee) {
  const auto facts = read({"毕业证书", "学员钱进，性别：男，出生日期：一九七九年十一月三日，于二〇〇五年三月入",
                           "校，在本校法学专业进行专科层次学习，二〇〇八年一月学习期满，准予毕业。"});
  EXPECT_EQ(fact(facts, "name"), "钱进");
  EXPECT_EQ(fact(facts, "gender"), "男");
  EXPECT_EQ(fact(facts, "birth_date"), "1979-11-03");
  EXPECT_EQ(fact(facts, "major"), "法学");
  EXPECT_EQ(fact(facts, "level"), "专科");
}

TEST_F(CertificateCuesTest, AFormsMajorWithTheLevelInBracketsAfterIt) {
  auto facts = read({"毕业证书", "毕业生姓名：钱进", "性　别：男", "出生时间：一九七九年十一月三日",
                     "专　业：机械设计制造及其自动化(专科)", "学习时间：2005年3月—2008年1月", "毕业学校：中南大学"});
  EXPECT_EQ(fact(facts, "name"), "钱进");
  EXPECT_EQ(fact(facts, "birth_date"), "1979-11-03");
  EXPECT_EQ(fact(facts, "major"), "机械设计制造及其自动化");
  EXPECT_EQ(fact(facts, "level"), "专科");
  EXPECT_EQ(fact(facts, "school"), "中南大学");
  facts = read({"毕业证书", "专业：学科教学（语文）", "学历：硕士研究生"});
  EXPECT_EQ(fact(facts, "major"), "学科教学（语文）");  // A bracket that is part of the major stays.
  EXPECT_THAT(plausibility_problem(FieldKind::kMajor, "会计学（硕士研究生）", nullptr), HasSubstr("level in brackets"));
  EXPECT_THAT(plausibility_problem(FieldKind::kMajor, "法学(本科)", nullptr), HasSubstr("level in brackets"));
}

TEST_F(CertificateCuesTest, AFormsNameAboveTheSexWhenItsLabelWasLost) {
  // 姓　　名 spaced so wide that OCR found 姓 alone.
  const auto facts =
      read({"毕业证书", "姓", "钱进", "性", "别", "男", "出生日期", "1979年11月03日", "专", "业", "法学"});
  EXPECT_EQ(fact(facts, "name"), "钱进");
  EXPECT_LT(facts.at("name").confidence, 0.9);  // No label says so: for review unless another expert agrees.
  EXPECT_EQ(fact(facts, "gender"), "男");
  // A label above the sex is no name.
  EXPECT_EQ(fact(read({"毕业证书", "学生姓名", "性别", "男", "本校法学专业"}), "name"), "(none)");
}

TEST_F(CertificateCuesTest, AGraduateNamedBeforeABracketWithTheBirthDate) {
  auto facts = read({"硕士学位证书", "经审核，中山大学法学专业硕士研究生钱进（一九七九年十一月三日生，男）完成",
                     "了学位论文答辩，符合硕士学位授予条件，授予法学硕士学位。"});
  EXPECT_EQ(fact(facts, "name"), "钱进");
  EXPECT_EQ(fact(facts, "birth_date"), "1979-11-03");
  EXPECT_EQ(fact(facts, "gender"), "男");
  facts = read({"学士学位证书", "经审核，中南大学会计学专业本科毕业生欧阳", "晓明（1998年4月2日生，女）符合条件。"});
  EXPECT_EQ(fact(facts, "name"), "欧阳晓明");
}

TEST_F(CertificateCuesTest, TheLevelAProgrammeLedToNotTheOneItStartedFrom) {
  auto facts =
      read({"毕业证书", "学生王芳，性别女，一九九九年一月二日生，在本校法学专业（专科", "起点本科）学习，准予毕业。"});
  EXPECT_EQ(fact(facts, "level"), "本科");
  EXPECT_EQ(facts.at("level").note, "");  // 专科 is where it started, not a second reading.
  facts =
      read({"毕业证书", "学员刘洋，男，2001年5月6日生，于2019年3月至2021年7月在本校会计专业（高中起点专科）学习。"});
  EXPECT_EQ(fact(facts, "level"), "专科");
  facts = read({"毕业证书", "学生赵敏，性别女，1990年3月8日生，在本校护理学专业专升本学习，成绩合格，准予毕业。"});
  EXPECT_EQ(fact(facts, "level"), "本科");
  EXPECT_EQ(fact(facts, "major"), "护理学");
}

TEST_F(CertificateCuesTest, TheDayOfGraduationASentenceStatesIsNotTheProofsDate) {
  auto facts =
      read({"毕业证明书", "学生王芳，性别女，1999年1月2日生，于2017年9月至2021年6月在我校法学专业学习，",
            "成绩合格，于2021年6月", "28日准予毕业。因原毕业证书遗失，特此证明。", "武汉大学", "2024年3月5日"});
  EXPECT_EQ(fact(facts, "graduated_on"), "2021-06-28");
  EXPECT_EQ(fact(facts, "issue_date"), "2024-03-05");
  facts = read(
      {"毕业证明书", "刘洋，男，一九八〇年五月六日生，于二〇〇二年七月一日毕业，特此证明。", "二〇一〇年三月五日"});
  EXPECT_EQ(fact(facts, "graduated_on"), "2002-07-01");
  // A date before a form's next label is no day of graduation: 毕业 must end the clause (生于… / 毕业学校：…).
  facts = read({"毕业证书", "姓名：刘洋", "生于1980年5月6日", "毕业学校：武汉大学", "2002年7月1日"});
  EXPECT_EQ(fact(facts, "graduated_on"), "(none)");
  EXPECT_EQ(fact(facts, "issue_date"), "2002-07-01");
  // Two labelled dates, the later one first in reading order: each is its own fact, neither in doubt.
  facts = read({"毕业证书", "发证日期：二〇一一年九月一日", "学生刘洋，性别男，在本校法学专业完成学业，准予毕业。",
                "毕业日期", "：2011年7月", "8日"});
  EXPECT_EQ(fact(facts, "graduated_on"), "2011-07-08");
  EXPECT_EQ(fact(facts, "issue_date"), "2011-09-01");
  EXPECT_EQ(facts.at("graduated_on").note, "");
}

TEST_F(CertificateCuesTest, TheSexAfterABracketWhateverTheCommaWasReadAs) {
  const auto facts = read({"学士学位证书", "依照学位条例，何丽（女·", "1990年1月2日生）在本校法学专业完成学业。"});
  EXPECT_EQ(fact(facts, "gender"), "女");
  EXPECT_EQ(fact(facts, "name"), "何丽");  // Inside the sentence, before the bracket.
}

TEST_F(CertificateCuesTest, EnglishBesideAChineseLabelIsLeftOut) {
  const auto facts =
      read({"学士学位证书", "姓名 Name：周敏", "性别 Sex：女", "出生日期 Date of Birth：1990年1月2日",
            "专业 Major：法学", "学位授予单位 Awarding Institution：中南大学", "授予日期 Date：二OO二年七月一日"});
  EXPECT_EQ(fact(facts, "name"), "周敏");
  EXPECT_EQ(fact(facts, "gender"), "女");
  EXPECT_EQ(fact(facts, "birth_date"), "1990-01-02");
  EXPECT_EQ(fact(facts, "major"), "法学");
  EXPECT_EQ(fact(facts, "school"), "中南大学");
  EXPECT_EQ(fact(facts, "issue_date"), "2002-07-01");  // OO for 〇〇 is no English word.
}

TEST_F(CertificateCuesTest, ANameThatOpensASentenceWithNoWordBeforeIt) {
  EXPECT_EQ(fact(read({"毕业证书", "周敏，性别女，公民身份号码110105199003071220，在本校法学专业学习。"}), "name"),
            "周敏");
  EXPECT_EQ(fact(read({"毕业证书", "钱进，男，生于一九七九年十一月三日，在本校法学专业学习。"}), "name"), "钱进");
  auto facts = read({"中南大学", "毕业证书", "孙丽娟，1979年11月3日生，性别女，在本校会计学专业学习。"});
  EXPECT_EQ(fact(facts, "name"), "孙丽娟");
  EXPECT_EQ(fact(facts, "birth_date"), "1979-11-03");
  facts = read({"学士学位证书", "经本校学位评定委员会审核，授予韩梅（女，1990年1月2日",
                "生）法学学士学位。韩梅同学在我校法学专业完成学业。"});
  EXPECT_EQ(fact(facts, "name"), "韩梅");
  EXPECT_EQ(fact(read({"学士学位证书", "法学学士学位。欧阳娜娜同学在本校完成学业。"}), "name"), "欧阳娜娜");
  // A name broken across lines is not read from its end.
  facts = read({"学士学位证书", "授予韩刚敏（女，1973年8月9日生）管理学学士学位。韩", "刚敏同学在我校完成学业。"});
  EXPECT_EQ(fact(facts, "name"), "韩刚敏");
  EXPECT_FLOAT_EQ(facts.at("name").confidence, 0.99f);
}

TEST_F(CertificateCuesTest, TheHolderAfterTheMajorWithAWordOfAddress) {
  // 同学 or 同志 after a name that follows the major's 专业, the comma after it lost where the line ended.
  auto facts = read({"学士学位证书", "四川大学法学专业", "韩梅同学", "女，1990年1月2日生，完成了本科学业。"});
  EXPECT_EQ(fact(facts, "name"), "韩梅");
  EXPECT_EQ(fact(facts, "gender"), "女");
  facts = read({"学士学位证书", "中南大学会计学专业欧阳娜娜同志，男，一九九〇年一月二日生，完成了本科学业。"});
  EXPECT_EQ(fact(facts, "name"), "欧阳娜娜");
  EXPECT_EQ(fact(facts, "gender"), "男");
  EXPECT_EQ(fact(facts, "birth_date"), "1990-01-02");
  // A holder the certificate calls 学生 is no name with it.
  facts = read({"毕业证书", "在本校法学专业学生王明同学，男，于2015年9月至2019年6月学习。"});
  EXPECT_EQ(fact(facts, "name"), "王明");
}

TEST_F(CertificateCuesTest, TheSexBetweenTheNameAndTheYearWhereTheSpacesWereLost) {
  // 林晓红　女　一九八〇年五月三日生… with the wide spaces lost and the 〇 of the year too.
  auto facts = read({"学士学位证书", "林晓红女一九八年五月三日生在湖南大学法学专", "业完成了本科学习计划，业已毕业。"});
  EXPECT_EQ(fact(facts, "gender"), "女");
  facts = read({"学士学位证书", "欧阳建国男2001年11月9日生在中南大学会计学专业完成了本科学习计划。"});
  EXPECT_EQ(fact(facts, "gender"), "男");
  // Not inside a line, where 男 or 女 ends another word: 妇女二〇二〇年 is no sex.
  facts = read({"学位证书", "在湖南大学妇女学专业，成绩合格，妇女二〇二〇年"});
  EXPECT_EQ(fact(facts, "gender"), "(none)");
}

TEST_F(CertificateCuesTest, ANameBrokenAcrossLines) {
  auto facts = read(
      {"毕业证书", "四川大学法学专业2015级学生黄晓", "东，男，1997年2月8日生，于2015年9月至2019年6月在我校学习。"});
  EXPECT_EQ(fact(facts, "name"), "黄晓东");
  EXPECT_EQ(fact(facts, "gender"), "男");
  facts = read({"毕业证书", "学生郑", "洁，性别女，1990年1月2日生，准予毕业。"});
  EXPECT_EQ(fact(facts, "name"), "郑洁");
  // A form's name fills its line: the next line's label is no part of it.
  facts = read({"学位证书", "姓名", "韩敏", "性别", "女", "专业", "临床医学"});
  EXPECT_EQ(fact(facts, "name"), "韩敏");
  facts = read({"毕业证书", "学生姓名：何丽宇", "性", "别：女"});
  EXPECT_EQ(fact(facts, "name"), "何丽宇");
}

TEST_F(CertificateCuesTest, ANameAfterTheLevelsWordForAStudent) {
  // Written for this test: 本科生 / 专科生 / 硕士生 / 博士生 in place of 学生, the name broken after it once.
  auto facts =
      read({"毕业证书", "本科生李红梅，性别女，1999年12月3日生，于2018年9月至2022年6月在我校", "法学专业学习。"});
  EXPECT_EQ(fact(facts, "name"), "李红梅");
  EXPECT_EQ(fact(facts, "gender"), "女");
  EXPECT_EQ(fact(read({"毕业证书", "专科生", "赵磊，男，二〇〇一年五月生，在本校护理专业学习。"}), "name"), "赵磊");
  EXPECT_EQ(fact(read({"毕业证书", "硕士生欧阳晨，性别男，于2019年9月入学。"}), "name"), "欧阳晨");
  EXPECT_EQ(fact(read({"毕业证书", "博士生吴倩（女）在本校化学专业学习。"}), "name"), "吴倩");
}

TEST_F(CertificateCuesTest, ANameRightBeforeABracketOnTheNextLine) {
  // Written for this test: the line ends between the name and the bracket that opens with the sex.
  auto facts = read({"学士学位证书", "根据《中华人民共和国学位条例》的规定，孙晓",
                     "（男，二〇〇〇年一月七日生）在南昌大学", "法学专业完成了学士学位的学业，授予法学学士学位。"});
  EXPECT_EQ(fact(facts, "name"), "孙晓");
  EXPECT_EQ(fact(facts, "gender"), "男");
  EXPECT_EQ(fact(facts, "birth_date"), "2000-01-07");
}

TEST_F(CertificateCuesTest, ANameRightBeforeABracketWithTheIdentityNumber) {
  // Written for this test: no sex or birth date printed, only the identity number in brackets after the name,
  // once at the sentence's start, once after a clause and with the line ending before the bracket.
  auto facts = read({"学士学位证书", "孙晓（身份证号码：360102200001070024）在南昌大学法学",
                     "专业完成了学士学位的学业，授予法学学士学位。"});
  EXPECT_EQ(fact(facts, "name"), "孙晓");
  EXPECT_EQ(fact(facts, "birth_date"), "2000-01-07");
  facts = read({"硕士学位证书", "依照《中华人民共和国学位条例》的规定，欧阳明月", "(身份证号:360102200001070016)在南昌",
                "大学法学专业完成了硕士学位的学业，授予法学硕士学位。"});
  EXPECT_EQ(fact(facts, "name"), "欧阳明月");
}

TEST_F(CertificateCuesTest, ANameAfterTheBirthDateAndDe) {
  // Written for this test: the birth date before the name, joined by 的, the sex in brackets after it (a line
  // ending inside the name), and once in Chinese numerals with 同学 after the name.
  auto facts = read({"学士学位证书", "兹有2001年11月3日出生的欧阳",
                     "晓月（女），在南昌大学法学专业完成了学士学位的学业，", "授予法学学士学位。"});
  EXPECT_EQ(fact(facts, "name"), "欧阳晓月");
  EXPECT_EQ(fact(facts, "gender"), "女");
  EXPECT_EQ(fact(facts, "birth_date"), "2001-11-03");
  facts = read({"毕业证书", "二〇〇一年十一月三日生的周瑞同学，于二〇一九年九月至二〇二三年六月在本校法学专业学习，",
                "准予毕业。"});
  EXPECT_EQ(fact(facts, "name"), "周瑞");
}

TEST_F(CertificateCuesTest, ANameAfterTheWordForAGraduate) {
  // Written for this test: school, major and level before the name (…专业本科毕业生), once with the line ending
  // inside the name and the sex opening the next, once with the comma after the sex lost at a line's end.
  auto facts = read({"学士学位证书", "南昌大学汉语言文学专业本科毕业生欧阳晓", "月，女，2001年11月3日生，已通过学士",
                     "学位课程考试和论文答辩，授予文学学士学位。"});
  EXPECT_EQ(fact(facts, "name"), "欧阳晓月");
  EXPECT_EQ(fact(facts, "gender"), "女");
  facts = read({"硕士学位证书", "南昌大学法学专业硕士毕业生周瑞", "男，一九九六年二月九日生，已通过硕士学位",
                "论文答辩，授予法学硕士学位。"});
  EXPECT_EQ(fact(facts, "name"), "周瑞");
  EXPECT_EQ(fact(facts, "gender"), "男");
  facts = read({"学士学位证书", "南昌大学法学专业本科毕业生周瑞，男", "1996年2月9日生，已通过学士学位论文答辩，",
                "授予法学学士学位。"});
  EXPECT_EQ(fact(facts, "name"), "周瑞");
  EXPECT_EQ(fact(facts, "gender"), "男");
  // Not a name: the clause after a sentence that ends in 毕业生.
  facts = read({"学士学位证书", "周瑞，男，1996年2月9日生，系南昌大学法学专业本科毕业生，经审核符合",
                "规定，授予法学学士学位。"});
  EXPECT_EQ(fact(facts, "name"), "周瑞");
}

TEST_F(CertificateCuesTest, APeriodFromUntil) {
  // Written for this test: 自…起至…止, a line breaking after 起, in both numeral styles.
  auto facts = read({"毕业证书", "学生周瑞，性别男，一九九六年二月九日生，自二〇一四年九月起",
                     "至二〇一八年七月止在本校法学专业学习，准予毕业。"});
  EXPECT_EQ(fact(facts, "study_start"), "2014-09");
  EXPECT_EQ(fact(facts, "study_end"), "2018-07");
  facts =
      read({"毕业证书", "学生周瑞，性别男，1996年2月9日生，自2014年9月起至2018年7月止在本校法学专业学习，准予毕业。"});
  EXPECT_EQ(fact(facts, "study_start"), "2014-09");
  EXPECT_EQ(fact(facts, "study_end"), "2018-07");
}

TEST_F(CertificateCuesTest, AMajorEndsBeforeTheNextLabelOfItsRow) {
  // Written for this test: rows of labels whose gaps OCR lost, the major's last character also a label's first
  // (化学 / 学制).
  auto facts = read({"毕业证书", "学生周瑞，性别男，1996年2月9日生，在本校学习期满，准予毕业。",
                     "专业：汉语言文学层次：本科学制：四年", "入学：2014年9月毕业：2018年7月"});
  EXPECT_EQ(fact(facts, "major"), "汉语言文学");
  EXPECT_EQ(fact(facts, "level"), "本科");
  facts = read({"毕业证书", "学生周瑞，性别男，1996年2月9日生，准予毕业。", "专业：化学学制：四年"});
  EXPECT_EQ(fact(facts, "major"), "化学");
  facts = read({"学位证书", "姓名：周瑞", "专业名称：法学学位：法学学士学位"});
  EXPECT_EQ(fact(facts, "major"), "法学");
}

TEST_F(CertificateCuesTest, ThePeriodUnderLabelsOfItsOwn) {
  // Written for this test: the month of graduation under its label; the date below read 1998 for 1995 (a seal's
  // ring over the 5), which the label and the number (…1995…) deny: theirs, for review.
  auto facts = read({"毕业证书", "该生在我校完成了规定的全部学业，准予毕业。", "姓名：罗琳", "入学时间：1991年9月",
                     "毕业时间：1995年7月", "证书编号：104861199505950129", "1998年7月7日"});
  EXPECT_EQ(fact(facts, "study_start"), "1991-09");
  EXPECT_EQ(fact(facts, "study_end"), "1995-07");
  EXPECT_EQ(fact(facts, "issue_date"), "1995-07-07");
  EXPECT_LE(facts.at("issue_date").confidence, static_cast<float>(kDoubtfulReading));
  // Short labels in a row whose gap was lost (…学历：本科毕业：2020年6月).
  facts = read({"毕业证书", "专业：法学学历：本科毕业：2020年6月", "2020年6月30日"});
  EXPECT_EQ(fact(facts, "study_end"), "2020-06");
}

TEST_F(CertificateCuesTest, AnIssueYearThePeriodAndTheNumberDenyIsTheirsForReview) {
  // Written for this test: the period ends in 1995年7月 and the number (…1995…) says 1995; the date under the
  // body reads 1998 (a seal's ring over the 5): the year is theirs, only for review.
  auto facts = read({"毕业证书", "学生罗琳，性别女，1975年3月2日生，于1991年9月至1995年7月在本校法学专业",
                     "四年制本科学习，修完教学计划规定的全部课程，成绩合格，准予毕业。", "证书编号：105331199505000123",
                     "1998年7月7日"});
  EXPECT_EQ(fact(facts, "issue_date"), "1995-07-07");
  EXPECT_LE(facts.at("issue_date").confidence, static_cast<float>(kDoubtfulReading));
  EXPECT_THAT(facts.at("issue_date").note, HasSubstr("1998年7月7日"));
  // The year lost but for a trace, in Chinese numerals, the period broken across lines.
  facts = read({"毕业证书", "学生胡艳，性别男，一九九一年四月三日生，于二〇一六年九月至二〇",
                "二〇年七月在本校机械工程专业学习，", "准予毕业。", "证书编号：113361202001820855", "6年七月十二日"});
  EXPECT_EQ(fact(facts, "issue_date"), "2020-07-12");
  // The period under a label broken across lines, without 于; the date above the number.
  facts = read({"研究生毕业证书", "学生胡艳，性别男，一九九一年四月三日生，在本校机械工程专业学习，在校学习时",
                "间：二〇一七年九月至二〇二〇年七月，学制三年，准予毕业。", "6年七月十二日",
                "证书编号：113361202001820855"});
  EXPECT_EQ(fact(facts, "study_end"), "2020-07");
  EXPECT_EQ(fact(facts, "issue_date"), "2020-07-12");
  // The period's start cut short (一九九年 for 一九九〇年): its end is still read.
  facts = read({"毕业证书",
                "学生赵平，性别女，一九七一年三月二十八日生，在本校汉语言文学专业学习，在校学习时间：一九九年九月",
                "至一九九三年六月，学制三年，准予毕业。", "一九九", "二年六月二十日", "证书编号：136161199306892480"});
  EXPECT_EQ(fact(facts, "study_end"), "1993-06");
  EXPECT_EQ(fact(facts, "issue_date"), "1993-06-20");
  // 大 read for 六 in the month, the year's first half under the seal: completed from the period.
  facts = read({"毕业证书", "学生宋娜，性别女，2000年1月4日生，于2017年9月至2020年6月在本校护理专业三年制专科学习，",
                "准予毕业。", "证书编号：100841202006262203", "二0年大月二十四日"});
  EXPECT_EQ(fact(facts, "issue_date"), "2020-06-24");
}

TEST_F(CertificateCuesTest, AnIssueYearWithOneCharacterMisreadIsTheNumbersForReview) {
  // Written for this test: 二〇〇八 read 二05八 under the seal, a degree's number (…2008…) the only other year.
  auto facts = read({"硕士学位证书", "经上海大学学位评定委员会审核，授予朱文（男，一九八〇年二月三日生）法学硕士学位。",
                     "二05八年六月三十日", "证书编号：1027432008799387"});
  EXPECT_EQ(fact(facts, "issue_date"), "2008-06-30");
  EXPECT_LE(facts.at("issue_date").confidence, static_cast<float>(kDoubtfulReading));
  // Two characters misread, or none (a whole date inside a sentence is not a damaged one): not from the number.
  facts = read({"硕士学位证书", "经上海大学学位评定委员会审核，授予朱文（男，一九八〇年二月三日生）法学硕士学位。",
                "二05五年六月三十日", "证书编号：1027432008799387"});
  EXPECT_NE(fact(facts, "issue_date"), "2008-06-30");
}

TEST_F(CertificateCuesTest, AYearDoesNotOpenInsideTheNumberBeforeIt) {
  // Written for this test: the date's year lost under the seal but for its last digit, on the line after the
  // number; no period to complete it from. The number's last digits and that one are no year (8556).
  const auto facts = read({"毕业证书", "学生胡艳，性别男，一九九一年四月三日生，在本校机械工程专业学习，准予毕业。",
                           "证书编号：113361202001820855", "6年七月十二日"});
  EXPECT_EQ(fact(facts, "issue_date"), "(none)");
}

TEST_F(CertificateCuesTest, AnIssueDateInAnotherMonthThanThePeriodsEndIsLeftAsRead) {
  // Dated the month after the period ends (1 July for June), or where the number's year differs from the
  // period's: nothing says the date was misread.
  auto facts =
      read({"毕业证书", "学生罗琳，性别女，1998年3月2日生，于2016年9月至2020年6月在本校法学专业学习，准予毕业。",
            "证书编号：105331202005000123", "2020年7月1日"});
  EXPECT_EQ(fact(facts, "issue_date"), "2020-07-01");
  EXPECT_GT(facts.at("issue_date").confidence, static_cast<float>(kDoubtfulReading));
  facts = read({"毕业证书", "学生罗琳，性别女，1998年3月2日生，于2016年9月至2020年6月在本校法学专业学习，准予毕业。",
                "证书编号：105331202105000123", "2021年6月30日"});
  EXPECT_EQ(fact(facts, "issue_date"), "2021-06-30");
  // A degree's number (16 digits) carries the year of the award, not of graduation: left as read.
  facts = read({"学士学位证书", "罗琳，女，1998年3月2日生，于2016年9月至2020年6月在南昌大学法学专业学习，",
                "授予法学学士学位。", "证书编号：1040342021000123", "2021年6月30日"});
  EXPECT_EQ(fact(facts, "issue_date"), "2021-06-30");
}

TEST_F(CertificateCuesTest, TheAwardOpeningALineIsNoPartOfTheNameAfterIt) {
  // Written for this test: the committee's clause ends a line with its comma, 授予 opens the next, the holder in
  // brackets after the name.
  auto facts =
      read({"学士学位证书", "经南昌大学学位评定委员会审核，", "授予孙晓（女，二〇〇〇年一月七日生）法学学士学位。"});
  EXPECT_EQ(fact(facts, "name"), "孙晓");
  EXPECT_EQ(fact(facts, "gender"), "女");
  // A line that opens with 授予 and the name: 授予 is no part of a name.
  facts = read({"学士学位证书", "授予黄刚（男，1998年4月2日生）法学学士学位。"});
  EXPECT_EQ(fact(facts, "name"), "黄刚");
}

TEST_F(CertificateCuesTest, ABirthYearWhoseZerosWereLostIsPutBackForReview) {
  // 一九七〇 read 一九七: 1970 fits an issue in 1992 (1907 does not); only for review.
  auto facts = read({"学士学位证书", "冯梅，女，一九七年三月十四日生，已在辽宁大学法学专业完成学业，授予法学学士学位。",
                     "一九九二年六月二十九日"});
  EXPECT_EQ(fact(facts, "birth_date"), "1970-03-14");
  EXPECT_LE(facts.at("birth_date").confidence, static_cast<float>(kDoubtfulReading));
  EXPECT_THAT(facts.at("birth_date").note, HasSubstr("一九七"));
  // 二〇〇〇 read 二: three put back.
  facts = read({"学士学位证书", "赵浩，男，二年一月七日生，在闽江学院法学专业完成学业。", "二〇二三年七月三日"});
  EXPECT_EQ(fact(facts, "birth_date"), "2000-01-07");
  // One lost and one kept read as a letter O (二O二 of 二〇〇二): 2002, not 2020, fits a graduation in 2023.
  facts = read({"毕业证书", "学生周瑞，性别女，二O二年十一月五日生，于二O二〇年九月至二〇二三年六月在本校学习。",
                "二〇二三年六月三十日"});
  EXPECT_EQ(fact(facts, "birth_date"), "2002-11-05");
  // Two of three lost (二○): put back either way, one year.
  facts = read({"学士学位证书", "赵浩，男，二○年一月七日生，在闽江学院法学专业完成学业。", "二〇二三年七月三日"});
  EXPECT_EQ(fact(facts, "birth_date"), "2000-01-07");
  // One lost where the line broke inside the year, in brackets after the name (二○ / ○年 of 二〇〇〇).
  facts = read({"学士学位证书", "依照《中华人民共和国学位条例》的规定，赵浩（男，二○",
                "○年一月七日生）在闽江学院机械设计制造及其自动化专", "二〇二三年七月三日"});
  EXPECT_EQ(fact(facts, "birth_date"), "2000-01-07");
  // Two years fit (一九二〇 and 一九〇二, both 14 to 70 years before 1960): nothing.
  facts = read({"学士学位证书", "赵浩，男，一九二年一月七日生，在闽江学院法学专业完成学业。", "一九六〇年七月一日"});
  EXPECT_EQ(fact(facts, "birth_date"), "(none)");
  // After a label in a row of labels, not before 生 (出生日期：一九七年…, the 〇 lost).
  facts = read({"学士学位证书", "该生在辽宁大学法学专业完成了学士学位的学业，授予法学学士学位。",
                "姓名：冯梅性别：女出生日期：一九七年三月十四日", "一九九二年六月二十九日"});
  EXPECT_EQ(fact(facts, "birth_date"), "1970-03-14");
  EXPECT_LE(facts.at("birth_date").confidence, static_cast<float>(kDoubtfulReading));
  // No issue date read (a seal over it): the certificate number's year, 1992, in its stead.
  facts = read({"学士学位证书", "冯梅，女，一九七年三月十四日生，已在辽宁大学法学专业完成学业，授予法学学士学位。",
                "证书编号：1014041992001234"});
  EXPECT_EQ(fact(facts, "birth_date"), "1970-03-14");
  // Neither: nothing to fit the year to.
  facts = read({"学士学位证书", "冯梅，女，一九七年三月十四日生，已在辽宁大学法学专业完成学业，授予法学学士学位。"});
  EXPECT_EQ(fact(facts, "birth_date"), "(none)");
}

TEST_F(CertificateCuesTest, ANameWithoutACommonSurnameIsDoubtful) {
  // Read from a line that starts inside the sentence: 杰磊（男，… of 许杰磊.
  auto facts =
      read({"学士学位证书", "经中南大学学位评定委员会审核，授予许", "杰磊（男，1998年4月2日生）法学学士学位。"});
  EXPECT_LT(facts.at("name").confidence, 0.5f);
  facts = read({"学士学位证书", "欧阳娜娜，女，1998年4月2日生。在中南大学法学专业完成了学士学位的学业要求。"});
  EXPECT_EQ(fact(facts, "name"), "欧阳娜娜");
  EXPECT_FLOAT_EQ(facts.at("name").confidence, 0.99f);
}

TEST_F(CertificateCuesTest, DisagreeingCuesHalveTheConfidenceAndSaySo) {
  const auto facts =
      read({"硕士学位证书", "张伟，男，1990年1月2日生。在四川大学法学专业学完博士研究生课程，授予法学博士学位。"});
  EXPECT_EQ(fact(facts, "level"), "博士研究生");  // The body's cue comes before the title's.
  EXPECT_FLOAT_EQ(facts.at("level").confidence, 0.99f / 2);
  EXPECT_THAT(facts.at("level").note, HasSubstr("cues disagree: also read '硕士研究生'"));
}

TEST_F(CertificateCuesTest, TheHoldersNameBetweenTheAwardAndTheDegreeIsNoPartOfIt) {
  // Written for this test: the award first with the name in it, once broken at the name, once a name that ends
  // where a category could start (李明 before 管理学), and a professional degree after 授予 alone.
  auto facts = read(
      {"学士学位证书", "兹授予李明管理学学士学位。李明，男，1999年3月1日生，系南昌大学会计学专业本科毕", "业生。"});
  EXPECT_EQ(fact(facts, "degree"), "管理学学士学位");
  EXPECT_EQ(fact(read({"硕士学位证书", "经审核，授予欧阳", "明月工学硕士学位。"}), "degree"), "工学硕士学位");
  EXPECT_EQ(fact(read({"硕士学位证书", "经审核，授予工商管理硕士专业学位。"}), "degree"), "工商管理硕士专业学位");
  EXPECT_EQ(fact(read({"学士学位证书", "经审核，授予经济学学士学位。"}), "degree"), "经济学学士学位");
}

TEST_F(CertificateCuesTest, TheDegreeWhoseShiWasReadAsTu) {
  // 土 for 士, where the line breaks after it: 学土 is no word, 学士学位 is meant.
  auto facts =
      read({"学士学位证书", "周敏，女。1990年1月2日生。中南大学法学专业本科毕业。经审核，授予法学学土", "学位。"});
  EXPECT_EQ(fact(facts, "degree"), "法学学士学位");
  EXPECT_EQ(fact(facts, "level"), "本科");
  EXPECT_EQ(fact(read({"硕士学位证书", "授予工程硕土学位。"}), "degree"), "工程硕士学位");
  // 土 elsewhere is as read: 土木工程.
  facts = read({"学士学位证书", "周敏，女，在中南大学土木工程专业完成学业，授予工学学士学位。"});
  EXPECT_EQ(fact(facts, "major"), "土木工程");
}

TEST_F(CertificateCuesTest, PagesWithoutCertificateWordsGiveNothing) {
  EXPECT_TRUE(read({"姓名 张伟", "性别 男 民族 汉", "出生 1990年1月2日", "公民身份号码 11010519900102002X"}).empty());
}

TEST(CueSetTest, BadCueFilesAreClearErrors) {
  EXPECT_THAT(CueSet::parse("cues: ['(?P<colour>红)']", "c.yaml").status().message(),
              HasSubstr("c.yaml:1: cues[0]: '(?P<colour>红)': group 'colour' is not a fact"));
  EXPECT_THAT(CueSet::parse("cues: ['(?P<name>']", "c.yaml").status().message(), HasSubstr("cues[0]"));
  EXPECT_THAT(CueSet::parse("cues: ['学生']", "c.yaml").status().message(), HasSubstr("names no fact"));
  EXPECT_THAT(CueSet::parse("cues: [{pattern: '(?P<name>x)', weight: 2}]", "c.yaml").status().message(),
              HasSubstr("weight: must be in (0, 1]"));
  EXPECT_THAT(CueSet::parse("words: []", "c.yaml").status().message(), HasSubstr("words"));
}

TEST(CueSetTest, ANewWordingIsALine) {
  Result<CueSet> cues = CueSet::parse("page_words: [文凭]\ncues: ['持证人~(?P<name>{NAME})~[，。]']", "mine.yaml");
  ASSERT_TRUE(cues.ok()) << cues.status().message();
  const auto facts = read_certificate_text(ocr_page({"文凭", "持证", "人：周杰。"}), SchoolTable::starter(),
                                           MajorTable::builtin(), *cues);
  ASSERT_TRUE(facts.contains("name"));
  EXPECT_EQ(facts.at("name").value, "周杰");  // The cue's words broken across lines.
  EXPECT_EQ(expand_cue("学生~[男女]"), "学\\n?生\\n?[^\\p{Han}\\d]{0,3}[男女]");
}

TEST(CueSetTest, ACueNamesAListOfWords) {
  Result<CueSet> cues = CueSet::parse(
      "page_words: [文凭]\nwords: {TITLE: [先生, 女士]}\ncues: ['授予(?P<name>{NAME}?){TITLE}']", "mine.yaml");
  ASSERT_TRUE(cues.ok()) << cues.status().message();
  const auto facts = read_certificate_text(ocr_page({"文凭", "兹授予周杰先", "生本文凭。"}), SchoolTable::starter(),
                                           MajorTable::builtin(), *cues);
  ASSERT_TRUE(facts.contains("name"));
  EXPECT_EQ(facts.at("name").value, "周杰");
  EXPECT_THAT(CueSet::parse("words: {title: [先生]}\ncues: ['(?P<name>x)']", "c.yaml").status().message(),
              HasSubstr("capitals"));
  EXPECT_THAT(CueSet::parse("words: {NAME: [先生]}\ncues: ['(?P<name>x)']", "c.yaml").status().message(),
              HasSubstr("none of HAN, NAME"));
  EXPECT_THAT(CueSet::parse("words: {TITLE: []}\ncues: ['(?P<name>x)']", "c.yaml").status().message(),
              HasSubstr("one or more words"));
}

TEST(CueSetTest, AMisreadingIsALine) {
  Result<CueSet> cues = CueSet::parse(
      "page_words: [文凭]\nmisreadings: {持证大: 持证人}\ncues: ['持证人~(?P<name>{NAME})~[，。]']", "mine.yaml");
  ASSERT_TRUE(cues.ok()) << cues.status().message();
  const auto facts = read_certificate_text(ocr_page({"文凭", "持证", "大：周杰。"}), SchoolTable::starter(),
                                           MajorTable::builtin(), *cues);
  ASSERT_TRUE(facts.contains("name"));
  EXPECT_EQ(facts.at("name").value, "周杰");
  EXPECT_THAT(CueSet::parse("misreadings: {持证大: 持证}\ncues: ['(?P<name>x)']", "c.yaml").status().message(),
              HasSubstr("'持证' must be as many characters as '持证大'"));
  EXPECT_THAT(CueSet::parse("misreadings: {持证O: 持证〇}\ncues: ['(?P<name>x)']", "c.yaml").status().message(),
              HasSubstr("each of the same kind"));
}

TEST(PlausibilityTest, ASchoolIsASchool) {
  const SchoolTable schools = SchoolTable::builtin();
  EXPECT_EQ(plausibility_problem(FieldKind::kSchool, "中南大学", &schools), "");
  EXPECT_EQ(plausibility_problem(FieldKind::kSchool, "中国矿业大学（北京）", &schools), "");
  EXPECT_EQ(plausibility_problem(FieldKind::kSchool, "深圳理工大学", &schools), "");  // New, but school-shaped.
  EXPECT_THAT(plausibility_problem(FieldKind::kSchool, "毕业证书", &schools), HasSubstr("not shaped like a school"));
  EXPECT_THAT(plausibility_problem(FieldKind::kSchool, "普通高等学校", &schools), HasSubstr("generic"));
  EXPECT_THAT(plausibility_problem(FieldKind::kSchool, "王小明", &schools), HasSubstr("not shaped like a school"));
  EXPECT_THAT(plausibility_problem(FieldKind::kSchool, "学位评定委员会学院", &schools), HasSubstr("label word 学位"));
  EXPECT_THAT(plausibility_problem(FieldKind::kSchool, "本科", nullptr), HasSubstr("not shaped like a school"));
}

TEST(PlausibilityTest, NamesAndMajorsHoldNoLabelOrTitleWords) {
  EXPECT_EQ(plausibility_problem(FieldKind::kName, "欧阳晓明", nullptr), "");
  EXPECT_THAT(plausibility_problem(FieldKind::kName, "证书张伟", nullptr), HasSubstr("label word 证书"));
  EXPECT_THAT(plausibility_problem(FieldKind::kName, "学生", nullptr), HasSubstr("label word 学生"));
  EXPECT_THAT(plausibility_problem(FieldKind::kName, "授予黄刚", nullptr), HasSubstr("label word 授予"));
  EXPECT_EQ(plausibility_problem(FieldKind::kMajor, "课程与教学论", nullptr), "");
  EXPECT_THAT(plausibility_problem(FieldKind::kMajor, "毕业证书", nullptr), HasSubstr("not a major"));
  EXPECT_THAT(plausibility_problem(FieldKind::kMajor, "四川大学法学", nullptr), HasSubstr("大学"));
  EXPECT_EQ(plausibility_problem(FieldKind::kLevel, "本科", nullptr), "");
}

TEST(PlausibilityTest, AMajorCutWhereItWrappedIsNoMajor) {
  EXPECT_THAT(plausibility_problem(FieldKind::kMajor, "机械设计制造及其", nullptr), HasSubstr("cut short"));
  EXPECT_THAT(plausibility_problem(FieldKind::kMajor, "交通设备与", nullptr), HasSubstr("cut short"));
  EXPECT_EQ(plausibility_problem(FieldKind::kMajor, "机械设计制造及其自动化", nullptr), "");
  EXPECT_EQ(plausibility_problem(FieldKind::kMajor, "电气工程及其自动化", nullptr), "");
}

TEST(PlausibilityTest, AMajorEndsBeforeTheWordThatMarksIt) {
  EXPECT_THAT(plausibility_problem(FieldKind::kMajor, "经济学学科", nullptr), HasSubstr("marks a major"));
  EXPECT_THAT(plausibility_problem(FieldKind::kMajor, "法学专业", nullptr), HasSubstr("marks a major"));
  EXPECT_EQ(plausibility_problem(FieldKind::kMajor, "学科教学（语文）", nullptr), "");
  EXPECT_THAT(plausibility_problem(FieldKind::kMajor, "软件工程领域", nullptr), HasSubstr("marks a major"));
  EXPECT_THAT(plausibility_problem(FieldKind::kMajor, "软件工程领域攻读硕士", nullptr), HasSubstr("攻读"));
}

}  // namespace
}  // namespace mixtract
