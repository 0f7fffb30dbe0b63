// Draws synthetic document pages with real font rasterisation: graduation and degree certificates in
// the layout their family gives and ID cards on the page theirs gives (families.h: the front alone, or
// both sides photocopied onto A4), with varied fonts, tints, borders, number colours and a red seal that
// may overlap text. The pages are clean and upright; photo_effects.h turns them into photos.
#ifndef MIXTRACT_TOOLS_SYNTH_PAGE_RENDERER_H_
#define MIXTRACT_TOOLS_SYNTH_PAGE_RENDERER_H_

#include <random>
#include <string>
#include <vector>

#include <opencv2/core/mat.hpp>

#include "families.h"
#include "fonts.h"
#include "synth_types.h"

namespace mixtract::synth {

// A rendered page and its text, one entry per printed row (the seal's text excluded), as an OCR
// engine should read it.
struct Page {
  cv::Mat image;
  std::vector<std::string> lines;
};

// Not thread-safe (FreeType faces keep state): one renderer per thread.
class PageRenderer {
 public:
  explicit PageRenderer(const FontSet& fonts) : fonts_(fonts) {}

  // A graduation or degree certificate as a family writes it (families.h).
  Page certificate(const CertificateText& text, std::mt19937& rng) const;
  // An ID card on the page its family draws it on (families.h).
  Page id_card(const Person& person, CardPage page, std::mt19937& rng) const;
  // A verification report as its family writes it (families.h), with its QR code (report_page.cc).
  Page report(const ReportText& text, std::mt19937& rng) const;

 private:
  const FontSet& fonts_;
};

}  // namespace mixtract::synth

#endif  // MIXTRACT_TOOLS_SYNTH_PAGE_RENDERER_H_
