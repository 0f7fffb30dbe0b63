// The detector's input: the page scaled so its longer side is at most max_side and both sides are
// multiples of 32, normalised with the ImageNet mean and deviation, in CHW float order.
#ifndef MIXTRACT_OCR_PPOCR_DET_PREPROCESS_H_
#define MIXTRACT_OCR_PPOCR_DET_PREPROCESS_H_

#include <vector>

#include <opencv2/core/mat.hpp>

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

}  // namespace mixtract::ppocr

#endif  // MIXTRACT_OCR_PPOCR_DET_PREPROCESS_H_
