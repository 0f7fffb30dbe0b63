// Cutting a text line out of the page: a perspective crop of its quad, turned upright when tall.
#ifndef MIXTRACT_OCR_PPOCR_LINE_CROP_H_
#define MIXTRACT_OCR_PPOCR_LINE_CROP_H_

#include <opencv2/core/mat.hpp>

#include "mixtract/candidate.h"

namespace mixtract::ppocr {

// The quad warped to a rectangle as wide as its longer horizontal edge and as high as its longer
// vertical edge; rotated 90 degrees counter-clockwise when at least 1.5 times taller than wide
// (vertical text). Never empty: degenerate quads give a 1x1 image.
cv::Mat crop_line(const cv::Mat& page, const Quad& box);

// Sorts boxes into reading order: by top edge, and left to right among boxes whose tops are within
// half a typical line height of each other.
void sort_reading_order(std::vector<Quad>& boxes);

}  // namespace mixtract::ppocr

#endif  // MIXTRACT_OCR_PPOCR_LINE_CROP_H_
