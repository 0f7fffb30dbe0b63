// The "lac_ner" expert: LAC (mixtract/lac.h) over each line of the PP-OCRv4 page reading. A person (PER)
// is proposed for name fields, an organisation (ORG) whose name ends like a school's (大学, 学院, 学校)
// for school fields, and a word ending in 专业 (its name without 专业) for major fields. Confidence: 0.6
// times the lowest OCR character confidence of the words taken; the gate's calibration says what that
// is worth.
#ifndef MIXTRACT_EXPERTS_LAC_NER_LAC_NER_EXPERT_H_
#define MIXTRACT_EXPERTS_LAC_NER_LAC_NER_EXPERT_H_

#include <memory>
#include <span>
#include <string>
#include <vector>

#include "mixtract/expert.h"
#include "mixtract/lac.h"
#include "mixtract/ocr.h"
#include "mixtract/registry.h"

namespace mixtract {

class LacNerExpert final : public Expert {
 public:
  // Fails when OCR is not set up or LAC's parameters cannot be loaded (options.lac_dir, else Debian's).
  static Result<std::unique_ptr<Expert>> create(const ExpertOptions& options);

  LacNerExpert(std::shared_ptr<OcrService> ocr, Lac lac) : ocr_(std::move(ocr)), lac_(std::move(lac)) {}

  std::string_view name() const override { return "lac_ner"; }
  std::vector<std::string> page_reads() const override { return {"ppocr"}; }
  Result<std::vector<Candidate>> propose(const Document& document,
                                         std::span<const FieldSpec* const> fields) const override;

 private:
  std::shared_ptr<OcrService> ocr_;
  Lac lac_;
};

// The candidates LAC finds in `ocr`'s lines for `fields` (expert not set). Exposed for tests.
std::vector<Candidate> lac_candidates(const Lac& lac, const OcrResult& ocr, std::span<const FieldSpec* const> fields);

}  // namespace mixtract

#endif  // MIXTRACT_EXPERTS_LAC_NER_LAC_NER_EXPERT_H_
