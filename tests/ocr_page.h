// A page as an OCR engine returns it, for tests of what experts read from OCR lines: one line a row,
// stacked top to bottom, every character with the same confidence.
#ifndef MIXTRACT_TESTS_OCR_PAGE_H_
#define MIXTRACT_TESTS_OCR_PAGE_H_

#include <string>
#include <vector>

#include "core/utf8.h"
#include "ocr/ocr.h"

namespace mixtract::testing {

inline OcrResult ocr_page(const std::vector<std::string>& lines, float confidence = 0.99f) {
  OcrResult result;
  float y = 10;
  for (const std::string& text : lines) {
    OcrLine line;
    line.text = text;
    line.confidence = confidence;
    line.char_confidences.assign(utf8::length(text), confidence);
    line.box = {Point{10, y}, Point{400, y}, Point{400, y + 20}, Point{10, y + 20}};
    y += 30;
    result.lines.push_back(line);
  }
  return result;
}

}  // namespace mixtract::testing

#endif  // MIXTRACT_TESTS_OCR_PAGE_H_
