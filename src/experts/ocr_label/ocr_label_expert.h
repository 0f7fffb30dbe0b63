// The OCR experts ("ppocr", "tesseract"): read the page with their engine (through the run's shared
// OcrService) and take each field's value from the text that follows one of its printed labels on the
// same line, as in 证书编号：106101201905007614 or 性别 男. What follows is cut by the field's kind: a
// code keeps its leading digits (and X), a date is read in any written form, a gender is its first
// character, other kinds run to the next punctuation. The confidence is the lowest character
// confidence of the value. Values that sit before their label or span lines are the rule experts' work.
#ifndef MIXTRACT_EXPERTS_OCR_LABEL_OCR_LABEL_EXPERT_H_
#define MIXTRACT_EXPERTS_OCR_LABEL_OCR_LABEL_EXPERT_H_

#include <memory>
#include <optional>
#include <string>

#include "mixtract/expert.h"
#include "mixtract/ocr.h"
#include "mixtract/registry.h"

namespace mixtract {

class OcrLabelExpert final : public Expert {
 public:
  // `engine` is "ppocr" or "tesseract"; the engine itself is created on first use.
  static ExpertFactory factory(std::string engine);

  OcrLabelExpert(std::string engine, std::shared_ptr<OcrService> ocr)
      : engine_(std::move(engine)), ocr_(std::move(ocr)) {}

  std::string_view name() const override { return engine_; }
  Result<std::vector<Candidate>> propose(const Document& document,
                                         std::span<const FieldSpec* const> fields) const override;

 private:
  std::string engine_;
  std::shared_ptr<OcrService> ocr_;
};

// The value that follows `label` in `line` for a field of `kind`, with the range of characters it
// covers (code points of line.text); nullopt when nothing usable follows. Exposed for tests.
struct LabelledValue {
  std::string value;
  std::string raw;
  std::size_t first = 0;  // Code-point index of the first character taken.
  std::size_t count = 0;
};
std::optional<LabelledValue> value_after_label(const std::string& line, std::string_view label, FieldKind kind);

}  // namespace mixtract

#endif  // MIXTRACT_EXPERTS_OCR_LABEL_OCR_LABEL_EXPERT_H_
