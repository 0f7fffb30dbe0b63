#include <filesystem>

#include "core/utf8.h"
#include "mixtract/document.h"

namespace mixtract {

FileNameHints parse_file_name(std::string_view file_name) {
  const std::string stem = std::filesystem::path(std::string(file_name)).stem().string();
  FileNameHints hints;
  hints.level = find_level(stem);
  hints.kind = find_document_kind(stem);

  // The person is the leading run of Han characters when a separator or a non-Han character ends it,
  // as in 张三_本科毕业证书 or 张三-学位证; a name glued to the document words (张三本科) is not split.
  // A numbering prefix such as "0012_" or "12." comes off first.
  const std::vector<char32_t> chars = utf8::decode(stem);
  std::size_t begin = 0;
  while (begin < chars.size() && chars[begin] >= U'0' && chars[begin] <= U'9') ++begin;
  if (begin > 0) {
    while (begin < chars.size() &&
           (chars[begin] == U'_' || chars[begin] == U'-' || chars[begin] == U'.' || chars[begin] == U' ')) {
      ++begin;
    }
  }
  std::size_t end = begin;
  while (end < chars.size() && utf8::is_han(chars[end])) ++end;
  if (end - begin >= 2 && end < chars.size()) {
    std::vector<char32_t> person(chars.begin() + static_cast<std::ptrdiff_t>(begin),
                                 chars.begin() + static_cast<std::ptrdiff_t>(end));
    const std::string candidate = utf8::encode(person);
    if (!find_level(candidate) && !find_document_kind(candidate)) hints.person = candidate;
  }
  return hints;
}

}  // namespace mixtract
