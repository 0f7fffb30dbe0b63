#include "rules/school_table.h"

#include <fstream>
#include <sstream>

#include "io/csv_reader.h"

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
  by_code_.emplace(school.code, schools_.size());
  by_name_.emplace(school.name, schools_.size());
  schools_.push_back(std::move(school));
  return Status();
}

Result<SchoolTable> SchoolTable::load_csv(const std::filesystem::path& path) {
  const std::string source = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::not_found(source + ": cannot open the school table");
  std::ostringstream text;
  text << in.rdbuf();
  MIXTRACT_ASSIGN_OR_RETURN(CsvRows rows, parse_csv(text.str(), source));
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

}  // namespace mixtract
