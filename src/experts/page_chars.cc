#include "experts/page_chars.h"

#include <algorithm>

#include "core/utf8.h"

namespace mixtract {

PageChars PageChars::of(const OcrResult& ocr) {
  PageChars page;
  for (std::size_t l = 0; l < ocr.lines.size(); ++l) {
    const OcrLine& line = ocr.lines[l];
    const std::vector<char32_t> chars = utf8::decode(line.text);
    for (std::size_t i = 0; i < chars.size(); ++i) {
      if (!utf8::is_word_character(chars[i])) continue;
      page.text.push_back(chars[i]);
      page.line.push_back(l);
      page.confidence.push_back(i < line.char_confidences.size() ? line.char_confidences[i] : line.confidence);
    }
  }
  return page;
}

std::string PageChars::slice(std::size_t begin, std::size_t end) const {
  return utf8::encode(std::vector<char32_t>(text.begin() + static_cast<std::ptrdiff_t>(begin),
                                            text.begin() + static_cast<std::ptrdiff_t>(end)));
}

float PageChars::lowest_confidence(std::size_t begin, std::size_t end) const {
  return *std::min_element(confidence.begin() + static_cast<std::ptrdiff_t>(begin),
                           confidence.begin() + static_cast<std::ptrdiff_t>(end));
}

std::vector<Evidence> PageChars::evidence(const OcrResult& ocr, std::size_t begin, std::size_t end) const {
  std::vector<Evidence> out;
  for (std::size_t l = line[begin]; l <= line[end - 1]; ++l) {
    out.push_back({"ocr_line:" + std::to_string(l), ocr.lines[l].text, ocr.lines[l].box});
  }
  return out;
}

}  // namespace mixtract
