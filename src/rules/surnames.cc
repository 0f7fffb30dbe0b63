#include "rules/surnames.h"

#include <set>
#include <string>

#include "core/builtin_texts.h"
#include "core/utf8.h"

namespace mixtract {
namespace {

// The surnames of data/surnames.csv: a header line, then one surname a line.
const std::set<std::string, std::less<>>& surnames() {
  static const std::set<std::string, std::less<>> kSurnames = [] {
    std::set<std::string, std::less<>> out;
    for (const BuiltinText& text : builtin_data_texts()) {
      if (text.name != "surnames") continue;
      std::string_view rest = text.text;
      bool header = true;
      while (!rest.empty()) {
        const std::size_t end = rest.find('\n');
        std::string_view line = rest.substr(0, end);
        rest = end == std::string_view::npos ? std::string_view() : rest.substr(end + 1);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (!header && !line.empty()) out.emplace(line);
        header = false;
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
