// The page_pattern expert: a field's value searched anywhere in the page's PP-OCRv4 text by its form,
// for values printed with no label that can be read: a field of kind date takes the dates of the page
// in any common form (2018-12-25, 25/12/2018, 25 Dec 2018, 2018年12月25日, 二〇一八年十二月二十五日); a field
// of kind code takes what matches its pattern (constraints.pattern). Nothing for other kinds. The
// confidence is the lowest OCR confidence of the value's characters times 0.9 (no label marks it),
// halved when the page holds other values of that form (which one is meant is in doubt).
#ifndef MIXTRACT_EXPERTS_PAGE_PATTERN_PAGE_PATTERN_EXPERT_H_
#define MIXTRACT_EXPERTS_PAGE_PATTERN_PAGE_PATTERN_EXPERT_H_

#include <memory>
#include <vector>

#include "experts/expert_options.h"
#include "mixtract/expert.h"
#include "ocr/ocr.h"

namespace mixtract {

class PagePatternExpert final : public Expert {
 public:
  static Result<std::unique_ptr<Expert>> create(const ExpertOptions& options);

  explicit PagePatternExpert(std::shared_ptr<OcrService> ocr) : ocr_(std::move(ocr)) {}

  std::string_view name() const override { return "page_pattern"; }
  std::vector<std::string> page_reads() const override { return {"ppocr"}; }
  Result<std::vector<Candidate>> propose(const Document& document,
                                         std::span<const FieldSpec* const> fields) const override;

 private:
  std::shared_ptr<OcrService> ocr_;
};

// The candidates for `field` in `ocr`, in reading order, one per distinct value. Exposed for tests.
std::vector<Candidate> find_by_form(const OcrResult& ocr, const FieldSpec& field);

}  // namespace mixtract

#endif  // MIXTRACT_EXPERTS_PAGE_PATTERN_PAGE_PATTERN_EXPERT_H_
