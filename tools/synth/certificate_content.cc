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
const T& Pick(const std::array<T, N>& items, std::mt19937& rng) {
  return items[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng)];
}

int Uniform(std::mt19937& rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}

std::string IsoDate(int year, int month, int day) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
  return buffer;
}

// 1..31 as 一 .. 十 .. 二十一 .. 三十一.
std::string ChineseSmallNumber(int n) {
  std::string out;
  if (n >= 20) out += kDigits[static_cast<std::size_t>(n / 10)];
  if (n >= 10) out += "十";
  if (n % 10 != 0 || n < 10) out += kDigits[static_cast<std::size_t>(n % 10)];
  return out;
}

std::string_view LevelCode(EducationLevel level) {
  switch (level) {
    case EducationLevel::kDoctor: return "01";
    case EducationLevel::kMaster: return "02";
    case EducationLevel::kJuniorCollege: return "06";
    default: return "05";
  }
}

int StudyYears(EducationLevel level) {
  return level == EducationLevel::kBachelor ? 4 : 3;
}

}  // namespace

std::string ChineseNumeralDate(const std::string& iso_date) {
  std::string out;
  for (std::size_t i = 0; i < 4; ++i) out += kDigits[static_cast<std::size_t>(iso_date[i] - '0')];
  return out + "年" + ChineseSmallNumber(std::stoi(iso_date.substr(5, 2))) + "月" +
         ChineseSmallNumber(std::stoi(iso_date.substr(8, 2))) + "日";
}

CertificateTruth RandomCertificate(std::mt19937& rng) {
  static constexpr std::array<EducationLevel, 4> kLevels{EducationLevel::kJuniorCollege, EducationLevel::kBachelor,
                                                         EducationLevel::kMaster, EducationLevel::kDoctor};
  CertificateTruth t;
  t.name = std::string(Pick(kSurnames, rng)) + std::string(Pick(kGivenChars, rng));
  if (Uniform(rng, 0, 1) == 1) t.name += Pick(kGivenChars, rng);
  t.gender = Uniform(rng, 0, 1) == 1 ? "男" : "女";
  t.level = Pick(kLevels, rng);
  const School& school = Pick(kSchools, rng);
  t.school = school.name;
  t.school_code = school.code;
  t.major = Pick(kMajors, rng);
  const int graduation_year = Uniform(rng, 2000, 2025);
  const int age_at_graduation = 22 + (t.level == EducationLevel::kMaster ? 3 : 0) +
                                (t.level == EducationLevel::kDoctor ? 6 : 0) + Uniform(rng, -1, 2);
  t.birth_date = IsoDate(graduation_year - age_at_graduation, Uniform(rng, 1, 12), Uniform(rng, 1, 28));
  t.graduation_date = IsoDate(graduation_year, Uniform(rng, 6, 7), Uniform(rng, 1, 30));
  char serial[8];
  std::snprintf(serial, sizeof serial, "%06d", Uniform(rng, 1, 999999));
  t.certificate_number =
      t.school_code + "1" + std::to_string(graduation_year) + std::string(LevelCode(t.level)) + serial;
  return t;
}

std::string CertificateBody(const CertificateTruth& t) {
  const int graduation_year = std::stoi(t.graduation_date.substr(0, 4));
  const int start_year = graduation_year - StudyYears(t.level);
  const std::string start = ChineseNumeralDate(IsoDate(start_year, 9, 1));
  const std::string end = ChineseNumeralDate(t.graduation_date);
  const std::string study = t.level == EducationLevel::kBachelor || t.level == EducationLevel::kJuniorCollege
                                ? (std::string(kDigits[static_cast<std::size_t>(StudyYears(t.level))]) + "年制" +
                                   std::string(LevelName(t.level)))
                                : std::string(LevelName(t.level));
  return "学生 " + t.name + "，性别 " + t.gender + "，" + ChineseNumeralDate(t.birth_date) + "生，于" +
         start.substr(0, start.find("月") + 3) + "至" + end.substr(0, end.find("月") + 3) + "在本校" + t.major +
         "专业" + study + "学习，修完教学计划规定的全部课程，成绩合格，准予毕业。";
}

}  // namespace mixtract::synth
