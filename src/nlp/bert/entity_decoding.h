// From one label per word piece to entity spans: the reference system's B-/I-/O decoding loop, done
// right. A word takes the label of its first piece (later pieces only lower the entity's confidence);
// B- (or S-) starts an entity; I- (or E-) of the same type continues it, and starts one when there is no
// entity of that type open (an I- without a B-); O or another type ends it; S- and E- end it after the
// word; an entity open at the end is kept. A label without a prefix (IO tagging) counts as I-.
#ifndef MIXTRACT_NLP_BERT_ENTITY_DECODING_H_
#define MIXTRACT_NLP_BERT_ENTITY_DECODING_H_

#include <string>
#include <vector>

#include "nlp/bert/wordpiece.h"
#include "nlp/tagged_span.h"

namespace mixtract::bert {

struct PieceLabel {
  std::size_t label = 0;     // into the label list
  double probability = 1.0;  // of that label
};

// `characters`: the text the tokens were made from; `labels`: the model's label names; one PieceLabel
// per piece of `tokens`. Entities carry the text between their first and last word (spaces inside kept)
// and the lowest probability of their pieces.
std::vector<TaggedSpan> decode_entities(const std::u32string& characters, const Tokens& tokens,
                                        const std::vector<std::string>& labels,
                                        const std::vector<PieceLabel>& piece_labels);

}  // namespace mixtract::bert

#endif  // MIXTRACT_NLP_BERT_ENTITY_DECODING_H_
