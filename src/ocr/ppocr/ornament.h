// Ornaments: rows a detector takes for text lines that are not text (a border of ◆◆◆◆, a guilloche
// band). They are dropped from a page's reading, so that no expert reads them and their cost stays low.
#ifndef MIXTRACT_OCR_PPOCR_ORNAMENT_H_
#define MIXTRACT_OCR_PPOCR_ORNAMENT_H_

#include <string_view>

namespace mixtract::ppocr {

// True when `text` is read from an ornament: at least four characters of which fewer than a third are
// word characters (Han, digits, letters), or at least six of which one character other than a digit
// makes up 60% or more (◆◆◆◆◆◆, 一一一一一一). A date or a number (100000000000001) is neither.
bool is_ornament(std::string_view text);

}  // namespace mixtract::ppocr

#endif  // MIXTRACT_OCR_PPOCR_ORNAMENT_H_
