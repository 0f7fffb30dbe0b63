// Where OCR lines and boxes lie on the page, for experts that look at the lines around a label and for
// the detector.
#ifndef MIXTRACT_OCR_LINE_GEOMETRY_H_
#define MIXTRACT_OCR_LINE_GEOMETRY_H_

#include <algorithm>
#include <cmath>
#include <span>
#include <vector>

#include "ocr/ocr.h"

namespace mixtract {

inline float left_of(const Quad& box) {
  return std::min(box[0].x, box[3].x);
}

inline float right_of(const Quad& box) {
  return std::max(box[1].x, box[2].x);
}

inline float height_of(const Quad& box) {
  return std::max(box[3].y - box[0].y, box[2].y - box[1].y);
}

// The height of `box`'s lower edge at `x`, or at its nearer end when `x` lies beyond the box: for a
// tilted line, lower at one end than at the other.
inline float bottom_at(const Quad& box, float x) {
  const Point& left = box[3];
  const Point& right = box[2];
  if (right.x - left.x < 1) return std::max(left.y, right.y);
  const float t = std::clamp((x - left.x) / (right.x - left.x), 0.0f, 1.0f);
  return left.y + (right.y - left.y) * t;
}

// Whether two lines sit side by side on one row (their vertical centres within half a line height).
inline bool same_row(const OcrLine& a, const OcrLine& b) {
  const float centre_a = (a.box[0].y + a.box[3].y) / 2, centre_b = (b.box[0].y + b.box[3].y) / 2;
  return std::abs(centre_a - centre_b) < height_of(a.box) / 2;
}

// The upright rectangle around `boxes` (at least one).
inline Quad bounding_quad(std::span<const Quad> boxes) {
  float x0 = 1e9f, y0 = 1e9f, x1 = -1e9f, y1 = -1e9f;
  for (const Quad& box : boxes) {
    for (const Point& p : box) {
      x0 = std::min(x0, p.x), y0 = std::min(y0, p.y), x1 = std::max(x1, p.x), y1 = std::max(y1, p.y);
    }
  }
  return Quad{{{x0, y0}, {x1, y0}, {x1, y1}, {x0, y1}}};
}

// The upright rectangle around the boxes of `lines` of `ocr` (indices; at least one).
inline Quad bounding_quad(const OcrResult& ocr, std::span<const std::size_t> lines) {
  std::vector<Quad> boxes;
  for (std::size_t line : lines) boxes.push_back(ocr.lines[line].box);
  return bounding_quad(boxes);
}

}  // namespace mixtract

#endif  // MIXTRACT_OCR_LINE_GEOMETRY_H_
