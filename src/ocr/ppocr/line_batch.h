// The recogniser's and the orientation classifier's input: text-line crops resized to a fixed height
// (keeping their aspect ratio, never wider than the batch), scaled to [-1, 1] and padded on the right.
#ifndef MIXTRACT_OCR_PPOCR_LINE_BATCH_H_
#define MIXTRACT_OCR_PPOCR_LINE_BATCH_H_

#include <vector>

#include <opencv2/core/mat.hpp>

namespace mixtract::ppocr {

// NCHW floats for crops.size() x 3 x height x width. REQUIRES: 8-bit BGR crops, height and width > 0.
std::vector<float> prepare_line_batch(const std::vector<cv::Mat>& crops, int height, int width);

}  // namespace mixtract::ppocr

#endif  // MIXTRACT_OCR_PPOCR_LINE_BATCH_H_
