// The confidence of part of an OCR line: its least sure character.
#ifndef MIXTRACT_OCR_LINE_CONFIDENCE_H_
#define MIXTRACT_OCR_LINE_CONFIDENCE_H_

#include <algorithm>
#include <cstddef>

#include "ocr/ocr.h"

namespace mixtract {

// The lowest confidence of characters [first, first + count) of `line` (code points); 1 when none.
inline float lowest_confidence(const OcrLine& line, std::size_t first, std::size_t count) {
  float confidence = 1;
  for (std::size_t i = first; i < line.char_confidences.size() && i - first < count; ++i) {
    confidence = std::min(confidence, line.char_confidences[i]);
  }
  return confidence;
}

}  // namespace mixtract

#endif  // MIXTRACT_OCR_LINE_CONFIDENCE_H_
