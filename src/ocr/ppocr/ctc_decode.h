// CTC greedy decoding of the recogniser's output.
#ifndef MIXTRACT_OCR_PPOCR_CTC_DECODE_H_
#define MIXTRACT_OCR_PPOCR_CTC_DECODE_H_

#include <filesystem>
#include <string>
#include <vector>

#include "mixtract/status.h"

namespace mixtract::ppocr {

// The recogniser's alphabet: class 0 is the CTC blank, class i > 0 is characters[i - 1].
struct Alphabet {
  std::vector<std::string> characters;

  // Reads ppocr_keys_v1.txt (one character per line) and appends the space, as PaddleOCR does.
  static Result<Alphabet> load(const std::filesystem::path& path);
  std::size_t classes() const { return characters.size() + 1; }
};

struct DecodedLine {
  std::string text;
  std::vector<float> char_confidences;
  float confidence = 0;  // Mean of char_confidences; 0 for an empty line.
};

// A character the recogniser holds for this many steps or more may be two of the same merged (11 read
// as 1 where blur hid the gap between them). A character takes one step, rarely two: over 2,158
// characters of 16 photographed certificates none took three, and the one that took four was 11.
inline constexpr int kStepsOfTwoCharacters = 3;

// `probabilities` holds `steps` rows of `classes` values (softmax output). At each step the most
// likely class is taken; repeats of the previous step's class collapse, blanks are dropped. Each kept
// character's confidence is its probability at that step, halved when it is held for
// kStepsOfTwoCharacters steps or more (it may be two). Classes beyond the alphabet are dropped.
DecodedLine ctc_greedy_decode(const float* probabilities, int steps, int classes, const Alphabet& alphabet);

}  // namespace mixtract::ppocr

#endif  // MIXTRACT_OCR_PPOCR_CTC_DECODE_H_
