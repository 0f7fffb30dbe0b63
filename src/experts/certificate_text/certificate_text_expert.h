// The certificate_text expert: reads the official sentence of a certificate body from the page's OCR
// (PP-OCRv4), joining lines first because values break across line ends:
//   毕业证书: 学生 张伟，性别 男，一九九七年五月十二日生，于二〇一五年九月至二〇一九年六月在本校计算机科学与技术专业
//            四年制本科学习，…  and the issue date printed alone on a line below.
//   学位证书: 张伟，男，1997年5月12日生。在四川大学计算机科学与技术专业完成了本科学习计划，…授予工学学士学位。
// It fills the fields of the shipped schemas by their names: name, gender, birth_date, major, level,
// graduation_date, school and degree. A value's confidence is the lowest OCR confidence of its
// characters.
#ifndef MIXTRACT_EXPERTS_CERTIFICATE_TEXT_CERTIFICATE_TEXT_EXPERT_H_
#define MIXTRACT_EXPERTS_CERTIFICATE_TEXT_CERTIFICATE_TEXT_EXPERT_H_

#include <map>
#include <memory>
#include <string>

#include "mixtract/expert.h"
#include "mixtract/major_table.h"
#include "mixtract/ocr.h"
#include "mixtract/registry.h"
#include "mixtract/school_table.h"

namespace mixtract {

class CertificateTextExpert final : public Expert {
 public:
  static Result<std::unique_ptr<Expert>> create(const ExpertOptions& options);

  CertificateTextExpert(std::shared_ptr<OcrService> ocr, std::shared_ptr<const SchoolTable> schools,
                        std::shared_ptr<const MajorTable> majors)
      : ocr_(std::move(ocr)), schools_(std::move(schools)), majors_(std::move(majors)) {}

  std::string_view name() const override { return "certificate_text"; }
  std::vector<std::string> page_reads() const override { return {"ppocr"}; }
  Result<std::vector<Candidate>> propose(const Document& document,
                                         std::span<const FieldSpec* const> fields) const override;

 private:
  std::shared_ptr<OcrService> ocr_;
  std::shared_ptr<const SchoolTable> schools_;
  std::shared_ptr<const MajorTable> majors_;
};

// A value read from the joined page text: the value, and the characters it came from.
struct TextValue {
  std::string value;
  std::string raw;
  float confidence = 0;
  int line = -1;     // The OCR line holding the value's first character.
  std::string note;  // A correction made against a table, for the evidence; "" = none.
};

// Reads the body sentence from OCR lines; field name -> value. Where the school and the major run
// together (在长春工业大学人文信息学院工商管理专业), the school of `schools` that starts the run ends the
// school. A major a few edits from one of `majors` is corrected to it (confidence times 0.8 per edit).
// Exposed for tests.
std::map<std::string, TextValue> read_certificate_text(const OcrResult& ocr, const SchoolTable& schools,
                                                       const MajorTable& majors);

}  // namespace mixtract

#endif  // MIXTRACT_EXPERTS_CERTIFICATE_TEXT_CERTIFICATE_TEXT_EXPERT_H_
