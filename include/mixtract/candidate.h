// Candidate: one expert's proposed value for one field, with where it came from and what it cost.
#ifndef MIXTRACT_CANDIDATE_H_
#define MIXTRACT_CANDIDATE_H_

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace mixtract {

// A point in image pixel coordinates.
struct Point {
  float x = 0;
  float y = 0;
};

// A quadrilateral in image pixels: top-left, top-right, bottom-right, bottom-left.
using Quad = std::array<Point, 4>;

// Why an expert believes its value: what it read, and where.
struct Evidence {
  std::string source;       // What was looked at: "file_name", "ocr_line:3", "llm:qwen2", ...
  std::string text;         // The text that supports the value, as read.
  std::optional<Quad> box;  // Where on the page, when known.
};

// What producing a candidate cost.
struct Cost {
  double ms = 0;
  std::int64_t tokens = 0;

  Cost& operator+=(const Cost& other) {
    ms += other.ms;
    tokens += other.tokens;
    return *this;
  }
};

struct Candidate {
  std::string field;      // FieldSpec::name.
  std::string value;      // Normalised value (dates as YYYY-MM-DD, ...).
  std::string raw;        // The text before normalisation.
  double confidence = 0;  // The expert's own estimate that value is right, in [0, 1].
  std::string expert;     // Registry name of the expert that proposed it.
  std::string witness;    // Its expert's witness() ("" = the expert itself): one witness is one piece of evidence.
  std::vector<Evidence> evidence;
  Cost cost;                   // Share of the expert's cost attributed to this candidate.
  std::string invalid_reason;  // Set by the gate when the value fails the field's checks; "" = valid.
};

// The most a reading may count whose own look says it may be wrong (a date padded unevenly, a value read
// across a gap in its row, a name without a common surname): too little for the gate to accept it, or to
// let it dissent from another reading.
inline constexpr double kDoubtfulReading = 0.4;

}  // namespace mixtract

#endif  // MIXTRACT_CANDIDATE_H_
