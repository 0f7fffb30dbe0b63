#include "core/utf8.h"
#include "mixtract/eval.h"
#include "rules/date.h"

namespace mixtract {

std::string normalise_for_compare(std::string_view value) {
  if (const std::optional<Date> date = parse_date(value)) return to_iso(*date);
  std::string out;
  for (char32_t c : utf8::decode(value)) {
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // Full-width ASCII.
    if (c == U' ' || c == U'\t' || c == U'\r' || c == U'\n' || c == 0x3000 || c == 0xA0) continue;
    if (c >= U'a' && c <= U'z') c -= 32;
    utf8::append(c, out);
  }
  return out;
}

}  // namespace mixtract
