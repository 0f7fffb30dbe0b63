#include "photo_effects.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <opencv2/imgproc.hpp>

namespace mixtract::synth {
namespace {

double uniform(std::mt19937& rng, double lo, double hi) {
  return std::uniform_real_distribution<double>(lo, hi)(rng);
}

struct Strength {
  double scale_lo, scale_hi;
  double max_tilt_degrees;
  double max_corner_jitter;  // Fraction of the page size.
  double light_lo;           // Darkest gain of the light gradient.
  double blur_lo, blur_hi;   // Gaussian sigma in pixels.
  double noise_lo, noise_hi;
  int jpeg_lo, jpeg_hi;
  bool shadow;
};

constexpr Strength kPhoto{0.6, 0.9, 4, 0.03, 0.75, 0.3, 0.9, 2, 6, 60, 85, false};
constexpr Strength kHard{0.45, 0.65, 10, 0.07, 0.5, 0.8, 1.6, 6, 12, 35, 60, true};

// Places the page on a table background, tilted and seen in perspective.
cv::Mat tilt(const cv::Mat& page, const Strength& s, std::mt19937& rng) {
  const int margin = static_cast<int>(0.08 * std::max(page.cols, page.rows));
  const cv::Scalar table(uniform(rng, 40, 120), uniform(rng, 60, 130), uniform(rng, 70, 150));
  cv::Mat canvas(page.rows + 2 * margin, page.cols + 2 * margin, CV_8UC3, table);
  const double angle = uniform(rng, -s.max_tilt_degrees, s.max_tilt_degrees) * M_PI / 180;
  const cv::Point2f centre(static_cast<float>(canvas.cols) / 2, static_cast<float>(canvas.rows) / 2);
  const std::array<cv::Point2f, 4> source{cv::Point2f(0, 0), cv::Point2f(static_cast<float>(page.cols), 0),
                                          cv::Point2f(static_cast<float>(page.cols), static_cast<float>(page.rows)),
                                          cv::Point2f(0, static_cast<float>(page.rows))};
  std::array<cv::Point2f, 4> target;
  const double jitter = s.max_corner_jitter * std::max(page.cols, page.rows);
  for (std::size_t i = 0; i < 4; ++i) {
    const double x = source[i].x - page.cols / 2.0;
    const double y = source[i].y - page.rows / 2.0;
    target[i] = {
        static_cast<float>(centre.x + x * std::cos(angle) - y * std::sin(angle) + uniform(rng, -jitter, jitter)),
        static_cast<float>(centre.y + x * std::sin(angle) + y * std::cos(angle) + uniform(rng, -jitter, jitter))};
  }
  const cv::Mat transform = cv::getPerspectiveTransform(source.data(), target.data());
  cv::warpPerspective(page, canvas, transform, canvas.size(), cv::INTER_LINEAR, cv::BORDER_TRANSPARENT);
  return canvas;
}

// Multiplies the image by a light gradient in a random direction, and optionally a soft shadow.
void uneven_light(cv::Mat& image, const Strength& s, std::mt19937& rng) {
  cv::Mat gain(image.size(), CV_32F);
  const double direction = uniform(rng, 0, 2 * M_PI);
  const double dark = uniform(rng, s.light_lo, 0.95);
  const double bright = uniform(rng, 1.0, 1.08);
  const double dx = std::cos(direction) / image.cols;
  const double dy = std::sin(direction) / image.rows;
  for (int y = 0; y < image.rows; ++y) {
    auto* row = gain.ptr<float>(y);
    for (int x = 0; x < image.cols; ++x) {
      const double t = std::clamp(0.5 + (x - image.cols / 2.0) * dx + (y - image.rows / 2.0) * dy, 0.0, 1.0);
      row[x] = static_cast<float>(dark + (bright - dark) * t);
    }
  }
  if (s.shadow) {
    cv::Mat shadow(image.size(), CV_32F, cv::Scalar(1.0));
    const int x0 = static_cast<int>(uniform(rng, 0, image.cols));
    const std::array<cv::Point, 4> band{cv::Point(x0, 0), cv::Point(x0 + image.cols / 4, 0),
                                        cv::Point(x0 + image.cols / 6, image.rows),
                                        cv::Point(x0 - image.cols / 8, image.rows)};
    cv::fillConvexPoly(shadow, band.data(), 4, cv::Scalar(uniform(rng, 0.55, 0.8)));
    cv::GaussianBlur(shadow, shadow, {0, 0}, image.cols / 30.0);
    gain = gain.mul(shadow);
  }
  cv::Mat as_float;
  image.convertTo(as_float, CV_32FC3);
  cv::Mat gain3;
  cv::merge(std::vector<cv::Mat>{gain, gain, gain}, gain3);
  as_float = as_float.mul(gain3);
  as_float.convertTo(image, CV_8UC3);
}

}  // namespace

std::optional<Difficulty> parse_difficulty(std::string_view name) {
  if (name == "clean") return Difficulty::kClean;
  if (name == "photo") return Difficulty::kPhoto;
  if (name == "hard") return Difficulty::kHard;
  return std::nullopt;
}

Photo apply_photo_effects(const cv::Mat& page, Difficulty difficulty, std::mt19937& rng) {
  if (difficulty == Difficulty::kClean) return {page.clone(), 92};
  const Strength& s = difficulty == Difficulty::kPhoto ? kPhoto : kHard;
  cv::Mat image;
  const double scale = uniform(rng, s.scale_lo, s.scale_hi);
  cv::resize(page, image, {}, scale, scale, cv::INTER_AREA);
  image = tilt(image, s, rng);
  uneven_light(image, s, rng);
  cv::GaussianBlur(image, image, {0, 0}, uniform(rng, s.blur_lo, s.blur_hi));
  cv::Mat noise(image.size(), CV_16SC3);
  cv::RNG noise_rng(rng());
  noise_rng.fill(noise, cv::RNG::NORMAL, 0, uniform(rng, s.noise_lo, s.noise_hi));
  cv::Mat noisy;
  image.convertTo(noisy, CV_16SC3);
  noisy += noise;
  noisy.convertTo(image, CV_8UC3);
  return {image, std::uniform_int_distribution<int>(s.jpeg_lo, s.jpeg_hi)(rng)};
}

}  // namespace mixtract::synth
