// Whether a seal's red ink lies over a line of text: what the page read with red ink faded out may read
// otherwise.
#ifndef MIXTRACT_OCR_RED_INK_H_
#define MIXTRACT_OCR_RED_INK_H_

#include <opencv2/core.hpp>

#include "mixtract/ocr.h"

namespace mixtract {

// The share of the pixels inside `box` (clipped to the page; 0 when nothing of it is on the page) that are
// red ink: clearly redder than they are green or blue, as a seal's ink is and paper, black and blue print are
// not.
double red_ink_share(const cv::Mat& bgr, const Quad& box);

}  // namespace mixtract

#endif  // MIXTRACT_OCR_RED_INK_H_
