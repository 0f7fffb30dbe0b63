#include "rules/amount.h"

#include <re2/re2.h>

#include "core/utf8.h"

namespace mixtract {

std::optional<std::string> parse_amount(std::string_view text) {
  std::string folded;  // Full-width digits and punctuation made ASCII.
  for (char32_t c : utf8::decode(text)) {
    if (c >= 0xFF01 && c <= 0xFF5E && c != U'￥') c -= 0xFEE0;
    utf8::append(c, folded);
  }
  static const re2::RE2 kAmount(
      "\\s*(?:[¥￥$€£]|(?i:RMB|CNY|USD|EUR|HKD))?\\s*"
      "(\\d{1,3}(?:,\\d{3})+|\\d+)(?:([.,])(\\d{1,2}))?\\s*(?:元|圆)?\\s*");
  std::string whole, mark, decimals;
  if (!re2::RE2::FullMatch(folded, kAmount, &whole, &mark, &decimals)) return std::nullopt;
  if (mark == "," && decimals.size() != 2) return std::nullopt;  // 12,5 is no amount.
  std::erase(whole, ',');
  return decimals.empty() ? whole : whole + "." + decimals;
}

}  // namespace mixtract
