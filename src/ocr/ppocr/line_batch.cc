#include "ocr/ppocr/line_batch.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace mixtract::ppocr {

std::vector<float> prepare_line_batch(const std::vector<cv::Mat>& crops, int height, int width) {
  const std::size_t plane = static_cast<std::size_t>(height) * static_cast<std::size_t>(width);
  std::vector<float> batch(crops.size() * 3 * plane, 0.0f);
  for (std::size_t n = 0; n < crops.size(); ++n) {
    const cv::Mat& crop = crops[n];
    const double ratio = static_cast<double>(crop.cols) / std::max(1, crop.rows);
    const int resized_width = std::clamp(static_cast<int>(std::ceil(height * ratio)), 1, width);
    cv::Mat resized;
    cv::resize(crop, resized, {resized_width, height});
    float* image = batch.data() + n * 3 * plane;
    for (int y = 0; y < height; ++y) {
      const auto* row = resized.ptr<cv::Vec3b>(y);
      for (int x = 0; x < resized_width; ++x) {
        const std::size_t at =
            static_cast<std::size_t>(y) * static_cast<std::size_t>(width) + static_cast<std::size_t>(x);
        for (int c = 0; c < 3; ++c) {
          image[static_cast<std::size_t>(c) * plane + at] = (static_cast<float>(row[x][c]) / 255.0f - 0.5f) / 0.5f;
        }
      }
    }
  }
  return batch;
}

}  // namespace mixtract::ppocr
