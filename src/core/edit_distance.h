// Edit (Levenshtein) distance on Unicode characters, whole strings and best substring: how dictionary
// entries are matched against OCR text that may have characters wrong, missing or extra.
#ifndef MIXTRACT_CORE_EDIT_DISTANCE_H_
#define MIXTRACT_CORE_EDIT_DISTANCE_H_

#include <cstddef>
#include <string_view>

namespace mixtract {

// Insertions, deletions and substitutions needed to turn `a` into `b`.
std::size_t edit_distance(std::u32string_view a, std::u32string_view b);

// Where `pattern` occurs in `text` with the fewest edits: text[begin, end) is the closest substring.
struct SubstringMatch {
  std::size_t distance = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// Among equally close substrings the first wins, taken as long as it stays as close (浙江大学 in 浙江大字法学
// is 浙江大字, not 浙江大). An empty pattern matches at 0 with distance 0.
SubstringMatch closest_substring(std::u32string_view pattern, std::u32string_view text);

}  // namespace mixtract

#endif  // MIXTRACT_CORE_EDIT_DISTANCE_H_
