// Chinese word segmentation and parts of speech with cppjieba (its dictionaries come with the nodejieba
// package that scripts/setup.sh puts in deps/cppjieba/), with the caller's user words (the school and major
// names: experts/ner/user_words.h) kept whole. Dictionary words get jieba's tags (n, v, nr person, ns place,
// nt organisation, t time, ...); words it does not know are found by its HMM.
#ifndef MIXTRACT_NLP_JIEBA_JIEBA_H_
#define MIXTRACT_NLP_JIEBA_JIEBA_H_

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "mixtract/status.h"
#include "nlp/tagged_span.h"

namespace mixtract {

// Thread safety: a loaded Jieba is immutable; analyse() may be called concurrently.
class Jieba {
 public:
  struct UserWord {
    std::string text;
    std::string tag;
  };

  // The folder holding jieba.dict.utf8 and hmm_model.utf8. A missing or empty file is an error naming it
  // (cppjieba itself would abort). A user word that is not valid UTF-8 is an error naming it.
  static Result<Jieba> load(const std::filesystem::path& folder, const std::vector<UserWord>& user_words = {});
  // deps/cppjieba/dict under the dependencies folder.
  static std::filesystem::path default_folder(const std::filesystem::path& deps_dir);

  // Every word with its tag and its place in Unicode characters. Text that is not valid UTF-8 is an error.
  Result<std::vector<TaggedSpan>> analyse(std::string_view text) const;

  struct Model;

 private:
  explicit Jieba(std::shared_ptr<const Model> model) : model_(std::move(model)) {}
  std::shared_ptr<const Model> model_;
};

// The words that are entities, tagged as LAC tags them: nr → PER, ns → LOC, nt → ORG, t → TIME.
std::vector<TaggedSpan> jieba_entities(const std::vector<TaggedSpan>& words);

}  // namespace mixtract

#endif  // MIXTRACT_NLP_JIEBA_JIEBA_H_
