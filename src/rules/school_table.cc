#include "rules/school_table.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <unordered_set>

#include "core/builtin_texts.h"
#include "core/edit_distance.h"
#include "core/utf8.h"
#include "io/csv_reader.h"
#include "io/table_file.h"

namespace mixtract {
namespace {

// Index of the first header cell equal to one of `names`, or -1.
int column_of(const std::vector<std::string>& header, std::initializer_list<std::string_view> names) {
  for (std::size_t i = 0; i < header.size(); ++i) {
    for (std::string_view name : names) {
      if (header[i] == name) return static_cast<int>(i);
    }
  }
  return -1;
}

bool is_school_code(std::string_view code) {
  if (code.size() != 5) return false;
  for (char c : code) {
    if (c < '0' || c > '9') return false;
  }
  return true;
}

}  // namespace

SchoolTable SchoolTable::starter() {
  static const School kStarter[] = {
      {"10001", "北京大学", "本科"}, {"10003", "清华大学", "本科"},     {"10213", "哈尔滨工业大学", "本科"},
      {"10246", "复旦大学", "本科"}, {"10248", "上海交通大学", "本科"}, {"10284", "南京大学", "本科"},
      {"10335", "浙江大学", "本科"}, {"10486", "武汉大学", "本科"},     {"10558", "中山大学", "本科"},
      {"10610", "四川大学", "本科"},
  };
  SchoolTable table;
  for (const School& school : kStarter) (void)table.add(school, "starter table");
  return table;
}

Status SchoolTable::add(School school, const std::string& where) {
  if (const School* known = find_by_code(school.code); known != nullptr) {
    if (known->name == school.name) return Status();
    return Status::invalid_argument(where + ": school code " + school.code + " is given to both " + known->name +
                                    " and " + school.name);
  }
  std::u32string key;
  for (char32_t c : utf8::decode(school.name)) {
    if (utf8::is_word_character(c)) key.push_back(c);
  }
  names_.push_back(std::move(key));
  by_code_.emplace(school.code, schools_.size());
  by_name_.emplace(school.name, schools_.size());
  schools_.push_back(std::move(school));
  return Status();
}

SchoolTable SchoolTable::builtin() {
  for (const BuiltinText& text : builtin_data_texts()) {
    if (text.name != "schools_moe2017") continue;
    Result<SchoolTable> table = parse_csv_text(text.text, "<builtin:schools_moe2017.csv>");
    if (table.ok()) return *std::move(table);
  }
  return starter();  // Not reached: the built-in list is checked by the tests.
}

SchoolTable SchoolTable::with_additions(const SchoolTable& base, const SchoolTable& additions) {
  SchoolTable table = additions;
  table.complete_ = base.complete_ || additions.complete_;
  for (const School& school : base.schools_) {
    if (table.find_by_code(school.code) == nullptr && table.find_by_name(school.name) == nullptr) {
      (void)table.add(school, "");
    }
  }
  return table;
}

Result<SchoolTable> SchoolTable::load_csv(const std::filesystem::path& path) {
  const std::string source = path.string();
  MIXTRACT_ASSIGN_OR_RETURN(const std::string text, read_csv_text(path));
  return parse_csv_text(text, source);
}

Result<SchoolTable> SchoolTable::parse_csv_text(std::string_view text, const std::string& source) {
  MIXTRACT_ASSIGN_OR_RETURN(CsvRows rows, parse_csv(text, source));
  if (rows.empty()) return Status::invalid_argument(source + ": the school table is empty");
  const std::vector<std::string>& header = rows[0];
  const int name_column = column_of(header, {"name", "学校名称"});
  const int code_column = column_of(header, {"code_5", "学校代码"});
  const int level_column = column_of(header, {"level", "办学层次"});
  if (name_column < 0 || code_column < 0) {
    return Status::invalid_argument(source +
                                    ":1: the header needs a name column (name or 学校名称) and a code column "
                                    "(code_5 or 学校代码)");
  }
  SchoolTable table;
  table.complete_ = true;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const std::vector<std::string>& row = rows[r];
    const std::string where = source + ":" + std::to_string(r + 1);
    const auto cell = [&](int column) {
      return column >= 0 && static_cast<std::size_t>(column) < row.size() ? row[static_cast<std::size_t>(column)]
                                                                          : std::string();
    };
    School school{cell(code_column), cell(name_column), cell(level_column)};
    if (!is_school_code(school.code)) {
      return Status::invalid_argument(where + ": column " + header[static_cast<std::size_t>(code_column)] + ": '" +
                                      school.code + "' is not a 5-digit school code");
    }
    if (school.name.empty()) {
      return Status::invalid_argument(where + ": column " + header[static_cast<std::size_t>(name_column)] +
                                      " is empty");
    }
    MIXTRACT_RETURN_IF_ERROR(table.add(std::move(school), where));
  }
  return table;
}

const School* SchoolTable::find_by_code(std::string_view code) const {
  const auto it = by_code_.find(code);
  return it == by_code_.end() ? nullptr : &schools_[it->second];
}

const School* SchoolTable::find_by_name(std::string_view name) const {
  const auto it = by_name_.find(name);
  return it == by_name_.end() ? nullptr : &schools_[it->second];
}

std::vector<SchoolTable::Match> SchoolTable::find_in_text(std::u32string_view text, std::size_t max_results) const {
  const std::unordered_set<char32_t> present(text.begin(), text.end());
  std::vector<Match> matches;
  for (std::size_t i = 0; i < schools_.size(); ++i) {
    const std::u32string& name = names_[i];
    const std::size_t allowed = name.size() / 4;
    // A name needs all but `allowed` of its characters on the page; most names fail this cheap test.
    std::size_t absent = 0;
    for (char32_t c : name) absent += present.contains(c) ? 0u : 1u;
    if (absent > allowed) continue;
    const SubstringMatch match = closest_substring(name, text);
    if (match.distance <= allowed) matches.push_back({&schools_[i], match.distance, match.begin, match.end});
  }
  const auto length = [this](const Match& m) {
    return names_[static_cast<std::size_t>(m.school - schools_.data())].size();
  };
  std::sort(matches.begin(), matches.end(), [&](const Match& a, const Match& b) {
    // a.distance / len(a) < b.distance / len(b), without division.
    const std::size_t left = a.distance * length(b), right = b.distance * length(a);
    if (left != right) return left < right;
    return length(a) > length(b);
  });
  // A name found inside the place where a better one was found is part of it (大学 of 大学科技学院).
  std::vector<Match> kept;
  for (const Match& match : matches) {
    const bool inside = std::any_of(kept.begin(), kept.end(), [&](const Match& better) {
      return better.begin <= match.begin && match.end <= better.end;
    });
    if (!inside) kept.push_back(match);
    if (kept.size() == max_results) break;
  }
  return kept;
}

const School* SchoolTable::longest_prefix_of(std::string_view text) const {
  const School* best = nullptr;
  for (const School& school : schools_) {
    if (text.starts_with(school.name) && (best == nullptr || school.name.size() > best->name.size())) best = &school;
  }
  return best;
}

}  // namespace mixtract
