#include "certificate_content.h"

#include <array>
#include <cstdio>
#include <string_view>

namespace mixtract::synth {
namespace {

struct School {
  std::string_view code;
  std::string_view name;
};

// A few schools whose 学校代码 is certain (Ministry of Education list); `synth --schools` will take more.
constexpr std::array<School, 6> kSchools{{
    {"10001", "北京大学"},
    {"10003", "清华大学"},
    {"10610", "四川大学"},
    {"10246", "复旦大学"},
    {"10335", "浙江大学"},
    {"10284", "南京大学"},
}};
constexpr std::array<std::string_view, 16> kSurnames{"王", "李", "张", "刘", "陈", "杨", "黄", "赵",
                                                     "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"};
constexpr std::array<std::string_view, 20> kGivenChars{"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋",
                                                       "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平"};
constexpr std::array<std::string_view, 8> kMajors{
    "计算机科学与技术", "软件工程", "电子信息工程", "法学",
    "汉语言文学",       "工商管理", "临床医学",     "机械设计制造及其自动化"};
constexpr std::array<std::string_view, 10> kDigits{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

template <typename T, std::size_t N>
const T& pick(const std::array<T, N>& items, std::mt19937& rng) {
  return items[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng)];
}

int uniform(std::mt19937& rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}

std::string iso_date(int year, int month, int day) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

// 1..31 as 一 .. 十 .. 二十一 .. 三十一.
std::string chinese_small_number(int n) {
  std::string out;
  if (n >= 20) out += kDigits[static_cast<std::size_t>(n / 10)];
  if (n >= 10) out += "十";
  if (n % 10 != 0 || n < 10) out += kDigits[static_cast<std::size_t>(n % 10)];
  return out;
}

std::string_view level_code(EducationLevel level) {
  switch (level) {
    case EducationLevel::kDoctor: return "01";
    case EducationLevel::kMaster: return "02";
    case EducationLevel::kJuniorCollege: return "06";
    default: return "05";
  }
}

int study_years(EducationLevel level) {
  return level == EducationLevel::kBachelor ? 4 : 3;
}

}  // namespace

std::string chinese_numeral_date(const std::string& iso_date) {
  std::string out;
  for (std::size_t i = 0; i < 4; ++i) out += kDigits[static_cast<std::size_t>(iso_date[i] - '0')];
  return out + "年" + chinese_small_number(std::stoi(iso_date.substr(5, 2))) + "月" +
         chinese_small_number(std::stoi(iso_date.substr(8, 2))) + "日";
}

CertificateTruth random_certificate(std::mt19937& rng) {
  static constexpr std::array<EducationLevel, 4> kLevels{EducationLevel::kJuniorCollege, EducationLevel::kBachelor,
                                                         EducationLevel::kMaster, EducationLevel::kDoctor};
  CertificateTruth t;
  t.name = std::string(pick(kSurnames, rng)) + std::string(pick(kGivenChars, rng));
  if (uniform(rng, 0, 1) == 1) t.name += pick(kGivenChars, rng);
  t.gender = uniform(rng, 0, 1) == 1 ? "男" : "女";
  t.level = pick(kLevels, rng);
  const School& school = pick(kSchools, rng);
  t.school = school.name;
  t.school_code = school.code;
  t.major = pick(kMajors, rng);
  const int graduation_year = uniform(rng, 2000, 2025);
  const int age_at_graduation = 22 + (t.level == EducationLevel::kMaster ? 3 : 0) +
                                (t.level == EducationLevel::kDoctor ? 6 : 0) + uniform(rng, -1, 2);
  t.birth_date = iso_date(graduation_year - age_at_graduation, uniform(rng, 1, 12), uniform(rng, 1, 28));
  t.graduation_date = iso_date(graduation_year, uniform(rng, 6, 7), uniform(rng, 1, 30));
  char serial[8];
  std::snprintf(serial, sizeof serial, "%06d", uniform(rng, 1, 999999));
  t.certificate_number =
      t.school_code + "1" + std::to_string(graduation_year) + std::string(level_code(t.level)) + serial;
  return t;
}

std::string certificate_body(const CertificateTruth& t) {
  const int graduation_year = std::stoi(t.graduation_date.substr(0, 4));
  const int start_year = graduation_year - study_years(t.level);
  const std::string start = chinese_numeral_date(iso_date(start_year, 9, 1));
  const std::string end = chinese_numeral_date(t.graduation_date);
  const std::string study = t.level == EducationLevel::kBachelor || t.level == EducationLevel::kJuniorCollege
                                ? (std::string(kDigits[static_cast<std::size_t>(study_years(t.level))]) + "年制" +
                                   std::string(level_name(t.level)))
                                : std::string(level_name(t.level));
  return "学生 " + t.name + "，性别 " + t.gender + "，" + chinese_numeral_date(t.birth_date) + "生，于" +
         start.substr(0, start.find("月") + 3) + "至" + end.substr(0, end.find("月") + 3) + "在本校" + t.major +
         "专业" + study + "学习，修完教学计划规定的全部课程，成绩合格，准予毕业。";
}

}  // namespace mixtract::synth
