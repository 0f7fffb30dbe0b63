// The certificate_text expert: finds the facts of a certificate's body in the page's OCR (PP-OCRv4) by
// the cues that mark them (data/certificate_cues.yaml), anywhere in the text, in any order, across line
// breaks: a name after 学生 / 研究生 or before ，男，; a birth date before 生; the study period 于…至…; the
// major before 专业; the school after 校名 or 在, before 学位评定委员会, or as a heading; the level, the
// degree after 授予; the issue date under a label or else the last date that is not the birth date.
// A field is filled by the first fact read of those its schema names (FieldHints::facts), else by the fact
// of its own name. A value's confidence is the lowest OCR confidence of its characters times the cue's weight.
// "certificate_text_without_red" does the same on the page read again with red ink faded out, for what
// a seal covers (the issue date is where seals are stamped); there, a date row under the seal is read again
// enlarged, its pieces together, with the ring's faint trace whitened too, and taken so where that reading holds a
// date the first did not (a row the faded page lost is found from the pieces the page as printed read of it). A date
// that "certificate_text" reads on a line under red ink is as sure as read only when that line, read again enlarged
// with the red faded, holds it too; else it stays under its route's accept_confidence (95% of it), so that a cascade
// asks on, and at contradicted_through_red() where the faded page reads that fact otherwise; one that
// "certificate_text_without_red" reads there only when the page as printed reads it too and the faded page's two
// readings of its row agree (FadedPage::doubts).
#ifndef MIXTRACT_EXPERTS_CERTIFICATE_TEXT_CERTIFICATE_TEXT_EXPERT_H_
#define MIXTRACT_EXPERTS_CERTIFICATE_TEXT_CERTIFICATE_TEXT_EXPERT_H_

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "experts/certificate_text/cues.h"
#include "experts/certificate_text/joined_text.h"
#include "experts/expert_options.h"
#include "mixtract/expert.h"
#include "ocr/ocr.h"
#include "rules/major_table.h"
#include "rules/school_table.h"

namespace mixtract {

class CertificateTextExpert final : public Expert {
 public:
  // With `without_red`, the expert is "certificate_text_without_red".
  static BuiltinFactory factory(bool without_red = false);

  CertificateTextExpert(std::shared_ptr<OcrService> ocr, std::shared_ptr<const SchoolTable> schools,
                        std::shared_ptr<const MajorTable> majors, bool without_red)
      : ocr_(std::move(ocr)), schools_(std::move(schools)), majors_(std::move(majors)), without_red_(without_red) {}

  std::string_view name() const override { return without_red_ ? "certificate_text_without_red" : "certificate_text"; }
  // The page read again with red faded is the same recogniser over the same lines: one witness.
  std::string_view witness() const override { return "certificate_text"; }
  std::vector<std::string> page_reads() const override { return {"ppocr"}; }
  Result<std::vector<Candidate>> propose(const Document& document,
                                         std::span<const FieldSpec* const> fields) const override;

 private:
  // For a date read on a line in `box` under a seal's red ink, checked against the other view of the page (read into
  // `other_view` once): read as printed, it must read so with the red faded (else under the bar; at
  // contradicted_through_red() where the faded page reads another); read with the red faded, the page as printed must
  // read the same (else under the bar).
  Status weigh_date_under_red(const Document& document, const std::string& fact, const FieldSpec& field,
                              const Quad& box, std::optional<std::map<std::string, TextValue>>& other_view,
                              Candidate& candidate) const;

  std::shared_ptr<OcrService> ocr_;
  std::shared_ptr<const SchoolTable> schools_;
  std::shared_ptr<const MajorTable> majors_;
  bool without_red_;
};

// Reads a certificate's facts from OCR lines; fact name -> value. Nothing when the page holds none of
// the cues' page words. Where the school and the major run together (在长春工业大学人文信息学院工商管理专业),
// the school of `schools` that starts the run ends the school. A school or major a few edits from one
// of the tables is corrected to it (confidence times 0.8 per edit). Where cues read different values
// for one fact, the first cue's is taken at half its confidence. Exposed for tests.
std::map<std::string, TextValue> read_certificate_text(const OcrResult& ocr, const SchoolTable& schools,
                                                       const MajorTable& majors,
                                                       const CueSet& cues = CueSet::builtin());

}  // namespace mixtract

#endif  // MIXTRACT_EXPERTS_CERTIFICATE_TEXT_CERTIFICATE_TEXT_EXPERT_H_
