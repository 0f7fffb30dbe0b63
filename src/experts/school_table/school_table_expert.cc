#include "experts/school_table/school_table_expert.h"

#include <algorithm>
#include <cmath>

#include "core/utf8.h"

namespace mixtract {
namespace {

// The page's characters in reading order, punctuation and spaces left out (OCR adds and drops them,
// and names are matched without them), each with its line and confidence.
struct PageChars {
  std::u32string text;
  std::vector<std::size_t> line;
  std::vector<float> confidence;
};

PageChars page_chars(const OcrResult& ocr) {
  PageChars page;
  for (std::size_t l = 0; l < ocr.lines.size(); ++l) {
    const OcrLine& line = ocr.lines[l];
    const std::vector<char32_t> chars = utf8::decode(line.text);
    for (std::size_t i = 0; i < chars.size(); ++i) {
      if (!utf8::is_word_character(chars[i])) continue;
      page.text.push_back(chars[i]);
      page.line.push_back(l);
      page.confidence.push_back(i < line.char_confidences.size() ? line.char_confidences[i] : line.confidence);
    }
  }
  return page;
}

}  // namespace

std::vector<Candidate> find_schools(const OcrResult& ocr, const SchoolTable& schools, const std::string& field,
                                    std::size_t max_results) {
  const PageChars page = page_chars(ocr);
  std::vector<Candidate> out;
  const std::vector<SchoolTable::Match> matches = schools.find_in_text(page.text, max_results);
  for (const SchoolTable::Match& match : matches) {
    if (match.end <= match.begin) continue;
    // Another school read over more of the same characters: this name may be the start of that one
    // (中国传媒大学 in a misread 中国传媒大学南广学院).
    const bool inside_longer = std::any_of(matches.begin(), matches.end(), [&](const SchoolTable::Match& other) {
      return other.begin <= match.begin && match.end <= other.end && other.end - other.begin > match.end - match.begin;
    });
    Candidate candidate;
    candidate.field = field;
    candidate.value = match.school->name;
    candidate.raw = utf8::encode(std::vector<char32_t>(page.text.begin() + static_cast<std::ptrdiff_t>(match.begin),
                                                       page.text.begin() + static_cast<std::ptrdiff_t>(match.end)));
    const float lowest = *std::min_element(page.confidence.begin() + static_cast<std::ptrdiff_t>(match.begin),
                                           page.confidence.begin() + static_cast<std::ptrdiff_t>(match.end));
    candidate.confidence = lowest * std::pow(0.8, static_cast<double>(match.distance + (inside_longer ? 1 : 0)));
    const std::size_t first_line = page.line[match.begin];
    const std::size_t last_line = page.line[match.end - 1];
    for (std::size_t l = first_line; l <= last_line; ++l) {
      candidate.evidence.push_back({"ocr_line:" + std::to_string(l), ocr.lines[l].text, ocr.lines[l].box});
    }
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
