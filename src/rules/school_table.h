// The table of schools: 5-digit 学校代码 (the first five digits of certificate numbers) and names.
// Users supply the full table (the Ministry of Education's list, 2,631 schools in 2017); a starter
// table of ten well-known universities is built in.
#ifndef MIXTRACT_RULES_SCHOOL_TABLE_H_
#define MIXTRACT_RULES_SCHOOL_TABLE_H_

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "mixtract/status.h"

namespace mixtract {

struct School {
  std::string code;  // 5 digits.
  std::string name;
  std::string level;  // 本科 / 专科, or "" when the table does not say.
};

class SchoolTable {
 public:
  // Ten universities whose codes are certain (北京大学 10001, 清华大学 10003, 四川大学 10610, ...).
  static SchoolTable starter();

  // Reads a CSV whose header names the columns; it needs a name column (name / 学校名称) and a code
  // column (code_5 / 学校代码), and reads level (level / 办学层次) when present. This is the format of
  // universities_moe2017.csv. Errors name the file, the line and the column.
  static Result<SchoolTable> load_csv(const std::filesystem::path& path);

  // nullptr when unknown.
  const School* find_by_code(std::string_view code) const;
  const School* find_by_name(std::string_view name) const;

  const std::vector<School>& schools() const { return schools_; }
  std::size_t size() const { return schools_.size(); }

 private:
  // Fails on a duplicate code with a different name.
  Status add(School school, const std::string& where);

  std::vector<School> schools_;
  std::map<std::string, std::size_t, std::less<>> by_code_;
  std::map<std::string, std::size_t, std::less<>> by_name_;
};

}  // namespace mixtract

#endif  // MIXTRACT_RULES_SCHOOL_TABLE_H_
