#include "people.h"

#include <array>
#include <string_view>

#include "rules/certificate_number.h"
#include "rules/id_number.h"

namespace mixtract::synth {
namespace {

constexpr std::array<std::string_view, 30> kSurnames{"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
                                                     "徐", "孙", "马", "朱", "胡", "郭", "何", "林", "罗", "高",
                                                     "郑", "梁", "谢", "宋", "唐", "许", "韩", "冯", "邓", "曹"};
constexpr std::array<std::string_view, 40> kGivenChars{"伟", "芳", "娜", "敏", "静", "丽", "强", "磊", "军", "洋",
                                                       "勇", "艳", "杰", "娟", "涛", "明", "超", "秀", "霞", "平",
                                                       "刚", "桂", "文", "辉", "鑫", "宇", "欣", "佳", "俊", "婷",
                                                       "浩", "雪", "琳", "晨", "思", "博", "子", "雨", "嘉", "瑞"};
constexpr std::array<std::string_view, 8> kEthnicities{"汉", "汉", "汉", "汉", "回", "满", "壮", "苗"};
constexpr std::array<std::string_view, 10> kStreets{"人民路", "解放路", "中山路", "建设路", "和平街",
                                                    "文化路", "新华街", "幸福路", "光明路", "胜利街"};

struct Major {
  std::string_view name;
  std::string_view discipline;
};
constexpr std::array<Major, 12> kMajors{{
    {"计算机科学与技术", "工学"},
    {"软件工程", "工学"},
    {"电子信息工程", "工学"},
    {"机械设计制造及其自动化", "工学"},
    {"土木工程", "工学"},
    {"法学", "法学"},
    {"汉语言文学", "文学"},
    {"英语", "文学"},
    {"工商管理", "管理学"},
    {"会计学", "管理学"},
    {"临床医学", "医学"},
    {"数学与应用数学", "理学"},
}};

template <typename T, std::size_t N>
const T& pick(const std::array<T, N>& items, std::mt19937& rng) {
  return items[std::uniform_int_distribution<std::size_t>(0, N - 1)(rng)];
}

int uniform(std::mt19937& rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}

std::string random_name(std::mt19937& rng) {
  std::string name(pick(kSurnames, rng));
  name += pick(kGivenChars, rng);
  if (uniform(rng, 0, 2) > 0) name += pick(kGivenChars, rng);
  return name;
}

// A school that teaches `level`: any for 专科, one listed as 本科 (or with no level given) above that.
const School& pick_school(const SchoolTable& schools, EducationLevel level, std::mt19937& rng) {
  const std::vector<School>& all = schools.schools();
  std::vector<std::size_t> fitting;
  for (std::size_t i = 0; i < all.size(); ++i) {
    if (level == EducationLevel::kJuniorCollege || all[i].level != "专科") fitting.push_back(i);
  }
  if (fitting.empty()) return all[std::uniform_int_distribution<std::size_t>(0, all.size() - 1)(rng)];
  return all[fitting[std::uniform_int_distribution<std::size_t>(0, fitting.size() - 1)(rng)]];
}

}  // namespace

Person random_person(std::mt19937& rng, const RegionTable& regions, std::set<std::string>& used_names) {
  Person person;
  for (int attempt = 0; attempt < 50; ++attempt) {
    person.name = random_name(rng);
    if (!used_names.contains(person.name)) break;
  }
  used_names.insert(person.name);
  person.gender = uniform(rng, 0, 1) == 1 ? "男" : "女";
  person.ethnicity = pick(kEthnicities, rng);
  const std::vector<Region>& all = regions.regions();
  person.region = all[std::uniform_int_distribution<std::size_t>(0, all.size() - 1)(rng)];
  person.address =
      person.region.address_prefix() + std::string(pick(kStreets, rng)) + std::to_string(uniform(rng, 1, 300)) + "号";
  return person;
}

std::vector<Credential> random_career(std::mt19937& rng, const SchoolTable& schools, Person& person) {
  static constexpr std::array<EducationLevel, 6> kHighest{EducationLevel::kJuniorCollege, EducationLevel::kBachelor,
                                                          EducationLevel::kBachelor,      EducationLevel::kBachelor,
                                                          EducationLevel::kMaster,        EducationLevel::kDoctor};
  const EducationLevel highest = pick(kHighest, rng);
  std::vector<EducationLevel> path;
  if (highest == EducationLevel::kJuniorCollege) {
    path = {EducationLevel::kJuniorCollege};
  } else {
    for (EducationLevel level : {EducationLevel::kBachelor, EducationLevel::kMaster, EducationLevel::kDoctor}) {
      if (level <= highest) path.push_back(level);
    }
  }
  int total_years = 0;
  for (EducationLevel level : path) total_years += level == EducationLevel::kBachelor ? 4 : 3;
  // Starts at 18 or 19; the last graduation is in 2025 or earlier.
  const int start_age = uniform(rng, 18, 19);
  const int birth_year = uniform(rng, 1970, 2025 - total_years - start_age);
  person.birth_date = {birth_year, uniform(rng, 1, 12), uniform(rng, 1, 28)};
  const int sequence = uniform(rng, 0, 499) * 2 + (person.gender == "男" ? 1 : 0);
  person.id_number = format_id_number({person.region.code, person.birth_date, sequence});

  std::vector<Credential> career;
  int year = birth_year + start_age;
  const Major& major = pick(kMajors, rng);
  for (EducationLevel level : path) {
    Credential c;
    c.level = level;
    c.school = pick_school(schools, level, rng);
    c.major = major.name;
    c.discipline = major.discipline;
    c.start_date = {year, 9, 1};
    year += level == EducationLevel::kBachelor ? 4 : 3;
    c.graduation_date = {year, uniform(rng, 6, 7), uniform(rng, 1, 30)};
    c.graduation_number = format_graduation_number({c.school.code, 1, year, level, uniform(rng, 1, 999999)});
    if (level != EducationLevel::kJuniorCollege) {
      c.degree_number = format_degree_number({c.school.code, level, year, uniform(rng, 1, 999999)});
      const std::string_view rank = level == EducationLevel::kBachelor ? "学士"
                                    : level == EducationLevel::kMaster ? "硕士"
                                                                       : "博士";
      c.degree = std::string(major.discipline) + std::string(rank) + "学位";
    }
    career.push_back(std::move(c));
  }
  return career;
}

}  // namespace mixtract::synth
