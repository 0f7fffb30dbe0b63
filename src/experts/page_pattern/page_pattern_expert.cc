#include "experts/page_pattern/page_pattern_expert.h"

#include <algorithm>
#include <memory>

#include <re2/re2.h>

#include "core/utf8.h"
#include "ocr/line_confidence.h"
#include "ocr/ocr_service.h"
#include "rules/date.h"

namespace mixtract {
namespace {

// Text that may be a date: each is checked by parse_date.
const re2::RE2& date_shapes() {
  static const re2::RE2 kShapes(
      "(\\d{4}\\s*[-/.年]\\s*\\d{1,2}\\s*[-/.月]\\s*\\d{1,2}\\s*日?"
      "|\\d{1,2}[-/.]\\d{1,2}[-/.]\\d{4}"
      "|\\d{1,2}[\\s-]*[A-Za-z]{3,9}\\.?[\\s,-]*\\d{4}"
      "|[A-Za-z]{3,9}\\.?\\s*\\d{1,2}(?:st|nd|rd|th)?,?\\s*\\d{4}"
      "|[〇零○一二三四五六七八九]{4}年[一二三四五六七八九十]{1,3}月[一二三四五六七八九十]{1,3}日)");
  return kShapes;
}

}  // namespace

std::vector<Candidate> find_by_form(const OcrResult& ocr, const FieldSpec& field) {
  std::unique_ptr<re2::RE2> code_pattern;  // The field's pattern as one group.
  const re2::RE2* pattern = &date_shapes();
  if (field.kind == FieldKind::kCode && !field.constraints.pattern.empty()) {
    code_pattern = std::make_unique<re2::RE2>("(" + field.constraints.pattern + ")");
    pattern = code_pattern.get();
  } else if (field.kind != FieldKind::kDate) {
    return {};
  }
  std::vector<Candidate> out;
  for (std::size_t index = 0; index < ocr.lines.size(); ++index) {
    const OcrLine& line = ocr.lines[index];
    re2::StringPiece rest(line.text);
    re2::StringPiece found;
    while (!rest.empty() && re2::RE2::PartialMatch(rest, *pattern, &found) && !found.empty()) {
      const std::string raw(found);
      const std::size_t byte = static_cast<std::size_t>(found.data() - line.text.data());
      rest = re2::StringPiece(found.data() + found.size(), line.text.size() - byte - found.size());
      std::string value = raw;
      if (field.kind == FieldKind::kDate) {
        const std::optional<Date> date = parse_date(raw);
        if (!date) continue;
        value = to_iso(*date);
      }
      if (std::any_of(out.begin(), out.end(), [&](const Candidate& c) { return c.value == value; })) continue;
      Candidate candidate;
      candidate.field = field.name;
      candidate.value = value;
      candidate.raw = raw;
      const std::size_t first = utf8::length(std::string_view(line.text).substr(0, byte));
      candidate.confidence = 0.9 * lowest_confidence(line, first, utf8::length(raw));
      candidate.evidence.push_back({"ocr_line:" + std::to_string(index), line.text, line.box});
      out.push_back(std::move(candidate));
    }
  }
  if (out.size() > 1) {
    for (Candidate& candidate : out) {
      candidate.confidence /= 2;
      candidate.evidence.push_back(
          {"page_pattern", "the page holds " + std::to_string(out.size()) + " values of this form", std::nullopt});
    }
  }
  return out;
}

Result<std::unique_ptr<Expert>> PagePatternExpert::create(const ExpertOptions& options) {
  if (!options.ocr) return Status::unavailable("OCR is not set up for this run");
  MIXTRACT_RETURN_IF_ERROR(options.ocr->engine("ppocr").status());
  return std::unique_ptr<Expert>(std::make_unique<PagePatternExpert>(options.ocr));
}

Result<std::vector<Candidate>> PagePatternExpert::propose(const Document& document,
                                                          std::span<const FieldSpec* const> fields) const {
  MIXTRACT_ASSIGN_OR_RETURN(std::shared_ptr<const OcrResult> ocr, ocr_->read(document, "ppocr"));
  std::vector<Candidate> out;
  for (const FieldSpec* field : fields) {
    std::vector<Candidate> found = find_by_form(*ocr, *field);
    std::move(found.begin(), found.end(), std::back_inserter(out));
  }
  return out;
}

}  // namespace mixtract
