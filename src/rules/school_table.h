// The table of schools: 5-digit 学校代码 (the first five digits of certificate numbers) and names.
// The Ministry of Education's list of 2,631 schools (June 2017) is built in (data/schools_moe2017.csv,
// data/README.md says where it comes from); users add newer schools or renamed ones from a CSV.
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
  // The built-in table: the Ministry's list of 2,631 regular higher-education institutions (2017),
  // complete().
  static SchoolTable builtin();

  // Ten universities whose codes are certain (北京大学 10001, 清华大学 10003, 四川大学 10610, ...); not
  // complete(). For tests and examples that need a small table.
  static SchoolTable starter();

  // `additions` with every school of `base` whose code and name it lacks: a school of `additions`
  // replaces a school of `base` with the same code (renamed) or name. Complete when either is.
  static SchoolTable with_additions(const SchoolTable& base, const SchoolTable& additions);

  // Reads a CSV whose header names the columns; it needs a name column (name / 学校名称) and a code
  // column (code_5 / 学校代码), and reads level (level / 办学层次) when present. This is the format of
  // universities_moe2017.csv. Errors name the file, the line and the column.
  static Result<SchoolTable> load_csv(const std::filesystem::path& path);
  // The same from the CSV's text; `source` names it in errors.
  static Result<SchoolTable> parse_csv_text(std::string_view text, const std::string& source);

  // nullptr when unknown.
  const School* find_by_code(std::string_view code) const;
  const School* find_by_name(std::string_view name) const;

  // Schools whose names occur in `text` allowing OCR errors. Names are compared on their Han characters,
  // digits and letters only, so `text` should hold nothing else: at most one edit (a character wrong,
  // missing or extra) per four characters of the name. Best first: fewest edits per character, then
  // the longer name. A name found within the characters of a better match is left out (长春工业大学 where
  // 长春工业大学人文信息学院 is read exactly). `begin` and `end` index the characters of `text` matched.
  struct Match {
    const School* school = nullptr;
    std::size_t distance = 0;
    std::size_t begin = 0;
    std::size_t end = 0;
  };
  std::vector<Match> find_in_text(std::u32string_view text, std::size_t max_results) const;

  // The longest school name that `text` starts with exactly, or nullptr.
  const School* longest_prefix_of(std::string_view text) const;

  // True for the built-in table and a table loaded from a file, each taken as the complete list: a
  // certificate number whose school code it lacks is rejected. The starter table is not complete.
  bool complete() const { return complete_; }

  const std::vector<School>& schools() const { return schools_; }
  std::size_t size() const { return schools_.size(); }

 private:
  // Fails on a duplicate code with a different name.
  Status add(School school, const std::string& where);

  bool complete_ = false;
  std::vector<School> schools_;
  std::vector<std::u32string> names_;  // schools_[i].name's word characters (utf8::is_word_character).
  std::map<std::string, std::size_t, std::less<>> by_code_;
  std::map<std::string, std::size_t, std::less<>> by_name_;
};

}  // namespace mixtract

#endif  // MIXTRACT_RULES_SCHOOL_TABLE_H_
