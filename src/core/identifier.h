// The one spelling rule for names of schemas, fields and experts.
#ifndef MIXTRACT_CORE_IDENTIFIER_H_
#define MIXTRACT_CORE_IDENTIFIER_H_

#include <string_view>

namespace mixtract {

// True for [a-z][a-z0-9_]*.
inline bool is_identifier(std::string_view s) {
  if (s.empty() || s[0] < 'a' || s[0] > 'z') return false;
  for (char c : s) {
    if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
  }
  return true;
}

}  // namespace mixtract

#endif  // MIXTRACT_CORE_IDENTIFIER_H_
