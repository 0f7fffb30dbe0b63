// Whether a seal's red ink lies over a line of text: what the page read with red ink faded out may read
// otherwise.
#ifndef MIXTRACT_OCR_RED_INK_H_
#define MIXTRACT_OCR_RED_INK_H_

#include <algorithm>

#include <opencv2/core.hpp>

#include "ocr/ocr.h"

namespace mixtract {

// The share of the pixels inside `box` (clipped to the page; 0 when nothing of it is on the page) that are
// red ink: clearly redder than they are green or blue, as a seal's ink is and paper, black and blue print are
// not.
double red_ink_share(const cv::Mat& bgr, const Quad& box);

// The share of a line's box in red ink from which a seal is taken to lie over it (its ring crossing a
// character is about 2%): what is read there may be the ink's doing (a ring across 3 reads 8).
inline constexpr double kRedInkOverLine = 0.01;

// The most a reading through red ink is sure of until another reading confirms it: just under the route's bar,
// so that the route asks its next expert.
inline double unconfirmed_through_red(double accept_confidence) {
  return 0.95 * accept_confidence;
}

// The most a reading through red ink is sure of when the page read with the red faded reads the same fact
// otherwise, that reading `faded_confidence` sure: below it, so that the faded view's value is the one put forward,
// and no lower than 0.5 (the gate's kDissentConfidence) where the faded view could be accepted, so that a person
// decides.
inline double contradicted_through_red(double faded_confidence) {
  return std::min(0.5, 0.9 * faded_confidence);
}

}  // namespace mixtract

#endif  // MIXTRACT_OCR_RED_INK_H_
