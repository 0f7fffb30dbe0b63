#include "experts/qr_code/qr_code_expert.h"

#include <algorithm>
#include <chrono>
#include <functional>
#include <memory>

#include <opencv2/imgproc.hpp>
#include <re2/re2.h>
#include <zbar.h>

#include "core/utf8.h"

namespace mixtract {
namespace {

bool alphanumeric(char c) {
  return (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z');
}

// A QR code on the page: its text and corners, from zbar (Debian's OpenCV decodes none: it is built
// without its QR decoder).
struct Decoded {
  std::string text;
  Quad box;
};

// The codes zbar finds in `grey` (8-bit, continuous), their corners scaled back by 1 / `scale`.
std::vector<Decoded> scan(const cv::Mat& grey, double scale) {
  const std::unique_ptr<zbar::zbar_image_scanner_t, void (*)(zbar::zbar_image_scanner_t*)> scanner(
      zbar::zbar_image_scanner_create(), zbar::zbar_image_scanner_destroy);
  zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_NONE, zbar::ZBAR_CFG_ENABLE, 0);
  zbar::zbar_image_scanner_set_config(scanner.get(), zbar::ZBAR_QRCODE, zbar::ZBAR_CFG_ENABLE, 1);
  const std::unique_ptr<zbar::zbar_image_t, void (*)(zbar::zbar_image_t*)> frame(zbar::zbar_image_create(),
                                                                                 zbar::zbar_image_destroy);
  zbar::zbar_image_set_format(frame.get(), zbar_fourcc('Y', '8', '0', '0'));
  zbar::zbar_image_set_size(frame.get(), static_cast<unsigned>(grey.cols), static_cast<unsigned>(grey.rows));
  zbar::zbar_image_set_data(frame.get(), grey.data, grey.total(), nullptr);  // Borrowed: `grey` outlives it.
  std::vector<Decoded> decoded;
  if (zbar::zbar_scan_image(scanner.get(), frame.get()) <= 0) return decoded;
  for (const zbar::zbar_symbol_t* symbol = zbar::zbar_image_first_symbol(frame.get()); symbol != nullptr;
       symbol = zbar::zbar_symbol_next(symbol)) {
    Decoded code{std::string(zbar::zbar_symbol_get_data(symbol), zbar::zbar_symbol_get_data_length(symbol)), {}};
    // The corners zbar found; the box spans them.
    float left = 1e9f, top = 1e9f, right = 0, bottom = 0;
    for (unsigned i = 0; i < zbar::zbar_symbol_get_loc_size(symbol); ++i) {
      const float x = static_cast<float>(zbar::zbar_symbol_get_loc_x(symbol, i) / scale);
      const float y = static_cast<float>(zbar::zbar_symbol_get_loc_y(symbol, i) / scale);
      left = std::min(left, x), top = std::min(top, y), right = std::max(right, x), bottom = std::max(bottom, y);
    }
    code.box = {Point{left, top}, Point{right, top}, Point{right, bottom}, Point{left, bottom}};
    if (!code.text.empty()) decoded.push_back(std::move(code));
  }
  return decoded;
}

// The page's codes: looked for in the grey page, at most 2400 pixels on its longer side, then in it made
// black and white (Otsu's threshold, then a local one: a photo's light falls unevenly), then at half that
// size; on a page of 1600 pixels or less (a phone's small photo, the code's modules two or three pixels
// wide), at twice the size too, thresholded locally and sharpened. The first look that finds any decides.
std::vector<Decoded> decode_codes(const cv::Mat& image) {
  cv::Mat grey;
  if (image.channels() == 1) {
    grey = image.clone();
  } else {
    cv::cvtColor(image, grey, image.channels() == 4 ? cv::COLOR_BGRA2GRAY : cv::COLOR_BGR2GRAY);
  }
  double scale = 1;
  while (std::max(grey.cols, grey.rows) * scale > 2400) scale /= 2;
  if (scale < 1) cv::resize(grey, grey, cv::Size(), scale, scale, cv::INTER_AREA);
  using Look = std::function<cv::Mat(const cv::Mat&)>;
  const Look otsu = [](const cv::Mat& page) -> cv::Mat {
    cv::Mat out;
    cv::threshold(page, out, 0, 255, cv::THRESH_BINARY | cv::THRESH_OTSU);
    return out;
  };
  const Look local = [](const cv::Mat& page) -> cv::Mat {
    cv::Mat out;
    cv::adaptiveThreshold(page, out, 255, cv::ADAPTIVE_THRESH_MEAN_C, cv::THRESH_BINARY, 31, 10);
    return out;
  };
  const Look sharpened = [](const cv::Mat& page) -> cv::Mat {
    cv::Mat blurred, out;
    cv::GaussianBlur(page, blurred, cv::Size(), 2);
    cv::addWeighted(page, 1.8, blurred, -0.8, 0, out);
    return out;
  };
  // Each look made only when the ones before it found nothing.
  const Look as_is = [](const cv::Mat& page) { return page; };
  const auto first_found = [](const cv::Mat& page, double at, std::initializer_list<Look> looks) {
    for (const Look& look : looks) {
      if (std::vector<Decoded> found = scan(look(page), at); !found.empty()) return found;
    }
    return std::vector<Decoded>{};
  };
  if (std::vector<Decoded> found = first_found(grey, scale, {as_is, otsu, local}); !found.empty()) return found;
  cv::Mat half;
  cv::resize(grey, half, cv::Size(), 0.5, 0.5, cv::INTER_AREA);
  if (std::vector<Decoded> found = first_found(half, scale / 2, {as_is, otsu}); !found.empty()) return found;
  if (std::max(grey.cols, grey.rows) > 1600) return {};
  cv::Mat twice;
  cv::resize(grey, twice, cv::Size(), 2, 2, cv::INTER_CUBIC);
  return first_found(twice, scale * 2, {local, sharpened});
}

}  // namespace

std::vector<std::string> pieces_of_form(const std::string& text, const FieldSpec& field) {
  std::vector<std::string> found;
  if (!field.constraints.pattern_regex) return found;
  std::string piece;
  auto check = [&] {
    const std::size_t length = utf8::length(piece);
    const bool fits = !piece.empty() && RE2::FullMatch(piece, *field.constraints.pattern_regex) &&
                      (!field.constraints.min_length || length >= *field.constraints.min_length) &&
                      (!field.constraints.max_length || length <= *field.constraints.max_length);
    if (fits) found.push_back(piece);
    piece.clear();
  };
  for (const char c : text) {
    if (alphanumeric(c)) {
      piece += c;
    } else {
      check();
    }
  }
  check();
  return found;
}

Result<std::unique_ptr<Expert>> QrCodeExpert::create(const ExpertOptions& /*options*/) {
  return std::unique_ptr<Expert>(std::make_unique<QrCodeExpert>());
}

Result<std::vector<Candidate>> QrCodeExpert::propose(const Document& document,
                                                     std::span<const FieldSpec* const> fields) const {
  const auto start = std::chrono::steady_clock::now();
  std::vector<Candidate> out;
  if (document.image().empty()) return out;
  const std::vector<Decoded> codes = decode_codes(document.image());
  const double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  for (const FieldSpec* field : fields) {
    for (const Decoded& code : codes) {
      const std::vector<std::string> pieces = pieces_of_form(code.text, *field);
      if (pieces.size() != 1) continue;  // None, or no telling which.
      Candidate candidate;
      candidate.field = field->name;
      candidate.value = pieces.front();
      candidate.raw = pieces.front();
      candidate.confidence = kConfidence;
      candidate.evidence.push_back(Evidence{"qr_code", code.text, code.box});
      out.push_back(std::move(candidate));
    }
  }
  for (Candidate& candidate : out) candidate.cost.ms = ms / static_cast<double>(out.size());
  return out;
}

}  // namespace mixtract
