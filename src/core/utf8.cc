#include "core/utf8.h"

namespace mixtract::utf8 {
namespace {

constexpr char32_t kReplacement = 0xFFFD;

unsigned char byte_at(std::string_view text, std::size_t i) {
  return static_cast<unsigned char>(text[i]);
}

// Decodes one code point starting at text[i]; advances i past it. Bytes that are not a well-formed
// sequence give one U+FFFD for the byte and the continuation bytes after it (at most a sequence's length).
char32_t decode_one(std::string_view text, std::size_t& i) {
  const std::size_t length = sequence_length(text, i);
  if (length == 0) {
    const std::size_t start = i++;
    while (i < text.size() && i - start < 4 && (byte_at(text, i) & 0xC0) == 0x80) ++i;
    return kReplacement;
  }
  const unsigned char lead = byte_at(text, i);
  char32_t c = length == 1 ? lead : lead & (0xFFu >> (length + 1));
  for (std::size_t k = 1; k < length; ++k) c = (c << 6) | (byte_at(text, i + k) & 0x3Fu);
  i += length;
  return c;
}

}  // namespace

std::size_t sequence_length(std::string_view text, std::size_t i) {
  const unsigned char lead = byte_at(text, i);
  if (lead < 0x80) return 1;
  std::size_t length = 0;
  char32_t c = 0;
  char32_t min = 0;
  if ((lead & 0xE0) == 0xC0) {
    length = 2, c = lead & 0x1Fu, min = 0x80;
  } else if ((lead & 0xF0) == 0xE0) {
    length = 3, c = lead & 0x0Fu, min = 0x800;
  } else if ((lead & 0xF8) == 0xF0) {
    length = 4, c = lead & 0x07u, min = 0x10000;
  } else {
    return 0;
  }
  if (i + length > text.size()) return 0;
  for (std::size_t k = 1; k < length; ++k) {
    if ((byte_at(text, i + k) & 0xC0) != 0x80) return 0;
    c = (c << 6) | (byte_at(text, i + k) & 0x3Fu);
  }
  if (c < min || c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF)) return 0;  // Overlong, too large, surrogate.
  return length;
}

std::vector<char32_t> decode(std::string_view text) {
  std::vector<char32_t> out;
  out.reserve(text.size());
  for (std::size_t i = 0; i < text.size();) out.push_back(decode_one(text, i));
  return out;
}

void append(char32_t c, std::string& out) {
  if (c < 0x80) {
    out += static_cast<char>(c);
  } else if (c < 0x800) {
    out += static_cast<char>(0xC0 | (c >> 6));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else if (c < 0x10000) {
    out += static_cast<char>(0xE0 | (c >> 12));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (c >> 18));
    out += static_cast<char>(0x80 | ((c >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((c >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (c & 0x3F));
  }
}

std::string encode(const std::vector<char32_t>& code_points) {
  std::string out;
  out.reserve(code_points.size() * 3);
  for (char32_t c : code_points) append(c, out);
  return out;
}

std::size_t length(std::string_view text) {
  std::size_t n = 0;
  for (std::size_t i = 0; i < text.size();) {
    decode_one(text, i);
    ++n;
  }
  return n;
}

std::size_t display_width(std::string_view text) {
  std::size_t width = 0;
  for (char32_t c : decode(text)) {
    const bool wide = (c >= 0x1100 && c <= 0x115F) || (c >= 0x2E80 && c <= 0xA4CF) || (c >= 0xAC00 && c <= 0xD7A3) ||
                      (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFE30 && c <= 0xFE4F) || (c >= 0xFF00 && c <= 0xFF60) ||
                      (c >= 0xFFE0 && c <= 0xFFE6) || (c >= 0x20000 && c <= 0x3FFFD);
    width += wide ? 2 : 1;
  }
  return width;
}

bool is_han(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || c == 0x3007 ||
         (c >= 0x20000 && c <= 0x2EBEF) ||  // Extensions B to F: rare characters of real names (𠈌, 𬌗).
         (c >= 0x30000 && c <= 0x323AF) ||  // Extensions G and H.
         (c >= 0xF900 && c <= 0xFAFF);      // Compatibility ideographs.
}

bool is_word_character(char32_t c) {
  return is_han(c) || (c >= U'0' && c <= U'9') || (c >= U'A' && c <= U'Z') || (c >= U'a' && c <= U'z');
}

}  // namespace mixtract::utf8
