#include "ocr/ppocr/ctc_decode.h"

#include <fstream>
#include <numeric>

namespace mixtract::ppocr {

Result<Alphabet> Alphabet::load(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return Status::unavailable(path.string() + ": character list missing; run scripts/setup.sh");
  Alphabet alphabet;
  for (std::string line; std::getline(in, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    alphabet.characters.push_back(line);
  }
  if (alphabet.characters.empty()) return Status::unavailable(path.string() + ": character list is empty");
  alphabet.characters.emplace_back(" ");
  return alphabet;
}

DecodedLine ctc_greedy_decode(const float* probabilities, int steps, int classes, const Alphabet& alphabet) {
  DecodedLine line;
  int previous = -1;
  int held = 0;  // Steps the character just kept has lasted; 0 after a blank or a dropped class.
  for (int t = 0; t < steps; ++t) {
    const float* row = probabilities + static_cast<std::ptrdiff_t>(t) * classes;
    int best = 0;
    for (int c = 1; c < classes; ++c) {
      if (row[c] > row[best]) best = c;
    }
    if (best != previous) {
      held = 0;
      if (best != 0 && static_cast<std::size_t>(best) <= alphabet.characters.size()) {
        line.text += alphabet.characters[static_cast<std::size_t>(best - 1)];
        line.char_confidences.push_back(row[best]);
        held = 1;
      }
    } else if (held > 0 && ++held == kStepsOfTwoCharacters) {
      line.char_confidences.back() *= 0.5f;
    }
    previous = best;
  }
  if (!line.char_confidences.empty()) {
    line.confidence = std::accumulate(line.char_confidences.begin(), line.char_confidences.end(), 0.0f) /
                      static_cast<float>(line.char_confidences.size());
  }
  return line;
}

}  // namespace mixtract::ppocr
