#include "ocr/ppocr/det_preprocess.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "ocr/line_geometry.h"

namespace mixtract::ppocr {

DetInput prepare_det_input(const cv::Mat& bgr, int max_side) {
  const double ratio = std::min(1.0, static_cast<double>(max_side) / std::max(bgr.cols, bgr.rows));
  const auto round32 = [](double v) { return std::max(32, static_cast<int>(std::lround(v / 32)) * 32); };
  DetInput input;
  input.width = round32(bgr.cols * ratio);
  input.height = round32(bgr.rows * ratio);
  input.scale_x = static_cast<float>(input.width) / static_cast<float>(bgr.cols);
  input.scale_y = static_cast<float>(input.height) / static_cast<float>(bgr.rows);
  cv::Mat resized;
  cv::resize(bgr, resized, {input.width, input.height});
  // PaddleOCR normalises the BGR pixels with these per-channel constants, in this order.
  static constexpr float kMean[3] = {0.485f, 0.456f, 0.406f};
  static constexpr float kStd[3] = {0.229f, 0.224f, 0.225f};
  const std::size_t plane = static_cast<std::size_t>(input.width) * static_cast<std::size_t>(input.height);
  input.chw.resize(3 * plane);
  for (int y = 0; y < input.height; ++y) {
    const auto* row = resized.ptr<cv::Vec3b>(y);
    for (int x = 0; x < input.width; ++x) {
      const std::size_t at =
          static_cast<std::size_t>(y) * static_cast<std::size_t>(input.width) + static_cast<std::size_t>(x);
      for (std::size_t c = 0; c < 3; ++c) {
        input.chw[c * plane + at] = (static_cast<float>(row[x][static_cast<int>(c)]) / 255.0f - kMean[c]) / kStd[c];
      }
    }
  }
  return input;
}

std::optional<cv::Rect> zoom_region(std::span<const Quad> boxes, cv::Size page, int max_side) {
  const int longer = std::max(page.width, page.height);
  if (boxes.empty() || longer <= max_side) return std::nullopt;
  const Quad bounds = bounding_quad(boxes);
  const int margin = longer * 3 / 100;
  const cv::Rect around(cv::Point(static_cast<int>(bounds[0].x) - margin, static_cast<int>(bounds[0].y) - margin),
                        cv::Point(static_cast<int>(bounds[2].x) + margin, static_cast<int>(bounds[2].y) + margin));
  const cv::Rect region = around & cv::Rect(0, 0, page.width, page.height);
  if (region.empty()) return std::nullopt;
  // The detector never enlarges: a region under max_side is read at its own size.
  const double first_scale = static_cast<double>(max_side) / longer;
  const double second_scale = std::min(1.0, static_cast<double>(max_side) / std::max(region.width, region.height));
  if (second_scale < first_scale / kZoomBelow) return std::nullopt;
  return region;
}

}  // namespace mixtract::ppocr
