// LAC (Baidu's lexical analysis, the small model Debian's python3-jieba ships in jieba/lac_small): one
// pass over the characters gives words, their part of speech and the entities PER (person), LOC (place),
// ORG (organisation) and TIME. Character embedding, two bidirectional GRU layers, an emission layer and
// CRF (Viterbi) decoding, in plain C++ on the original parameters.
#ifndef MIXTRACT_NLP_LAC_LAC_H_
#define MIXTRACT_NLP_LAC_LAC_H_

#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mixtract/status.h"
#include "nlp/tagged_span.h"

namespace mixtract {

// Thread safety: a loaded Lac is immutable; analyse() may be called concurrently.
class Lac {
 public:
  // The folder holding word.dic, tag.dic and model_baseline/ (jieba/lac_small). Errors name the file
  // that is missing or malformed.
  static Result<Lac> load(const std::filesystem::path& folder);
  // Debian's python3-jieba location of the model.
  static std::filesystem::path default_folder();

  // One tag per character ("PER-B", "PER-I", "n-B", ...), as the reference network gives them. Text
  // that is not valid UTF-8 is an error; empty text gives no tags.
  Result<std::vector<std::string>> tag_characters(std::string_view text) const;
  // The words, each a B tag and the I tags after it, tagged with their part of speech or entity.
  Result<std::vector<TaggedSpan>> analyse(std::string_view text) const;

  // The same for several texts at once (the lines of a page), several times faster than one by one: the
  // texts advance through the recurrent layers together. A text that is not UTF-8 is an error naming
  // its index.
  Result<std::vector<std::vector<std::string>>> tag_characters(const std::vector<std::string>& texts) const;
  Result<std::vector<std::vector<TaggedSpan>>> analyse(const std::vector<std::string>& texts) const;

  struct Model;

 private:
  explicit Lac(std::shared_ptr<const Model> model) : model_(std::move(model)) {}
  static std::vector<TaggedSpan> words_of(std::string_view text, const std::vector<std::string>& tags);
  std::shared_ptr<const Model> model_;
};

// The words of `words` tagged PER, LOC, ORG or TIME.
std::vector<TaggedSpan> lac_entities(const std::vector<TaggedSpan>& words);

}  // namespace mixtract

#endif  // MIXTRACT_NLP_LAC_LAC_H_
