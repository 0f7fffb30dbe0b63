#include "certificate_families.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <map>

#include "core/utf8.h"
#include "page_text.h"

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

// The programme as a sentence names it: 四年制本科, 三年制专科; 硕士研究生 (a graduate's has no length).
std::string programme_of(const Credential& c) {
  const std::string level(level_name(c.level));
  return graduate_level(c.level) ? level : years_in_words(c) + "年制" + level;
}

// The holder as a sentence names them: 本科毕业生, 专科毕业生; 硕士研究生 (a graduate level's name says it).
std::string holder_of(const Credential& c) {
  return std::string(level_name(c.level)) + (graduate_level(c.level) ? "" : "毕业生");
}

}  // namespace

bool any_level(EducationLevel) {
  return true;
}
bool degree_level(EducationLevel level) {
  return level != EducationLevel::kJuniorCollege;
}
bool undergraduate_level(EducationLevel level) {
  return level == EducationLevel::kBachelor || level == EducationLevel::kJuniorCollege;
}
bool graduate_level(EducationLevel level) {
  return level == EducationLevel::kMaster || level == EducationLevel::kDoctor;
}
bool bachelor_level(EducationLevel level) {
  return level == EducationLevel::kBachelor;
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

// --- Held out until their failures were read (sessions 12 to 14, bench/RESULTS.md); developed on since. ---

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

// --- Held out until their first measurement (2026-12-04, bd6ae8e); developed on since. ---

namespace {

// A date as a filled-in form prints it: each number stands apart from the printed 年, 月 and 日.
std::string filled_in(const std::string& date) {
  std::string out;
  for (std::size_t i = 0; i < date.size();) {
    const std::size_t length = (static_cast<unsigned char>(date[i]) & 0xE0) == 0xE0 ? 3 : 1;
    const std::string glyph = date.substr(i, length);
    if (glyph == "年" || glyph == "月" || glyph == "日") out += ' ';
    out += glyph;
    if (glyph == "年" || glyph == "月") out += ' ';
    i += length;
  }
  return out;
}

// 1998年04月02日, 2016年09月: the zero-padded dates of a printed form.
std::string padded(const Date& date, bool with_day) {
  char text[32];
  if (with_day) {
    std::snprintf(text, sizeof text, "%d年%02d月%02d日", date.year, date.month, date.day);
  } else {
    std::snprintf(text, sizeof text, "%d年%02d月", date.year, date.month);
  }
  return text;
}

// English text in rows of at most `width` characters, broken between words.
std::vector<std::string> word_rows(const std::string& text, std::size_t width) {
  std::vector<std::string> rows{""};
  std::size_t start = 0;
  while (start < text.size()) {
    std::size_t end = text.find(' ', start);
    if (end == std::string::npos) end = text.size();
    const std::string word = text.substr(start, end - start);
    if (!rows.back().empty() && rows.back().size() + 1 + word.size() > width) rows.emplace_back();
    rows.back() += (rows.back().empty() ? "" : " ") + word;
    start = end + 1;
  }
  return rows;
}

// April 2, 1998.
std::string english_date(const Date& date, bool with_day = true) {
  static constexpr std::array<std::string_view, 12> kMonths{"January",   "February", "March",    "April",
                                                            "May",       "June",     "July",     "August",
                                                            "September", "October",  "November", "December"};
  const std::string month(kMonths[static_cast<std::size_t>(date.month - 1)]);
  return with_day ? month + " " + std::to_string(date.day) + ", " + std::to_string(date.year)
                  : month + " " + std::to_string(date.year);
}

}  // namespace

// A printed form whose blanks were filled in by hand or printer, each value standing apart:
// 学生 赵磊 ，性别 男 ，1998 年 4 月 2 日生，于 2016 年 9 月至 2020 年 6 月在本校 会计学 专业 四 年制 本科 学习，…
// (研究生 …在本校 会计学 专业 硕士研究生 学习，学制 三 年，…); the school printed only under the body.
CertificateText graduation_blanks(const Person& person, const Credential& c, std::mt19937& rng) {
  const DateStyle style = uniform(rng, 0, 1) == 0 ? DateStyle::kArabic : DateStyle::kChineseNumerals;
  const bool graduate = graduate_level(c.level);
  const std::string level(level_name(c.level));
  const std::string study = graduate ? " " + level + " 学习，学制 " + years_in_words(c) + " 年，修完培养计划"
                                     : " " + years_in_words(c) + " 年制 " + level + " 学习，修完教学计划";
  return {Layout::kLandscape,
          {"毕业证书"},
          (graduate ? "研究生 " : "学生 ") + person.name + " ，性别 " + person.gender + " ，" +
              filled_in(format_date(person.birth_date, style)) + "生，于 " +
              filled_in(year_month(c.start_date, style)) + "至 " + filled_in(year_month(c.graduation_date, style)) +
              "在本校 " + c.major + " 专业" + study + "规定的全部课程，成绩合格，准予毕业。",
          {},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The Degree Law's wording (2025) with an English translation under it:
// 李娜，女，2002年3月5日生。在中南大学会计学专业完成了学士学位的学业要求，经审核符合《中华人民共和国学位法》规定的
// 条件，授予管理学学士学位。 This is to certify that ...
CertificateText degree_law(const Person& person, const Credential& c, std::mt19937& rng) {
  const Date& born = person.birth_date;
  const std::string english_rank = c.level == EducationLevel::kBachelor ? "Bachelor"
                                   : c.level == EducationLevel::kMaster ? "Master"
                                                                        : "Doctor";
  const std::string english = "This is to certify that the holder, born on " + english_date(born) +
                              ", has fulfilled the requirements of the Degree Law of the People's Republic of China "
                              "and is hereby awarded the degree of " +
                              english_rank + ".";
  const std::string defence = c.level == EducationLevel::kBachelor ? "" : "，通过论文答辩";
  return {Layout::kPortrait,
          {"DEGREE CERTIFICATE", rank_of(c.level) + "学位证书"},
          person.name + "，" + person.gender + "，" + format_date(born, DateStyle::kArabic) + "生。在" + c.school.name +
              c.major + "专业完成了" + rank_of(c.level) + "学位的学业要求" + defence +
              "，经审核符合《中华人民共和国学位法》规定的条件，授予" + c.degree + "。",
          word_rows(english, 44),
          {c.school.name, "校长：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// A form with letter-spaced labels and no colons (姓　　名　　王小明), zero-padded dates, the study period
// as 入学时间 and 毕业时间.
CertificateText graduation_spaced_labels(const Person& person, const Credential& c, std::mt19937& rng) {
  const std::string gap = "　　";
  return {Layout::kPortrait,
          {"毕业证书"},
          "",
          {"姓　　名" + gap + person.name, "性　　别" + gap + person.gender,
           "出生日期" + gap + padded(person.birth_date, true), "专　　业" + gap + c.major,
           "学　　制" + gap + years_in_words(c) + "年", "层　　次" + gap + std::string(level_name(c.level)),
           "入学时间" + gap + padded(c.start_date, false), "毕业时间" + gap + padded(c.graduation_date, false)},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          padded(c.graduation_date, true),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-04, 2d7e2e3); developed on since. ---

// Chinese and English side by side: the body in the left half, its translation in the right half, so
// that OCR reads a Chinese and an English line on each row. 学生孙明，性别男，于1985年12月27日出生，2003年9月
// 至2007年7月在我校…专业四年制本科学习，…
CertificateText graduation_bilingual(const Person& person, const Credential& c, std::mt19937& rng) {
  const bool graduate = graduate_level(c.level);
  const std::string level(level_name(c.level));
  const std::string programme = graduate ? level : years_in_words(c) + "年制" + level;
  const std::string english_programme = graduate ? "graduate" : "undergraduate";
  CertificateText text{Layout::kLandscape,
                       {"毕业证书", "DIPLOMA"},
                       (graduate ? "研究生" : "学生") + person.name + "，性别" + person.gender + "，于" +
                           format_date(person.birth_date, DateStyle::kArabic) + "出生，" +
                           year_month(c.start_date, DateStyle::kArabic) + "至" +
                           year_month(c.graduation_date, DateStyle::kArabic) + "在我校" + c.major + "专业" + programme +
                           "学习，修完全部课程，成绩合格，准予毕业。",
                       {},
                       {"校名：" + c.school.name, "校长：" + official(rng)},
                       c.graduation_number,
                       format_date(c.graduation_date, DateStyle::kChineseNumerals),
                       c.school.name};
  text.beside = word_rows("This is to certify that the bearer, born on " + english_date(person.birth_date) +
                              ", studied in the " + english_programme + " programme of this university from " +
                              english_date(c.start_date, false) + " to " + english_date(c.graduation_date, false) +
                              ", completed all required courses and is allowed to graduate.",
                          34);
  return text;
}

// A vocational wording: the name before 同学, the sex after a colon in brackets, 入学 and 毕业 months
// instead of a period, the programme in brackets: 孙明同学（性别：男），一九八五年十二月二十七日生，二〇〇三年
// 九月入学，二〇〇七年七月毕业，在我校…专业（四年制本科）学习期满，…特发此证。
CertificateText graduation_vocational(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {"毕业证书"},
          person.name + "同学（性别：" + person.gender + "），" +
              format_date(person.birth_date, DateStyle::kChineseNumerals) + "生，" +
              year_month(c.start_date, DateStyle::kChineseNumerals) + "入学，" +
              year_month(c.graduation_date, DateStyle::kChineseNumerals) + "毕业，在我校" + c.major + "专业（" +
              years_in_words(c) + "年制" + std::string(level_name(c.level)) +
              "）学习期满，成绩合格，准予毕业，特发此证。",
          {},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// 兹证明 and the facts in brackets, the school on top: 兹证明李娜（女，一九七九年三月五日生）在中南大学材料科学
// 与工程专业完成了博士研究生学业，经答辩合格，经中南大学学位评定委员会审定，授予工学博士学位。特发此证。
CertificateText degree_certify(const Person& person, const Credential& c, std::mt19937& rng) {
  const std::string defence = c.level == EducationLevel::kBachelor ? "" : "，经答辩合格";
  return {Layout::kPortrait,
          {c.school.name, rank_of(c.level) + "学位证书"},
          "兹证明" + person.name + "（" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kChineseNumerals) + "生）在" + c.school.name + c.major +
              "专业完成了" + std::string(level_name(c.level)) + "学业" + defence + "，经" + c.school.name +
              "学位评定委员会审定，授予" + c.degree + "。特发此证。",
          {},
          {"学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-04, 40b070d); developed on since. ---

namespace {

// The department the major is taught in, as older certificates print it before the major (化学系应用化学
// 专业) and newer ones print the faculty (信息科学与工程学院计算机科学与技术专业).
std::string department_of(const Credential& c, std::mt19937& rng) {
  static const std::map<std::string_view, std::pair<std::string_view, std::string_view>> kDepartments{
      {"工学", {"机电工程系", "信息科学与工程学院"}},
      {"法学", {"法律系", "法学院"}},
      {"文学", {"中文系", "文学院"}},
      {"管理学", {"管理系", "商学院"}},
      {"医学", {"医学系", "临床医学院"}},
      {"理学", {"数学系", "数学与统计学院"}}};
  const auto it = kDepartments.find(c.discipline);
  if (it == kDepartments.end()) return "";
  return std::string(uniform(rng, 0, 1) == 0 ? it->second.first : it->second.second);
}

}  // namespace

// 学生周敏，性别女，一九七五年三月十二日生，于一九九三年九月至一九九七年七月在本校数学系数学与应用数学专业四年制
// 本科学习，…: the department (or faculty) between the school and the major.
CertificateText graduation_department(const Person& person, const Credential& c, std::mt19937& rng) {
  const bool graduate = graduate_level(c.level);
  const std::string level(level_name(c.level));
  const DateStyle style = uniform(rng, 0, 1) == 0 ? DateStyle::kArabic : DateStyle::kChineseNumerals;
  return {Layout::kLandscape,
          {"毕业证书"},
          (graduate ? "研究生" : "学生") + person.name + "，性别" + person.gender + "，" +
              format_date(person.birth_date, style) + "生，于" + year_month(c.start_date, style) + "至" +
              year_month(c.graduation_date, style) + "在本校" + department_of(c, rng) + c.major + "专业" +
              (graduate ? level : years_in_words(c) + "年制" + level) + "学习，修完" +
              (graduate ? "培养计划" : "教学计划") + "规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, style),
          c.school.name};
}

// 兹有王小明同学，男，一九九八年四月二日出生，二〇一六年九月进入我校会计学专业学习，学制四年，修完本科教学计划
// 规定的全部课程，…: the major after 进入我校, the level only in 修完…计划.
CertificateText graduation_enrolled(const Person& person, const Credential& c, std::mt19937& rng) {
  const std::string plan = graduate_level(c.level) ? "培养计划" : "教学计划";
  return {Layout::kPortrait,
          {"毕业证书"},
          "兹有" + person.name + "同学，" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kChineseNumerals) + "出生，" +
              year_month(c.start_date, DateStyle::kChineseNumerals) + "进入我校" + c.major + "专业学习，学制" +
              years_in_words(c) + "年，修完" + std::string(level_name(c.level)) + plan +
              "规定的全部课程，成绩合格，准予毕业。",
          {},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The award first, the person inside it: 经中南大学学位评定委员会审核，授予王小明（男，1998年4月2日生）管理学
// 学士学位。王小明同学在我校会计学专业完成了学士学位的学业要求。
CertificateText degree_award_first(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          "经" + c.school.name + "学位评定委员会审核，授予" + person.name + "（" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kArabic) + "生）" + c.degree + "。" + person.name +
              "同学在我校" + c.major + "专业完成了" + rank_of(c.level) + "学位的学业要求。",
          {},
          {c.school.name, "学位评定委员会主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-04, 0c61ec7); developed on since. ---

// A form of two label/value pairs a row, the labels in other words (出生年月, 所学专业, 学历层次, 学习期限).
CertificateText graduation_table_form(const Person& person, const Credential& c, std::mt19937& rng) {
  const std::string gap = "　　";
  return {Layout::kPortrait,
          {"毕业证书"},
          "",
          {"姓　名" + gap + person.name + gap + "性　别" + gap + person.gender,
           "出生年月" + gap + format_date(person.birth_date, DateStyle::kArabic), "所学专业" + gap + c.major,
           "学历层次" + gap + std::string(level_name(c.level)),
           "学习期限" + gap + year_month(c.start_date, DateStyle::kArabic) + "至" +
               year_month(c.graduation_date, DateStyle::kArabic)},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The ordinary sentence in a narrow column of ten characters or so, so that names, dates and the
// major break across lines wherever the column ends.
CertificateText graduation_narrow(const Person& person, const Credential& c, std::mt19937& rng) {
  CertificateText text{Layout::kPortrait,
                       {"毕业证书"},
                       graduation_body(person, c, DateStyle::kChineseNumerals),
                       {},
                       {c.school.name, "校长：" + official(rng)},
                       c.graduation_number,
                       format_date(c.graduation_date, DateStyle::kChineseNumerals),
                       c.school.name};
  text.body_width = uniform(rng, 360, 440);
  return text;
}

// A degree certificate as a form, the degree after 授予学位：, the major after 学科专业：.
CertificateText degree_form(const Person& person, const Credential& c, std::mt19937& /*rng*/) {
  return {Layout::kLandscape,
          {rank_of(c.level) + "学位证书"},
          "",
          {"姓名：" + person.name, "性别：" + person.gender,
           "出生日期：" + format_date(person.birth_date, DateStyle::kArabic), "学科专业：" + c.major,
           "授予学位：" + c.degree},
          {"学位授予单位：" + c.school.name},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-04, 961dc71); developed on since. ---

// The name alone at the start, then 该生: 王小明，男，1998年4月2日生。该生于2016年9月至2020年6月在本校会计学
// 专业学习，修完了本科教学计划规定的全部课程，…
CertificateText graduation_this_student(const Person& person, const Credential& c, std::mt19937& rng) {
  const std::string plan = graduate_level(c.level) ? "培养计划" : "教学计划";
  return {Layout::kLandscape,
          {"毕业证书"},
          person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "生。该生于" + year_month(c.start_date, DateStyle::kArabic) + "至" +
              year_month(c.graduation_date, DateStyle::kArabic) + "在本校" + c.major + "专业学习，修完了" +
              std::string(level_name(c.level)) + plan + "规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// Dates with dots: 学生周敏，性别女，1998.04.02生，2016.09—2020.06在本校…专业四年制本科学习，…
CertificateText graduation_dotted_dates(const Person& person, const Credential& c, std::mt19937& rng) {
  const auto dotted = [](const Date& date, bool with_day) {
    char text[32];
    if (with_day) {
      std::snprintf(text, sizeof text, "%d.%02d.%02d", date.year, date.month, date.day);
    } else {
      std::snprintf(text, sizeof text, "%d.%02d", date.year, date.month);
    }
    return std::string(text);
  };
  const bool graduate = graduate_level(c.level);
  const std::string level(level_name(c.level));
  return {
      Layout::kLandscape,
      {"毕业证书"},
      (graduate ? "研究生" : "学生") + person.name + "，性别" + person.gender + "，" + dotted(person.birth_date, true) +
          "生，" + dotted(c.start_date, false) + "—" + dotted(c.graduation_date, false) + "在本校" + c.major + "专业" +
          (graduate ? level : years_in_words(c) + "年制" + level) + "学习，修完规定的全部课程，成绩合格，准予毕业。",
      {},
      {"校名：" + c.school.name, "校长：" + official(rng)},
      c.graduation_number,
      dotted(c.graduation_date, true),
      c.school.name};
}

// A form in two columns of 标签：值, in other words: 学生姓名, 专业名称, 培养层次, 入学年月, 毕业年月.
CertificateText graduation_two_column_form(const Person& person, const Credential& c, std::mt19937& rng) {
  const std::string gap = "　　　";
  return {Layout::kLandscape,
          {"毕业证书"},
          "",
          {"学生姓名：" + person.name + gap + "性　　别：" + person.gender,
           "出生日期：" + format_date(person.birth_date, DateStyle::kArabic) + gap + "培养层次：" +
               std::string(level_name(c.level)),
           "专业名称：" + c.major,
           "入学年月：" + year_month(c.start_date, DateStyle::kArabic) + gap + "毕业年月：" +
               year_month(c.graduation_date, DateStyle::kArabic)},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-04, f8e15cf); developed on since. ---

// The name first, 出生, the month of enrolment only, the programme completed, dates in either numerals:
// 王小明，男，一九九八年四月二日出生，二〇一六年九月入学，在我校会计学专业完成四年制本科学业，各科成绩合格，准予毕业。
// The school after 学校名称：.
CertificateText graduation_completed(const Person& person, const Credential& c, std::mt19937& rng) {
  const DateStyle style = uniform(rng, 0, 1) == 0 ? DateStyle::kArabic : DateStyle::kChineseNumerals;
  const std::string level(level_name(c.level));
  const std::string programme = graduate_level(c.level) ? level : years_in_words(c) + "年制" + level;
  return {Layout::kLandscape,
          {"毕业证书"},
          person.name + "，" + person.gender + "，" + format_date(person.birth_date, style) + "出生，" +
              year_month(c.start_date, style) + "入学，在我校" + c.major + "专业完成" + programme +
              "学业，各科成绩合格，准予毕业。",
          {},
          {"学校名称：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, style),
          c.school.name};
}

// 系…毕业生 and the Degree Regulations: 李娜，女，1990年3月5日出生，系中南大学会计学专业本科毕业生，经审核符合
// 《中华人民共和国学位条例》的规定，授予管理学学士学位。 The committee signs.
CertificateText degree_graduate_of(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) + "出生，系" +
              c.school.name + c.major + "专业" + holder_of(c) + "，经审核符合《中华人民共和国学位条例》的规定，授予" +
              c.degree + "。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The major before the name, the period after 自 and the years after 修业: 兹有我校会计学专业学生王小明，性别男，
// 一九九八年四月二日生，自二〇一六年九月至二〇二〇年六月修业四年，完成本科教学计划的全部课程，考核合格，准予毕业。
CertificateText graduation_major_first(const Person& person, const Credential& c, std::mt19937& rng) {
  const bool graduate = graduate_level(c.level);
  return {Layout::kPortrait,
          {"毕业证书"},
          "兹有我校" + c.major + "专业" + (graduate ? "研究生" : "学生") + person.name + "，性别" + person.gender +
              "，" + format_date(person.birth_date, DateStyle::kChineseNumerals) + "生，自" +
              year_month(c.start_date, DateStyle::kChineseNumerals) + "至" +
              year_month(c.graduation_date, DateStyle::kChineseNumerals) + "修业" + years_in_words(c) + "年，完成" +
              std::string(level_name(c.level)) + (graduate ? "培养计划" : "教学计划") +
              "的全部课程，考核合格，准予毕业。",
          {},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-04, 7ab5cfd); developed on since. ---

// 兹证明 with the facts in brackets, the cohort year and a month of completion instead of a period:
// 兹证明王小明（男，1998年4月2日出生）系我校2016级会计学专业学生，于2020年6月完成本科全部学业，…准予毕业。
// The school signs with （章） after its name.
CertificateText graduation_cohort(const Person& person, const Credential& c, std::mt19937& rng) {
  const bool graduate = graduate_level(c.level);
  const std::string level(level_name(c.level));
  return {Layout::kLandscape,
          {"毕业证书"},
          "兹证明" + person.name + "（" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "出生）系我校" + std::to_string(c.start_date.year) + "级" + c.major + "专业" +
              (graduate ? level : "学生") + "，于" + year_month(c.graduation_date, DateStyle::kArabic) + "完成" +
              level + "全部学业，成绩合格，准予毕业。",
          {},
          {c.school.name + "（章）", "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// A degree certificate as a form with several labels to a row and no colons (姓名　王小明　　性别　男　　出生日期
// 1998年4月2日), the degree after 学位, the school after 授予单位：.
CertificateText degree_inline_labels(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {rank_of(c.level) + "学位证书"},
          "",
          {"姓名　" + person.name + "　　性别　" + person.gender + "　　出生日期　" +
               format_date(person.birth_date, DateStyle::kArabic),
           "专业　" + c.major, "学位　" + c.degree},
          {"授予单位：" + c.school.name, "校长：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// 出生于 and the day of graduation inside the sentence: 学生王小明，女，出生于1998年4月2日，在本校法学专业修完
// 四年制本科课程，于2020年6月30日毕业，成绩合格，特发此证。 The birth date in any numerals.
CertificateText graduation_graduated_on(const Person& person, const Credential& c, std::mt19937& rng) {
  static constexpr std::array<DateStyle, 3> kStyles{DateStyle::kArabic, DateStyle::kChineseNumerals, DateStyle::kMixed};
  const DateStyle style = kStyles[static_cast<std::size_t>(uniform(rng, 0, 2))];
  const bool graduate = graduate_level(c.level);
  const std::string level(level_name(c.level));
  return {Layout::kPortrait,
          {"毕业证书"},
          (graduate ? "研究生" : "学生") + person.name + "，" + person.gender + "，出生于" +
              format_date(person.birth_date, style) + "，在本校" + c.major + "专业修完" +
              (graduate ? level : years_in_words(c) + "年制" + level) + "课程，于" +
              format_date(c.graduation_date, DateStyle::kArabic) + "毕业，成绩合格，特发此证。",
          {},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-04, ec3e933); developed on since. ---

// An older wording with the native place and no level named (the number and the file say it): 学生王小明，男，
// 四川成都人，一九七五年三月十二日生，于一九九三年九月至一九九七年七月在本校数学与应用数学专业学习，学制四年，修完
// 教学计划规定的全部课程，成绩合格，准予毕业。
CertificateText graduation_native_place(const Person& person, const Credential& c, std::mt19937& rng) {
  const auto short_name = [](std::string name) {
    for (const std::string_view suffix : {"省", "市", "自治区", "壮族", "回族", "维吾尔"}) {
      if (name.ends_with(suffix)) name.erase(name.size() - suffix.size());
    }
    return name;
  };
  const std::string native_place = short_name(person.region.province) +
                                   short_name(person.region.city.empty() ? person.region.county : person.region.city);
  const bool graduate = graduate_level(c.level);
  return {Layout::kPortrait,
          {"毕业证书"},
          (graduate ? "研究生" : "学生") + person.name + "，" + person.gender + "，" + native_place + "人，" +
              format_date(person.birth_date, DateStyle::kChineseNumerals) + "生，于" +
              year_month(c.start_date, DateStyle::kChineseNumerals) + "至" +
              year_month(c.graduation_date, DateStyle::kChineseNumerals) + "在本校" + c.major + "专业学习，学制" +
              years_in_words(c) + "年，修完" + (graduate ? "培养计划" : "教学计划") +
              "规定的全部课程，成绩合格，准予毕业。",
          {},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The facts two rows of 标签：值 joined by semicolons (姓名：王小明；性别：男；出生日期：1998年4月2日), the school
// after 学位授予单位（盖章）：.
CertificateText degree_semicolons(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {rank_of(c.level) + "学位证书"},
          "",
          {"姓名：" + person.name + "；性别：" + person.gender + "；出生日期：" +
               format_date(person.birth_date, DateStyle::kArabic),
           "专业：" + c.major + "；学位：" + c.degree},
          {"学位授予单位（盖章）：" + c.school.name, "校长：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The period with a dash and no 于, the school named in the sentence, the level in brackets: 王小明同学，女，
// 1998年4月2日出生，2016年9月—2020年6月在中南大学法学专业（本科）学习，修业期满，成绩合格，准予毕业。
CertificateText graduation_dash_period(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {"毕业证书"},
          person.name + "同学，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "出生，" + year_month(c.start_date, DateStyle::kArabic) + "—" +
              year_month(c.graduation_date, DateStyle::kArabic) + "在" + c.school.name + c.major + "专业（" +
              std::string(level_name(c.level)) + "）学习，修业期满，成绩合格，准予毕业。",
          {},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-04, 68f8121); developed on since. ---

// A graduate certificate that names the discipline (学科) instead of a 专业 and the degree pursued instead of
// the level: 研究生王小明，男，一九八四年十月十二日生，于二〇一一年九月入学，在我校化学工程与技术学科攻读博士学位，
// 学制四年，修完培养计划规定的全部课程，成绩合格，论文答辩通过，准予毕业。
CertificateText graduation_pursued(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {"研究生毕业证书"},
          "研究生" + person.name + "，" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kChineseNumerals) + "生，于" +
              year_month(c.start_date, DateStyle::kChineseNumerals) + "入学，在我校" + c.major + "学科攻读" +
              rank_of(c.level) + "学位，学制" + years_in_words(c) +
              "年，修完培养计划规定的全部课程，成绩合格，论文答辩通过，准予毕业。",
          {},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The older Degree Regulations wording, sentence by sentence, with 学科专业 for graduates: 王小明，男，1984年10月12日
// 生。在中南大学经济学学科专业学完硕士研究生课程，并通过论文答辩，成绩合格。根据《中华人民共和国学位条例》的规定，
// 授予经济学硕士学位。 (本科: 在中南大学会计学专业完成了本科学习计划，业已毕业。) The chairman signs without a colon.
CertificateText degree_discipline(const Person& person, const Credential& c, std::mt19937& rng) {
  const std::string study = c.level == EducationLevel::kBachelor ? "专业完成了本科学习计划，业已毕业。"
                                                                 : "学科专业学完" + std::string(level_name(c.level)) +
                                                                       "课程，并通过论文答辩，成绩合格。";
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) + "生。在" +
              c.school.name + c.major + study + "根据《中华人民共和国学位条例》的规定，授予" + c.degree + "。",
          {},
          {c.school.name + "学位评定委员会", "主　席　" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The holder's identity number in the sentence and no birth date printed (as 自学考试 certificates do):
// 王小明，性别男，身份证号码430102199804020011，于2016年9月至2020年6月在本校会计学专业（本科）学习，修完教学计划
// 规定的全部课程，成绩合格，准予毕业。 An 18-digit number beside the 18-digit certificate number.
CertificateText graduation_id_number(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {"毕业证书"},
          person.name + "，性别" + person.gender + "，身份证号码" + person.id_number + "，于" +
              year_month(c.start_date, DateStyle::kArabic) + "至" + year_month(c.graduation_date, DateStyle::kArabic) +
              "在本校" + c.major + "专业（" + std::string(level_name(c.level)) + "）学习，修完" +
              (graduate_level(c.level) ? "培养计划" : "教学计划") + "规定的全部课程，成绩合格，准予毕业。",
          {},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-04, b19247a); developed on since. ---

// An adult-education certificate (成人高等教育) with the mode of study before the major: 学生王小明，性别男，
// 1980年5月12日生，于2008年3月至2011年1月在本校函授汉语言文学专业专科学习，修完教学计划规定的全部课程，成绩合格，
// 准予毕业。 (业余 or 脱产 in place of 函授.)
CertificateText graduation_adult(const Person& person, const Credential& c, std::mt19937& rng) {
  static constexpr std::array<std::string_view, 3> kModes{"函授", "业余", "脱产"};
  const std::string mode(kModes[static_cast<std::size_t>(uniform(rng, 0, 2))]);
  return {Layout::kLandscape,
          {"成人高等教育", "毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "生，于" + year_month(c.start_date, DateStyle::kArabic) + "至" +
              year_month(c.graduation_date, DateStyle::kArabic) + "在本校" + mode + c.major + "专业" +
              std::string(level_name(c.level)) + "学习，修完教学计划规定的全部课程，成绩合格，准予毕业。",
          {},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// The regulations first and the holder inside the sentence: 根据《中华人民共和国学位条例》的规定，王小明（男，
// 一九九八年四月二日生）在我校法学专业完成了学士学位要求，经我校学位评定委员会审议通过，授予法学学士学位。
CertificateText degree_regulations_first(const Person& person, const Credential& c, std::mt19937& rng) {
  const std::string defence = c.level == EducationLevel::kBachelor ? "" : "并通过学位论文答辩，";
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          "根据《中华人民共和国学位条例》的规定，" + person.name + "（" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kChineseNumerals) + "生）在我校" + c.major + "专业完成了" +
              rank_of(c.level) + "学位要求，" + defence + "经我校学位评定委员会审议通过，授予" + c.degree + "。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The school only as the heading over the title, the sex after the birth date and the length of study as
// 学习年限: 中南大学 / 毕业证书 / 王小明，一九九八年四月二日生，性别男，自…至…在本校…专业学习，学习年限四年，…
CertificateText graduation_school_heading(const Person& person, const Credential& c, std::mt19937& rng) {
  const std::string level(level_name(c.level));
  return {Layout::kLandscape,
          {c.school.name, "毕业证书"},
          person.name + "，" + format_date(person.birth_date, DateStyle::kChineseNumerals) + "生，性别" +
              person.gender + "，自" + year_month(c.start_date, DateStyle::kChineseNumerals) + "至" +
              year_month(c.graduation_date, DateStyle::kChineseNumerals) + "在本校" + c.major + "专业" + level +
              "学习，学习年限" + years_in_words(c) + "年，完成了规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-04, 0996fb0); developed on since. ---

// 生于 before the date, a student number and the year of graduation (届): 王小明，男，生于1998年4月2日，
// 学号201601012345，系我校2020届会计学专业本科毕业生，学习期满，成绩合格，准予毕业。
CertificateText graduation_student_number(const Person& person, const Credential& c, std::mt19937& rng) {
  char student_number[16];
  std::snprintf(student_number, sizeof student_number, "%d%02d%06d", c.start_date.year, uniform(rng, 1, 40),
                uniform(rng, 1, 999999));
  return {Layout::kLandscape,
          {"毕业证书"},
          person.name + "，" + person.gender + "，生于" + format_date(person.birth_date, DateStyle::kArabic) +
              "，学号" + student_number + "，系我校" + std::to_string(c.graduation_date.year) + "届" + c.major +
              "专业" + holder_of(c) + "，学习期满，成绩合格，准予毕业。",
          {},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// A degree form whose labels carry their English beside the Chinese: 姓名 Name：王小明, 出生日期 Date of
// Birth：1998年4月2日, 专业 Major：会计学, 学位 Degree：管理学学士学位; the school after 学位授予单位 Awarding
// Institution：.
CertificateText degree_bilingual_labels(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {"DEGREE CERTIFICATE", rank_of(c.level) + "学位证书"},
          "",
          {"姓名 Name：" + person.name, "性别 Sex：" + person.gender,
           "出生日期 Date of Birth：" + format_date(person.birth_date, DateStyle::kArabic), "专业 Major：" + c.major,
           "学位 Degree：" + c.degree},
          {"学位授予单位 Awarding Institution：" + c.school.name, "校长 President：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// The study period in seasons and the programme completed as 学业: 王小明同学，女，一九九八年四月二日生，
// 二〇一六年秋季入学，二〇二〇年夏季毕业，在本校会计学专业完成四年制本科学业，成绩合格，特发此证。
CertificateText graduation_seasons(const Person& person, const Credential& c, std::mt19937& rng) {
  const bool graduate = graduate_level(c.level);
  const std::string level(level_name(c.level));
  const auto year_of = [](const Date& date) {  // 二〇一六年九月 -> 二〇一六年
    const std::string written = year_month(date, DateStyle::kChineseNumerals);
    return written.substr(0, written.find("年") + std::string_view("年").size());
  };
  return {Layout::kPortrait,
          {"毕业证书"},
          person.name + "同学，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kChineseNumerals) +
              "生，" + year_of(c.start_date) + "秋季入学，" + year_of(c.graduation_date) + "夏季毕业，在本校" +
              c.major + "专业完成" + (graduate ? level : years_in_words(c) + "年制" + level) +
              "学业，成绩合格，特发此证。",
          {},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-04, cd7fcfb and 0c5954b); developed on since. ---

// A certificate that certifies, with the sex and the birth date labelled inside a bracket and the level as
// 学历: 兹证明王小明同学（性别：男，出生日期：1998年4月2日）于2016年9月入学，2020年6月毕业于我校会计学专业，本科学历，
// 修完规定的全部课程，成绩合格，特此证明。
CertificateText graduation_certify_that(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {"毕业证书"},
          "兹证明" + person.name + "同学（性别：" + person.gender + "，出生日期：" +
              format_date(person.birth_date, DateStyle::kArabic) + "）于" +
              year_month(c.start_date, DateStyle::kArabic) + "入学，" +
              year_month(c.graduation_date, DateStyle::kArabic) + "毕业于我校" + c.major + "专业，" +
              std::string(level_name(c.level)) + "学历，修完规定的全部课程，成绩合格，特此证明。",
          {},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// A second bachelor's degree, or a graduate degree earned with equivalent qualifications (同等学力):
// 王小明，男，一九九〇年一月一日生，已在中南大学会计学专业完成第二学士学位的学习，成绩合格，经审核符合《中华人民
// 共和国学位条例》的规定，授予管理学学士学位。 / 王小明，男，一九八四年十月十二日生，以同等学力身份在中南大学经济学
// 专业通过硕士学位课程考试和论文答辩，成绩合格。根据《中华人民共和国学位条例》的规定，授予经济学硕士学位。
CertificateText degree_equivalent(const Person& person, const Credential& c, std::mt19937& rng) {
  const std::string holder =
      person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kChineseNumerals) + "生，";
  const std::string body =
      c.level == EducationLevel::kBachelor
          ? holder + "已在" + c.school.name + c.major +
                "专业完成第二学士学位的学习，成绩合格，经审核符合《中华人民共和国学位条例》的规定，授予" + c.degree +
                "。"
          : holder + "以同等学力身份在" + c.school.name + c.major + "专业通过" + rank_of(c.level) +
                "学位课程考试和论文答辩，成绩合格。根据《中华人民共和国学位条例》的规定，授予" + c.degree + "。";
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          body,
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The college before the major and a two-character name spaced to the width of three (王　明): 学生王　明，性别女，
// 1998年4月2日生，于2016年9月至2020年6月在本校外国语学院英语专业学习，完成四年制本科教学计划规定的全部课程，成绩
// 合格，准予毕业。
CertificateText graduation_college(const Person& person, const Credential& c, std::mt19937& rng) {
  static constexpr std::array<std::string_view, 8> kColleges{
      "文学院", "理学院", "工学院", "商学院", "外国语学院", "经济与管理学院", "公共管理学院", "信息科学与工程学院"};
  const std::string college(kColleges[static_cast<std::size_t>(uniform(rng, 0, 7))]);
  std::string name = person.name;
  if (name.size() == 2 * std::string_view("王").size()) name.insert(name.size() / 2, "　");
  const std::string plan = graduate_level(c.level)
                               ? std::string(level_name(c.level)) + "培养计划"
                               : years_in_words(c) + "年制" + std::string(level_name(c.level)) + "教学计划";
  return {Layout::kLandscape,
          {"毕业证书"},
          "学生" + name + "，性别" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "生，于" + year_month(c.start_date, DateStyle::kArabic) + "至" +
              year_month(c.graduation_date, DateStyle::kArabic) + "在本校" + college + c.major + "专业学习，完成" +
              plan + "规定的全部课程，成绩合格，准予毕业。",
          {},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// The school and the major open the sentence, the holder after them: 中南大学会计学专业2016级学生王小明，男，
// 1998年4月2日生，于2016年9月至2020年6月在我校学习，修完本科教学计划规定的全部课程，成绩合格，准予毕业。
CertificateText graduation_school_first(const Person& person, const Credential& c, std::mt19937& rng) {
  const std::string plan = std::string(level_name(c.level)) + (graduate_level(c.level) ? "培养计划" : "教学计划");
  return {Layout::kLandscape,
          {"毕业证书"},
          c.school.name + c.major + "专业" + std::to_string(c.start_date.year) + "级学生" + person.name + "，" +
              person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) + "生，于" +
              year_month(c.start_date, DateStyle::kArabic) + "至" + year_month(c.graduation_date, DateStyle::kArabic) +
              "在我校学习，修完" + plan + "规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// A graduate's field (领域) of a professional degree in place of a 专业: 王小明，男，一九八四年十月十二日生，在中南大学
// 计算机技术领域攻读硕士专业学位，完成了规定的课程学习，成绩合格，通过了学位论文答辩。根据《中华人民共和国学位条例》
// 的规定，授予工学硕士学位。 (本科: 在中南大学会计学专业完成了本科学业，….)
CertificateText degree_field_of_study(const Person& person, const Credential& c, std::mt19937& rng) {
  const std::string studies =
      c.level == EducationLevel::kBachelor
          ? c.major + "专业完成了本科学业，成绩合格"
          : c.major + "领域攻读" + rank_of(c.level) + "专业学位，完成了规定的课程学习，成绩合格，通过了学位论文答辩";
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kChineseNumerals) +
              "生，在" + c.school.name + studies + "。根据《中华人民共和国学位条例》的规定，授予" + c.degree + "。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// A graduate certificate with the college before the major and the research direction after it in brackets:
// 研究生王小明，女，1984年10月12日生，于2011年9月至2014年6月在我校经济学院金融学专业（研究方向：公司金融）攻读
// 硕士学位，修完培养计划规定的全部课程，成绩合格，毕业论文答辩通过，准予毕业。
CertificateText graduation_research_direction(const Person& person, const Credential& c, std::mt19937& rng) {
  static constexpr std::array<std::string_view, 6> kDirections{"理论与方法", "应用研究", "数据分析",
                                                               "政策研究",   "系统设计", "比较研究"};
  static constexpr std::array<std::string_view, 4> kColleges{"研究生院", "经济学院", "理学院", "人文学院"};
  return {Layout::kLandscape,
          {"研究生毕业证书"},
          "研究生" + person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "生，于" + year_month(c.start_date, DateStyle::kArabic) + "至" +
              year_month(c.graduation_date, DateStyle::kArabic) + "在我校" +
              std::string(kColleges[static_cast<std::size_t>(uniform(rng, 0, 3))]) + c.major + "专业（研究方向：" +
              std::string(kDirections[static_cast<std::size_t>(uniform(rng, 0, 5))]) + "）攻读" + rank_of(c.level) +
              "学位，修完培养计划规定的全部课程，成绩合格，毕业论文答辩通过，准予毕业。",
          {},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-04, fbae323); developed on since. ---

// A self-study examination certificate (高等教育自学考试): the holder passes the examinations, the level in
// brackets after the major, the school only as the examining school: 王小明，男，1998年4月2日生，参加高等教育自学考试，
// 完成会计学专业（本科）全部课程，成绩合格，经审定准予毕业。 / 主考学校：中南大学.
CertificateText graduation_self_study(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {"高等教育自学考试", "毕业证书"},
          person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "生，参加高等教育自学考试，完成" + c.major + "专业（" + std::string(level_name(c.level)) +
              "）全部课程，成绩合格，经审定准予毕业。",
          {},
          {"主考学校：" + c.school.name, "主任：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// A form with longer labels: 学生姓名：王小明, 性　　别：男, 出生年月日：1998年4月2日, 所学专业：会计学,
// 学习层次：本科; the school after 发证学校 with （盖章） after it.
CertificateText graduation_form_long_labels(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {"毕业证书"},
          "",
          {"学生姓名：" + person.name, "性　　别：" + person.gender,
           "出生年月日：" + format_date(person.birth_date, DateStyle::kArabic), "所学专业：" + c.major,
           "学习层次：" + std::string(level_name(c.level)),
           "修业年限：" + year_month(c.start_date, DateStyle::kArabic) + "至" +
               year_month(c.graduation_date, DateStyle::kArabic)},
          {"发证学校：" + c.school.name + "（盖章）", "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// The holder's identity number in brackets after the name, and 经审核 before the verdict: 经审核，王小明（女，
// 身份证号：430102199804020011）于二〇一六年九月至二〇二〇年六月在本校会计学专业本科学习，修完规定课程，成绩合格，
// 准予毕业，特发此证。 No birth date printed: it is in the identity number.
CertificateText graduation_reviewed(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {"毕业证书"},
          "经审核，" + person.name + "（" + person.gender + "，身份证号：" + person.id_number + "）于" +
              year_month(c.start_date, DateStyle::kChineseNumerals) + "至" +
              year_month(c.graduation_date, DateStyle::kChineseNumerals) + "在本校" + c.major + "专业" +
              std::string(level_name(c.level)) + "学习，修完规定课程，成绩合格，准予毕业，特发此证。",
          {},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-04, 9e864c8: set 15); developed on since. ---

// A trainee (学员) of adult education who entered the school (入校) and studied at a level (本科层次), the end
// of study as 学习期满 with its month, the labels inside the sentence: 学员王小明，性别：男，出生日期：1998年4月2日，
// 于2016年9月入校，在本校会计学专业进行本科层次学习，2020年6月学习期满，成绩合格，准予毕业。 Mixed numerals on
// the issue date.
CertificateText graduation_trainee(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {"毕业证书"},
          "学员" + person.name + "，性别：" + person.gender + "，出生日期：" +
              format_date(person.birth_date, DateStyle::kArabic) + "，于" +
              year_month(c.start_date, DateStyle::kArabic) + "入校，在本校" + c.major + "专业进行" +
              std::string(level_name(c.level)) + "层次学习，" + year_month(c.graduation_date, DateStyle::kArabic) +
              "学习期满，成绩合格，准予毕业。",
          {},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kMixed),
          c.school.name};
}

// An older degree wording that calls the holder 同志, the college before the major, and the committee that
// reviewed it named in the sentence: 王小明同志，男，一九八四年十月十二日生，在中南大学经济学院经济学专业攻读硕士
// 学位，完成了规定的课程学习，成绩合格，学位论文答辩通过。经中南大学学位评定委员会审定，授予经济学硕士学位。
// (本科: …专业完成了本科学习计划，成绩合格。经….)
CertificateText degree_comrade(const Person& person, const Credential& c, std::mt19937& rng) {
  static constexpr std::array<std::string_view, 4> kColleges{"经济学院", "理学院", "工学院", "人文学院"};
  const std::string studies =
      c.level == EducationLevel::kBachelor
          ? "专业完成了本科学习计划，成绩合格。"
          : "专业攻读" + rank_of(c.level) + "学位，完成了规定的课程学习，成绩合格，学位论文答辩通过。";
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          person.name + "同志，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kChineseNumerals) +
              "生，在" + c.school.name + std::string(kColleges[static_cast<std::size_t>(uniform(rng, 0, 3))]) +
              c.major + studies + "经" + c.school.name + "学位评定委员会审定，授予" + c.degree + "。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// A form whose labels name a graduate (毕业生姓名), the birth as 出生时间, the level in brackets after the major
// and the study period after 学习时间 with a dash: 毕业生姓名：王小明, 性　别：男, 出生时间：1998年4月2日,
// 专　业：会计学（本科）, 学习时间：2016年9月—2020年6月; the school after 毕业学校：.
CertificateText graduation_form_graduate_labels(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {"毕业证书"},
          "",
          {"毕业生姓名：" + person.name, "性　别：" + person.gender,
           "出生时间：" + format_date(person.birth_date, DateStyle::kArabic),
           "专　业：" + c.major + "（" + std::string(level_name(c.level)) + "）",
           "学习时间：" + year_month(c.start_date, DateStyle::kArabic) + "—" +
               year_month(c.graduation_date, DateStyle::kArabic)},
          {"毕业学校：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-04, d01978e: set 16); developed on since. ---

// A vocational college that calls itself 本院 (or 我院) where a university says 本校, and the programme as
// 三年制高职（专科）: 学生王小明，性别男，1998年4月2日生，于2016年9月至2019年6月在本院汽车检测与维修技术专业
// 三年制高职（专科）学习，修完规定的全部课程，成绩合格，准予毕业。 (本科: 四年制本科.) The college signs as 院长.
CertificateText graduation_vocational_college(const Person& person, const Credential& c, std::mt19937& rng) {
  const std::string own = uniform(rng, 0, 1) == 0 ? "本院" : "我院";
  const std::string programme = c.level == EducationLevel::kJuniorCollege ? years_in_words(c) + "年制高职（专科）"
                                                                          : years_in_words(c) + "年制本科";
  return {Layout::kLandscape,
          {"毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "生，于" + year_month(c.start_date, DateStyle::kArabic) + "至" +
              year_month(c.graduation_date, DateStyle::kArabic) + "在" + own + c.major + "专业" + programme +
              "学习，修完规定的全部课程，成绩合格，准予毕业。",
          {},
          {c.school.name, "院长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// The holder named last, as a graduate of the school and major, the birth date before the sex in brackets:
// 经审核，中南大学会计学专业本科毕业生王小明（1998年4月2日生，男）符合学士学位授予条件，授予管理学学士学位。
// (硕士, 博士: …专业硕士研究生王小明（…）完成了学位论文答辩，符合硕士学位授予条件，….)
CertificateText degree_graduate_named_last(const Person& person, const Credential& c, std::mt19937& rng) {
  const std::string passed = c.level == EducationLevel::kBachelor ? "" : "完成了学位论文答辩，";
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          "经审核，" + c.school.name + c.major + "专业" + holder_of(c) + person.name + "（" +
              format_date(person.birth_date, DateStyle::kArabic) + "生，" + person.gender + "）" + passed + "符合" +
              rank_of(c.level) + "学位授予条件，授予" + c.degree + "。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// An online-education certificate (网络教育) whose programme names where it starts (专科起点本科 for a bachelor
// who came from a 专科, 高中起点专科): 学生王小明，性别男，一九九八年四月二日生，于二〇一六年九月至二〇一八年七月
// 在本校网络教育学院会计学专业（专科起点本科）学习，修完教学计划规定的全部课程，成绩合格，准予毕业。
CertificateText graduation_online(const Person& person, const Credential& c, std::mt19937& rng) {
  const std::string start = c.level == EducationLevel::kBachelor ? "专科起点本科" : "高中起点专科";
  return {Layout::kLandscape,
          {"毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kChineseNumerals) + "生，于" +
              year_month(c.start_date, DateStyle::kChineseNumerals) + "至" +
              year_month(c.graduation_date, DateStyle::kChineseNumerals) + "在本校网络教育学院" + c.major + "专业（" +
              start + "）学习，修完教学计划规定的全部课程，成绩合格，准予毕业。",
          {},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-04, 40fcafe: set 17); developed on since. ---

// The holder introduced in a sentence of its own, then called 该生 (this student); the study's start after 进入
// and its end before 修完, with no 至 between them: 王小明，男，一九九八年四月二日出生。该生于二〇一六年九月进入我校
// 会计学专业学习，二〇二〇年六月修完本科全部课程，成绩合格，准予毕业。
CertificateText graduation_that_student(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {graduate_level(c.level) ? "研究生毕业证书" : "毕业证书"},
          person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kChineseNumerals) +
              "出生。该生于" + year_month(c.start_date, DateStyle::kChineseNumerals) + "进入我校" + c.major +
              "专业学习，" + year_month(c.graduation_date, DateStyle::kChineseNumerals) + "修完" +
              std::string(level_name(c.level)) + "全部课程，成绩合格，准予毕业。",
          {},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// A degree for part-time study: the holder is 系 (is) a graduate of the school, with the mode of study between the
// school and the major for a bachelor and after the major for a graduate: 王小明，女，1990年3月1日生，系中南大学
// 成人高等教育会计学专业本科毕业生。经审核，符合《中华人民共和国学位条例》的规定，授予管理学学士学位。 (硕士, 博士:
// …系中南大学会计学专业非全日制硕士研究生，已通过硕士学位论文答辩。经审核，….)
CertificateText degree_part_time(const Person& person, const Credential& c, std::mt19937& rng) {
  const std::string holder = c.level == EducationLevel::kBachelor
                                 ? c.school.name + "成人高等教育" + c.major + "专业本科毕业生。"
                                 : c.school.name + c.major + "专业非全日制" + std::string(level_name(c.level)) +
                                       "，已通过" + rank_of(c.level) + "学位论文答辩。";
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) + "生，系" +
              holder + "经审核，符合《中华人民共和国学位条例》的规定，授予" + c.degree + "。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// A programme named in brackets after the major (中外合作办学, 国际班, 实验班), the level inside the plan that was
// completed: 学生王小明，性别男，1998年4月2日生，于2016年9月至2020年6月在本校会计学专业（中外合作办学）学习，修完
// 四年制本科教学计划规定的全部课程，成绩合格，准予毕业。
CertificateText graduation_programme(const Person& person, const Credential& c, std::mt19937& rng) {
  static constexpr std::array<std::string_view, 3> kProgrammes{"中外合作办学", "国际班", "实验班"};
  const std::string plan = graduate_level(c.level) ? "培养计划" : "教学计划";
  return {Layout::kLandscape,
          {"毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "生，于" + year_month(c.start_date, DateStyle::kArabic) + "至" +
              year_month(c.graduation_date, DateStyle::kArabic) + "在本校" + c.major + "专业（" +
              std::string(kProgrammes[static_cast<std::size_t>(uniform(rng, 0, 2))]) + "）学习，修完" +
              years_in_words(c) + "年制" + std::string(level_name(c.level)) + plan +
              "规定的全部课程，成绩合格，准予毕业。",
          {},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-04, db63f97: set 18); developed on since. ---

// A degree whose holder graduated from (毕业于) the school and major, the month of graduation before it: 王小明，女，
// 1998年4月2日生，2020年6月毕业于中南大学会计学专业。经审核，符合《中华人民共和国学位条例》的规定，授予管理学学士
// 学位。 (硕士, 博士: …毕业于中南大学会计学专业，获硕士研究生学历，并通过学位论文答辩。经审核，….)
CertificateText degree_graduated_from(const Person& person, const Credential& c, std::mt19937& rng) {
  const std::string studies = c.level == EducationLevel::kBachelor
                                  ? "。"
                                  : "，获" + std::string(level_name(c.level)) + "学历，并通过学位论文答辩。";
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) + "生，" +
              year_month(c.graduation_date, DateStyle::kArabic) + "毕业于" + c.school.name + c.major + "专业" +
              studies + "经审核，符合《中华人民共和国学位条例》的规定，授予" + c.degree + "。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// The birth date before the sex, and the ethnicity after it: 学生王小明，一九九八年四月二日出生，男，汉族，于二〇一六年
// 九月至二〇二〇年六月在本校会计学专业学习，学制四年，修完本科全部课程，成绩合格，准予毕业。
CertificateText graduation_born_before_sex(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {graduate_level(c.level) ? "研究生毕业证书" : "毕业证书"},
          "学生" + person.name + "，" + format_date(person.birth_date, DateStyle::kChineseNumerals) + "出生，" +
              person.gender + "，" + person.ethnicity + "族，于" +
              year_month(c.start_date, DateStyle::kChineseNumerals) + "至" +
              year_month(c.graduation_date, DateStyle::kChineseNumerals) + "在本校" + c.major + "专业学习，学制" +
              years_in_words(c) + "年，修完" + std::string(level_name(c.level)) + "全部课程，成绩合格，准予毕业。",
          {},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The issuer under a label of its own with the stamp's place marked (发证单位：中南大学（盖章）), the head's signature
// marked too, and the studies completed as a 学业: 学生王小明，性别女，1998年4月2日生，自2016年9月至2020年6月在我校
// 会计学专业完成四年制本科学业，成绩合格，准予毕业。
CertificateText graduation_stamped_issuer(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {"毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "生，自" + year_month(c.start_date, DateStyle::kArabic) + "至" +
              year_month(c.graduation_date, DateStyle::kArabic) + "在我校" + c.major + "专业完成" + years_in_words(c) +
              "年制" + std::string(level_name(c.level)) + "学业，成绩合格，准予毕业。",
          {},
          {"发证单位：" + c.school.name + "（盖章）", "校长：" + official(rng) + "（签字）"},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-04, 2477c4d: set 19); developed on since. ---

// A proof of graduation (毕业证明书) issued years later for a lost certificate: the graduation's day inside the
// sentence, the date printed under the body the proof's own: 学生王小明，性别男，1998年4月2日生，于2016年9月至
// 2020年6月在我校会计学专业四年制本科学习，修完教学计划规定的全部课程，成绩合格，于2020年6月30日准予毕业。因原
// 毕业证书遗失，特此证明。
CertificateText graduation_proof(const Person& person, const Credential& c, std::mt19937& rng) {
  // Years later, but no later than 2026 (the last graduation is in 2025).
  const Date issued{std::min(c.graduation_date.year + uniform(rng, 1, 6), 2026), uniform(rng, 1, 12),
                    uniform(rng, 1, 28)};
  return {Layout::kPortrait,
          {"毕业证明书"},
          "学生" + person.name + "，性别" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "生，于" + year_month(c.start_date, DateStyle::kArabic) + "至" +
              year_month(c.graduation_date, DateStyle::kArabic) + "在我校" + c.major + "专业" + years_in_words(c) +
              "年制" + std::string(level_name(c.level)) + "学习，修完教学计划规定的全部课程，成绩合格，于" +
              format_date(c.graduation_date, DateStyle::kArabic) + "准予毕业。因原毕业证书遗失，特此证明。",
          {},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(issued, DateStyle::kArabic),
          c.school.name};
}

// A degree that names the thesis (whose title may hold words such as 大学) and, for a graduate, its supervisor:
// 王小明，男，一九九〇年一月二日生。在中南大学会计学专业攻读硕士学位，在李文华教授指导下完成学位论文《中国大学生
// 创业意愿的影响因素研究》，通过论文答辩。经中南大学学位评定委员会审核，授予管理学硕士学位。 (学士: …专业完成了本科
// 学业，毕业论文《…》答辩通过，成绩合格。经….)
CertificateText degree_thesis(const Person& person, const Credential& c, std::mt19937& rng) {
  static constexpr std::array<std::string_view, 4> kTheses{
      "中国大学生创业意愿的影响因素研究", "基于深度学习的图像识别方法研究", "城市化进程中的土地利用变化研究",
      "新媒体环境下高校学生学习行为研究"};
  const std::string thesis = "《" + std::string(kTheses[static_cast<std::size_t>(uniform(rng, 0, 3))]) + "》";
  const std::string studies = c.level == EducationLevel::kBachelor
                                  ? "专业完成了本科学业，毕业论文" + thesis + "答辩通过，成绩合格。"
                                  : "专业攻读" + rank_of(c.level) + "学位，在" + official(rng) +
                                        "教授指导下完成学位论文" + thesis + "，通过论文答辩。";
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kChineseNumerals) +
              "生。在" + c.school.name + c.major + studies + "经" + c.school.name + "学位评定委员会审核，授予" +
              c.degree + "。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// Digits set full-width (１９９８年４月２日), as some certificate fonts print them, in the body, the number and
// the date:
// 学生王小明，性别男，１９９８年４月２日生，于２０１６年９月至２０２０年６月在本校会计学专业四年制本科学习，….
CertificateText graduation_full_width(const Person& person, const Credential& c, std::mt19937& rng) {
  const auto full_width = [](const std::string& text) {
    std::string out;
    for (const char ch : text) {
      if (ch >= '0' && ch <= '9') {
        out += "\xEF\xBC";  // U+FF10 (０) + the digit: EF BC 90 + digit.
        out += static_cast<char>(0x90 + (ch - '0'));
      } else {
        out += ch;
      }
    }
    return out;
  };
  const std::string plan = graduate_level(c.level) ? "培养计划" : "教学计划";
  return {Layout::kLandscape,
          {"毕业证书"},
          full_width("学生" + person.name + "，性别" + person.gender + "，" +
                     format_date(person.birth_date, DateStyle::kArabic) + "生，于" +
                     year_month(c.start_date, DateStyle::kArabic) + "至" +
                     year_month(c.graduation_date, DateStyle::kArabic) + "在本校" + c.major + "专业" +
                     years_in_words(c) + "年制" + std::string(level_name(c.level)) + "学习，修完" + plan +
                     "规定的全部课程，成绩合格，准予毕业。"),
          {},
          {c.school.name, "校长：" + official(rng)},
          full_width(c.graduation_number),
          full_width(format_date(c.graduation_date, DateStyle::kArabic)),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-04, 9a07121: set 20); developed on since. ---

// The level in the title only (普通高等学校 / 本科毕业证书, 硕士研究生毕业证书), the body naming none:
// 学生王小明，性别男，1998年4月2日生，于2016年9月至2020年6月在本校会计学专业学习，学制四年，修完规定的全部课程，
// 成绩合格，准予毕业。
CertificateText graduation_level_in_title(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {"普通高等学校", std::string(level_name(c.level)) + "毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "生，于" + year_month(c.start_date, DateStyle::kArabic) + "至" +
              year_month(c.graduation_date, DateStyle::kArabic) + "在本校" + c.major + "专业学习，学制" +
              years_in_words(c) + "年，修完规定的全部课程，成绩合格，准予毕业。",
          {},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// A note under the body on where the certificate can be checked, whose words (学生信息网, 高等教育, 注册) are
// no field: 本证书已在中国高等教育学生信息网注册，可登录www.chsi.com.cn查询。 The body as 学生…性别…生，于…至…在本校
// …专业…学习.
CertificateText graduation_chsi_note(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {"毕业证书"},
          graduation_body(person, c, DateStyle::kChineseNumerals),
          {"本证书已在中国高等教育学生信息网注册，", "可登录www.chsi.com.cn查询。"},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// A degree's facts in short sentences of their own, the school and major without 在 before them:
// 王小明，男。1998年4月2日生。中南大学会计学专业本科毕业。经审核，授予管理学学士学位。 (硕士, 博士: …专业硕士研究生
// 毕业，通过学位论文答辩。经审核，….)
CertificateText degree_short_sentences(const Person& person, const Credential& c, std::mt19937& rng) {
  const std::string studied = c.level == EducationLevel::kBachelor
                                  ? "本科毕业。"
                                  : std::string(level_name(c.level)) + "毕业，通过学位论文答辩。";
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          person.name + "，" + person.gender + "。" + format_date(person.birth_date, DateStyle::kArabic) + "生。" +
              c.school.name + c.major + "专业" + studied + "经审核，授予" + c.degree + "。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-04, 5383f14: set 21); developed on since. ---

// A degree's discipline written 学科（专业）, as the degree regulations' forms print it: 王小明，男，一九九〇年一月
// 二日生。在中南大学法学学科（专业）学完硕士研究生课程，成绩合格，并通过硕士学位论文答辩，经本学位评定委员会审核，授予
// 法学硕士学位。 (学士: …学科（专业）完成了本科学习计划，业已毕业，经审核符合…的规定，授予….)
CertificateText degree_discipline_in_brackets(const Person& person, const Credential& c, std::mt19937& rng) {
  const std::string studied = c.level == EducationLevel::kBachelor
                                  ? "完成了本科学习计划，业已毕业，经审核符合《中华人民共和国学位条例》的规定"
                                  : "学完" + std::string(level_name(c.level)) + "课程，成绩合格，并通过" +
                                        rank_of(c.level) + "学位论文答辩，经本学位评定委员会审核";
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kChineseNumerals) +
              "生。在" + c.school.name + c.major + "学科（专业）" + studied + "，授予" + c.degree + "。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// A degree that names its holder alone on a row of its own under 兹授予, the facts on the rows below it, and no
// sentence: 兹授予 / 王小明 / （男，1998年4月2日生） / 中南大学 会计学专业 / 管理学学士学位.
CertificateText degree_name_alone(const Person& person, const Credential& c, std::mt19937& rng) {
  return {
      Layout::kPortrait,
      {rank_of(c.level) + "学位证书"},
      "",
      {"兹授予", person.name, "（" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) + "生）",
       c.school.name + "　" + c.major + "专业", c.degree},
      {c.school.name + "学位评定委员会", "主席：" + official(rng)},
      c.degree_number,
      format_date(c.graduation_date, DateStyle::kArabic),
      c.school.name};
}

// Two dates under labels, the day of graduation above the later day the certificate was issued on: 学生王小明，性别男，
// 1998年4月2日生，在本校会计学专业完成了四年制本科的学习，成绩合格，准予毕业。 / 毕业日期：2020年6月30日 /
// 发证日期：2020年7月9日 (研究生: …完成了硕士研究生的学习，….)
CertificateText graduation_issued_later(const Person& person, const Credential& c, std::mt19937& rng) {
  const std::string programme = programme_of(c);
  const Date& graduated = c.graduation_date;
  const Date issued = graduated.month < 12 ? Date{graduated.year, graduated.month + 1, uniform(rng, 1, 28)}
                                           : Date{graduated.year, 12, 31};
  return {Layout::kLandscape,
          {"毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "生，在本校" + c.major + "专业完成了" + programme + "的学习，成绩合格，准予毕业。",
          {"毕业日期：" + format_date(graduated, DateStyle::kArabic)},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          "发证日期：" + format_date(issued, DateStyle::kArabic),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-04, 883f01b: set 22); developed on since. ---

// The major with its code in the catalogue in brackets (会计学（120203K）): 学生王小明，性别男，1998年4月2日生，于…至…
// 在本校会计学（120203K）专业四年制本科学习，修完…，准予毕业。 The codes are made up, of the catalogue's form.
CertificateText graduation_major_code(const Person& person, const Credential& c, std::mt19937& rng) {
  char code[16];
  std::snprintf(code, sizeof code, "%02d%02d%02d%s", uniform(rng, 1, 13), uniform(rng, 1, 9), uniform(rng, 1, 12),
                uniform(rng, 0, 2) == 0 ? "K" : "");
  const std::string programme = programme_of(c);
  return {Layout::kLandscape,
          {"毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "生，于" + year_month(c.start_date, DateStyle::kArabic) + "至" +
              year_month(c.graduation_date, DateStyle::kArabic) + "在本校" + c.major + "（" + code + "）专业" +
              programme + "学习，修完教学计划规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// A second major studied beside the first (辅修), named after it in the same sentence: 学生王小明，性别男，一九九八年
// 四月二日生，于…至…在本校会计学专业四年制本科学习，同时修读法学辅修专业，修完…，准予毕业。
CertificateText graduation_minor(const Person& person, const Credential& c, std::mt19937& rng) {
  static constexpr std::array<std::string_view, 6> kMinors{"金融学", "法学", "英语", "经济学", "心理学", "新闻学"};
  std::string minor(kMinors[static_cast<std::size_t>(uniform(rng, 0, 5))]);
  if (minor == c.major) minor = "国际经济与贸易";
  const std::string programme = programme_of(c);
  return {Layout::kLandscape,
          {"毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kChineseNumerals) + "生，于" +
              year_month(c.start_date, DateStyle::kChineseNumerals) + "至" +
              year_month(c.graduation_date, DateStyle::kChineseNumerals) + "在本校" + c.major + "专业" + programme +
              "学习，同时修读" + minor + "辅修专业，修完教学计划规定的全部课程，成绩合格，准予毕业。",
          {},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// A second school in the sentence, where part of the study was done (联合培养, 交换学习): 王小明，男，1990年1月2日生。
// 在中南大学会计学专业学完硕士研究生课程（其间在香港大学联合培养一年），并通过硕士学位论文答辩，经审核，授予管理学
// 硕士学位。 (学士: …完成了本科学习计划（其间在香港大学交换学习一学期），业已毕业，经审核….)
CertificateText degree_joint_training(const Person& person, const Credential& c, std::mt19937& rng) {
  static constexpr std::array<std::string_view, 5> kHosts{"香港大学", "清华大学", "复旦大学", "南京大学",
                                                          "中国科学院大学"};
  std::string host(kHosts[static_cast<std::size_t>(uniform(rng, 0, 4))]);
  if (host == c.school.name) host = "澳门大学";
  const std::string studied = c.level == EducationLevel::kBachelor
                                  ? "完成了本科学习计划（其间在" + host + "交换学习一学期），业已毕业"
                                  : "学完" + std::string(level_name(c.level)) + "课程（其间在" + host +
                                        "联合培养一年），并通过" + rank_of(c.level) + "学位论文答辩";
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) + "生。在" +
              c.school.name + c.major + "专业" + studied + "，经审核，授予" + c.degree + "。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-04, 2a0f519: set 23); developed on since. ---

// A student who entered another school and transferred (转入) to this one, which the sentence names only as 本校:
// 学生王小明，性别男，1998年4月2日生，2016年9月考入湘潭大学，2017年9月转入本校会计学专业学习，2020年6月修完四年制本科
// 教学计划规定的全部课程，成绩合格，准予毕业。 / 校名：中南大学.
CertificateText graduation_transfer(const Person& person, const Credential& c, std::mt19937& rng) {
  static constexpr std::array<std::string_view, 5> kFirst{"湘潭大学", "长沙理工大学", "扬州大学", "西南大学",
                                                          "河北大学"};
  std::string first(kFirst[static_cast<std::size_t>(uniform(rng, 0, 4))]);
  if (first == c.school.name) first = "宁波大学";
  const Date moved{c.start_date.year + 1, 9, 1};
  const std::string programme = programme_of(c);
  return {Layout::kLandscape,
          {"毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "生，" + year_month(c.start_date, DateStyle::kArabic) + "考入" + first + "，" +
              year_month(moved, DateStyle::kArabic) + "转入本校" + c.major + "专业学习，" +
              year_month(c.graduation_date, DateStyle::kArabic) + "修完" + programme +
              "教学计划规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// A certificate issued again (补发) for a lost one: the lost certificate's number, as valid as the new one and
// of the same school, year and level, is written in the sentence; the day it was issued again under it:
// 学生王小明，性别男，…准予毕业。本证书系补发，原证书（编号：104861202005950129）作废。 / 补发日期：2023年3月5日.
CertificateText graduation_reissued(const Person& person, const Credential& c, std::mt19937& rng) {
  std::string lost = c.graduation_number;
  char serial[8];
  std::snprintf(serial, sizeof serial, "%04d", uniform(rng, 0, 9999));
  lost.replace(lost.size() - 4, 4, serial);
  if (lost == c.graduation_number) lost.back() = lost.back() == '0' ? '1' : '0';
  const Date reissued{std::min(c.graduation_date.year + uniform(rng, 1, 6), 2026), uniform(rng, 1, 12),
                      uniform(rng, 1, 28)};
  return {Layout::kLandscape,
          {"毕业证书"},
          graduation_body(person, c, DateStyle::kArabic) + "本证书系补发，原证书（编号：" + lost + "）作废。",
          {"补发日期：" + format_date(reissued, DateStyle::kArabic)},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// Dates with hyphens, as a form filled in by a computer prints them: 学生王小明，性别男，出生日期1998-04-02，
// 2016-09至2020-06在本校会计学专业四年制本科学习，…准予毕业。 / 2020-06-30.
CertificateText graduation_hyphen_dates(const Person& person, const Credential& c, std::mt19937& rng) {
  const auto hyphenated = [](const Date& date, bool with_day) {
    char text[16];
    if (with_day) {
      std::snprintf(text, sizeof text, "%d-%02d-%02d", date.year, date.month, date.day);
    } else {
      std::snprintf(text, sizeof text, "%d-%02d", date.year, date.month);
    }
    return std::string(text);
  };
  const std::string programme = programme_of(c);
  return {Layout::kLandscape,
          {"毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，出生日期" + hyphenated(person.birth_date, true) + "，" +
              hyphenated(c.start_date, false) + "至" + hyphenated(c.graduation_date, false) + "在本校" + c.major +
              "专业" + programme + "学习，修完教学计划规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          hyphenated(c.graduation_date, true),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-05, 9daa86e: set 24); developed on since. ---

// The major's direction in brackets before 专业 (会计学（注册会计师方向）专业), which is no part of the major as
// registered: 学生王小明，性别男，1998年4月2日生，于…至…在本校会计学（国际方向）专业四年制本科学习，…准予毕业。
CertificateText graduation_major_direction(const Person& person, const Credential& c, std::mt19937& rng) {
  static constexpr std::array<std::string_view, 4> kDirections{"国际", "实务", "创新实验", "卓越工程师"};
  const std::string direction(kDirections[static_cast<std::size_t>(uniform(rng, 0, 3))]);
  return {Layout::kLandscape,
          {"毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "生，于" + year_month(c.start_date, DateStyle::kArabic) + "至" +
              year_month(c.graduation_date, DateStyle::kArabic) + "在本校" + c.major + "（" + direction + "方向）专业" +
              programme_of(c) + "学习，修完教学计划规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// A second person in the sentence, the supervisor of the thesis: 王小明，男，一九九〇年一月二日生。在中南大学会计学专业
// 学完硕士研究生课程，在导师李文华教授指导下完成学位论文，通过答辩，经审核，授予管理学硕士学位。 (学士:
// …完成了本科学习计划， 在李文华老师指导下完成毕业论文，….)
CertificateText degree_supervisor_named(const Person& person, const Credential& c, std::mt19937& rng) {
  const std::string supervisor = official(rng);
  const std::string studied = c.level == EducationLevel::kBachelor
                                  ? "完成了本科学习计划，在" + supervisor + "老师指导下完成毕业论文"
                                  : "学完" + std::string(level_name(c.level)) + "课程，在导师" + supervisor +
                                        "教授指导下完成学位论文，通过答辩";
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kChineseNumerals) +
              "生。在" + c.school.name + c.major + "专业" + studied + "，经审核，授予" + c.degree + "。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The school's code printed under the body (学校代码：10533), five digits near the number's eighteen:
// 学生王小明，性别男，…准予毕业。 / 学校代码：10533 / 校名：中南大学　校长：….
CertificateText graduation_school_code(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {"毕业证书"},
          graduation_body(person, c, DateStyle::kChineseNumerals),
          {"学校代码：" + c.school.code},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-05, ecdcbc5: set 25); developed on since. ---

// The committee's meeting dated in the sentence, a few days before the date printed below: 王小明，男，一九九〇年一月
// 二日生。在中南大学会计学专业学完硕士研究生课程，通过论文答辩，经中南大学学位评定委员会2020年6月24日会议审议通过，
// 授予管理学硕士学位。 / … / 二〇二〇年六月三十日.
CertificateText degree_conferred_in_sentence(const Person& person, const Credential& c, std::mt19937& rng) {
  Date meeting = c.graduation_date;
  meeting.day = std::max(1, meeting.day - uniform(rng, 3, 9));
  const std::string studied = c.level == EducationLevel::kBachelor
                                  ? "修完本科教学计划规定的课程，成绩合格，准予毕业"
                                  : "学完" + std::string(level_name(c.level)) + "课程，通过论文答辩";
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kChineseNumerals) +
              "生。在" + c.school.name + c.major + "专业" + studied + "，经" + c.school.name + "学位评定委员会" +
              format_date(meeting, DateStyle::kArabic) + "会议审议通过，授予" + c.degree + "。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// A graduate degree earned with equivalent education (同等学力), no programme of study: 王小明，男，1985年3月2日生。
// 以同等学力在中南大学会计学专业通过硕士学位课程考试和论文答辩，成绩合格。根据《中华人民共和国学位条例》的规定，授予
// 管理学硕士学位。
CertificateText degree_equivalent_education(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "生。以同等学力在" + c.school.name + c.major + "专业通过" + rank_of(c.level) +
              "学位课程考试和论文答辩，成绩合格。根据《中华人民共和国学位条例》的规定，授予" + c.degree + "。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// The number printed after No. or 编号： instead of 证书编号：, the body as the classic one says it.
CertificateText graduation_number_no(const Person& person, const Credential& c, std::mt19937& rng) {
  static constexpr std::array<std::string_view, 3> kLabels{"No.", "NO：", "编号："};
  const std::string label(kLabels[static_cast<std::size_t>(uniform(rng, 0, 2))]);
  CertificateText text{Layout::kLandscape,
                       {"毕业证书"},
                       graduation_body(person, c, DateStyle::kArabic),
                       {},
                       {"校名：" + c.school.name, "校长：" + official(rng)},
                       c.graduation_number,
                       format_date(c.graduation_date, DateStyle::kChineseNumerals),
                       c.school.name};
  text.number_label = label;
  return text;
}

// --- Held out until their first measurement (2026-12-05, bdd4862: set 26); developed on since. ---

// A second bachelor's degree (第二学士学位): 王小明，男，1995年3月2日生。在中南大学法学专业修完第二学士学位教学计划
// 规定的全部课程，成绩合格。根据《中华人民共和国学位条例》的规定，授予法学学士学位（第二学士学位）。
CertificateText degree_second_bachelor(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {"学士学位证书"},
          person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) + "生。在" +
              c.school.name + c.major +
              "专业修完第二学士学位教学计划规定的全部课程，成绩合格。根据《中华人民共和国学位条例》的规定，授予" +
              c.degree + "（第二学士学位）。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The school's former name in brackets after its name, another school's name: 学生王小明，性别男，1998年4月2日生，
// 于2016年9月至2020年6月在湖南大学（原湖南财经学院）会计学专业四年制本科学习，修完…，准予毕业。
CertificateText graduation_former_name(const Person& person, const Credential& c, std::mt19937& rng) {
  static constexpr std::array<std::string_view, 4> kFormerNames{"湖南财经学院", "长沙铁道学院", "西南农业大学",
                                                                "华西医科大学"};
  const std::string former(kFormerNames[static_cast<std::size_t>(uniform(rng, 0, 3))]);
  return {Layout::kLandscape,
          {"毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "生，于" + year_month(c.start_date, DateStyle::kArabic) + "至" +
              year_month(c.graduation_date, DateStyle::kArabic) + "在" + c.school.name + "（原" + former + "）" +
              c.major + "专业" + programme_of(c) + "学习，修完教学计划规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// A form with other labels than graduation_form's, and the school only in a label row: 院校名称：, 专业名称：,
// 入学时间：, 毕业时间：, 学　　制：4年.
CertificateText graduation_form_times(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {"毕业证书"},
          "",
          {"姓　　名：" + person.name, "性　　别：" + person.gender,
           "出生日期：" + format_date(person.birth_date, DateStyle::kArabic), "院校名称：" + c.school.name,
           "专业名称：" + c.major, "层　　次：" + std::string(level_name(c.level)),
           "学　　制：" + std::to_string(c.graduation_date.year - c.start_date.year) + "年",
           "入学时间：" + year_month(c.start_date, DateStyle::kArabic),
           "毕业时间：" + format_date(c.graduation_date, DateStyle::kArabic)},
          {"校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-05, 4f43785: set 27); developed on since. ---

// The programme before the major and no 在 before it: 学生王小明，男，1998年4月2日生，2016年9月入学，修完四年制本科
// 会计学专业教学计划规定的全部课程，成绩合格，准予毕业。
CertificateText graduation_level_first(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {"毕业证书"},
          "学生" + person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "生，" + year_month(c.start_date, DateStyle::kArabic) + "入学，修完" + programme_of(c) + c.major +
              "专业教学计划规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The number printed in the groups its digits make: school, kind of schooling, year, level, serial (10533 1 2020
// 05 000123).
CertificateText graduation_number_grouped(const Person& person, const Credential& c, std::mt19937& rng) {
  const std::string& n = c.graduation_number;
  return {Layout::kLandscape,
          {"毕业证书"},
          graduation_body(person, c, DateStyle::kChineseNumerals),
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          n.substr(0, 5) + " " + n.substr(5, 1) + " " + n.substr(6, 4) + " " + n.substr(10, 2) + " " + n.substr(12),
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The date also under a label of its own below the body (授予学位时间：二〇二〇年六月三十日), in Arabic numerals below.
CertificateText degree_award_time_label(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kChineseNumerals) +
              "生。在" + c.school.name + c.major + "专业完成了" + rank_of(c.level) +
              "学位的学业要求，经审核符合《中华人民共和国学位条例》的规定，授予" + c.degree + "。",
          {"授予学位时间：" + format_date(c.graduation_date, DateStyle::kChineseNumerals)},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-05, a33f2de: set 28); developed on since. ---

// The holder's former name in brackets after the name (曾用名), another name: 学生王小明（曾用名：王晓明），性别男，…
CertificateText graduation_former_person_name(const Person& person, const Credential& c, std::mt19937& rng) {
  const std::vector<char32_t> name = utf8::decode(person.name);
  const std::string former = utf8::encode({name.front()}) + "晓" + utf8::encode({name.back()});
  return {Layout::kLandscape,
          {"毕业证书"},
          "学生" + person.name + "（曾用名：" + former + "），性别" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kArabic) + "生，于" +
              year_month(c.start_date, DateStyle::kArabic) + "至" + year_month(c.graduation_date, DateStyle::kArabic) +
              "在本校" + c.major + "专业" + programme_of(c) + "学习，修完教学计划规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// A second major studied besides the degree's, after the award:
// …授予管理学学士学位。该生同时修完法学第二专业规定的课程。
CertificateText degree_minor_programme(const Person& person, const Credential& c, std::mt19937& rng) {
  const std::string second = c.major == "法学" ? "英语" : "法学";
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kChineseNumerals) +
              "生。在" + c.school.name + c.major + "专业完成了" + rank_of(c.level) +
              "学位的学业要求，根据《中华人民共和国学位条例》的规定，授予" + c.degree + "。该生同时修完" + second +
              "第二专业规定的课程。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The ethnicity between the sex and the birth date: 学生王小明，男，汉族，1998年4月2日生，…
CertificateText graduation_ethnicity(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {"毕业证书"},
          "学生" + person.name + "，" + person.gender + "，" + person.ethnicity + "族，" +
              format_date(person.birth_date, DateStyle::kChineseNumerals) + "生，于" +
              year_month(c.start_date, DateStyle::kChineseNumerals) + "至" +
              year_month(c.graduation_date, DateStyle::kChineseNumerals) + "在本校" + c.major + "专业" +
              programme_of(c) + "学习，修完教学计划规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-05, 078f739: set 29); developed on since. ---

// A two-character name letter-spaced to the width of three (王　明), as names are set on many degree certificates:
// 王　明，男，一九九八年四月二日生。在中南大学会计学专业完成了学士学位的学业要求，…
CertificateText degree_spaced_name(const Person& person, const Credential& c, std::mt19937& rng) {
  const std::vector<char32_t> name = utf8::decode(person.name);
  const std::string printed = name.size() == 2 ? utf8::encode({name[0]}) + "　" + utf8::encode({name[1]}) : person.name;
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          printed + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kChineseNumerals) +
              "生。在" + c.school.name + c.major + "专业完成了" + rank_of(c.level) +
              "学位的学业要求，根据《中华人民共和国学位条例》的规定，授予" + c.degree + "。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The study period to the day, its end the day of graduation:
// 学生王小明，性别男，1998年4月2日生，于2016年9月1日至2020年6月30日在本校会计学专业四年制本科学习，…
CertificateText graduation_full_period(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {"毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "生，于" + format_date(c.start_date, DateStyle::kArabic) + "至" +
              format_date(c.graduation_date, DateStyle::kArabic) + "在本校" + c.major + "专业" + programme_of(c) +
              "学习，修完教学计划规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// Chinese-numeral dates written with 零 for zero, as typed rather than typeset: 二零二零年六月三十日.
CertificateText graduation_ling_numerals(const Person& person, const Credential& c, std::mt19937& rng) {
  const auto with_ling = [](std::string date) {
    for (std::size_t at = date.find("〇"); at != std::string::npos; at = date.find("〇", at)) {
      date.replace(at, std::string("〇").size(), "零");
    }
    return date;
  };
  return {Layout::kLandscape,
          {"毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，" +
              with_ling(format_date(person.birth_date, DateStyle::kChineseNumerals)) + "生，于" +
              with_ling(year_month(c.start_date, DateStyle::kChineseNumerals)) + "至" +
              with_ling(year_month(c.graduation_date, DateStyle::kChineseNumerals)) + "在本校" + c.major + "专业" +
              programme_of(c) + "学习，修完教学计划规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          with_ling(format_date(c.graduation_date, DateStyle::kChineseNumerals)),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-05, b06de26: set 30); developed on since. ---

// Punctuation typed on an English keyboard, half-width throughout: 学生王小明,性别男,1998年4月2日生,于2016年9月至
// 2020年6月在本校会计学专业四年制本科学习,修完教学计划规定的全部课程,成绩合格,准予毕业. / 校名:中南大学
CertificateText graduation_ascii_punctuation(const Person& person, const Credential& c, std::mt19937& rng) {
  CertificateText text{Layout::kLandscape,
                       {"毕业证书"},
                       "学生" + person.name + ",性别" + person.gender + "," +
                           format_date(person.birth_date, DateStyle::kArabic) + "生,于" +
                           year_month(c.start_date, DateStyle::kArabic) + "至" +
                           year_month(c.graduation_date, DateStyle::kArabic) + "在本校" + c.major + "专业" +
                           programme_of(c) + "学习,修完教学计划规定的全部课程,成绩合格,准予毕业.",
                       {},
                       {"校名:" + c.school.name, "校长:" + official(rng)},
                       c.graduation_number,
                       format_date(c.graduation_date, DateStyle::kArabic),
                       c.school.name};
  text.number_label = "证书编号:";
  return text;
}

// A 专科 graduate's two years to a 本科 (专升本), the bracket naming both levels while the level is 本科:
// 学生王小明，性别男，…，于2018年9月至2020年6月在本校会计学专业（专升本）学习，学制二年，…
CertificateText graduation_upgrade(const Person& person, const Credential& c, std::mt19937& rng) {
  const Date start{c.graduation_date.year - 2, 9, 1};
  return {Layout::kLandscape,
          {"毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kChineseNumerals) + "生，于" +
              year_month(start, DateStyle::kChineseNumerals) + "至" +
              year_month(c.graduation_date, DateStyle::kChineseNumerals) + "在本校" + c.major +
              "专业（专升本）学习，学制二年，修完教学计划规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The award dated in the sentence as well as at the foot: …经审核，于2020年6月30日授予管理学学士学位。
CertificateText degree_dated_award(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) + "生。在" +
              c.school.name + c.major + "专业完成了" + rank_of(c.level) +
              "学位的学业要求，经本校学位评定委员会审核，于" + format_date(c.graduation_date, DateStyle::kArabic) +
              "授予" + c.degree + "。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-05, cc140b3: set 31); developed on since. ---

// The major named after the degree, in brackets with a label, not before 专业 in the sentence:
// …在中南大学完成了学士学位的学业要求，…授予管理学学士学位（专业：会计学）。
CertificateText degree_major_in_brackets(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kChineseNumerals) +
              "生。在" + c.school.name + "完成了" + rank_of(c.level) +
              "学位的学业要求，根据《中华人民共和国学位条例》的规定，授予" + c.degree + "（专业：" + c.major + "）。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The mode of study in brackets after the major: …在本校会计学专业（全日制）四年制本科学习，…
CertificateText graduation_study_mode(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {"毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "生，于" + year_month(c.start_date, DateStyle::kArabic) + "至" +
              year_month(c.graduation_date, DateStyle::kArabic) + "在本校" + c.major + "专业（全日制）" +
              programme_of(c) + "学习，修完教学计划规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The holder introduced in one sentence and named again as 该生 in the next:
// 学生王小明，性别男，1998年4月2日生。该生于2016年9月至2020年6月在本校会计学专业四年制本科学习。修完…
CertificateText graduation_this_one(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {"毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kChineseNumerals) + "生。该生于" +
              year_month(c.start_date, DateStyle::kChineseNumerals) + "至" +
              year_month(c.graduation_date, DateStyle::kChineseNumerals) + "在本校" + c.major + "专业" +
              programme_of(c) + "学习。修完教学计划规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-05, e04ac88: set 32); developed on since. ---

// The major's English name in brackets between the major and 专业, as bilingual schools print it:
// …在本校会计学（Accounting）专业四年制本科学习，…
CertificateText graduation_major_english(const Person& person, const Credential& c, std::mt19937& rng) {
  static const std::map<std::string, std::string> kEnglish{
      {"计算机科学与技术", "Computer Science and Technology"},
      {"软件工程", "Software Engineering"},
      {"电子信息工程", "Electronic Information Engineering"},
      {"机械设计制造及其自动化", "Mechanical Design, Manufacturing and Automation"},
      {"土木工程", "Civil Engineering"},
      {"法学", "Law"},
      {"汉语言文学", "Chinese Language and Literature"},
      {"英语", "English"},
      {"工商管理", "Business Administration"},
      {"会计学", "Accounting"},
      {"临床医学", "Clinical Medicine"},
      {"数学与应用数学", "Mathematics and Applied Mathematics"}};
  const auto english = kEnglish.find(c.major);
  const std::string bracket = english == kEnglish.end() ? "" : "（" + english->second + "）";
  return {Layout::kLandscape,
          {"毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "生，于" + year_month(c.start_date, DateStyle::kArabic) + "至" +
              year_month(c.graduation_date, DateStyle::kArabic) + "在本校" + c.major + bracket + "专业" +
              programme_of(c) + "学习，修完教学计划规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// The period of study joined by a wave dash, as forms write a range: …于2016年9月～2020年6月在本校…
CertificateText graduation_tilde_period(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {"毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kChineseNumerals) + "生，于" +
              year_month(c.start_date, DateStyle::kArabic) + "～" + year_month(c.graduation_date, DateStyle::kArabic) +
              "在本校" + c.major + "专业" + programme_of(c) + "学习，修完教学计划规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The period first, the holder's sex and birth in brackets after the name:
// 2016年9月至2020年6月，学生王小明（男，1998年4月2日生）在本校会计学专业四年制本科学习，修完…
CertificateText graduation_period_first(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {"毕业证书"},
          year_month(c.start_date, DateStyle::kArabic) + "至" + year_month(c.graduation_date, DateStyle::kArabic) +
              "，学生" + person.name + "（" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kArabic) + "生）在本校" + c.major + "专业" + programme_of(c) +
              "学习，修完教学计划规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-05, 22beaf9: set 33); developed on since. ---

// The holder named by the level's word for a student (本科生, 专科生, 硕士生, 博士生), not 学生:
// 本科生王小明，性别男，1998年4月2日生，于2016年9月至2020年6月在我校会计学专业学习，学制四年，修完…准予毕业。
CertificateText graduation_level_student(const Person& person, const Credential& c, std::mt19937& rng) {
  static constexpr std::array<std::string_view, 5> kStudent{"学生", "专科生", "本科生", "硕士生", "博士生"};
  const bool graduate = graduate_level(c.level);
  return {Layout::kLandscape,
          {"毕业证书"},
          std::string(kStudent[static_cast<std::size_t>(c.level)]) + person.name + "，性别" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kArabic) + "生，于" +
              year_month(c.start_date, DateStyle::kArabic) + "至" + year_month(c.graduation_date, DateStyle::kArabic) +
              "在我校" + c.major + "专业学习，学制" + years_in_words(c) + "年，修完" +
              (graduate ? "培养计划" : "教学计划") + "规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// The credits earned in the sentence, the start as 入学, and the number after 证书号：: 学生王小明，男，
// 一九九八年四月二日生，二〇一六年九月入学，在本校会计学专业四年制本科学习，修满规定的162学分，成绩合格，于二〇二〇年
// 六月准予毕业。
CertificateText graduation_credits(const Person& person, const Credential& c, std::mt19937& rng) {
  const bool graduate = graduate_level(c.level);
  const int credits = graduate ? uniform(rng, 30, 45) : uniform(rng, 150, 180);
  CertificateText text{Layout::kPortrait,
                       {"毕业证书"},
                       (graduate ? "研究生" : "学生") + person.name + "，" + person.gender + "，" +
                           format_date(person.birth_date, DateStyle::kChineseNumerals) + "生，" +
                           year_month(c.start_date, DateStyle::kChineseNumerals) + "入学，在本校" + c.major + "专业" +
                           programme_of(c) + "学习，修满规定的" + std::to_string(credits) + "学分，成绩合格，于" +
                           year_month(c.graduation_date, DateStyle::kChineseNumerals) + "准予毕业。",
                       {},
                       {c.school.name, "校长：" + official(rng)},
                       c.graduation_number,
                       format_date(c.graduation_date, DateStyle::kChineseNumerals),
                       c.school.name};
  text.number_label = "证书号：";
  return text;
}

// The law first, the holder in brackets, the school and major run together:
// 依照《中华人民共和国学位条例》的规定，王小明（男，一九九八年四月二日生）在中南大学会计学专业完成了学士学位的学业，
// 经审核符合学位授予条件，授予管理学学士学位。
CertificateText degree_according_to(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          "依照《中华人民共和国学位条例》的规定，" + person.name + "（" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kChineseNumerals) + "生）在" + c.school.name + c.major +
              "专业完成了" + rank_of(c.level) + "学位的学业，经审核符合学位授予条件，授予" + c.degree + "。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-05, 1599d64: set 34); developed on since. ---

// Arabic numerals set apart from their units by spaces, as a word processor's certificate template prints
// them: 学生王小明，性别男，1998 年 4 月 2 日生，于 2016 年 9 月至 2020 年 6 月在本校会计学专业…
CertificateText graduation_spaced_numerals(const Person& person, const Credential& c, std::mt19937& rng) {
  const auto spaced = [](const std::string& text) {
    std::string out;
    for (std::size_t i = 0; i < text.size(); ++i) {
      const bool digit = std::isdigit(static_cast<unsigned char>(text[i])) != 0;
      if (i > 0 && digit != (std::isdigit(static_cast<unsigned char>(text[i - 1])) != 0)) out += ' ';
      out += text[i];
    }
    return out;
  };
  return {Layout::kLandscape,
          {"毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，" +
              spaced(format_date(person.birth_date, DateStyle::kArabic)) + " 生，于 " +
              spaced(year_month(c.start_date, DateStyle::kArabic)) + "至 " +
              spaced(year_month(c.graduation_date, DateStyle::kArabic)) + "在本校" + c.major + "专业" +
              programme_of(c) + "学习，修完教学计划规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          spaced(format_date(c.graduation_date, DateStyle::kArabic)),
          c.school.name};
}

// The holder named first and called 同学, the period without 于, the close 特发此证:
// 王小明同学，性别男，一九九八年四月二日生，二〇一六年九月至二〇二〇年六月在我校会计学专业四年制本科学习，…特发此证。
CertificateText graduation_classmate(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {"毕业证书"},
          person.name + "同学，性别" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kChineseNumerals) + "生，" +
              year_month(c.start_date, DateStyle::kChineseNumerals) + "至" +
              year_month(c.graduation_date, DateStyle::kChineseNumerals) + "在我校" + c.major + "专业" +
              programme_of(c) + "学习，完成教学计划规定的全部课程，成绩合格，准予毕业，特发此证。",
          {},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The holder as a graduate of this school (系本校…毕业生), 出生 for 生, the school only at the foot:
// 王小明，男，1998年4月2日出生，系本校会计学专业本科毕业生，已通过学士学位课程考核和论文答辩，经审核符合《中华人民
// 共和国学位条例》的规定，授予管理学学士学位。
CertificateText degree_graduate_of_this_school(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "出生，系本校" + c.major + "专业" + holder_of(c) + "，已通过" + rank_of(c.level) +
              "学位课程考核和论文答辩，经审核符合《中华人民共和国学位条例》的规定，授予" + c.degree + "。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-05, a610fd3: set 35); developed on since. ---

// The school and major after 就读于, the period before them without 于, the level in brackets: 学生王小明，性别男，
// 1998年4月2日生，2016年9月至2020年6月就读于中南大学会计学专业（本科），修完…准予毕业。
CertificateText graduation_studied_at(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {"毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "生，" + year_month(c.start_date, DateStyle::kArabic) + "至" +
              year_month(c.graduation_date, DateStyle::kArabic) + "就读于" + c.school.name + c.major + "专业（" +
              std::string(level_name(c.level)) + "），修完" + (graduate_level(c.level) ? "培养计划" : "教学计划") +
              "规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The holder's identity number in brackets after the name, no sex or birth date printed:
// 王小明（身份证号码：430102199804020011）在中南大学会计学专业完成了学士学位的学业，经审核符合《中华人民共和国学位条例》
// 的规定，授予管理学学士学位。
CertificateText degree_id_in_brackets(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          person.name + "（身份证号码：" + person.id_number + "）在" + c.school.name + c.major + "专业完成了" +
              rank_of(c.level) + "学位的学业，经审核符合《中华人民共和国学位条例》的规定，授予" + c.degree + "。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// A graduate's period as 学习年限, after the programme:
// 研究生王小明，性别男，一九九八年四月二日生，在我校会计学专业攻读
// 硕士学位，学习年限二〇一六年九月至二〇一九年六月，修完培养计划规定的全部课程，成绩合格，毕业论文答辩通过，准予毕业。
CertificateText graduation_study_years(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {"研究生毕业证书"},
          "研究生" + person.name + "，性别" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kChineseNumerals) + "生，在我校" + c.major + "专业攻读" +
              rank_of(c.level) + "学位，学习年限" + year_month(c.start_date, DateStyle::kChineseNumerals) + "至" +
              year_month(c.graduation_date, DateStyle::kChineseNumerals) +
              "，修完培养计划规定的全部课程，成绩合格，毕业论文答辩通过，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-05, 46497dd: set 36); developed on since. ---

// The period under its own label inside the sentence, after the major: 学生王小明，性别男，一九九八年四月二日生，在本校
// 会计学专业学习，在校学习时间：二〇一六年九月至二〇二〇年六月，学制四年，修完…准予毕业。
CertificateText graduation_time_in_school(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {graduate_level(c.level) ? "研究生毕业证书" : "毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kChineseNumerals) + "生，在本校" + c.major +
              "专业学习，在校学习时间：" + year_month(c.start_date, DateStyle::kChineseNumerals) + "至" +
              year_month(c.graduation_date, DateStyle::kChineseNumerals) + "，学制" + years_in_words(c) + "年，修完" +
              (graduate_level(c.level) ? "培养计划" : "教学计划") + "规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The award first, then the holder in a sentence of their own: 兹授予王小明管理学学士学位。王小明，男，1998年4月2日生，
// 系中南大学会计学专业本科毕业生，经审核符合《中华人民共和国学位条例》的规定。
CertificateText degree_award_then_holder(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          "兹授予" + person.name + c.degree + "。" + person.name + "，" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kArabic) + "生，系" + c.school.name + c.major + "专业" +
              holder_of(c) + "，经审核符合《中华人民共和国学位条例》的规定。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// The number after the short label 编号：, the sentence as most certificates word it, Arabic numerals.
CertificateText graduation_short_number_label(const Person& person, const Credential& c, std::mt19937& rng) {
  CertificateText text{Layout::kLandscape,
                       {"毕业证书"},
                       graduation_body(person, c, DateStyle::kArabic),
                       {},
                       {"校名：" + c.school.name, "校长：" + official(rng)},
                       c.graduation_number,
                       format_date(c.graduation_date, DateStyle::kArabic),
                       c.school.name};
  text.number_label = "编号：";
  return text;
}

// --- Held out until their first measurement (2026-12-05, 308b18b: set 37); developed on since. ---

// The major in Chinese quotation marks:
// 学生王小明，性别男，一九九八年四月二日生，于二〇一六年九月至二〇二〇年六月在本校
// “会计学”专业四年制本科学习，修完教学计划规定的全部课程，成绩合格，准予毕业。
CertificateText graduation_major_in_quotes(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {graduate_level(c.level) ? "研究生毕业证书" : "毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kChineseNumerals) + "生，于" +
              year_month(c.start_date, DateStyle::kChineseNumerals) + "至" +
              year_month(c.graduation_date, DateStyle::kChineseNumerals) + "在本校“" + c.major + "”专业" +
              programme_of(c) + "学习，修完" + (graduate_level(c.level) ? "培养计划" : "教学计划") +
              "规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The birth date before the name, the sex in brackets after it:
// 兹有1998年4月2日出生的王小明（男），在中南大学会计学专业完成了学士学位的学业，
// 经审核符合《中华人民共和国学位条例》的规定，授予管理学学士学位。
CertificateText degree_born_before_name(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          "兹有" + format_date(person.birth_date, DateStyle::kArabic) + "出生的" + person.name + "（" + person.gender +
              "），在" + c.school.name + c.major + "专业完成了" + rank_of(c.level) +
              "学位的学业，经审核符合《中华人民共和国学位条例》的规定，授予" + c.degree + "。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// The holder as one of the year's graduates (2020届) before the major, the period after:
// 学生王小明，性别男，1998年4月2日生，
// 系我校2020届会计学专业本科毕业生，于2016年9月至2020年6月在校学习，修完…准予毕业。
CertificateText graduation_class_of(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {"毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "生，系我校" + std::to_string(c.graduation_date.year) + "届" + c.major + "专业" + holder_of(c) + "，于" +
              year_month(c.start_date, DateStyle::kArabic) + "至" + year_month(c.graduation_date, DateStyle::kArabic) +
              "在校学习，修完" + (graduate_level(c.level) ? "培养计划" : "教学计划") +
              "规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-05, 627c9cf: set 38); developed on since. ---

// Two sentences, the first ending after the birth date, the second opening with the period and naming the school:
// 王小明，男，1998年4月2日生。2016年9月至2020年6月在中南大学会计学专业四年制本科学习，修完…准予毕业。
CertificateText graduation_two_sentences(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {graduate_level(c.level) ? "研究生毕业证书" : "毕业证书"},
          person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) + "生。" +
              year_month(c.start_date, DateStyle::kArabic) + "至" + year_month(c.graduation_date, DateStyle::kArabic) +
              "在" + c.school.name + c.major + "专业" + programme_of(c) + "学习，修完" +
              (graduate_level(c.level) ? "培养计划" : "教学计划") + "规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// The committee first, the holder in brackets after 授予 and before the degree, the major in a sentence after:
// 经中南大学学位评定委员会审核，授予王小明（男，一九九八年四月二日生）管理学学士学位。王小明系该校会计学专业本科毕业生。
CertificateText degree_awarded_by_committee(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          "经" + c.school.name + "学位评定委员会审核，授予" + person.name + "（" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kChineseNumerals) + "生）" + c.degree + "。" + person.name +
              "系该校" + c.major + "专业" + holder_of(c) + "。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// No period, only the month of graduation before 毕业于 and the school and major after it, the level in brackets:
// 学生王小明，性别男，1998年4月2日生，2020年6月毕业于中南大学会计学专业（本科），学制四年，成绩合格，特发此证。
CertificateText graduation_graduated_from(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {"毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "生，" + year_month(c.graduation_date, DateStyle::kArabic) + "毕业于" + c.school.name + c.major +
              "专业（" + std::string(level_name(c.level)) + "），学制" + years_in_words(c) + "年，成绩合格，特发此证。",
          {},
          {"校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-05, bf47a06: set 39); developed on since. ---

// The period as 自…起至…止, as some schools print a range of time:
// 学生王小明，性别男，一九九八年四月二日生，自二〇一六年九月起至二〇二〇年六月止在本校会计学专业四年制本科学习，修完…准予毕业。
CertificateText graduation_from_until(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {graduate_level(c.level) ? "研究生毕业证书" : "毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kChineseNumerals) + "生，自" +
              year_month(c.start_date, DateStyle::kChineseNumerals) + "起至" +
              year_month(c.graduation_date, DateStyle::kChineseNumerals) + "止在本校" + c.major + "专业" +
              programme_of(c) + "学习，修完" + (graduate_level(c.level) ? "培养计划" : "教学计划") +
              "规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The school, major and level before the name, which opens no word a name follows elsewhere:
// 中南大学会计学专业本科毕业生王小明，男，1998年4月2日生，已通过学士学位课程考试和论文答辩，成绩合格，
// 经本校学位评定委员会审核，授予管理学学士学位。
CertificateText degree_graduate_then_name(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          c.school.name + c.major + "专业" + holder_of(c) + person.name + "，" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kArabic) + "生，已通过" + rank_of(c.level) +
              "学位课程考试和论文答辩，成绩合格，经本校学位评定委员会审核，授予" + c.degree + "。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// The birth date after 出生于, the school named in the sentence, the period after it:
// 王小明，男，出生于1998年4月2日，在中南大学会计学专业四年制本科学习，学习期间为2016年9月至2020年6月，
// 修完…准予毕业。
CertificateText graduation_born_on(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {graduate_level(c.level) ? "研究生毕业证书" : "毕业证书"},
          person.name + "，" + person.gender + "，出生于" + format_date(person.birth_date, DateStyle::kArabic) +
              "，在" + c.school.name + c.major + "专业" + programme_of(c) + "学习，学习期间为" +
              year_month(c.start_date, DateStyle::kArabic) + "至" + year_month(c.graduation_date, DateStyle::kArabic) +
              "，修完" + (graduate_level(c.level) ? "培养计划" : "教学计划") + "规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-05, c7059c7: set 40); developed on since. ---

// Zero-padded Arabic numerals in the sentence, as a word processor's date field writes them, the sex in brackets:
// 学生王小明（男），1998年04月02日生，于2016年09月至2020年06月在本校会计学专业四年制本科学习，修完…准予毕业。
CertificateText graduation_padded_dates(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {graduate_level(c.level) ? "研究生毕业证书" : "毕业证书"},
          "学生" + person.name + "（" + person.gender + "），" + padded(person.birth_date, true) + "生，于" +
              padded(c.start_date, false) + "至" + padded(c.graduation_date, false) + "在本校" + c.major + "专业" +
              programme_of(c) + "学习，修完" + (graduate_level(c.level) ? "培养计划" : "教学计划") +
              "规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          padded(c.graduation_date, true),
          c.school.name};
}

// The holder under labels in one row below a sentence that calls them 该生, Chinese numerals:
// 该生在中南大学会计学专业完成了学士学位的学业，经审核符合《中华人民共和国学位条例》的规定，授予管理学学士学位。
// 姓名：王小明　　性别：男　　出生日期：一九九八年四月二日
CertificateText degree_holder_in_labels(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          "该生在" + c.school.name + c.major + "专业完成了" + rank_of(c.level) +
              "学位的学业，经审核符合《中华人民共和国学位条例》的规定，授予" + c.degree + "。",
          {"姓名：" + person.name + "　　性别：" + person.gender + "　　出生日期：" +
           format_date(person.birth_date, DateStyle::kChineseNumerals)},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// No major in the sentence: the major, level and length in one row of labels below it, the dates in another:
// 学生王小明，性别男，1998年4月2日生，在本校学习期满，修完教学计划规定的全部课程，成绩合格，准予毕业。
// 专业：会计学　　层次：本科　　学制：四年 / 入学：2016年9月　　毕业：2020年6月
CertificateText graduation_major_in_a_row(const Person& person, const Credential& c, std::mt19937& rng) {
  return {
      Layout::kLandscape,
      {graduate_level(c.level) ? "研究生毕业证书" : "毕业证书"},
      "学生" + person.name + "，性别" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
          "生，在本校学习期满，修完" + (graduate_level(c.level) ? "培养计划" : "教学计划") +
          "规定的全部课程，成绩合格，准予毕业。",
      {"专业：" + c.major + "　　层次：" + std::string(level_name(c.level)) + "　　学制：" + years_in_words(c) + "年",
       "入学：" + year_month(c.start_date, DateStyle::kArabic) + "　　毕业：" +
           year_month(c.graduation_date, DateStyle::kArabic)},
      {"校名：" + c.school.name, "校长：" + official(rng)},
      c.graduation_number,
      format_date(c.graduation_date, DateStyle::kArabic),
      c.school.name};
}

// --- Held out until their first measurement (2026-12-05, 606aee2: set 41); developed on since. ---

// Admitted by examination (考入) to this school, the school named only above the title, 同学 after the name:
// 中南大学 / 毕业证书 / 王小明同学，男，1998年4月2日生，于2016年9月考入我校会计学专业四年制本科学习，2020年6月修完…
// 经审核准予毕业。
CertificateText graduation_admitted(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {c.school.name, graduate_level(c.level) ? "研究生毕业证书" : "毕业证书"},
          person.name + "同学，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "生，于" + year_month(c.start_date, DateStyle::kArabic) + "考入我校" + c.major + "专业" +
              programme_of(c) + "学习，" + year_month(c.graduation_date, DateStyle::kArabic) + "修完" +
              (graduate_level(c.level) ? "培养计划" : "教学计划") + "规定的全部课程，成绩合格，经审核准予毕业。",
          {},
          {"校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// The committee's meeting numbered between the committee and 审议通过, the birth date in Chinese numerals:
// 王小明，女，一九九八年四月二日生，在中南大学会计学专业完成了学士学位的学业，经中南大学学位评定委员会第三十二次会议
// 审议通过，授予管理学学士学位。
CertificateText degree_meeting_number(const Person& person, const Credential& c, std::mt19937& rng) {
  static constexpr std::array<std::string_view, 5> kMeetings{"第十二次", "第二十次", "第三十二次", "第四十五次",
                                                             "第九次"};
  const std::string meeting(kMeetings[static_cast<std::size_t>(uniform(rng, 0, 4))]);
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kChineseNumerals) +
              "生，在" + c.school.name + c.major + "专业完成了" + rank_of(c.level) + "学位的学业，经" + c.school.name +
              "学位评定委员会" + meeting + "会议审议通过，授予" + c.degree + "。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The level as 大学本科 / 大学专科, and the number after the short label 证号：:
// 学生王小明，性别男，1998年4月2日生，于2016年9月至2020年6月在本校会计学专业大学本科学习，学制四年，修完…准予毕业。
CertificateText graduation_university_level(const Person& person, const Credential& c, std::mt19937& rng) {
  const std::string level =
      graduate_level(c.level) ? std::string(level_name(c.level)) : "大学" + std::string(level_name(c.level));
  CertificateText text{Layout::kLandscape,
                       {graduate_level(c.level) ? "研究生毕业证书" : "毕业证书"},
                       "学生" + person.name + "，性别" + person.gender + "，" +
                           format_date(person.birth_date, DateStyle::kArabic) + "生，于" +
                           year_month(c.start_date, DateStyle::kArabic) + "至" +
                           year_month(c.graduation_date, DateStyle::kArabic) + "在本校" + c.major + "专业" + level +
                           "学习，学制" + years_in_words(c) + "年，修完" +
                           (graduate_level(c.level) ? "培养计划" : "教学计划") + "规定的全部课程，成绩合格，准予毕业。",
                       {},
                       {"校名：" + c.school.name, "校长：" + official(rng)},
                       c.graduation_number,
                       format_date(c.graduation_date, DateStyle::kArabic),
                       c.school.name};
  text.number_label = "证号：";
  return text;
}

// --- Held out until their first measurement (2026-12-05, 72329c0: set 42); developed on since. ---

// The school named nowhere but in the seal and the number: 本校 in the sentence, the president alone below it:
// 学生王小明，性别男，二〇〇〇年一月七日生，于二〇一八年九月至二〇二二年六月在本校会计学专业四年制本科学习，…准予毕业。
CertificateText graduation_school_in_seal(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {graduate_level(c.level) ? "研究生毕业证书" : "毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kChineseNumerals) + "生，于" +
              year_month(c.start_date, DateStyle::kChineseNumerals) + "至" +
              year_month(c.graduation_date, DateStyle::kChineseNumerals) + "在本校" + c.major + "专业" +
              programme_of(c) + "学习，修完" + (graduate_level(c.level) ? "培养计划" : "教学计划") +
              "规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The school and the degree's rank in one title line (中南大学学士学位证书), 本校 in the sentence:
// 王小明，男，1998年4月2日生，在本校会计学专业完成了学士学位的学业，经审核符合《中华人民共和国学位条例》的规定，
// 授予管理学学士学位。
CertificateText degree_school_in_title(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {c.school.name + rank_of(c.level) + "学位证书"},
          person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "生，在本校" + c.major + "专业完成了" + rank_of(c.level) +
              "学位的学业，经审核符合《中华人民共和国学位条例》的规定，授予" + c.degree + "。",
          {},
          {"学位评定委员会主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// A short sentence and the holder in rows of labels below it, the school under 毕业院校： and the level under 学历：:
// 该生在我校完成了规定的全部学业，经审核，准予毕业，特发此证。 / 姓名：王小明　　性别：男 / 出生日期：1998年4月2日 /
// 毕业院校：中南大学 / 专业：会计学　　学历：本科 / 毕业时间：2020年6月
CertificateText graduation_record_labels(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {graduate_level(c.level) ? "研究生毕业证书" : "毕业证书"},
          "该生在我校完成了规定的全部学业，经审核，准予毕业，特发此证。",
          {"姓名：" + person.name + "　　性别：" + person.gender,
           "出生日期：" + format_date(person.birth_date, DateStyle::kArabic), "毕业院校：" + c.school.name,
           "专业：" + c.major + "　　学历：" + std::string(level_name(c.level)),
           "毕业时间：" + year_month(c.graduation_date, DateStyle::kArabic)},
          {"校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-06, f4208d8: set 43); developed on since. ---

// The 2016 form of a graduate degree: a full stop after the birth date, 完成…学业 and 依照…的规定:
// 王小明，男，1990年1月2日生。在中南大学会计学专业完成硕士研究生学业，成绩合格，依照《中华人民共和国学位条例》的规定，
// 授予管理学硕士学位。
CertificateText degree_completed_studies(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) + "生。在" +
              c.school.name + c.major + "专业完成" + std::string(level_name(c.level)) +
              "学业，成绩合格，依照《中华人民共和国学位条例》的规定，授予" + c.degree + "。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// The study period in brackets after the major, under a label of its own, the programme completed after it; the
// issue date in Chinese numerals:
// 学生王小明，男，1998年4月2日生，在本校会计学专业（学习时间：2016年9月—2020年6月）完成四年制本科学业，成绩合格，
// 准予毕业。
CertificateText graduation_period_in_brackets(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {graduate_level(c.level) ? "研究生毕业证书" : "毕业证书"},
          "学生" + person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "生，在本校" + c.major + "专业（学习时间：" + year_month(c.start_date, DateStyle::kArabic) + "—" +
              year_month(c.graduation_date, DateStyle::kArabic) + "）完成" + programme_of(c) +
              "学业，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The holder's sex and birth date under labels of their own inside brackets after the name, parted by a semicolon:
// 学生王小明（性别：男；出生日期：一九九八年四月二日）于二〇一六年九月至二〇二〇年六月在本校会计学专业四年制本科学习，
// 修完教学计划规定的全部课程，成绩合格，准予毕业。
CertificateText graduation_labels_in_brackets(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {graduate_level(c.level) ? "研究生毕业证书" : "毕业证书"},
          "学生" + person.name + "（性别：" + person.gender + "；出生日期：" +
              format_date(person.birth_date, DateStyle::kChineseNumerals) + "）于" +
              year_month(c.start_date, DateStyle::kChineseNumerals) + "至" +
              year_month(c.graduation_date, DateStyle::kChineseNumerals) + "在本校" + c.major + "专业" +
              programme_of(c) + "学习，修完" + (graduate_level(c.level) ? "培养计划" : "教学计划") +
              "规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-06, cd11094: set 44); developed on since. ---

// The programme as 全日制普通本科 (the mode and 普通 before the level), dates in Chinese numerals:
// 学生王小明，性别男，一九九八年四月二日生，于二〇一六年九月至二〇二〇年六月在本校会计学专业全日制普通本科学习，学制
// 四年，修完教学计划规定的全部课程，成绩合格，准予毕业。
CertificateText graduation_full_time_regular(const Person& person, const Credential& c, std::mt19937& rng) {
  const std::string programme = graduate_level(c.level) ? "全日制" + std::string(level_name(c.level))
                                                        : "全日制普通" + std::string(level_name(c.level));
  return {Layout::kLandscape,
          {graduate_level(c.level) ? "研究生毕业证书" : "毕业证书"},
          "学生" + person.name + "，性别" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kChineseNumerals) + "生，于" +
              year_month(c.start_date, DateStyle::kChineseNumerals) + "至" +
              year_month(c.graduation_date, DateStyle::kChineseNumerals) + "在本校" + c.major + "专业" + programme +
              "学习，学制" + years_in_words(c) + "年，修完" + (graduate_level(c.level) ? "培养计划" : "教学计划") +
              "规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The school and major before the holder, who is 同学 of them, the level in 完成了…学业:
// 中南大学会计学专业王小明同学，女，1998年4月2日生，完成了本科学业，经审核符合《中华人民共和国学位条例》的规定，
// 授予管理学学士学位。
CertificateText degree_classmate_in_sentence(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          c.school.name + c.major + "专业" + person.name + "同学，" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kArabic) + "生，完成了" + std::string(level_name(c.level)) +
              "学业，经审核符合《中华人民共和国学位条例》的规定，授予" + c.degree + "。",
          {},
          {c.school.name + "学位评定委员会", "主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// A college's own word for itself (我院 where the school is a 学院, else 我校) and its head (院长 or 校长), the school
// named only below the body:
// 学生王小明，男，1998年4月2日生，于2016年9月至2020年6月在我院会计学专业四年制本科学习，修完…，成绩合格，准予毕业。
CertificateText graduation_our_college(const Person& person, const Credential& c, std::mt19937& rng) {
  const bool college = c.school.name.ends_with("学院");
  return {Layout::kLandscape,
          {graduate_level(c.level) ? "研究生毕业证书" : "毕业证书"},
          "学生" + person.name + "，" + person.gender + "，" + format_date(person.birth_date, DateStyle::kArabic) +
              "生，于" + year_month(c.start_date, DateStyle::kArabic) + "至" +
              year_month(c.graduation_date, DateStyle::kArabic) + "在" + (college ? "我院" : "我校") + c.major +
              "专业" + programme_of(c) + "学习，修完" + (graduate_level(c.level) ? "培养计划" : "教学计划") +
              "规定的全部课程，成绩合格，准予毕业。",
          {},
          {c.school.name, (college ? "院长：" : "校长：") + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-06, 472a31d: set 45); developed on since. ---

// The holder's standing as a student (具有我校正式学籍) before the period, the major after a bare 在, the school named
// only below the body: 学生王小明，男，1998年4月2日生，具有我校正式学籍，于2016年9月至2020年6月在会计学专业四年制
// 本科学习，修完教学计划规定的全部课程，考核合格，准予毕业，特颁发此证书。
CertificateText graduation_student_status(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kLandscape,
          {graduate_level(c.level) ? "研究生毕业证书" : "毕业证书"},
          (graduate_level(c.level) ? "研究生" : "学生") + person.name + "，" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kArabic) + "生，具有我校正式学籍，于" +
              year_month(c.start_date, DateStyle::kArabic) + "至" + year_month(c.graduation_date, DateStyle::kArabic) +
              "在" + c.major + "专业" + programme_of(c) + "学习，修完" +
              (graduate_level(c.level) ? "培养计划" : "教学计划") +
              "规定的全部课程，考核合格，准予毕业，特颁发此证书。",
          {},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// 同学 after the name, the sex after 性别 and 出生 after the date, the degree 特授予 after the committee's review:
// 王小明同学，性别女，一九九八年四月二日出生，在中南大学会计学专业完成本科学业，学习成绩合格，经学校学位评定委员会
// 审核，特授予管理学学士学位。 (硕士, 博士: …完成硕士研究生学业，通过学位论文答辩，经….)
CertificateText degree_specially_conferred(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          person.name + "同学，性别" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kChineseNumerals) + "出生，在" + c.school.name + c.major +
              "专业完成" + std::string(level_name(c.level)) + "学业，" +
              (graduate_level(c.level) ? "通过学位论文答辩，" : "学习成绩合格，") + "经学校学位评定委员会审核，特授予" +
              c.degree + "。",
          {},
          {"学位评定委员会主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// Admitted by examination (考入) in a month, the years of study after 学习年限, no graduation month in the sentence
// (the date below the body is the only one): 研究生王小明，女，1990年1月2日生，2013年9月考入我校会计学专业攻读硕士
// 学位，学习年限三年，修完培养方案规定的全部课程，成绩合格，通过学位论文答辩，准予毕业。 (本科, 专科: 学生…考入我校
// 会计学专业四年制本科学习，学习年限四年，修完教学计划…，成绩合格，准予毕业。)
CertificateText graduation_admitted_by_exam(const Person& person, const Credential& c, std::mt19937& rng) {
  const bool graduate = graduate_level(c.level);
  return {Layout::kLandscape,
          {graduate ? "研究生毕业证书" : "毕业证书"},
          (graduate ? "研究生" : "学生") + person.name + "，" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kArabic) + "生，" +
              year_month(c.start_date, DateStyle::kArabic) + "考入我校" + c.major + "专业" +
              (graduate ? "攻读" + rank_of(c.level) + "学位" : programme_of(c) + "学习") + "，学习年限" +
              years_in_words(c) + "年，修完" + (graduate ? "培养方案" : "教学计划") + "规定的全部课程，成绩合格，" +
              (graduate ? "通过学位论文答辩，" : "") + "准予毕业。",
          {},
          {c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kArabic),
          c.school.name};
}

// --- Held out until their first measurement (2026-12-06, eaef01e: set 46); developed on since. ---

// The level as a tier (本科层次, 专科层次) after the major, the length of the programme after 学制, Chinese numerals:
// 学生王小明，男，一九九八年四月二日生，于二〇一六年九月至二〇二〇年六月在本校会计学专业本科层次学习，学制四年，
// 修完教学计划规定的全部课程，成绩合格，准予毕业。
CertificateText graduation_level_tier(const Person& person, const Credential& c, std::mt19937& rng) {
  const bool graduate = graduate_level(c.level);
  return {Layout::kLandscape,
          {graduate ? "研究生毕业证书" : "毕业证书"},
          (graduate ? "研究生" : "学生") + person.name + "，" + person.gender + "，" +
              format_date(person.birth_date, DateStyle::kChineseNumerals) + "生，于" +
              year_month(c.start_date, DateStyle::kChineseNumerals) + "至" +
              year_month(c.graduation_date, DateStyle::kChineseNumerals) + "在本校" + c.major + "专业" +
              std::string(level_name(c.level)) + "层次学习，学制" + years_in_words(c) + "年，修完" +
              (graduate ? "培养计划" : "教学计划") + "规定的全部课程，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The name, sex and birth date parted by wide spaces instead of commas, the school in the sentence:
// 王小明　男　一九九八年四月二日生　在中南大学会计学专业完成了本科学习计划，业已毕业，经审核符合《中华人民共和国学位
// 条例》的规定，授予管理学学士学位。 (硕士, 博士: …完成了硕士研究生学业，通过学位论文答辩，经审核….)
CertificateText degree_spaces_for_commas(const Person& person, const Credential& c, std::mt19937& rng) {
  return {Layout::kPortrait,
          {rank_of(c.level) + "学位证书"},
          person.name + "　" + person.gender + "　" + format_date(person.birth_date, DateStyle::kChineseNumerals) +
              "生　在" + c.school.name + c.major + "专业完成了" +
              (graduate_level(c.level) ? std::string(level_name(c.level)) + "学业，通过学位论文答辩"
                                       : "本科学习计划，业已毕业") +
              "，经审核符合《中华人民共和国学位条例》的规定，授予" + c.degree + "。",
          {},
          {"学位评定委员会主席：" + official(rng)},
          c.degree_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

// The sex in brackets after the name, no start of studies, the month they were completed in after 学习期满:
// 学生王小明（女），1998年4月2日生，在本校会计学专业学习期满，于2020年6月完成四年制本科学业，成绩合格，准予毕业。
CertificateText graduation_sex_in_brackets(const Person& person, const Credential& c, std::mt19937& rng) {
  const bool graduate = graduate_level(c.level);
  return {Layout::kLandscape,
          {graduate ? "研究生毕业证书" : "毕业证书"},
          (graduate ? "研究生" : "学生") + person.name + "（" + person.gender + "），" +
              format_date(person.birth_date, DateStyle::kArabic) + "生，在本校" + c.major + "专业学习期满，于" +
              year_month(c.graduation_date, DateStyle::kArabic) + "完成" + programme_of(c) +
              "学业，成绩合格，准予毕业。",
          {},
          {"校名：" + c.school.name, "校长：" + official(rng)},
          c.graduation_number,
          format_date(c.graduation_date, DateStyle::kChineseNumerals),
          c.school.name};
}

}  // namespace mixtract::synth
