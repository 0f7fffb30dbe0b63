#include "rules/surnames.h"

#include <set>
#include <string>

#include "core/builtin_texts.h"
#include "core/utf8.h"
#include "io/csv_reader.h"

namespace mixtract {
namespace {

// The surnames of data/surnames.csv: a header row, then one surname a row.
const std::set<std::string, std::less<>>& surnames() {
  static const std::set<std::string, std::less<>> kSurnames = [] {
    std::set<std::string, std::less<>> out;
    for (const BuiltinText& text : builtin_data_texts()) {
      if (text.name != "surnames") continue;
      const Result<CsvRows> rows = parse_csv(text.text, "<builtin:surnames.csv>");
      if (!rows.ok()) continue;  // Not reached: the built-in list is read by the tests.
      for (std::size_t row = 1; row < rows->size(); ++row) {
        if (!(*rows)[row].empty() && !(*rows)[row][0].empty()) out.insert((*rows)[row][0]);
      }
    }
    return out;
  }();
  return kSurnames;
}

}  // namespace

std::size_t surname_length(std::string_view name) {
  const std::vector<char32_t> chars = utf8::decode(name);
  for (std::size_t length = std::min<std::size_t>(chars.size(), 4); length >= 1; --length) {
    if (surnames().contains(
            utf8::encode(std::vector<char32_t>(chars.begin(), chars.begin() + static_cast<std::ptrdiff_t>(length))))) {
      return length;
    }
  }
  return 0;
}

}  // namespace mixtract
