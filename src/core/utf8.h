// Minimal UTF-8 helpers for the engine's text handling. Invalid bytes decode as U+FFFD.
#ifndef MIXTRACT_CORE_UTF8_H_
#define MIXTRACT_CORE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mixtract::utf8 {

std::vector<char32_t> Decode(std::string_view text);
std::string Encode(const std::vector<char32_t>& code_points);
void Append(char32_t code_point, std::string& out);

// Number of code points.
std::size_t Length(std::string_view text);

// CJK Unified Ideographs (basic block and extension A), plus 〇.
bool IsHan(char32_t c);

}  // namespace mixtract::utf8

#endif  // MIXTRACT_CORE_UTF8_H_
