#include "ocr/ppocr/db_postprocess.h"

#include <algorithm>
#include <array>

#include <opencv2/imgproc.hpp>

namespace mixtract::ppocr {
namespace {

// Mean probability inside the polygon `corners` (the "fast" score of PaddleOCR).
float box_score(const cv::Mat& probability, const std::array<cv::Point2f, 4>& corners) {
  const cv::Rect bounds = cv::boundingRect(std::vector<cv::Point2f>(corners.begin(), corners.end())) &
                          cv::Rect(0, 0, probability.cols, probability.rows);
  if (bounds.area() == 0) return 0;
  cv::Mat mask = cv::Mat::zeros(bounds.size(), CV_8UC1);
  std::array<cv::Point, 4> shifted;
  for (std::size_t i = 0; i < 4; ++i) {
    shifted[i] = cv::Point(static_cast<int>(std::lround(corners[i].x)) - bounds.x,
                           static_cast<int>(std::lround(corners[i].y)) - bounds.y);
  }
  cv::fillConvexPoly(mask, shifted.data(), 4, cv::Scalar(1));
  return static_cast<float>(cv::mean(probability(bounds), mask)[0]);
}

}  // namespace

Quad ordered_corners(const cv::RotatedRect& rect) {
  std::array<cv::Point2f, 4> points;
  rect.points(points.data());
  std::sort(points.begin(), points.end(), [](const cv::Point2f& a, const cv::Point2f& b) { return a.x < b.x; });
  // The two leftmost points give top-left and bottom-left, the two rightmost top-right and bottom-right.
  const auto [top_left, bottom_left] =
      points[0].y <= points[1].y ? std::pair(points[0], points[1]) : std::pair(points[1], points[0]);
  const auto [top_right, bottom_right] =
      points[2].y <= points[3].y ? std::pair(points[2], points[3]) : std::pair(points[3], points[2]);
  return {Point{top_left.x, top_left.y}, Point{top_right.x, top_right.y}, Point{bottom_right.x, bottom_right.y},
          Point{bottom_left.x, bottom_left.y}};
}

std::vector<Quad> db_postprocess(const cv::Mat& probability, const DbParams& params, float scale_x, float scale_y,
                                 int page_width, int page_height) {
  cv::Mat bitmap = probability > params.threshold;
  std::vector<std::vector<cv::Point>> contours;
  cv::findContours(bitmap, contours, cv::RETR_LIST, cv::CHAIN_APPROX_SIMPLE);
  std::vector<Quad> boxes;
  const std::size_t count = std::min(contours.size(), static_cast<std::size_t>(params.max_candidates));
  for (std::size_t i = 0; i < count; ++i) {
    if (contours[i].size() < 4) continue;
    const cv::RotatedRect core = cv::minAreaRect(contours[i]);
    if (std::min(core.size.width, core.size.height) < params.min_size) continue;
    std::array<cv::Point2f, 4> corners;
    core.points(corners.data());
    if (box_score(probability, corners) < params.box_threshold) continue;
    // Grow the core by area * ratio / perimeter on every side: the offset DB trained the core to shrink by.
    const float area = core.size.width * core.size.height;
    const float perimeter = 2 * (core.size.width + core.size.height);
    const float distance = area * params.unclip_ratio / perimeter;
    const cv::RotatedRect grown(
        core.center, cv::Size2f(core.size.width + 2 * distance, core.size.height + 2 * distance), core.angle);
    if (std::min(grown.size.width, grown.size.height) < params.min_size + 2) continue;
    Quad box = ordered_corners(grown);
    for (Point& p : box) {
      p.x = std::clamp(p.x / scale_x, 0.0f, static_cast<float>(page_width));
      p.y = std::clamp(p.y / scale_y, 0.0f, static_cast<float>(page_height));
    }
    boxes.push_back(box);
  }
  return boxes;
}

}  // namespace mixtract::ppocr
