#include "experts/ocr_label/label_match.h"

#include <string>

namespace mixtract {
namespace {

bool is_ascii_letter(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

bool same_letter(char32_t a, char32_t b) {
  const auto lower = [](char32_t c) { return c >= U'A' && c <= U'Z' ? c + 32 : c; };
  return lower(a) == lower(b);
}

// Whether `length` characters of `chars` from `at` stand apart as a word where they start or end with a
// letter.
bool stands_apart(const std::vector<char32_t>& chars, std::size_t at, std::size_t length) {
  if (at > 0 && is_ascii_letter(chars[at]) && is_ascii_letter(chars[at - 1])) return false;
  const std::size_t end = at + length;
  return !(end < chars.size() && is_ascii_letter(chars[end - 1]) && is_ascii_letter(chars[end]));
}

}  // namespace

std::size_t find_label(const std::vector<char32_t>& chars, const std::vector<char32_t>& label, std::size_t wrong) {
  if (label.empty() || chars.size() < label.size()) return std::string::npos;
  for (std::size_t at = 0; at + label.size() <= chars.size(); ++at) {
    std::size_t misread = 0;
    for (std::size_t i = 0; i < label.size() && misread <= wrong; ++i)
      misread += same_letter(chars[at + i], label[i]) ? 0u : 1u;
    if (misread <= wrong && stands_apart(chars, at, label.size())) return at;
  }
  return std::string::npos;
}

bool is_separator(char32_t c) {
  return c == U'：' || c == U':' || c == U' ' || c == 0x3000 || c == U'\t';
}

}  // namespace mixtract
