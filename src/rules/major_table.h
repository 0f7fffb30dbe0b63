// The table of majors (专业): names as the Ministry of Education's catalogues spell them, for correcting
// OCR errors in the majors read from certificates and for doubting the majors it lacks. Built in: about
// 600 names of the undergraduate, graduate and vocational catalogues (data/majors.csv); users may supply
// their own list.
#ifndef MIXTRACT_RULES_MAJOR_TABLE_H_
#define MIXTRACT_RULES_MAJOR_TABLE_H_

#include <filesystem>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include "mixtract/status.h"

namespace mixtract {

class MajorTable {
 public:
  // The built-in table (data/majors.csv).
  static MajorTable builtin();

  // Reads a CSV whose header has a name column (name, 专业名称 or 专业). Errors name the file and line.
  static Result<MajorTable> load_csv(const std::filesystem::path& path);
  // The same from the CSV's text; `source` names it in errors.
  static Result<MajorTable> parse_csv_text(std::string_view text, std::string_view source);
  // `base` with the names of `added`.
  static MajorTable with_additions(const MajorTable& base, const MajorTable& added);

  bool contains(std::string_view name) const { return names_.contains(name); }

  // The table's spelling of a major read with OCR errors: the one name within one edit per four
  // characters (a character wrong, missing or extra), with the edits; nullopt when the value is in the
  // table as it is, or no name is that close, or two are equally close.
  struct Correction {
    std::string name;
    std::size_t distance = 0;
  };
  std::optional<Correction> correct(std::string_view value) const;

  std::size_t size() const { return names_.size(); }
  const std::set<std::string, std::less<>>& names() const { return names_; }
  // The names as code points, in the order they were added: for finding them in a text.
  const std::vector<std::u32string>& decoded_names() const { return decoded_; }

 private:
  std::set<std::string, std::less<>> names_;
  std::vector<std::u32string> decoded_;  // The names, decoded, for edit distances.
  void add(std::string name);
};

}  // namespace mixtract

#endif  // MIXTRACT_RULES_MAJOR_TABLE_H_
