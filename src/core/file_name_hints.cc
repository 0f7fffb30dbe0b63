#include <algorithm>
#include <filesystem>

#include "core/utf8.h"
#include "mixtract/document.h"

namespace mixtract {
namespace {

// Words that name a document or a level in a file name; no person's name holds one.
constexpr std::string_view kDocumentWords[] = {"博士",   "硕士", "研究生", "本科",   "学士", "专科", "大专", "高职",
                                               "专升本", "毕业", "学位",   "身份证", "证书", "学历", "结业", "肄业"};

// The byte offset of the first document word in `text`, or npos.
std::size_t first_document_word(std::string_view text) {
  std::size_t first = std::string::npos;
  for (std::string_view word : kDocumentWords) first = std::min(first, text.find(word));
  return first;
}

}  // namespace

FileNameHints parse_file_name(std::string_view file_name) {
  const std::string stem = std::filesystem::path(std::string(file_name)).stem().string();
  FileNameHints hints;
  hints.level = find_level(stem);
  hints.kind = find_document_kind(stem);

  // The person is the leading run of Han characters when a separator or a non-Han character ends it,
  // as in 张三_本科毕业证书 or 张三-学位证, or the characters before the first document word glued to it, as
  // in 王小明博士学位证 or 王小明本科证书. A numbering prefix such as "0012_" or "12." comes off first.
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
  const std::string run = utf8::encode(std::vector<char32_t>(chars.begin() + static_cast<std::ptrdiff_t>(begin),
                                                             chars.begin() + static_cast<std::ptrdiff_t>(end)));
  if (const std::size_t words = first_document_word(run); words != std::string::npos) {
    const std::string before = run.substr(0, words);
    const std::size_t length = utf8::length(before);
    if (length >= 2 && length <= 4) hints.person = before;
  } else if (end - begin >= 2 && end < chars.size()) {
    hints.person = run;
  }
  return hints;
}

}  // namespace mixtract
