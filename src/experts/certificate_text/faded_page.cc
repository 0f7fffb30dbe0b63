#include "experts/certificate_text/faded_page.h"

#include <algorithm>
#include <optional>
#include <vector>

#include <re2/re2.h>

#include "experts/certificate_text/cues.h"
#include "experts/certificate_text/joined_text.h"
#include "ocr/line_geometry.h"
#include "ocr/red_ink.h"
#include "rules/date.h"

namespace mixtract {
namespace {

// The full dates `text` holds, as ISO dates, in order.
std::vector<std::string> dates_in(const std::string& text) {
  std::vector<std::string> dates;
  re2::StringPiece rest(text);
  re2::StringPiece found;
  while (re2::RE2::FindAndConsume(&rest, any_date(), &found)) {
    if (const std::optional<Date> date = parse_date(std::string(found))) dates.push_back(to_iso(*date));
  }
  return dates;
}

// The lines of `ocr` on the row of line `at` that run on from it, each within three line heights of the run:
// the pieces a seal's ring broke a date into (二〇 / 年六月 / 十日), `at` among them.
std::vector<std::size_t> row_pieces(const OcrResult& ocr, std::size_t at) {
  const OcrLine& line = ocr.lines[at];
  const float reach = 3 * height_of(line.box);
  float left = left_of(line.box), right = right_of(line.box);
  std::vector<std::size_t> pieces{at};
  for (bool grew = true; grew;) {
    grew = false;
    for (std::size_t i = 0; i < ocr.lines.size(); ++i) {
      const OcrLine& other = ocr.lines[i];
      if (std::find(pieces.begin(), pieces.end(), i) != pieces.end() || !same_row(line, other) ||
          left_of(other.box) > right + reach || right_of(other.box) < left - reach) {
        continue;
      }
      pieces.push_back(i);
      left = std::min(left, left_of(other.box));
      right = std::max(right, right_of(other.box));
      grew = true;
    }
  }
  return pieces;
}

// A date read closer: the line that holds it and the pieces of the row it was read from.
struct CloserDate {
  OcrLine line;
  std::vector<std::size_t> pieces;
};

// Whether `text` is the start of a year and nothing more (二0, 二〇一, 20, 19): a date row the detector cut short
// where a seal's ring crosses the rest.
bool year_start_alone(const std::string& text) {
  static const re2::RE2 kYearStart("\\s*(?:19|20|一九|二[〇0Oo零])[0-9〇零一二三四五六七八九Oo]{0,2}\\s*");
  return re2::RE2::FullMatch(text, kYearStart);
}

// Line `at` of `reading` and the pieces of its row, when the row lies under a seal, read again enlarged with red
// ink faded and the seal's faint trace whitened as well: the ring's remains across a character are gone there
// (六月十二日 read 六月十空日 with the red faded), and a character the detector left between two pieces is found. A
// row of a year's start alone is read fourteen line heights further right, where the rest of its date stands, and
// with the red faded alone where whitening leaves no date (on a photograph it may take the print with the trace). The
// line of that reading that holds one date, boxed as the row (a line with no text where none does); nullopt where the
// row lies under no seal.
Result<std::optional<CloserDate>> date_read_closer(OcrService& ocr, const Document& document, const OcrResult& reading,
                                                   std::size_t at) {
  CloserDate found{{}, row_pieces(reading, at)};
  found.line.box = bounding_quad(reading, found.pieces);
  const bool cut_short = found.pieces.size() == 1 && year_start_alone(reading.lines[at].text);
  if (cut_short) {
    const float reach = 14 * height_of(found.line.box);
    found.line.box[1].x += reach;
    found.line.box[2].x += reach;
  }
  if (red_ink_share(document.image(), found.line.box) < kRedInkOverLine) return std::optional<CloserDate>();
  RereadOptions options;
  options.drop_red = true;
  for (const bool whiten : {true, false}) {
    if (!whiten && !cut_short) break;
    options.whiten_faint = whiten;
    MIXTRACT_ASSIGN_OR_RETURN(std::shared_ptr<const OcrResult> again,
                              ocr.reread(document, "ppocr", found.line.box, options));
    for (const OcrLine& closer : again->lines) {
      if (dates_in(closer.text).size() != 1) continue;
      const Quad row = found.line.box;
      found.line = closer;
      found.line.box = row;
      return std::optional<CloserDate>(std::move(found));
    }
  }
  return std::optional<CloserDate>(std::move(found));
}

// Whether the line in `box`, read again enlarged with `options`, holds the date `iso`.
bool reads_so_again(OcrService& ocr, const Document& document, const Quad& box, const std::string& iso,
                    const RereadOptions& options) {
  const Result<std::shared_ptr<const OcrResult>> reread = ocr.reread(document, "ppocr", box, options);
  if (!reread.ok()) return false;
  const std::vector<std::string> dates = dates_in(join_lines(**reread).text);
  return std::find(dates.begin(), dates.end(), iso) != dates.end();
}

}  // namespace

bool reads_so_with_red_faded(OcrService& ocr, const Document& document, const Quad& box, const std::string& iso) {
  RereadOptions options;
  options.drop_red = true;
  return reads_so_again(ocr, document, box, iso, options);
}

bool reads_so_closer_as_printed(OcrService& ocr, const Document& document, const Quad& box, const std::string& iso) {
  return reads_so_again(ocr, document, box, iso, RereadOptions());
}

Result<FadedPage> read_faded_page(OcrService& ocr, const Document& document) {
  MIXTRACT_ASSIGN_OR_RETURN(std::shared_ptr<const OcrResult> faded, ocr.read_without_red(document, "ppocr"));
  FadedPage page{*faded, {}};
  std::vector<OcrLine>& lines = page.reading.lines;
  std::vector<bool> absorbed(lines.size(), false);
  std::map<std::size_t, std::string> doubts;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (absorbed[i] || lines[i].text.find("年") == std::string::npos) continue;
    MIXTRACT_ASSIGN_OR_RETURN(std::optional<CloserDate> closer, date_read_closer(ocr, document, page.reading, i));
    if (!closer) continue;
    const std::vector<std::string> before = dates_in(lines[i].text), after = dates_in(closer->line.text);
    if (before == after) continue;
    if (after.empty()) {
      doubts[i] = "read so with the red faded, and not so closer with the seal's trace whitened";
      continue;
    }
    doubts[i] = "read so only closer, with the seal's trace whitened" +
                (before.empty() ? std::string() : "; with the red faded only, " + before.front());
    lines[i] = std::move(closer->line);
    for (const std::size_t piece : closer->pieces) absorbed[piece] = piece != i;
  }
  std::vector<OcrLine> kept;
  for (std::size_t i = 0; i < lines.size(); ++i) {
    if (absorbed[i]) continue;
    if (const auto doubt = doubts.find(i); doubt != doubts.end()) page.doubts[kept.size()] = doubt->second;
    kept.push_back(std::move(lines[i]));
  }
  lines = std::move(kept);
  MIXTRACT_ASSIGN_OR_RETURN(std::shared_ptr<const OcrResult> printed, ocr.read(document, "ppocr"));
  for (std::size_t i = 0; i < printed->lines.size(); ++i) {
    const std::string& text = printed->lines[i].text;
    if (text.find("年") == std::string::npos && text.find("月") == std::string::npos && !year_start_alone(text)) {
      continue;
    }
    MIXTRACT_ASSIGN_OR_RETURN(std::optional<CloserDate> closer, date_read_closer(ocr, document, *printed, i));
    if (!closer || closer->line.text.empty()) continue;
    const std::string date = dates_in(closer->line.text).front();
    const bool known = std::any_of(lines.begin(), lines.end(), [&](const OcrLine& line) {
      const std::vector<std::string> dates = dates_in(line.text);
      return std::find(dates.begin(), dates.end(), date) != dates.end();
    });
    if (known) continue;
    page.doubts[lines.size()] =
        "read so only closer, with the seal's trace whitened; the page with red ink faded "
        "missed the row";
    lines.push_back(std::move(closer->line));
  }
  return page;
}

}  // namespace mixtract
