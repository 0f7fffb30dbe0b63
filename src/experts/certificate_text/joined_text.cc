#include "experts/certificate_text/joined_text.h"

#include <algorithm>

#include "core/utf8.h"
#include "ocr/line_geometry.h"

namespace mixtract {

TextValue JoinedText::value(std::size_t begin, std::size_t end) const {
  TextValue out;
  out.raw = text.substr(begin, end - begin);
  std::erase(out.raw, '\n');  // Values that break across lines are joined.
  out.value = out.raw;
  const auto first = std::lower_bound(byte_of.begin(), byte_of.end(), begin) - byte_of.begin();
  const auto last = std::lower_bound(byte_of.begin(), byte_of.end(), end) - byte_of.begin();
  out.confidence = 1;
  for (auto i = first; i < last; ++i) {
    const auto at = static_cast<std::size_t>(i);
    out.confidence = std::min(out.confidence, confidence[at]);
    if (i > first && line[at] != line[at - 1] && after_gap[static_cast<std::size_t>(line[at])] != 0) {
      out.confidence = std::min(out.confidence, static_cast<float>(kDoubtfulReading));
    }
  }
  out.line = first < static_cast<std::ptrdiff_t>(line.size()) ? line[static_cast<std::size_t>(first)] : -1;
  return out;
}

char32_t JoinedText::char_at(std::size_t at) const {
  if (at >= text.size()) return 0;
  const std::size_t length = std::max<std::size_t>(utf8::sequence_length(text, at), 1);
  return utf8::decode(std::string_view(text).substr(at, length)).front();
}

char32_t JoinedText::char_before(std::size_t at) const {
  if (at == 0 || at > text.size()) return 0;
  std::size_t start = at - 1;
  while (start > 0 && (static_cast<unsigned char>(text[start]) & 0xC0) == 0x80) --start;  // Continuation bytes.
  return char_at(start);
}

namespace {

bool latin_letter(char32_t c) {
  return (c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z');
}

// Whether a line is written in Latin letters (an English translation): it starts with a letter rather
// than a Han character (出生日期 Date of Birth：… is a Chinese label with its English), holds eight letters
// or more, and more letters than Han characters.
bool in_latin_letters(const std::string& text) {
  std::size_t letters = 0, han = 0;
  bool starts_latin = false;
  for (const char32_t c : utf8::decode(text)) {
    const bool letter = latin_letter(c);
    if (letters + han == 0) starts_latin = letter;
    if (letter) ++letters;
    if (utf8::is_han(c)) ++han;
  }
  return starts_latin && letters >= 8 && letters > han;
}

// Whether `text` opens a bracket it does not close: its next line goes on inside it (…自动化（Mechanical, then
// Design, Manufacturing and Automation）专业…), however many Latin letters that holds.
bool leaves_bracket_open(const std::string& text) {
  int depth = 0;
  for (const char32_t c : utf8::decode(text)) {
    if (c == U'（' || c == U'(') ++depth;
    if ((c == U'）' || c == U')') && depth > 0) --depth;
  }
  return depth > 0;
}

// Which characters of a line are English words beside Chinese (姓名 Name：, 出生日期 Date of Birth：): runs of
// two Latin letters or more, unless every letter could be a digit misread (二OO二年: O for 〇).
std::vector<bool> english_words(const std::vector<char32_t>& chars) {
  const auto digit_like = [](char32_t c) {
    return std::u32string_view(U"OoIlSZB").find(c) != std::u32string_view::npos;
  };
  std::vector<bool> out(chars.size(), false);
  for (std::size_t begin = 0; begin < chars.size();) {
    std::size_t end = begin;
    while (end < chars.size() && latin_letter(chars[end])) ++end;
    if (end - begin >= 2 && !std::all_of(chars.begin() + static_cast<std::ptrdiff_t>(begin),
                                         chars.begin() + static_cast<std::ptrdiff_t>(end), digit_like)) {
      std::fill(out.begin() + static_cast<std::ptrdiff_t>(begin), out.begin() + static_cast<std::ptrdiff_t>(end), true);
    }
    begin = end == begin ? begin + 1 : end;
  }
  return out;
}

}  // namespace

JoinedText join_lines(const OcrResult& ocr) {
  JoinedText joined;
  joined.after_gap.assign(ocr.lines.size(), 0);
  const OcrLine* before = nullptr;
  for (std::size_t l = 0; l < ocr.lines.size(); ++l) {
    const OcrLine& line = ocr.lines[l];
    const bool continues_bracket = before != nullptr && leaves_bracket_open(before->text);
    if (!continues_bracket && in_latin_letters(line.text)) continue;  // A translation: the cues read Chinese.
    if (before != nullptr) joined.text += '\n';
    const std::vector<char32_t> chars = utf8::decode(line.text);
    const std::vector<bool> english = english_words(chars);
    for (std::size_t i = 0; i < chars.size(); ++i) {
      if (english[i]) continue;  // The label's translation: the cues read Chinese.
      char32_t c = chars[i];
      if (c >= 0xFF01 && c <= 0xFF5E && c != U'，' && c != U'：' && c != U'（' && c != U'）') c -= 0xFEE0;
      if (c == U',') c = U'，';
      if (c == U':') c = U'：';
      if (c == U' ' || c == 0x3000 || c == U'\n') continue;
      if (c == U'○') c = U'〇';  // OCR's look-alike of the Chinese zero.
      joined.byte_of.push_back(joined.text.size());
      utf8::append(c, joined.text);
      joined.confidence.push_back(i < line.char_confidences.size() ? line.char_confidences[i] : line.confidence);
      joined.line.push_back(static_cast<int>(l));
    }
    joined.after_gap[l] = before != nullptr && same_row(*before, line) &&
                                  left_of(line.box) - right_of(before->box) >= height_of(before->box)
                              ? 1
                              : 0;
    before = &line;
  }
  return joined;
}

}  // namespace mixtract
