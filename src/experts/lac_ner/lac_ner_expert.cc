#include "experts/lac_ner/lac_ner_expert.h"

#include <algorithm>

#include "core/utf8.h"

namespace mixtract {
namespace {

constexpr double kLacConfidence = 0.6;

bool ends_with_any(const std::string& text, std::initializer_list<std::string_view> endings) {
  return std::any_of(endings.begin(), endings.end(), [&](std::string_view e) { return text.ends_with(e); });
}

// What a word may be for a field of `kind`, or "" when nothing.
std::string value_for(FieldKind kind, const TaggedSpan& word) {
  switch (kind) {
    case FieldKind::kName: return word.tag == "PER" && word.length >= 2 && word.length <= 4 ? word.text : "";
    case FieldKind::kSchool:
      return word.tag == "ORG" && ends_with_any(word.text, {"大学", "学院", "学校"}) ? word.text : "";
    case FieldKind::kMajor: {
      constexpr std::string_view kMajor = "专业";
      if (!word.text.ends_with(kMajor) || word.length < 4) return "";
      return word.text.substr(0, word.text.size() - kMajor.size());
    }
    default: return "";
  }
}

}  // namespace

Result<std::unique_ptr<Expert>> LacNerExpert::create(const ExpertOptions& options) {
  if (!options.ocr) return Status::unavailable("OCR is not set up for this run");
  Result<Lac> lac = Lac::load(options.lac_dir.empty() ? Lac::default_folder() : options.lac_dir);
  if (!lac.ok()) return lac.status().with_context("LAC (scripts/setup.sh installs Debian's python3-jieba)");
  return std::unique_ptr<Expert>(std::make_unique<LacNerExpert>(options.ocr, *std::move(lac)));
}

std::vector<Candidate> lac_candidates(const Lac& lac, const OcrResult& ocr, std::span<const FieldSpec* const> fields) {
  std::vector<Candidate> out;
  for (std::size_t l = 0; l < ocr.lines.size(); ++l) {
    const OcrLine& line = ocr.lines[l];
    Result<std::vector<TaggedSpan>> words = lac.analyse(line.text);
    if (!words.ok()) continue;  // Text that is not UTF-8: nothing to propose.
    for (const TaggedSpan& word : *words) {
      for (const FieldSpec* field : fields) {
        const std::string value = value_for(field->kind, word);
        if (value.empty()) continue;
        float lowest = 1;
        for (std::size_t i = word.begin; i < word.begin + word.length && i < line.char_confidences.size(); ++i) {
          lowest = std::min(lowest, line.char_confidences[i]);
        }
        Candidate c;
        c.field = field->name;
        c.value = value;
        c.raw = word.text;
        c.confidence = kLacConfidence * lowest;
        c.evidence.push_back({"ocr_line:" + std::to_string(l) + " lac:" + word.tag, line.text, line.box});
        out.push_back(std::move(c));
      }
    }
  }
  return out;
}

Result<std::vector<Candidate>> LacNerExpert::propose(const Document& document,
                                                     std::span<const FieldSpec* const> fields) const {
  MIXTRACT_ASSIGN_OR_RETURN(std::shared_ptr<const OcrResult> ocr, ocr_->read(document, "ppocr"));
  return lac_candidates(lac_, *ocr, fields);
}

}  // namespace mixtract
