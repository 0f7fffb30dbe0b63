// Turns a clean page into what a phone photo or a poor scan of it looks like.
#ifndef MIXTRACT_TOOLS_SYNTH_PHOTO_EFFECTS_H_
#define MIXTRACT_TOOLS_SYNTH_PHOTO_EFFECTS_H_

#include <optional>
#include <random>
#include <string_view>

#include <opencv2/core/mat.hpp>

namespace mixtract::synth {

enum class Difficulty {
  kClean,  // The page as rendered: upright, sharp, JPEG quality 92.
  kPhoto,  // A careful photo: small tilt and perspective, soft light gradient, slight blur and noise,
           // 60-90% resolution, JPEG quality 60-85.
  kHard,   // A careless photo: up to 10 degrees of tilt, strong perspective, a shadow, more blur and
           // noise, 45-65% resolution, JPEG quality 35-60.
};

// "clean", "photo", "hard"; nullopt otherwise.
std::optional<Difficulty> parse_difficulty(std::string_view name);

struct Photo {
  cv::Mat image;
  int jpeg_quality = 92;
};

Photo apply_photo_effects(const cv::Mat& page, Difficulty difficulty, std::mt19937& rng);

}  // namespace mixtract::synth

#endif  // MIXTRACT_TOOLS_SYNTH_PHOTO_EFFECTS_H_
