#include "experts/ner/ner_expert.h"

#include <algorithm>

#include "experts/ner/user_words.h"
#include "nlp/bert/bert_tagger.h"
#include "nlp/jieba/jieba.h"
#include "nlp/lac/lac.h"
#include "ocr/ocr_service.h"

namespace mixtract {
namespace {

constexpr double kNerConfidence = 0.6;

bool names_a_school(const std::string& text) {
  return text.ends_with("大学") || text.ends_with("学院") || text.ends_with("学校");
}

TaggedSpan retagged(TaggedSpan span, std::string tag) {
  span.tag = std::move(tag);
  return span;
}

// The spans of `analysed` that `select` keeps, as it rewrites them.
template <typename Select>
std::vector<std::vector<TaggedSpan>> selected(std::vector<std::vector<TaggedSpan>> analysed, Select select) {
  for (std::vector<TaggedSpan>& line : analysed) {
    std::vector<TaggedSpan> kept;
    for (const TaggedSpan& span : line) {
      if (std::optional<TaggedSpan> s = select(span)) kept.push_back(*std::move(s));
    }
    line = std::move(kept);
  }
  return analysed;
}

// What a span may be for a field of `kind`, or "" when nothing.
std::string value_for(FieldKind kind, const TaggedSpan& span) {
  switch (kind) {
    case FieldKind::kName: return span.tag == "PER" && span.length >= 2 && span.length <= 4 ? span.text : "";
    case FieldKind::kSchool: return span.tag == "SCHOOL" ? span.text : "";
    case FieldKind::kMajor: return span.tag == "MAJOR" ? span.text : "";
    default: return "";
  }
}

constexpr std::string_view expert_name(NerEngine engine) {
  switch (engine) {
    case NerEngine::kLac: return "lac_ner";
    case NerEngine::kJieba: return "jieba_ner";
    case NerEngine::kBert: return "bert_ner";
  }
  return "";
}

// LAC's persons, schools and words ending in 专业 (without it), all lines in one batch.
Result<LineTagger> lac_tagger(const ExpertOptions& options) {
  Result<Lac> loaded = Lac::load(options.lac_dir.empty() ? Lac::default_folder() : options.lac_dir);
  if (!loaded.ok()) return loaded.status().with_context("LAC (scripts/setup.sh installs Debian's python3-jieba)");
  auto lac = std::make_shared<const Lac>(*std::move(loaded));
  auto select = [](const TaggedSpan& w) -> std::optional<TaggedSpan> {
    if (w.tag == "PER") return w;
    if (w.tag == "ORG" && names_a_school(w.text)) return retagged(w, "SCHOOL");
    constexpr std::string_view kMajor = "专业";
    if (!w.text.ends_with(kMajor) || w.length < 4) return std::nullopt;
    TaggedSpan major = retagged(w, "MAJOR");
    major.text.resize(major.text.size() - kMajor.size());
    major.length -= 2;
    return major;
  };
  return LineTagger(
      [lac, select](const std::vector<std::string>& lines) -> Result<std::vector<std::vector<TaggedSpan>>> {
        MIXTRACT_ASSIGN_OR_RETURN(auto words, lac->analyse(lines));
        return selected(std::move(words), select);
      });
}

// jieba's persons, schools and the majors of the table (its user words).
Result<LineTagger> jieba_tagger(const ExpertOptions& options) {
  const std::shared_ptr<const MajorTable> majors = majors_of(options);
  Result<Jieba> loaded =
      Jieba::load(Jieba::default_folder(options.deps_dir), user_words_of(*schools_of(options), *majors));
  if (!loaded.ok()) return loaded.status().with_context("jieba");
  auto jieba = std::make_shared<const Jieba>(*std::move(loaded));
  auto select = [majors](const TaggedSpan& w) -> std::optional<TaggedSpan> {
    if (w.tag == "nr") return retagged(w, "PER");
    if (w.tag == "nt" && names_a_school(w.text)) return retagged(w, "SCHOOL");
    if (majors->contains(w.text)) return retagged(w, "MAJOR");
    return std::nullopt;
  };
  return LineTagger(
      [jieba, select](const std::vector<std::string>& lines) -> Result<std::vector<std::vector<TaggedSpan>>> {
        std::vector<std::vector<TaggedSpan>> words;
        for (const std::string& line : lines) {
          MIXTRACT_ASSIGN_OR_RETURN(std::vector<TaggedSpan> line_words, jieba->analyse(line));
          words.push_back(std::move(line_words));
        }
        return selected(std::move(words), select);
      });
}

// The BERT model's persons, schools and majors, all lines in one batch.
Result<LineTagger> bert_tagger(const ExpertOptions& options) {
  if (options.bert_dir.empty()) {
    return Status::unavailable("no BERT model: give one with --bert-model DIR (model.onnx, vocab.txt, labels.txt)");
  }
  BertOptions bert_options;
  bert_options.threads = std::max(1, options.threads);
  Result<BertTagger> loaded = BertTagger::load(options.bert_dir, bert_options);
  if (!loaded.ok()) return loaded.status().with_context("BERT");
  auto bert = std::make_shared<const BertTagger>(*std::move(loaded));
  auto select = [](const TaggedSpan& e) -> std::optional<TaggedSpan> {
    if (e.tag == "PER" || e.tag == "NAME") return retagged(e, "PER");
    if ((e.tag == "ORG" && names_a_school(e.text)) || e.tag == "SCHOOL") return retagged(e, "SCHOOL");
    if (e.tag == "MAJOR") return e;
    return std::nullopt;
  };
  return LineTagger(
      [bert, select](const std::vector<std::string>& lines) -> Result<std::vector<std::vector<TaggedSpan>>> {
        MIXTRACT_ASSIGN_OR_RETURN(auto entities, bert->entities(lines));
        return selected(std::move(entities), select);
      });
}

}  // namespace

Result<LineTagger> ner_tagger(NerEngine engine, const ExpertOptions& options) {
  switch (engine) {
    case NerEngine::kLac: return lac_tagger(options);
    case NerEngine::kJieba: return jieba_tagger(options);
    case NerEngine::kBert: return bert_tagger(options);
  }
  return Status::internal("unknown NER engine");
}

BuiltinFactory NerExpert::factory(NerEngine engine) {
  return [engine](const ExpertOptions& options) -> Result<std::unique_ptr<Expert>> {
    if (!options.ocr) return Status::unavailable("OCR is not set up for this run");
    MIXTRACT_ASSIGN_OR_RETURN(LineTagger tagger, ner_tagger(engine, options));
    return std::unique_ptr<Expert>(
        std::make_unique<NerExpert>(std::string(expert_name(engine)), options.ocr, std::move(tagger)));
  };
}

Result<std::vector<Candidate>> ner_candidates(const LineTagger& tagger, std::string_view source, const OcrResult& ocr,
                                              std::span<const FieldSpec* const> fields) {
  std::vector<std::string> texts;
  for (const OcrLine& line : ocr.lines) texts.push_back(line.text);
  MIXTRACT_ASSIGN_OR_RETURN(const std::vector<std::vector<TaggedSpan>> spans, tagger(texts));
  std::vector<Candidate> out;
  for (std::size_t l = 0; l < ocr.lines.size() && l < spans.size(); ++l) {
    const OcrLine& line = ocr.lines[l];
    for (const TaggedSpan& span : spans[l]) {
      for (const FieldSpec* field : fields) {
        const std::string value = value_for(field->kind, span);
        if (value.empty()) continue;
        float lowest = 1;
        for (std::size_t i = span.begin; i < span.begin + span.length && i < line.char_confidences.size(); ++i) {
          lowest = std::min(lowest, line.char_confidences[i]);
        }
        Candidate c;
        c.field = field->name;
        c.value = value;
        c.raw = span.text;
        c.confidence = kNerConfidence * span.confidence * lowest;
        c.evidence.push_back(
            {"ocr_line:" + std::to_string(l) + " " + std::string(source) + ":" + span.tag, line.text, line.box});
        out.push_back(std::move(c));
      }
    }
  }
  return out;
}

Result<std::vector<Candidate>> NerExpert::propose(const Document& document,
                                                  std::span<const FieldSpec* const> fields) const {
  MIXTRACT_ASSIGN_OR_RETURN(std::shared_ptr<const OcrResult> ocr, ocr_->read(document, "ppocr"));
  return ner_candidates(tagger_, name_, *ocr, fields);
}

}  // namespace mixtract
