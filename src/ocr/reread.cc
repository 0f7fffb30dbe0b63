#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>

#include <opencv2/imgproc.hpp>

#include "ocr/line_geometry.h"
#include "ocr/ocr.h"

namespace mixtract {

namespace {

// Pixels lighter than this share of the paper's brightness are made white.
constexpr double kFaintShare = 0.85;

// The brightness the brightest tenth of the pixels of one channel reach: the paper's, where it is mostly
// paper.
double paper_brightness(const cv::Mat& channel) {
  std::array<std::size_t, 256> histogram{};
  for (int y = 0; y < channel.rows; ++y) {
    const auto* row = channel.ptr<std::uint8_t>(y);
    for (int x = 0; x < channel.cols; ++x) ++histogram[row[x]];
  }
  const std::size_t darker = channel.total() * 9 / 10;
  std::size_t seen = 0;
  for (std::size_t value = 0; value < histogram.size(); ++value) {
    seen += histogram[value];
    if (seen > darker) return static_cast<double>(value);
  }
  return 255;
}

}  // namespace

cv::Mat faint_whitened(const cv::Mat& bgr) {
  cv::Mat gray;
  cv::cvtColor(bgr, gray, cv::COLOR_BGR2GRAY);
  cv::Mat out;
  bgr.convertTo(out, -1, 255.0 / std::max(1.0, kFaintShare * paper_brightness(gray)));
  return out;
}

cv::Mat red_faded(const cv::Mat& bgr) {
  cv::Mat red;
  cv::extractChannel(bgr, red, 2);
  cv::Mat out;
  cv::cvtColor(red, out, cv::COLOR_GRAY2BGR);
  return out;
}

cv::Mat seal_flattened(const cv::Mat& bgr, double text_height) {
  cv::Mat green;
  cv::extractChannel(bgr, green, 1);
  const int across = std::max(3, static_cast<int>(std::lround(text_height / 3)) | 1);
  cv::Mat background;
  cv::morphologyEx(green, background, cv::MORPH_CLOSE, cv::getStructuringElement(cv::MORPH_ELLIPSE, {across, across}));
  cv::Mat flattened;
  cv::divide(green, background, flattened, 255);
  cv::Mat out;
  cv::cvtColor(flattened, out, cv::COLOR_GRAY2BGR);
  return out;
}

Result<OcrResult> reread_region(const OcrEngine& engine, const cv::Mat& page, const Quad& region,
                                const RereadOptions& options) {
  const Quad bounds = bounding_quad(std::span<const Quad>(&region, 1));
  const float x0 = bounds[0].x, y0 = bounds[0].y, x1 = bounds[2].x, y1 = bounds[2].y;
  const cv::Rect crop_rect =
      cv::Rect(cv::Point(static_cast<int>(std::floor(x0)) - options.margin,
                         static_cast<int>(std::floor(y0)) - options.margin),
               cv::Point(static_cast<int>(std::ceil(x1)) + options.margin + options.extend_right,
                         static_cast<int>(std::ceil(y1)) + options.margin + options.extend_down)) &
      cv::Rect(0, 0, page.cols, page.rows);
  if (crop_rect.width < 2 || crop_rect.height < 2) {
    return Status::invalid_argument("the region to re-read lies outside the page or is empty");
  }
  // Scale so that the region's text height (its own height, margins excluded) becomes the target.
  const double text_height = std::max(1.0f, y1 - y0);
  const double scale = std::clamp(options.target_text_height / text_height, 1.0, 4.0);
  cv::Mat crop;
  cv::resize(page(crop_rect), crop, {}, scale, scale, scale > 1 ? cv::INTER_CUBIC : cv::INTER_AREA);
  if (options.drop_red) crop = red_faded(crop);
  if (options.whiten_faint) crop = faint_whitened(crop);
  if (options.flatten_seal) crop = seal_flattened(crop, text_height * scale);
  // Room around the text helps detectors find it.
  const int pad = static_cast<int>(std::lround(16 * scale));
  cv::copyMakeBorder(crop, crop, pad, pad, pad, pad, cv::BORDER_REPLICATE);
  MIXTRACT_ASSIGN_OR_RETURN(OcrResult result, options.faint_lines ? engine.read_faint_lines(crop) : engine.read(crop));
  for (OcrLine& line : result.lines) {
    for (Point& p : line.box) {
      p.x = static_cast<float>((static_cast<double>(p.x) - pad) / scale + crop_rect.x);
      p.y = static_cast<float>((static_cast<double>(p.y) - pad) / scale + crop_rect.y);
    }
  }
  result.width = page.cols;
  result.height = page.rows;
  result.model_version += " reread";
  return result;
}

}  // namespace mixtract
