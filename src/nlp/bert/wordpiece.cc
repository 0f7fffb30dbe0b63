#include "nlp/bert/wordpiece.h"

#include <fstream>

#include "core/utf8.h"

namespace mixtract::bert {
namespace {

bool is_chinese(char32_t c) {
  return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF) || (c >= 0x20000 && c <= 0x2A6DF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
}

bool is_space(char32_t c) {
  return c == ' ' || (c >= 0x09 && c <= 0x0D) || (c >= 0x1C && c <= 0x1F) || c == 0x85 || c == 0xA0 || c == 0x1680 ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F || c == 0x205F || c == 0x3000;
}

// Control and format characters are dropped like spaces.
bool is_control(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c < 0xA0) || c == 0x200B || c == 0xFEFF;
}

// ASCII punctuation and symbols (BERT counts them all), and the Unicode punctuation blocks that
// Chinese text uses: general punctuation, CJK symbols and punctuation, full-width forms.
bool is_punctuation(char32_t c) {
  if ((c >= 33 && c <= 47) || (c >= 58 && c <= 64) || (c >= 91 && c <= 96) || (c >= 123 && c <= 126)) return true;
  return (c >= 0x2010 && c <= 0x2027) || (c >= 0x2030 && c <= 0x205E) || (c >= 0x3001 && c <= 0x3003) ||
         (c >= 0x3008 && c <= 0x3011) || (c >= 0x3014 && c <= 0x301F) || (c >= 0xFF01 && c <= 0xFF0F) ||
         (c >= 0xFF1A && c <= 0xFF20) || (c >= 0xFF3B && c <= 0xFF40) || (c >= 0xFF5B && c <= 0xFF65) || c == 0x00B7 ||
         c == 0x00A1 || c == 0x00BF;
}

}  // namespace

std::vector<Word> split_words(const std::u32string& characters) {
  std::vector<Word> words;
  std::size_t start = characters.size();  // none open
  auto close = [&](std::size_t end) {
    if (start < end) words.push_back({start, end});
    start = characters.size();
  };
  for (std::size_t i = 0; i < characters.size(); ++i) {
    const char32_t c = characters[i];
    const bool alone = is_chinese(c) || is_punctuation(c);
    if (alone || is_space(c) || is_control(c)) {
      close(i);
      if (alone) words.push_back({i, i + 1});
    } else if (start == characters.size()) {
      start = i;
    }
  }
  close(characters.size());
  return words;
}

Result<WordPiece> WordPiece::load(const std::filesystem::path& vocab_file) {
  std::ifstream in(vocab_file, std::ios::binary);
  if (!in) return Status::unavailable(vocab_file.string() + ": cannot read the vocabulary");
  WordPiece wp;
  std::string line;
  std::int64_t id = 0;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) wp.ids_.emplace(line, id);  // the first of two equal tokens wins
    ++id;
  }
  for (auto [name, target] : {std::pair{"[UNK]", &wp.unknown_}, std::pair{"[CLS]", &wp.cls_},
                              std::pair{"[SEP]", &wp.sep_}, std::pair{"[PAD]", &wp.pad_}}) {
    auto found = wp.ids_.find(name);
    if (found == wp.ids_.end()) {
      return Status::invalid_argument(vocab_file.string() + ": no " + name + " token; is this a BERT vocab.txt?");
    }
    *target = found->second;
  }
  return wp;
}

void WordPiece::add_pieces(const std::u32string& word, std::size_t word_index, Tokens& out) const {
  const std::size_t first = out.ids.size();
  bool known = word.size() <= kMaxWordLength;
  for (std::size_t start = 0; known && start < word.size();) {
    std::size_t end = word.size();
    for (; end > start; --end) {
      std::string piece = start > 0 ? "##" : "";
      for (std::size_t i = start; i < end; ++i) {
        const char32_t c = word[i];
        utf8::append(c < 0x80 && c >= 'A' && c <= 'Z' ? c - 'A' + 'a' : c, piece);
      }
      auto found = ids_.find(piece);
      if (found != ids_.end()) {
        out.ids.push_back(found->second);
        out.word_of_piece.push_back(word_index);
        break;
      }
    }
    known = end > start;
    start = end;
  }
  if (!known) {
    out.ids.resize(first);
    out.word_of_piece.resize(first);
    out.ids.push_back(unknown_);
    out.word_of_piece.push_back(word_index);
  }
}

Result<Tokens> WordPiece::tokenise(std::string_view text) const {
  const std::vector<char32_t> decoded = utf8::decode(text);
  if (utf8::encode(decoded) != text) return Status::invalid_argument("the text is not valid UTF-8");
  const std::u32string characters(decoded.begin(), decoded.end());
  Tokens out;
  out.words = split_words(characters);
  for (std::size_t w = 0; w < out.words.size(); ++w) {
    add_pieces(characters.substr(out.words[w].begin, out.words[w].end - out.words[w].begin), w, out);
  }
  return out;
}

}  // namespace mixtract::bert
