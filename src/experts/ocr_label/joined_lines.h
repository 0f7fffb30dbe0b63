// A page's lines with the pieces of one printed label or word put back together, for the label experts:
// OCR reads a widely spaced label as one line per character (住  址), and a label wrapped inside a narrow
// table cell as two lines (毕（结） above 业日期).
#ifndef MIXTRACT_EXPERTS_OCR_LABEL_JOINED_LINES_H_
#define MIXTRACT_EXPERTS_OCR_LABEL_JOINED_LINES_H_

#include <cstddef>
#include <span>
#include <string>
#include <vector>

#include "ocr/ocr.h"

namespace mixtract {

// The joined page: its lines, each joined line where its first piece was read (text, character
// confidences and box of the pieces together), and for each line the page's lines it holds.
struct JoinedLines {
  OcrResult ocr;
  std::vector<std::vector<std::size_t>> origins;

  bool any_joined() const { return ocr.lines.size() < origins_total(); }
  std::size_t origins_total() const;
};

// A line of one or two characters joined with the line right of it on the same row, close by (a gap under
// three times its height: two characters' spacing), for as long as the joined line has at most two
// characters.
JoinedLines short_fragments_joined(const OcrResult& ocr);

// Two lines, one just under the other (a gap under 0.8 of a line height) and across from it (centred over
// each other within a line height), of like height, that together are exactly one of `labels` (a colon
// after it allowed; one character misread in a label of four or more): a label wrapped in its cell.
JoinedLines stacked_labels_joined(const OcrResult& ocr, std::span<const std::string> labels);

}  // namespace mixtract

#endif  // MIXTRACT_EXPERTS_OCR_LABEL_JOINED_LINES_H_
