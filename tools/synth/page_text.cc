#include "page_text.h"

#include <array>

namespace mixtract::synth {

std::string year_month(const Date& date, DateStyle style) {
  const std::string full = format_date(date, style);
  return full.substr(0, full.find("月") + std::string("月").size());
}

std::string format_date(const Date& date, DateStyle style) {
  switch (style) {
    case DateStyle::kChineseNumerals: return to_chinese_numerals(date);
    case DateStyle::kArabic: return to_arabic_chinese(date);
    case DateStyle::kMixed: {
      const std::string chinese = to_chinese_numerals(date);
      return std::to_string(date.year) + chinese.substr(chinese.find("年"));
    }
  }
  return "";
}

std::string graduation_body(const Person& person, const Credential& c, DateStyle style) {
  static constexpr std::array<std::string_view, 6> kYears{"", "一", "二", "三", "四", "五"};
  const int years = c.graduation_date.year - c.start_date.year;
  std::string study;
  if (c.level == EducationLevel::kBachelor || c.level == EducationLevel::kJuniorCollege) {
    study = std::string(kYears[static_cast<std::size_t>(years)]) + "年制" + std::string(level_name(c.level));
  } else {
    study = std::string(level_name(c.level));
  }
  return "学生 " + person.name + "，性别 " + person.gender + "，" + format_date(person.birth_date, style) + "生，于" +
         year_month(c.start_date, style) + "至" + year_month(c.graduation_date, style) + "在本校" + c.major + "专业" +
         study + "学习，修完教学计划规定的全部课程，成绩合格，准予毕业。";
}

std::string degree_body(const Person& person, const Credential& c) {
  const std::string plan = c.level == EducationLevel::kBachelor
                               ? "完成了本科学习计划，业已毕业"
                               : "完成了" + std::string(level_name(c.level)) + "学习计划，通过论文答辩";
  return person.name + "，" + person.gender + "，" + to_arabic_chinese(person.birth_date) + "生。在" + c.school.name +
         c.major + "专业" + plan + "，经审核符合《中华人民共和国学位条例》的规定，授予" + c.degree + "。";
}

}  // namespace mixtract::synth
