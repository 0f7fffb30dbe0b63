#include "ocr/ppocr/ornament.h"

#include <algorithm>
#include <map>

#include "core/utf8.h"

namespace mixtract::ppocr {

bool is_ornament(std::string_view text) {
  const std::vector<char32_t> chars = utf8::decode(text);
  if (chars.size() < 4) return false;
  std::size_t words = 0;
  std::map<char32_t, std::size_t> counts;
  for (char32_t c : chars) {
    words += utf8::is_word_character(c) ? 1u : 0u;
    if (c < U'0' || c > U'9') ++counts[c];  // Digits repeat in numbers.
  }
  if (words * 3 < chars.size()) return true;
  if (counts.empty()) return false;
  const std::size_t most = std::max_element(counts.begin(), counts.end(), [](const auto& a, const auto& b) {
                             return a.second < b.second;
                           })->second;
  return chars.size() >= 6 && most * 5 >= chars.size() * 3;
}

}  // namespace mixtract::ppocr
