#include "certificate_renderer.h"

#include <filesystem>

#include <opencv2/imgproc.hpp>

#include "core/utf8.h"

namespace mixtract::synth {
namespace {

constexpr const char* kSerifFont = "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc";
constexpr int kSerifSimplifiedChineseIndex = 2;  // Face order in the collection: JP, KR, SC, TC, HK.
const cv::Scalar kInk(40, 30, 30);
const cv::Scalar kBorder(40, 40, 150);
const cv::Scalar kSealRed(40, 30, 210);

void draw_centered(cv::freetype::FreeType2& font, cv::Mat& page, const std::string& text, cv::Point centre, int height,
                   cv::Scalar colour) {
  int baseline = 0;
  const cv::Size size = font.getTextSize(text, height, -1, &baseline);
  font.putText(page, text, {centre.x - size.width / 2, centre.y - size.height / 2}, height, colour, -1, cv::LINE_AA,
               false);
}

}  // namespace

Result<std::unique_ptr<CertificateRenderer>> CertificateRenderer::create() {
  if (!std::filesystem::exists(kSerifFont)) {
    return Status::unavailable(std::string(kSerifFont) +
                               " is missing; install Debian's fonts-noto-cjk "
                               "(scripts/setup.sh does)");
  }
  cv::Ptr<cv::freetype::FreeType2> font = cv::freetype::createFreeType2();
  try {
    font->loadFontData(kSerifFont, kSerifSimplifiedChineseIndex);
  } catch (const cv::Exception& e) {
    return Status::unavailable(std::string(kSerifFont) + ": cannot load font: " + e.what());
  }
  return std::unique_ptr<CertificateRenderer>(new CertificateRenderer(std::move(font)));
}

int CertificateRenderer::draw_wrapped(cv::Mat& page, const std::string& text, int x, int y, int width, int height,
                                      cv::Scalar colour) {
  const int line_step = height * 8 / 5;
  std::string line;
  int baseline = 0;
  for (char32_t c : utf8::decode(text)) {
    std::string next = line;
    utf8::append(c, next);
    if (!line.empty() && font_->getTextSize(next, height, -1, &baseline).width > width) {
      font_->putText(page, line, {x, y}, height, colour, -1, cv::LINE_AA, false);
      y += line_step;
      next.clear();
      utf8::append(c, next);
    }
    line = std::move(next);
  }
  if (!line.empty()) font_->putText(page, line, {x, y}, height, colour, -1, cv::LINE_AA, false);
  return y + line_step;
}

cv::Mat CertificateRenderer::render(const CertificateTruth& truth, std::mt19937& rng) {
  const int width = 1600;
  const int height = 1130;
  std::uniform_int_distribution<int> tint(232, 250);
  cv::Mat page(height, width, CV_8UC3, cv::Scalar(tint(rng) - 10, tint(rng), tint(rng)));
  cv::rectangle(page, {30, 30}, {width - 30, height - 30}, kBorder, 10);
  cv::rectangle(page, {52, 52}, {width - 52, height - 52}, kBorder, 3);

  draw_centered(*font_, page, "毕业证书", {width / 2, 150}, 96, kInk);
  cv::rectangle(page, {130, 250}, {310, 490}, cv::Scalar(200, 200, 200), cv::FILLED);
  int y = draw_wrapped(page, certificate_body(truth), 370, 260, 1090, 38, kInk);

  y = std::max(y + 40, 700);
  font_->putText(page, "校名：" + truth.school, {370, y}, 38, kInk, -1, cv::LINE_AA, false);
  font_->putText(page, "校（院）长：" + std::string("王建国"), {900, y}, 38, kInk, -1, cv::LINE_AA, false);
  font_->putText(page, "证书编号：" + truth.certificate_number, {370, y + 90}, 38, kInk, -1, cv::LINE_AA, false);
  font_->putText(page, chinese_numeral_date(truth.graduation_date), {1000, y + 180}, 38, kInk, -1, cv::LINE_AA, false);

  // A red round seal over the school name, blended so that the text below shows through.
  cv::Mat seal = page.clone();
  const cv::Point centre(560, y + 20);
  cv::circle(seal, centre, 105, kSealRed, 7, cv::LINE_AA);
  draw_centered(*font_, seal, "★", centre, 60, kSealRed);
  draw_centered(*font_, seal, truth.school, {centre.x, centre.y + 62}, 26, kSealRed);
  cv::addWeighted(seal, 0.75, page, 0.25, 0, page);
  return page;
}

}  // namespace mixtract::synth
