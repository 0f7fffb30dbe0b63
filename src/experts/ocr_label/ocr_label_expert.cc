#include "experts/ocr_label/ocr_label_expert.h"

#include <algorithm>

#include "core/utf8.h"
#include "rules/date.h"

namespace mixtract {
namespace {

bool is_separator(char32_t c) {
  return c == U'：' || c == U':' || c == U' ' || c == 0x3000 || c == U'\t';
}

bool ends_text(char32_t c) {
  return c == U'，' || c == U',' || c == U'。' || c == U'；' || c == U';' || c == U'（' || c == U'(' || c == U' ' ||
         c == 0x3000 || c == U'、';
}

}  // namespace

std::optional<LabelledValue> value_after_label(const std::string& line, std::string_view label, FieldKind kind) {
  const std::vector<char32_t> chars = utf8::decode(line);
  const std::vector<char32_t> wanted = utf8::decode(label);
  if (wanted.empty()) return std::nullopt;
  const auto at = std::search(chars.begin(), chars.end(), wanted.begin(), wanted.end());
  if (at == chars.end()) return std::nullopt;
  std::size_t begin = static_cast<std::size_t>(at - chars.begin()) + wanted.size();
  while (begin < chars.size() && is_separator(chars[begin])) ++begin;
  std::size_t end = begin;
  std::vector<char32_t> value;
  switch (kind) {
    case FieldKind::kCode:
      for (; end < chars.size(); ++end) {
        char32_t c = chars[end];
        if (c >= 0xFF10 && c <= 0xFF19) c -= 0xFEE0;  // Full-width digits.
        if (c == U' ') continue;
        if (!((c >= U'0' && c <= U'9') || c == U'X' || c == U'x')) break;
        value.push_back(c == U'x' ? U'X' : c);
      }
      break;
    case FieldKind::kGender:
      if (end < chars.size() && (chars[end] == U'男' || chars[end] == U'女')) value.push_back(chars[end++]);
      break;
    case FieldKind::kDate: {
      // The longest prefix (dates are at most 16 characters) that reads as a date: 二〇一九年六月三 already
      // reads as June 3, so the shortest would cut 三十日 short.
      const std::size_t limit = std::min(chars.size(), begin + 16);
      for (std::size_t stop = begin + 1; stop <= limit; ++stop) {
        const std::vector<char32_t> piece(chars.begin() + static_cast<std::ptrdiff_t>(begin),
                                          chars.begin() + static_cast<std::ptrdiff_t>(stop));
        if (const std::optional<Date> date = parse_date(utf8::encode(piece))) {
          const std::string iso = to_iso(*date);
          value.assign(iso.begin(), iso.end());
          end = stop;
        }
      }
      break;
    }
    default:
      for (; end < chars.size() && !ends_text(chars[end]); ++end) value.push_back(chars[end]);
  }
  if (value.empty()) return std::nullopt;
  LabelledValue out;
  out.value = utf8::encode(value);
  out.raw = utf8::encode(std::vector<char32_t>(chars.begin() + static_cast<std::ptrdiff_t>(begin),
                                               chars.begin() + static_cast<std::ptrdiff_t>(end)));
  out.first = begin;
  out.count = end - begin;
  return out;
}

ExpertFactory OcrLabelExpert::factory(std::string engine) {
  return [engine](const ExpertOptions& options) -> Result<std::unique_ptr<Expert>> {
    if (!options.ocr) return Status::unavailable("OCR is not set up for this run");
    MIXTRACT_RETURN_IF_ERROR(options.ocr->engine(engine).status());  // Fail early on missing models.
    return std::unique_ptr<Expert>(std::make_unique<OcrLabelExpert>(engine, options.ocr));
  };
}

Result<std::vector<Candidate>> OcrLabelExpert::propose(const Document& document,
                                                       std::span<const FieldSpec* const> fields) const {
  MIXTRACT_ASSIGN_OR_RETURN(std::shared_ptr<const OcrResult> ocr, ocr_->read(document, engine_));
  std::vector<Candidate> out;
  for (const FieldSpec* field : fields) {
    // Longer labels first: 证书编号 before 编号.
    std::vector<std::string> labels = field->hints.labels;
    std::stable_sort(labels.begin(), labels.end(),
                     [](const std::string& a, const std::string& b) { return utf8::length(a) > utf8::length(b); });
    bool found = false;
    for (std::size_t index = 0; index < ocr->lines.size() && !found; ++index) {
      const OcrLine& line = ocr->lines[index];
      for (const std::string& label : labels) {
        const std::optional<LabelledValue> hit = value_after_label(line.text, label, field->kind);
        if (!hit) continue;
        Candidate candidate;
        candidate.field = field->name;
        candidate.value = hit->value;
        candidate.raw = hit->raw;
        float confidence = 1;
        for (std::size_t i = hit->first; i < hit->first + hit->count && i < line.char_confidences.size(); ++i) {
          confidence = std::min(confidence, line.char_confidences[i]);
        }
        candidate.confidence = confidence;
        candidate.evidence.push_back({"ocr_line:" + std::to_string(index), line.text, line.box});
        out.push_back(std::move(candidate));
        found = true;
        break;
      }
    }
  }
  return out;
}

}  // namespace mixtract
