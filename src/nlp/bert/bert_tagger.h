// BERT token classification (named entities) on ONNX Runtime, for a model the user brings: a folder with
// model.onnx (a Hugging Face style export: int64 inputs input_ids, attention_mask and optionally
// token_type_ids, shaped [batch, tokens]; the first output the logits [batch, tokens, labels]),
// vocab.txt, and the label names: labels.txt (one per line, in output order) or config.json's id2label.
#ifndef MIXTRACT_NLP_BERT_BERT_TAGGER_H_
#define MIXTRACT_NLP_BERT_BERT_TAGGER_H_

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mixtract/status.h"
#include "nlp/tagged_span.h"

namespace mixtract {

struct BertOptions {
  // The longest window, [CLS] and [SEP] included (the model's position limit: 512 for BERT-base). A
  // longer text is read in overlapping windows, each token labelled by the window where it sits
  // farthest from an edge.
  std::size_t max_tokens = 512;
  // Windows run through the model together (padded to the longest of them).
  std::size_t batch = 16;
  int threads = 1;
};

// Thread safety: a loaded BertTagger is immutable; entities() may be called concurrently.
class BertTagger {
 public:
  // Errors name the missing or malformed file, or the mismatch (an input the model needs that is not a
  // BERT input, a label count the model's output does not have).
  static Result<BertTagger> load(const std::filesystem::path& folder, const BertOptions& options = {});

  // The entities of each text (B-/I-/O decoded, see src/nlp/bert/entity_decoding.h), their offsets in
  // Unicode characters of that text and their confidence the lowest probability of their pieces. All
  // texts' windows are batched. Text that is not valid UTF-8 is an error naming its index.
  Result<std::vector<std::vector<TaggedSpan>>> entities(const std::vector<std::string>& texts) const;
  Result<std::vector<TaggedSpan>> entities(std::string_view text) const;

  const std::vector<std::string>& labels() const;

  struct Model;

 private:
  explicit BertTagger(std::shared_ptr<const Model> model) : model_(std::move(model)) {}
  std::shared_ptr<const Model> model_;
};

}  // namespace mixtract

#endif  // MIXTRACT_NLP_BERT_BERT_TAGGER_H_
