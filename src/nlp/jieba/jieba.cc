#include "nlp/jieba/jieba.h"

#include <fstream>
#include <map>

#include <cppjieba/MixSegment.hpp>

#include "core/utf8.h"

namespace mixtract {

struct Jieba::Model {
  Model(const std::string& dictionary, const std::string& hmm)
      : words(dictionary), hmm_model(hmm), segment(&words, &hmm_model) {}
  cppjieba::DictTrie words;
  cppjieba::HMMModel hmm_model;
  cppjieba::MixSegment segment;
};

namespace {

bool valid_utf8(std::string_view text) {
  return utf8::encode(utf8::decode(text)) == text;
}

}  // namespace

std::filesystem::path Jieba::default_folder(const std::filesystem::path& deps_dir) {
  return deps_dir / "cppjieba" / "dict";
}

Result<Jieba> Jieba::load(const std::filesystem::path& folder, const std::vector<UserWord>& user_words) {
  for (const char* name : {"jieba.dict.utf8", "hmm_model.utf8"}) {
    const std::filesystem::path file = folder / name;
    std::ifstream in(file);
    if (!in || in.peek() == std::ifstream::traits_type::eof()) {
      return Status::unavailable(file.string() + ": missing or empty; scripts/setup.sh installs jieba's dictionaries");
    }
  }
  for (const UserWord& word : user_words) {
    if (word.text.empty() || !valid_utf8(word.text)) {
      return Status::invalid_argument("user word '" + word.text + "' is empty or not valid UTF-8");
    }
  }
  auto model = std::make_shared<Model>((folder / "jieba.dict.utf8").string(), (folder / "hmm_model.utf8").string());
  for (const UserWord& word : user_words) model->words.InsertUserWord(word.text, word.tag);
  return Jieba(std::move(model));
}

Result<std::vector<TaggedSpan>> Jieba::analyse(std::string_view text) const {
  if (!valid_utf8(text)) return Status::invalid_argument("the text is not valid UTF-8");
  std::vector<cppjieba::Word> words;
  model_->segment.Cut(std::string(text), words, true);
  std::vector<TaggedSpan> out;
  out.reserve(words.size());
  for (cppjieba::Word& word : words) {
    std::string tag = model_->segment.LookupTag(word.word);
    out.push_back({std::move(word.word), std::move(tag), word.unicode_offset, word.unicode_length, 1.0});
  }
  return out;
}

std::vector<TaggedSpan> jieba_entities(const std::vector<TaggedSpan>& words) {
  static const std::map<std::string, std::string, std::less<>> kEntityOf = {
      {"nr", "PER"}, {"ns", "LOC"}, {"nt", "ORG"}, {"t", "TIME"}};
  std::vector<TaggedSpan> out;
  for (const TaggedSpan& word : words) {
    auto found = kEntityOf.find(word.tag);
    if (found == kEntityOf.end()) continue;
    out.push_back(word);
    out.back().tag = found->second;
  }
  return out;
}

}  // namespace mixtract
