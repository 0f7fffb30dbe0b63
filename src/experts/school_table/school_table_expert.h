// The school_table expert: finds the names of the school table in the page's PP-OCRv4 text, allowing
// OCR errors (edit distance, at most one edit per four characters), and proposes the closest few as
// the school. A name read with errors is proposed as the table spells it, the correction recorded in
// the evidence. Confidence: the lowest OCR confidence of the characters matched, times 0.8 per edit,
// and 0.8 again for a name found inside the characters of a longer one (the start of that name?).
#ifndef MIXTRACT_EXPERTS_SCHOOL_TABLE_SCHOOL_TABLE_EXPERT_H_
#define MIXTRACT_EXPERTS_SCHOOL_TABLE_SCHOOL_TABLE_EXPERT_H_

#include <memory>
#include <vector>

#include "experts/expert_options.h"
#include "mixtract/expert.h"
#include "ocr/ocr.h"
#include "rules/school_table.h"

namespace mixtract {

class SchoolTableExpert final : public Expert {
 public:
  static Result<std::unique_ptr<Expert>> create(const ExpertOptions& options);

  SchoolTableExpert(std::shared_ptr<OcrService> ocr, std::shared_ptr<const SchoolTable> schools)
      : ocr_(std::move(ocr)), schools_(std::move(schools)) {}

  std::string_view name() const override { return "school_table"; }
  std::vector<std::string> page_reads() const override { return {"ppocr"}; }
  Result<std::vector<Candidate>> propose(const Document& document,
                                         std::span<const FieldSpec* const> fields) const override;

 private:
  std::shared_ptr<OcrService> ocr_;
  std::shared_ptr<const SchoolTable> schools_;
};

// Candidates for `field` from the OCR lines, best first, at most `max_results`; a name read with a character
// or more corrected only where it lies on one row or two and does not open inside a labelled value past its
// first character (李文华's 文华 after 校长：). Exposed for tests.
std::vector<Candidate> find_schools(const OcrResult& ocr, const SchoolTable& schools, const std::string& field,
                                    std::size_t max_results);

}  // namespace mixtract

#endif  // MIXTRACT_EXPERTS_SCHOOL_TABLE_SCHOOL_TABLE_EXPERT_H_
