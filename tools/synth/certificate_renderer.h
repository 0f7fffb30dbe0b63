// Draws a graduation certificate image from its content, with real font rasterisation (FreeType).
#ifndef MIXTRACT_TOOLS_SYNTH_CERTIFICATE_RENDERER_H_
#define MIXTRACT_TOOLS_SYNTH_CERTIFICATE_RENDERER_H_

#include <memory>
#include <random>
#include <string>

#include <opencv2/core/mat.hpp>
#include <opencv2/freetype.hpp>

#include "certificate_content.h"
#include "mixtract/status.h"

namespace mixtract::synth {

// Not thread-safe: one renderer per thread.
class CertificateRenderer {
 public:
  // Loads the CJK serif font (Debian's fonts-noto-cjk). Fails with a message naming the package.
  static Result<std::unique_ptr<CertificateRenderer>> create();

  // A clean, upright certificate page (BGR).
  cv::Mat render(const CertificateTruth& truth, std::mt19937& rng);

 private:
  explicit CertificateRenderer(cv::Ptr<cv::freetype::FreeType2> font) : font_(std::move(font)) {}

  // Draws `text` wrapped to `width` pixels from (x, y); returns the y below the last line.
  int draw_wrapped(cv::Mat& page, const std::string& text, int x, int y, int width, int height, cv::Scalar colour);

  cv::Ptr<cv::freetype::FreeType2> font_;
};

}  // namespace mixtract::synth

#endif  // MIXTRACT_TOOLS_SYNTH_CERTIFICATE_RENDERER_H_
