// DB (differentiable binarisation) post-processing: from the detector's text probability map to text
// boxes in page coordinates.
#ifndef MIXTRACT_OCR_PPOCR_DB_POSTPROCESS_H_
#define MIXTRACT_OCR_PPOCR_DB_POSTPROCESS_H_

#include <vector>

#include <opencv2/core/mat.hpp>

#include "mixtract/candidate.h"

namespace mixtract::ppocr {

struct DbParams {
  float threshold = 0.3f;      // Pixels above it are text.
  float box_threshold = 0.6f;  // A box is kept when the mean probability inside it reaches this.
  float unclip_ratio = 1.5f;   // Boxes grow by area * ratio / perimeter on every side.
  int max_candidates = 1000;
  float min_size = 3;  // Boxes whose shorter side is smaller (in map pixels) are dropped.
};

// `probability` is CV_32F at the detector's input size; scale_x/y map page to input pixels. Returns
// boxes ordered top-left, top-right, bottom-right, bottom-left, clamped to the page.
std::vector<Quad> db_postprocess(const cv::Mat& probability, const DbParams& params, float scale_x, float scale_y,
                                 int page_width, int page_height);

// The four corners of a rotated rectangle in the order above.
Quad ordered_corners(const cv::RotatedRect& rect);

}  // namespace mixtract::ppocr

#endif  // MIXTRACT_OCR_PPOCR_DB_POSTPROCESS_H_
