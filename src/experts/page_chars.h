// A page's PP-OCRv4 text as one run of characters, for finding a table's names in it wherever lines break.
#ifndef MIXTRACT_EXPERTS_PAGE_CHARS_H_
#define MIXTRACT_EXPERTS_PAGE_CHARS_H_

#include <cstddef>
#include <string>
#include <vector>

#include "mixtract/candidate.h"
#include "ocr/ocr.h"

namespace mixtract {

// The page's characters in reading order, punctuation and spaces left out (OCR adds and drops them,
// and names are matched without them), each with its line and confidence.
struct PageChars {
  std::u32string text;
  std::vector<std::size_t> line;
  std::vector<float> confidence;

  static PageChars of(const OcrResult& ocr);

  // The characters [begin, end) as UTF-8, and the lowest confidence among them. REQUIRES: begin < end <= size.
  std::string slice(std::size_t begin, std::size_t end) const;
  float lowest_confidence(std::size_t begin, std::size_t end) const;
  // The OCR lines the characters [begin, end) were read on, as evidence.
  std::vector<Evidence> evidence(const OcrResult& ocr, std::size_t begin, std::size_t end) const;
};

}  // namespace mixtract

#endif  // MIXTRACT_EXPERTS_PAGE_CHARS_H_
