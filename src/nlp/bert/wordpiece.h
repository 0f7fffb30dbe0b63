// BERT's tokenisation: the text split into words (at spaces and punctuation, each Chinese character a
// word of its own), each word into the longest pieces of the vocabulary ("##" marks a piece inside a
// word), a word with no such split becoming [UNK]. ASCII letters are lower-cased (the uncased and Chinese
// models' convention); other characters are kept as they are.
#ifndef MIXTRACT_NLP_BERT_WORDPIECE_H_
#define MIXTRACT_NLP_BERT_WORDPIECE_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "mixtract/status.h"

namespace mixtract::bert {

// A word of the text, in Unicode characters: [begin, end).
struct Word {
  std::size_t begin = 0;
  std::size_t end = 0;
};

struct Tokens {
  std::vector<Word> words;
  std::vector<std::int64_t> ids;           // the pieces, without [CLS] and [SEP]
  std::vector<std::size_t> word_of_piece;  // the word each piece belongs to; non-decreasing
};

class WordPiece {
 public:
  // vocab.txt: one token per line, its id the line number. [UNK], [CLS], [SEP] and [PAD] must be there.
  static Result<WordPiece> load(const std::filesystem::path& vocab_file);

  // Text that is not valid UTF-8 is an error.
  Result<Tokens> tokenise(std::string_view text) const;

  std::int64_t unknown() const { return unknown_; }
  std::int64_t begin_marker() const { return cls_; }
  std::int64_t end_marker() const { return sep_; }
  std::int64_t padding() const { return pad_; }

  // Words longer than this (in characters) are [UNK], as in BERT.
  static constexpr std::size_t kMaxWordLength = 100;

 private:
  void add_pieces(const std::u32string& word, std::size_t word_index, Tokens& out) const;

  std::unordered_map<std::string, std::int64_t> ids_;
  std::int64_t unknown_ = 0, cls_ = 0, sep_ = 0, pad_ = 0;
};

// The words of `characters`, as WordPiece splits them.
std::vector<Word> split_words(const std::u32string& characters);

}  // namespace mixtract::bert

#endif  // MIXTRACT_NLP_BERT_WORDPIECE_H_
