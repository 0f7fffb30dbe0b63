#include "ocr/ppocr/line_crop.h"

#include <algorithm>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace mixtract::ppocr {
namespace {

float distance(const Point& a, const Point& b) {
  return std::hypot(a.x - b.x, a.y - b.y);
}

float height_of(const Quad& q) {
  return std::max(distance(q[0], q[3]), distance(q[1], q[2]));
}

}  // namespace

cv::Mat crop_line(const cv::Mat& page, const Quad& box) {
  const int width =
      std::max(1, static_cast<int>(std::lround(std::max(distance(box[0], box[1]), distance(box[3], box[2])))));
  const int height = std::max(1, static_cast<int>(std::lround(height_of(box))));
  const cv::Point2f source[4] = {
      {box[0].x, box[0].y}, {box[1].x, box[1].y}, {box[2].x, box[2].y}, {box[3].x, box[3].y}};
  const cv::Point2f target[4] = {{0, 0},
                                 {static_cast<float>(width), 0},
                                 {static_cast<float>(width), static_cast<float>(height)},
                                 {0, static_cast<float>(height)}};
  cv::Mat crop;
  cv::warpPerspective(page, crop, cv::getPerspectiveTransform(source, target), {width, height}, cv::INTER_CUBIC,
                      cv::BORDER_REPLICATE);
  if (static_cast<double>(crop.rows) >= 1.5 * crop.cols) cv::rotate(crop, crop, cv::ROTATE_90_COUNTERCLOCKWISE);
  return crop;
}

void sort_reading_order(std::vector<Quad>& boxes) {
  if (boxes.empty()) return;
  std::vector<float> heights;
  for (const Quad& q : boxes) heights.push_back(height_of(q));
  std::nth_element(heights.begin(), heights.begin() + static_cast<std::ptrdiff_t>(heights.size() / 2), heights.end());
  const float tolerance = std::max(4.0f, heights[heights.size() / 2] / 2);
  std::sort(boxes.begin(), boxes.end(),
            [](const Quad& a, const Quad& b) { return a[0].y != b[0].y ? a[0].y < b[0].y : a[0].x < b[0].x; });
  // Within a row (tops closer than the tolerance), order left to right.
  for (std::size_t i = 1; i < boxes.size(); ++i) {
    for (std::size_t j = i; j > 0; --j) {
      const bool same_row = std::abs(boxes[j][0].y - boxes[j - 1][0].y) < tolerance;
      if (!same_row || boxes[j][0].x >= boxes[j - 1][0].x) break;
      std::swap(boxes[j], boxes[j - 1]);
    }
  }
}

}  // namespace mixtract::ppocr
