// What every synthetic page is drawn with: text in a real font (placed, centred, wrapped), a tinted
// blank page, a border, a red seal and a photo's place.
#ifndef MIXTRACT_TOOLS_SYNTH_DRAWING_H_
#define MIXTRACT_TOOLS_SYNTH_DRAWING_H_

#include <random>
#include <string>
#include <vector>

#include <opencv2/core.hpp>

#include "fonts.h"

namespace mixtract::synth {

inline const cv::Scalar kInk(40, 30, 30);
inline const cv::Scalar kSealRed(40, 30, 215);

int uniform(std::mt19937& rng, int lo, int hi);

// Draws `text` with its top-left corner at `origin`.
void put(const Font& font, cv::Mat& page, const std::string& text, cv::Point origin, int height, cv::Scalar colour);
int text_width(const Font& font, const std::string& text, int height);
// `height`, or less where `text` set at it would be wider than `width`: the height that fits it, as a printer sets a
// long line smaller to fit the page.
int height_to_fit(const Font& font, const std::string& text, int height, int width);
void put_centered(const Font& font, cv::Mat& page, const std::string& text, cv::Point centre, int height,
                  cv::Scalar colour);
// `text` in lines of at most `width` pixels at `height` (a single character wider than that on a line of
// its own), each filled before the next, as a word processor wraps; none for no text.
std::vector<std::string> filled_lines(const Font& font, const std::string& text, int width, int height);
// Draws `text` wrapped to `width` pixels from (x, y), adding each line to `lines`; returns the y below
// the last line.
int put_wrapped(const Font& font, cv::Mat& page, const std::string& text, cv::Point origin, int width, int height,
                cv::Scalar colour, std::vector<std::string>& lines);

// A page of paper, faintly tinted.
cv::Mat blank_page(int width, int height, std::mt19937& rng);
// A certificate's coloured double border, sometimes with a row of small diamonds.
void draw_border(cv::Mat& page, std::mt19937& rng);
// A red round seal with a star and the issuer's name around the top, blended so that text below it
// still shows through, as a real stamp does.
void draw_seal(cv::Mat& page, const Font& font, cv::Point centre, const std::string& issuer, std::mt19937& rng);
// The place of the holder's photo: a grey silhouette.
void photo_box(cv::Mat& page, cv::Rect box);

}  // namespace mixtract::synth

#endif  // MIXTRACT_TOOLS_SYNTH_DRAWING_H_
