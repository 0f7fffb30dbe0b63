#include "families.h"

#include <algorithm>
#include <array>

#include "page_text.h"
#include "report_families.h"

namespace mixtract::synth {
namespace {

int uniform(std::mt19937& rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}

std::string official(std::mt19937& rng) {
  static constexpr std::array<std::string_view, 6> kNames{"王建国", "李文华", "张志明", "陈立新", "刘振华", "杨国强"};
  return std::string(kNames[static_cast<std::size_t>(uniform(rng, 0, 5))]);
}

std::string rank_of(EducationLevel level) {
  return level == EducationLevel::kBachelor ? "学士" : level == EducationLevel::kMaster ? "硕士" : "博士";
}

// 四 for 4: the length of a programme as printed (学制四年, 四年制).
std::string years_in_words(const Credential& c) {
  static constexpr std::array<std::string_view, 6> kYears{"", "一", "二", "三", "四", "五"};
  const int years = c.graduation_date.year - c.start_date.year;
  return std::string(kYears[static_cast<std::size_t>(std::clamp(years, 0, 5))]);
}

bool any_level(EducationLevel) {
  return true;
}
bool degree_level(EducationLevel level) {
  return level != EducationLevel::kJuniorCollege;
}
bool graduate_level(EducationLevel level) {
  return level == EducationLevel::kMaster || level == EducationLevel::kDoctor;
}

// --- Development families: the wordings the cues were written against. ---

CertificateText graduation_classic(const Person& person, const Credential& c, std::mt19937& rng) {
  const DateStyle style = uniform(rng, 0, 4) == 0 ? DateStyle::kArabic : DateStyle::kChineseNumerals;
  return {Layout::kLandscape,
          {"毕业证书"},
          graduation_body(person, c, style),
          {},
          {"校名：" + c.school.name, "校（院）长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, style),
          c.school.name};
}

CertificateText degree_classic(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          degree_body(person, c),
          {},
          {c.school.name, "学位评定委员会主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// 研究生王小明，性别男，1984年10月12日生，于2011年9月至2015年6月在本校金融学专业学习，学制四年，修完博士研究生
// 培养计划规定的全部课程，成绩合格，准予毕业。
CertificateText graduation_graduate(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {"研究生毕业证书"},
          "研究生" + person.name + "，性别" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kArabic) + "生，于" +
              year_month(c.start_date, DateStyle::kArabic) + "至" + year_month(c.graduation_date, DateStyle::kArabic) +
              "在本校" + c.major + "专业学习，学制" + years_in_words(c) + "年，修完" +
              std::string(level_name(c.level)) + "培养计划规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// 王小明，男，一九八四年十月十二日生。在中南大学经济学专业学完硕士研究生课程，已通过硕士学位的课程考试和论文答辩，
// 成绩合格。根据《中华人民共和国学位条例》的规定，授予经济学硕士学位。
CertificateText degree_committee(const Person& person, const Credential& c, std::mt19937& rng) {
  const std::string studies =
      c.level == EducationLevel::kBachelor
          ? "修完本科课程，业已毕业"
          : "学完" + std::string(level_name(c.level)) + "课程，已通过" + rank_of(c.level) + "学位的课程考试和论文答辩";
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kChineseNumerals) +
              "生。在" + c.school.name + c.major + "专业" + studies +
              "，成绩合格。根据《中华人民共和国学位条例》的规定，授予" + c.degree + "。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// --- Held-out families: written after the cues were last changed. ---

// 普通高等学校 / 毕业证书; 学生赵磊，男，1998年四月二日出生，自2016年9月起至2020年6月在中南大学会计学专业四年制本科
// 学习期满，…; dates in mixed numerals; a row of ornaments along the border.
CertificateText graduation_regular(const Person& person, const Credential& c, std::mt19937& rng) {
  const bool undergraduate = !graduate_level(c.level);
  CertificateText text{Layout::kLandscape,
                       {"普通高等学校", "毕业证书"},
                       "学生" + person.name + "，" + person.gender + "，" +
                           format_date(person.birth_date, DateStyle::kMixed) + "出生，自" +
                           year_month(c.start_date, DateStyle::kArabic) + "起至" +
                           year_month(c.graduation_date, DateStyle::kArabic) + "在" + c.school.name + c.major + "专业" +
                           (undergraduate ? years_in_words(c) + "年制" : "") + std::string(level_name(c.level)) +
                           "学习期满，修完规定课程，成绩合格，准予毕业。",
                       {},
                       {"校名：" + c.school.name, "校长：" + official(rng)},
                       c.graduation_number,
                       format_date(c.graduation_date, DateStyle::kMixed),
                       c.school.name};
  text.ornaments = true;
  return text;
}

// 学位证书; 李娜，女，1979年3月5日生，于…至…在本校材料科学与工程专业完成博士学位课程的学习，…授予工学博士学位。
// The school only under 学位授予单位.
CertificateText degree_award(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {"学位证书"},
          person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) + "生，于" +
              year_month(c.start_date, DateStyle::kArabic) + "至" + year_month(c.graduation_date, DateStyle::kArabic) +
              "在本校" + c.major + "专业完成" + rank_of(c.level) +
              "学位课程的学习，成绩合格，符合《中华人民共和国学位条例》的规定，授予" + c.degree + "。",
          {},
          {"学位授予单位：" + c.school.name, "校长：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// A form: no sentence, each fact after its label.
CertificateText graduation_form(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {"毕业证书"},
          "",
          {"姓名：" + person.name + "　性别：" + person.gender,
           "出生日期：" + format_date(person.birth_date, DateStyle::kArabic), "专业：" + c.major,
           "层次：" + std::string(level_name(c.level)),
           "学习时间：" + year_month(c.start_date, DateStyle::kArabic) + "至" +
               year_month(c.graduation_date, DateStyle::kArabic)},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

constexpr Family kFamilies[] = {
    {"graduation_classic", DocumentKind::kGraduationCertificate, false, any_level, graduation_classic},
    {"degree_classic", DocumentKind::kDegreeCertificate, false, degree_level, degree_classic},
    {"graduation_graduate", DocumentKind::kGraduationCertificate, false, graduate_level, graduation_graduate},
    {"degree_committee", DocumentKind::kDegreeCertificate, false, degree_level, degree_committee},
    {"graduation_regular", DocumentKind::kGraduationCertificate, true, any_level, graduation_regular},
    {"degree_award", DocumentKind::kDegreeCertificate, true, degree_level, degree_award},
    {"graduation_form", DocumentKind::kGraduationCertificate, true, any_level, graduation_form},
    {"id_front", DocumentKind::kIdCard, false, any_level, nullptr, CardPage::kFront},
    // These three were held out until their first measurement (bench/RESULTS.md, 2026-12-03); developed
    // on since.
    {"id_photocopy", DocumentKind::kIdCard, false, any_level, nullptr, CardPage::kPhotocopy},
    {"id_side_by_side", DocumentKind::kIdCard, false, any_level, nullptr, CardPage::kSideBySide},
    {"id_in_hand", DocumentKind::kIdCard, false, any_level, nullptr, CardPage::kInHand},
    {"chsi_table", DocumentKind::kChsiRecord, false, any_level, nullptr, CardPage::kNone, chsi_table},
    {"degree_report_table", DocumentKind::kDegreeReport, false, degree_level, nullptr, CardPage::kNone,
     degree_report_table},
    // These two were held out until their first measurement (bench/RESULTS.md, 2026-12-03, commit 7edbcd1);
    // developed on since.
    {"chsi_list", DocumentKind::kChsiRecord, false, any_level, nullptr, CardPage::kNone, chsi_list},
    {"degree_report_list", DocumentKind::kDegreeReport, false, degree_level, nullptr, CardPage::kNone,
     degree_report_list},
    // These two were held out until their first measurement (bench/RESULTS.md, 2026-12-03, commit e3ad9f3);
    // developed on since.
    {"chsi_grid", DocumentKind::kChsiRecord, false, any_level, nullptr, CardPage::kNone, chsi_grid},
    {"degree_report_grid", DocumentKind::kDegreeReport, false, degree_level, nullptr, CardPage::kNone,
     degree_report_grid},
    // These two were held out until their first measurement (bench/RESULTS.md, 2026-12-04, commit b1909f3);
    // developed on since.
    {"chsi_columns", DocumentKind::kChsiRecord, false, any_level, nullptr, CardPage::kNone, chsi_columns},
    {"degree_report_stacked", DocumentKind::kDegreeReport, false, degree_level, nullptr, CardPage::kNone,
     degree_report_stacked},
};

}  // namespace

std::span<const Family> families() {
  return kFamilies;
}

const Family* find_family(std::string_view name) {
  for (const Family& family : kFamilies) {
    if (family.name == name) return &family;
  }
  return nullptr;
}

}  // namespace mixtract::synth
