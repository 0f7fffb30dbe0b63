#include "drawing.h"

#include <algorithm>
#include <array>
#include <cmath>

#include <opencv2/imgproc.hpp>

#include "core/utf8.h"

namespace mixtract::synth {

int uniform(std::mt19937& rng, int lo, int hi) {
  return std::uniform_int_distribution<int>(lo, hi)(rng);
}

void put(const Font& font, cv::Mat& page, const std::string& text, cv::Point origin, int height, cv::Scalar colour) {
  font.face->putText(page, text, origin, height, colour, -1, cv::LINE_AA, false);
}

int text_width(const Font& font, const std::string& text, int height) {
  int baseline = 0;
  return font.face->getTextSize(text, height, -1, &baseline).width;
}

int height_to_fit(const Font& font, const std::string& text, int height, int width) {
  const int wide = text_width(font, text, height);
  return wide > width ? height * width / wide : height;
}

void put_centered(const Font& font, cv::Mat& page, const std::string& text, cv::Point centre, int height,
                  cv::Scalar colour) {
  put(font, page, text, {centre.x - text_width(font, text, height) / 2, centre.y - height / 2}, height, colour);
}

std::vector<std::string> filled_lines(const Font& font, const std::string& text, int width, int height) {
  std::vector<std::string> lines;
  std::string line;
  for (const char32_t c : utf8::decode(text)) {
    std::string next = line;
    utf8::append(c, next);
    if (!line.empty() && text_width(font, next, height) > width) {
      lines.push_back(std::move(line));
      next.clear();
      utf8::append(c, next);
    }
    line = std::move(next);
  }
  if (!line.empty()) lines.push_back(std::move(line));
  return lines;
}

int put_wrapped(const Font& font, cv::Mat& page, const std::string& text, cv::Point origin, int width, int height,
                cv::Scalar colour, std::vector<std::string>& lines) {
  const int line_step = height * 8 / 5;
  int y = origin.y;
  for (const std::string& line : filled_lines(font, text, width, height)) {
    put(font, page, line, {origin.x, y}, height, colour);
    lines.push_back(line);
    y += line_step;
  }
  return std::max(y, origin.y + line_step);
}

cv::Mat blank_page(int width, int height, std::mt19937& rng) {
  const int base = uniform(rng, 228, 250);
  return cv::Mat(height, width, CV_8UC3, cv::Scalar(base - uniform(rng, 5, 25), base - uniform(rng, 0, 8), base));
}

void draw_border(cv::Mat& page, std::mt19937& rng) {
  static const std::array<cv::Scalar, 3> kColours{cv::Scalar(40, 40, 150), cv::Scalar(30, 90, 140),
                                                  cv::Scalar(110, 70, 30)};
  const cv::Scalar colour = kColours[static_cast<std::size_t>(uniform(rng, 0, 2))];
  const int margin = uniform(rng, 20, 40);
  const cv::Point far(page.cols - margin, page.rows - margin);
  cv::rectangle(page, {margin, margin}, far, colour, uniform(rng, 6, 14));
  cv::rectangle(page, {margin + 22, margin + 22}, far - cv::Point(22, 22), colour, 2);
  if (uniform(rng, 0, 1) == 1) {  // A row of small diamonds between the lines.
    for (int x = margin + 30; x < page.cols - margin - 30; x += 24) {
      for (int y : {margin + 11, page.rows - margin - 11}) {
        const std::array<cv::Point, 4> diamond{cv::Point(x, y - 5), cv::Point(x + 5, y), cv::Point(x, y + 5),
                                               cv::Point(x - 5, y)};
        cv::fillConvexPoly(page, diamond.data(), 4, colour, cv::LINE_AA);
      }
    }
  }
}

void draw_seal(cv::Mat& page, const Font& font, cv::Point centre, const std::string& issuer, std::mt19937& rng) {
  cv::Mat seal = page.clone();
  const int radius = uniform(rng, 85, 115);
  cv::circle(seal, centre, radius, kSealRed, uniform(rng, 5, 8), cv::LINE_AA);
  put_centered(font, seal, "★", centre, radius * 3 / 5, kSealRed);
  const std::vector<char32_t> chars = utf8::decode(issuer);
  const double span = std::min(3.6, 0.45 * static_cast<double>(chars.size()));
  const int char_height = radius / 4;
  for (std::size_t i = 0; i < chars.size(); ++i) {
    const double t = chars.size() == 1 ? 0.5 : static_cast<double>(i) / static_cast<double>(chars.size() - 1);
    const double angle = -M_PI / 2 - span / 2 + span * t;
    const cv::Point at(centre.x + static_cast<int>(std::cos(angle) * radius * 0.72),
                       centre.y + static_cast<int>(std::sin(angle) * radius * 0.72));
    std::string glyph;
    utf8::append(chars[i], glyph);
    put_centered(font, seal, glyph, at, char_height, kSealRed);
  }
  const double opacity = uniform(rng, 60, 85) / 100.0;
  cv::addWeighted(seal, opacity, page, 1 - opacity, 0, page);
}

void photo_box(cv::Mat& page, cv::Rect box) {
  cv::rectangle(page, box, cv::Scalar(205, 205, 205), cv::FILLED);
  cv::ellipse(page, {box.x + box.width / 2, box.y + box.height * 2 / 5}, {box.width / 5, box.height / 6}, 0, 0, 360,
              cv::Scalar(160, 160, 160), cv::FILLED);
  cv::ellipse(page, {box.x + box.width / 2, box.y + box.height}, {box.width * 2 / 5, box.height / 3}, 0, 180, 360,
              cv::Scalar(160, 160, 160), cv::FILLED);
}

}  // namespace mixtract::synth
