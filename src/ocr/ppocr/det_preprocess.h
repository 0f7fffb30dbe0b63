// The detector's input: the page scaled so its longer side is at most max_side and both sides are
// multiples of 32, normalised with the ImageNet mean and deviation, in CHW float order.
#ifndef MIXTRACT_OCR_PPOCR_DET_PREPROCESS_H_
#define MIXTRACT_OCR_PPOCR_DET_PREPROCESS_H_

#include <optional>
#include <span>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "mixtract/candidate.h"

namespace mixtract::ppocr {

struct DetInput {
  std::vector<float> chw;
  int height = 0;
  int width = 0;
  float scale_x = 1;  // Input width / page width.
  float scale_y = 1;
};

// REQUIRES: bgr is a non-empty 8-bit 3-channel image; max_side >= 32.
DetInput prepare_det_input(const cv::Mat& bgr, int max_side);

// Text filling only part of a large page (ID cards photocopied onto A4, a certificate photographed from
// afar) is small at the detector's input, and small text is missed or read badly. The part to detect
// again: the bounds of the boxes found with a margin of 3% of the page's longer side, when the detector
// would see it at least 1/kZoomBelow times larger than it saw it in the page (it scales pages down to
// max_side, never up); nullopt otherwise, or when nothing was found.
inline constexpr double kZoomBelow = 0.6;
std::optional<cv::Rect> zoom_region(std::span<const Quad> boxes, cv::Size page, int max_side);

}  // namespace mixtract::ppocr

#endif  // MIXTRACT_OCR_PPOCR_DET_PREPROCESS_H_
