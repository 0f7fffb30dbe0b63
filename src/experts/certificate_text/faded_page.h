// The page read with a seal's red ink faded out, as the certificate_text experts read it: its date rows under the
// seal read again closer, and whether a date read through the red is what the line says with the red faded.
#ifndef MIXTRACT_EXPERTS_CERTIFICATE_TEXT_FADED_PAGE_H_
#define MIXTRACT_EXPERTS_CERTIFICATE_TEXT_FADED_PAGE_H_

#include <cstddef>
#include <map>
#include <string>

#include "mixtract/document.h"
#include "mixtract/status.h"
#include "ocr/ocr.h"
#include "ocr/ocr_service.h"

namespace mixtract {

// The page read with red ink faded out, and why the date of some of its lines is in doubt.
struct FadedPage {
  OcrResult reading;
  std::map<std::size_t, std::string> doubts;  // Line -> why.
};

// The page read with red ink faded out, where each date row under a seal (a line with a 年 in it and the pieces of
// its row within three line heights) is read again enlarged, with the seal's faint trace whitened as well: the
// ring's remains across a character go (六月十二日 read 六月十空日 with the red faded), and a character the detector
// left between two pieces is found. A line takes that reading where it holds one date the line did not, and the
// row's other pieces go; a date row the faded page lost altogether is added from the pieces the page as printed read
// of it (二〇 / 年六月 / 十日, or 二0 alone where the ring hid the rest of the row from the detector). A date the two
// readings do not agree on is in doubt (the whitening may take a stroke with the trace, 23 read 2; the faded view may
// keep one, 20 read 29): `doubts` says so for its line.
Result<FadedPage> read_faded_page(OcrService& ocr, const Document& document);

// Whether the line in `box`, read again enlarged with red ink faded out, holds the date `iso` (a seal's ring
// across a character may have changed it: 七 read 十).
bool reads_so_with_red_faded(OcrService& ocr, const Document& document, const Quad& box, const std::string& iso);

// Whether the line in `box`, read again enlarged as printed, holds the date `iso`: for a date read with the red faded,
// a second view of the same damage, the ring's ink across a character rather than its faded trace (on the
// development sets it read none of the faded view's wrong dates as they were: 二十日 read 二十九日 where the trace
// crossed the 十).
bool reads_so_closer_as_printed(OcrService& ocr, const Document& document, const Quad& box, const std::string& iso);

}  // namespace mixtract

#endif  // MIXTRACT_EXPERTS_CERTIFICATE_TEXT_FADED_PAGE_H_
