// A piece of text with a tag: a word with its part of speech, or an entity (PER, LOC, ORG, TIME, ...),
// as the NLP engines (LAC, jieba, BERT) give them.
#ifndef MIXTRACT_NLP_TAGGED_SPAN_H_
#define MIXTRACT_NLP_TAGGED_SPAN_H_

#include <cstddef>
#include <string>

namespace mixtract {

// Where the span is counts Unicode characters of the analysed text.
struct TaggedSpan {
  std::string text;
  std::string tag;
  std::size_t begin = 0;
  std::size_t length = 0;
  // How sure the engine is, where it says (BERT: the lowest probability of the span's tokens); 1 otherwise.
  double confidence = 1.0;
};

}  // namespace mixtract

#endif  // MIXTRACT_NLP_TAGGED_SPAN_H_
