// The CJK fonts synthetic pages are drawn with (Debian packages), loaded once.
#ifndef MIXTRACT_TOOLS_SYNTH_FONTS_H_
#define MIXTRACT_TOOLS_SYNTH_FONTS_H_

#include <random>
#include <string>
#include <vector>

#include <opencv2/freetype.hpp>

#include "mixtract/status.h"

namespace mixtract::synth {

struct Font {
  std::string name;  // "song", "kai", "hei", "ming"
  cv::Ptr<cv::freetype::FreeType2> face;
};

class FontSet {
 public:
  // Loads Song (Noto Serif CJK SC), Hei (Noto Sans CJK SC), Kai (AR PL UKai) and Ming (AR PL UMing).
  // A missing font file is an error naming the file and its Debian package.
  static Result<FontSet> load();

  const Font& song() const { return fonts_[0]; }
  const Font& any(std::mt19937& rng) const;

 private:
  std::vector<Font> fonts_;
};

}  // namespace mixtract::synth

#endif  // MIXTRACT_TOOLS_SYNTH_FONTS_H_
