#include "core/text_encoding.h"

#include <array>
#include <cerrno>
#include <cstdio>

#include <iconv.h>

#include "core/utf8.h"

namespace mixtract {

bool is_valid_utf8(std::string_view bytes) {
  for (std::size_t i = 0; i < bytes.size();) {
    const std::size_t n = utf8::sequence_length(bytes, i);
    if (n == 0) return false;
    i += n;
  }
  return true;
}

std::optional<std::string> decode_gb18030(std::string_view bytes) {
  iconv_t converter = iconv_open("UTF-8", "GB18030");
  if (converter == reinterpret_cast<iconv_t>(-1)) return std::nullopt;
  std::string out;
  std::array<char, 4096> buffer{};
  char* in = const_cast<char*>(bytes.data());  // NOLINT: iconv's interface; it only reads the input.
  std::size_t in_left = bytes.size();
  bool clean = true;
  while (clean && in_left > 0) {
    char* to = buffer.data();
    std::size_t to_left = buffer.size();
    const std::size_t converted = iconv(converter, &in, &in_left, &to, &to_left);
    out.append(buffer.data(), buffer.size() - to_left);
    if (converted == static_cast<std::size_t>(-1) && errno != E2BIG) clean = false;  // EILSEQ, EINVAL.
  }
  iconv_close(converter);
  if (!clean) return std::nullopt;
  return out;
}

std::optional<DecodedText> decode_utf8_or_gb18030(std::string_view bytes) {
  if (bytes.starts_with("\xEF\xBB\xBF")) bytes.remove_prefix(3);
  if (is_valid_utf8(bytes)) return DecodedText{std::string(bytes), "UTF-8"};
  if (std::optional<std::string> text = decode_gb18030(bytes)) return DecodedText{*std::move(text), "GB18030"};
  return std::nullopt;
}

std::string readable_name(std::string_view bytes) {
  if (is_valid_utf8(bytes)) return std::string(bytes);
  if (std::optional<std::string> text = decode_gb18030(bytes)) return *std::move(text);
  std::string out;
  for (std::size_t i = 0; i < bytes.size();) {
    if (const std::size_t n = utf8::sequence_length(bytes, i); n > 0) {
      out.append(bytes.substr(i, n));
      i += n;
    } else {
      std::array<char, 5> escaped{};
      std::snprintf(escaped.data(), escaped.size(), "\\x%02X", static_cast<unsigned char>(bytes[i++]));
      out += escaped.data();
    }
  }
  return out;
}

}  // namespace mixtract
