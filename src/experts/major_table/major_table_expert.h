// The major_table expert: finds the names of the table of majors in the page's PP-OCRv4 text, whatever
// wording marks them, and proposes the major when exactly one name is found. A name is found exactly
// (characters read wrong find nothing), the longest where names overlap (数学与应用数学, not 数学), and is
// no major where it names something else: followed by 学士, 硕士 or 博士 (法学学士学位: a degree's
// category), by 大学, 学院, 院, 系 or 校 (音乐学院, 化学系: a school or a department), inside a school of the
// school table, or part of a longer name of the table whose other characters were misread (自动化 of
// 机械设计制政及其自动化). A
// name of two characters (法学, 英语) counts only beside 专业. Confidence: the lowest OCR confidence of its characters,
// at most kUnmarkedMajor, below the routes' accept_confidence: what no cue marks is accepted only when another expert
// reads the same.
#ifndef MIXTRACT_EXPERTS_MAJOR_TABLE_MAJOR_TABLE_EXPERT_H_
#define MIXTRACT_EXPERTS_MAJOR_TABLE_MAJOR_TABLE_EXPERT_H_

#include <memory>
#include <string>
#include <vector>

#include "experts/expert_options.h"
#include "mixtract/expert.h"
#include "ocr/ocr.h"
#include "rules/major_table.h"
#include "rules/school_table.h"

namespace mixtract {

inline constexpr float kUnmarkedMajor = 0.85f;

class MajorTableExpert final : public Expert {
 public:
  static Result<std::unique_ptr<Expert>> create(const ExpertOptions& options);

  MajorTableExpert(std::shared_ptr<OcrService> ocr, std::shared_ptr<const MajorTable> majors,
                   std::shared_ptr<const SchoolTable> schools)
      : ocr_(std::move(ocr)), majors_(std::move(majors)), schools_(std::move(schools)) {}

  std::string_view name() const override { return "major_table"; }
  std::vector<std::string> page_reads() const override { return {"ppocr"}; }
  Result<std::vector<Candidate>> propose(const Document& document,
                                         std::span<const FieldSpec* const> fields) const override;

 private:
  std::shared_ptr<OcrService> ocr_;
  std::shared_ptr<const MajorTable> majors_;
  std::shared_ptr<const SchoolTable> schools_;
};

// The candidate for `field` from the OCR lines: none, or one when exactly one major is found. Exposed for
// tests.
std::vector<Candidate> find_majors(const OcrResult& ocr, const MajorTable& majors, const SchoolTable& schools,
                                   const std::string& field);

}  // namespace mixtract

#endif  // MIXTRACT_EXPERTS_MAJOR_TABLE_MAJOR_TABLE_EXPERT_H_
