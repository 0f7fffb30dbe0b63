// The printed sentences of certificates, following the official templates.
#ifndef MIXTRACT_TOOLS_SYNTH_PAGE_TEXT_H_
#define MIXTRACT_TOOLS_SYNTH_PAGE_TEXT_H_

#include <string>

#include "synth_types.h"

namespace mixtract::synth {

// How dates are written on a page.
enum class DateStyle {
  kChineseNumerals,  // 二〇一九年六月三十日
  kArabic,           // 2019年6月30日
  kMixed,            // 2019年六月三十日
};

std::string format_date(const Date& date, DateStyle style);
// The year and month only: 二〇一五年九月, 2015年9月.
std::string year_month(const Date& date, DateStyle style);

// 学生 张伟，性别 男，一九九七年五月十二日生，于二〇一五年九月至二〇一九年六月在本校计算机科学与技术专业四年制本科
// 学习，修完教学计划规定的全部课程，成绩合格，准予毕业。
std::string graduation_body(const Person& person, const Credential& credential, DateStyle style);

// 张伟，男，1997年5月12日生。在四川大学计算机科学与技术专业完成了本科学习计划，业已毕业，经审核符合《中华人民共和国
// 学位条例》的规定，授予工学学士学位。(硕士 and 博士 read 完成了硕士研究生学习计划，通过论文答辩 ...)
std::string degree_body(const Person& person, const Credential& credential);

}  // namespace mixtract::synth

#endif  // MIXTRACT_TOOLS_SYNTH_PAGE_TEXT_H_
