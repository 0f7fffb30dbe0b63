#include "nlp/bert/entity_decoding.h"

#include <algorithm>
#include <optional>

#include "core/utf8.h"

namespace mixtract::bert {
namespace {

struct Label {
  char prefix = 'O';  // B, I, E, S or O
  std::string type;
};

Label parse(const std::string& name) {
  if (name == "O" || name.empty()) return {};
  if (name.size() > 2 && (name[1] == '-' || name[1] == '_') && std::string("BIES").find(name[0]) != std::string::npos) {
    return {name[0], name.substr(2)};
  }
  return {'I', name};
}

struct Open {
  std::string type;
  std::size_t first_word = 0;
  std::size_t last_word = 0;
  double confidence = 1.0;
};

}  // namespace

std::vector<TaggedSpan> decode_entities(const std::u32string& characters, const Tokens& tokens,
                                        const std::vector<std::string>& labels,
                                        const std::vector<PieceLabel>& piece_labels) {
  std::vector<TaggedSpan> out;
  std::optional<Open> open;
  auto close = [&] {
    if (!open) return;
    const std::size_t begin = tokens.words[open->first_word].begin;
    const std::size_t end = tokens.words[open->last_word].end;
    std::string text;
    for (std::size_t i = begin; i < end; ++i) utf8::append(characters[i], text);
    out.push_back({std::move(text), open->type, begin, end - begin, open->confidence});
    open.reset();
  };
  const std::size_t count = std::min(piece_labels.size(), tokens.word_of_piece.size());
  for (std::size_t p = 0; p < count; ++p) {
    const std::size_t word = tokens.word_of_piece[p];
    const double probability = piece_labels[p].probability;
    if (p > 0 && tokens.word_of_piece[p - 1] == word) {  // a later piece of the word
      if (open && open->last_word == word) open->confidence = std::min(open->confidence, probability);
      continue;
    }
    const std::size_t index = piece_labels[p].label;
    const Label label = parse(index < labels.size() ? labels[index] : std::string());
    const bool continues = open && (label.prefix == 'I' || label.prefix == 'E') && label.type == open->type;
    if (!continues) close();
    if (label.prefix == 'O') continue;
    if (open) {
      open->last_word = word;
      open->confidence = std::min(open->confidence, probability);
    } else {
      open = Open{label.type, word, word, probability};
    }
    if (label.prefix == 'S' || label.prefix == 'E') close();
  }
  close();
  return out;
}

}  // namespace mixtract::bert
