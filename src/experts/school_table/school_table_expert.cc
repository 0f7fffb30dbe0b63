#include "experts/school_table/school_table_expert.h"

#include <algorithm>
#include <cmath>

#include "core/utf8.h"
#include "experts/page_chars.h"
#include "ocr/line_geometry.h"
#include "ocr/ocr_service.h"

namespace mixtract {
namespace {

// How many rows OCR lines first to last lie on, in reading order: a line on the row of the one before it
// starts no new one.
std::size_t rows_under(const OcrResult& ocr, std::size_t first, std::size_t last) {
  std::size_t rows = 1;
  for (std::size_t l = first + 1; l <= last; ++l) rows += same_row(ocr.lines[l - 1], ocr.lines[l]) ? 0u : 1u;
  return rows;
}

// Whether page character `at` lies in a labelled value past its first character (文 of 校长：李文华).
bool inside_labelled_value(const OcrResult& ocr, const PageChars& page, std::size_t at) {
  const std::size_t line = page.line[at];
  std::size_t first = at;  // The line's first character on the page.
  while (first > 0 && page.line[first - 1] == line) --first;
  std::size_t value_start = 0;  // Where the value starts, counted as the page counts: word characters.
  for (const char32_t c : utf8::decode(ocr.lines[line].text)) {
    if (c == U'：' || c == U':') return value_start > 0 && at - first > value_start;
    if (utf8::is_word_character(c)) ++value_start;
  }
  return false;
}

}  // namespace

std::vector<Candidate> find_schools(const OcrResult& ocr, const SchoolTable& schools, const std::string& field,
                                    std::size_t max_results) {
  const PageChars page = PageChars::of(ocr);
  std::vector<Candidate> out;
  const std::vector<SchoolTable::Match> matches = schools.find_in_text(page.text, max_results);
  for (const SchoolTable::Match& match : matches) {
    if (match.end <= match.begin) continue;
    // A name in print runs over two rows at most (boxes a seal cut one row into are one row); a correction
    // that gathers characters from three rows gathers other words (校长：李文华 / 学 / 证书编号 read as 文华学证
    // for 文华学院).
    if (match.distance > 0 && rows_under(ocr, page.line[match.begin], page.line[match.end - 1]) > 2) continue;
    // Nor does it open inside the word a label introduces (校长：李文华 / 学 read as 文华学 for 文华学院), though a
    // seal's character read first costs one (发证单位：文云南师范大学文理学 gives only the exact 云南师范大学, which
    // the number's school then completes, for review).
    if (match.distance > 0 && inside_labelled_value(ocr, page, match.begin)) continue;
    // Another school read over more of the same characters: this name may be the start of that one
    // (中国传媒大学 in a misread 中国传媒大学南广学院).
    const bool inside_longer = std::any_of(matches.begin(), matches.end(), [&](const SchoolTable::Match& other) {
      return other.begin <= match.begin && match.end <= other.end && other.end - other.begin > match.end - match.begin;
    });
    Candidate candidate;
    candidate.field = field;
    candidate.value = match.school->name;
    candidate.raw = page.slice(match.begin, match.end);
    candidate.confidence = page.lowest_confidence(match.begin, match.end) *
                           std::pow(0.8, static_cast<double>(match.distance + (inside_longer ? 1 : 0)));
    candidate.evidence = page.evidence(ocr, match.begin, match.end);
    if (inside_longer) {
      candidate.evidence.push_back(
          {"school_table", "the page reads on past '" + candidate.value + "': a longer name?", std::nullopt});
    }
    if (match.distance > 0) {
      candidate.evidence.push_back({"school_table",
                                    "read '" + candidate.raw + "', corrected to '" + candidate.value + "' (" +
                                        std::to_string(match.distance) + " edit(s))",
                                    std::nullopt});
    }
    out.push_back(std::move(candidate));
  }
  return out;
}

Result<std::unique_ptr<Expert>> SchoolTableExpert::create(const ExpertOptions& options) {
  if (!options.ocr) return Status::unavailable("OCR is not set up for this run");
  MIXTRACT_RETURN_IF_ERROR(options.ocr->engine("ppocr").status());
  return std::unique_ptr<Expert>(std::make_unique<SchoolTableExpert>(options.ocr, schools_of(options)));
}

Result<std::vector<Candidate>> SchoolTableExpert::propose(const Document& document,
                                                          std::span<const FieldSpec* const> fields) const {
  MIXTRACT_ASSIGN_OR_RETURN(std::shared_ptr<const OcrResult> ocr, ocr_->read(document, "ppocr"));
  std::vector<Candidate> out;
  for (const FieldSpec* field : fields) {
    if (field->kind != FieldKind::kSchool) continue;
    std::vector<Candidate> found = find_schools(*ocr, *schools_, field->name, 3);
    std::move(found.begin(), found.end(), std::back_inserter(out));
  }
  return out;
}

}  // namespace mixtract
