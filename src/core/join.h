// join(items, ", "): the one way the engine lists names in messages.
#ifndef MIXTRACT_CORE_JOIN_H_
#define MIXTRACT_CORE_JOIN_H_

#include <string>
#include <string_view>

namespace mixtract {

// Concatenates the items of any range of string-like values, with `separator` between them.
template <typename Range>
std::string join(const Range& items, std::string_view separator = ", ") {
  std::string out;
  bool first = true;
  for (const auto& item : items) {
    if (!first) out += separator;
    out += std::string_view(item);
    first = false;
  }
  return out;
}

}  // namespace mixtract

#endif  // MIXTRACT_CORE_JOIN_H_
