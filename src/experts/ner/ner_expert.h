// The NER experts: an NLP engine over each line of the PP-OCRv4 page reading proposes persons for name
// fields, schools for school fields and majors for major fields.
//   lac_ner    LAC (nlp/lac/lac.h): PER; ORG ending like a school's name (大学, 学院, 学校); a word
//              ending in 专业, without it.
//   jieba_ner  jieba (nlp/jieba/jieba.h) with the run's schools and majors as user words: nr; nt ending
//              like a school's name; a major of the table.
//   bert_ner   the user's BERT token classifier (ExpertOptions::bert_dir): PER or NAME; ORG ending like
//              a school's name, or SCHOOL; MAJOR. All lines of a page in one batch.
// Confidence: 0.6 × the engine's confidence (BERT's; 1 for the others) × the lowest OCR character
// confidence of the words taken; the gate's calibration says what that is worth.
#ifndef MIXTRACT_EXPERTS_NER_NER_EXPERT_H_
#define MIXTRACT_EXPERTS_NER_NER_EXPERT_H_

#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include "experts/expert_options.h"
#include "mixtract/expert.h"
#include "nlp/tagged_span.h"
#include "ocr/ocr.h"

namespace mixtract {

// The spans of each line that may be values, tagged PER (a person), SCHOOL or MAJOR; others are ignored.
using LineTagger = std::function<Result<std::vector<std::vector<TaggedSpan>>>(const std::vector<std::string>& lines)>;

enum class NerEngine { kLac, kJieba, kBert };

class NerExpert final : public Expert {
 public:
  // The expert of `engine`; creating it fails when OCR is not set up or the engine's files cannot be
  // loaded (LAC: options.lac_dir, else Debian's; jieba: options.deps_dir; BERT: options.bert_dir).
  static BuiltinFactory factory(NerEngine engine);

  NerExpert(std::string name, std::shared_ptr<OcrService> ocr, LineTagger tagger)
      : name_(std::move(name)), ocr_(std::move(ocr)), tagger_(std::move(tagger)) {}

  std::string_view name() const override { return name_; }
  std::vector<std::string> page_reads() const override { return {"ppocr"}; }
  Result<std::vector<Candidate>> propose(const Document& document,
                                         std::span<const FieldSpec* const> fields) const override;

 private:
  std::string name_;
  std::shared_ptr<OcrService> ocr_;
  LineTagger tagger_;
};

// The tagger of `engine`, loaded as the expert loads it. Exposed for tests.
Result<LineTagger> ner_tagger(NerEngine engine, const ExpertOptions& options);

// The candidates `tagger` finds in `ocr`'s lines for `fields` (expert not set); evidence sources read
// "ocr_line:N <source>:<tag>". Exposed for tests.
Result<std::vector<Candidate>> ner_candidates(const LineTagger& tagger, std::string_view source, const OcrResult& ocr,
                                              std::span<const FieldSpec* const> fields);

}  // namespace mixtract

#endif  // MIXTRACT_EXPERTS_NER_NER_EXPERT_H_
