#include "ocr/red_ink.h"

#include <algorithm>
#include <cmath>

namespace mixtract {

double red_ink_share(const cv::Mat& bgr, const Quad& box) {
  if (bgr.empty() || bgr.type() != CV_8UC3) return 0;
  float left = box[0].x, right = box[0].x, top = box[0].y, bottom = box[0].y;
  for (const Point& p : box) {
    left = std::min(left, p.x);
    right = std::max(right, p.x);
    top = std::min(top, p.y);
    bottom = std::max(bottom, p.y);
  }
  const cv::Rect bounds = cv::Rect(cv::Point(static_cast<int>(std::floor(left)), static_cast<int>(std::floor(top))),
                                   cv::Point(static_cast<int>(std::ceil(right)), static_cast<int>(std::ceil(bottom)))) &
                          cv::Rect(0, 0, bgr.cols, bgr.rows);
  if (bounds.area() <= 0) return 0;
  constexpr int kRedder = 50;  // How much redder than green and blue a pixel of red ink is, at least.
  int red = 0;
  for (int y = bounds.y; y < bounds.y + bounds.height; ++y) {
    const cv::Vec3b* row = bgr.ptr<cv::Vec3b>(y);
    for (int x = bounds.x; x < bounds.x + bounds.width; ++x) {
      const cv::Vec3b& p = row[x];
      if (p[2] - std::max(p[0], p[1]) >= kRedder) ++red;
    }
  }
  return static_cast<double>(red) / bounds.area();
}

}  // namespace mixtract
