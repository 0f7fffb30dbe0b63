// Minimal UTF-8 helpers for the engine's text handling. Invalid bytes decode as U+FFFD.
#ifndef MIXTRACT_CORE_UTF8_H_
#define MIXTRACT_CORE_UTF8_H_

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace mixtract::utf8 {

std::vector<char32_t> decode(std::string_view text);
// The length in bytes of the well-formed UTF-8 sequence at text[i] (i < text.size()), or 0 when the
// bytes there are not one: truncated, overlong, a surrogate or past U+10FFFF.
std::size_t sequence_length(std::string_view text, std::size_t i);
std::string encode(const std::vector<char32_t>& code_points);
void append(char32_t code_point, std::string& out);

// Number of code points.
std::size_t length(std::string_view text);

// Columns a terminal gives the text: 2 for East Asian wide characters (CJK, full-width forms), else 1.
std::size_t display_width(std::string_view text);

// CJK Unified Ideographs (basic block and extensions A to H), compatibility ideographs, and 〇.
bool is_han(char32_t c);

// Han, ASCII digits and ASCII letters: what names are compared on, punctuation and spaces left out.
bool is_word_character(char32_t c);

}  // namespace mixtract::utf8

#endif  // MIXTRACT_CORE_UTF8_H_
