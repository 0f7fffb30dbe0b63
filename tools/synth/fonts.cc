#include "fonts.h"

#include <filesystem>

namespace mixtract::synth {

Result<FontSet> FontSet::load() {
  struct FontFile {
    const char* name;
    const char* path;
    int face_index;  // The Simplified Chinese face of the collection.
    const char* package;
  };
  static constexpr FontFile kFiles[] = {
      {"song", "/usr/share/fonts/opentype/noto/NotoSerifCJK-Regular.ttc", 2, "fonts-noto-cjk"},
      {"hei", "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2, "fonts-noto-cjk"},
      {"kai", "/usr/share/fonts/truetype/arphic/ukai.ttc", 0, "fonts-arphic-ukai"},
      {"ming", "/usr/share/fonts/truetype/arphic/uming.ttc", 0, "fonts-arphic-uming"},
  };
  FontSet set;
  for (const FontFile& file : kFiles) {
    if (!std::filesystem::exists(file.path)) {
      return Status::unavailable(std::string(file.path) + " is missing; install Debian's " + file.package +
                                 " (scripts/setup.sh does)");
    }
    Font font{file.name, cv::freetype::createFreeType2()};
    try {
      font.face->loadFontData(file.path, file.face_index);
    } catch (const cv::Exception& e) {
      return Status::unavailable(std::string(file.path) + ": cannot load font: " + e.what());
    }
    set.fonts_.push_back(std::move(font));
  }
  return set;
}

const Font& FontSet::any(std::mt19937& rng) const {
  return fonts_[std::uniform_int_distribution<std::size_t>(0, fonts_.size() - 1)(rng)];
}

}  // namespace mixtract::synth
