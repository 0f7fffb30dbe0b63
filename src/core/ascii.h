// ASCII text helpers: what file extensions, column names and protocol words need.
#ifndef MIXTRACT_CORE_ASCII_H_
#define MIXTRACT_CORE_ASCII_H_

#include <algorithm>
#include <cctype>
#include <filesystem>
#include <string>
#include <string_view>

namespace mixtract {

// The text with ASCII letters in lower case; other bytes (UTF-8 included) as they are.
inline std::string lower_ascii(std::string_view text) {
  std::string out(text);
  std::transform(out.begin(), out.end(), out.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return out;
}

// The text without spaces, tabs and line ends at either end.
inline std::string_view trim(std::string_view text) {
  const std::size_t begin = text.find_first_not_of(" \t\r\n");
  if (begin == std::string_view::npos) return {};
  return text.substr(begin, text.find_last_not_of(" \t\r\n") - begin + 1);
}

// The file's extension in lower case: "scan.JPG" -> ".jpg".
inline std::string lower_extension(const std::filesystem::path& path) {
  return lower_ascii(path.extension().string());
}

}  // namespace mixtract

#endif  // MIXTRACT_CORE_ASCII_H_
