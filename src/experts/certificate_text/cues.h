// Cues: the patterns that mark each fact of a certificate's text (data/certificate_cues.yaml, which
// documents their syntax). Wordings live in that file; this reads it and finds what it describes.
#ifndef MIXTRACT_EXPERTS_CERTIFICATE_TEXT_CUES_H_
#define MIXTRACT_EXPERTS_CERTIFICATE_TEXT_CUES_H_

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "experts/certificate_text/joined_text.h"
#include "mixtract/status.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace mixtract {

// What one cue found: a fact's value as read, where, and how much the cue alone says.
struct Finding {
  std::string fact;
  TextValue value;        // The characters read; value.value == value.raw until normalised.
  float weight = 1;       // The cue's weight.
  std::size_t cue = 0;    // The cue's index in the file: earlier cues take precedence.
  std::size_t begin = 0;  // Byte range of the value in the joined text.
  std::size_t end = 0;
};

// What the reader knows: each fact's readings, in the order found (cue order, then text order).
using Readings = std::map<std::string, std::vector<TextValue>, std::less<>>;

// The facts a cue may name: name, gender, birth_date, study_start, study_end, school, major,
// school_major, level, degree, issue_date, id_number.
const std::vector<std::string_view>& cue_facts();

class CueSet {
 public:
  // Parses a cue file; errors name `source`, the line and the cue (a bad pattern, an unknown fact).
  static Result<CueSet> parse(std::string_view yaml_text, std::string_view source);
  // The cues compiled in (data/certificate_cues.yaml), parsed once.
  static const CueSet& builtin();

  // Whether the text holds one of the file's page_words: a page the cues are meant for.
  bool reads(const JoinedText& text) const;

  // The text with the file's misreadings (学土学位 for 学士学位, 大月 for 六月) written as meant, wherever lines
  // break in them; the characters keep their places, lines and confidences. What the cues and the reader read.
  JoinedText mended(const JoinedText& text) const;

  // Every match of every cue, in cue order, then in text order (in the text as mended()).
  std::vector<Finding> find(const JoinedText& text) const;

  // What the file's `values` say a fact's value means (硕士 -> 硕士研究生 for level); the value itself
  // when they say nothing. "" = the value says nothing certain.
  std::string meaning(std::string_view fact, const std::string& value) const;

 private:
  struct Cue {
    std::shared_ptr<const re2::RE2> regex;
    float weight = 1;
    std::vector<std::pair<int, std::string>> groups;  // Capture group index -> fact.
  };
  std::vector<Cue> cues_;
  std::vector<std::string> page_words_;
  // What OCR reads, as a cue, and the characters meant (misreadings:).
  std::vector<std::pair<std::shared_ptr<const re2::RE2>, std::string>> misreadings_;
  std::map<std::string, std::map<std::string, std::string, std::less<>>, std::less<>> values_;
};

// The cue file's named lists of words (words: ADDRESS: [同学, 同志]), which a cue names as {ADDRESS}.
using WordLists = std::map<std::string, std::vector<std::string>, std::less<>>;

// A cue as RE2 syntax: an optional line break after each Han character written outside [...] and not
// followed by a quantifier, the shorthands (~, {HAN}, {NAME}, {DATE}, {MONTH}, {SCHOOL}) expanded, and each
// {LIST} of `words` made an alternative of its words (each expanded as a cue). Exposed for tests.
std::string expand_cue(std::string_view cue, const WordLists& words = {});

// A date in any of the forms {DATE} names, captured.
const re2::RE2& any_date();

}  // namespace mixtract

#endif  // MIXTRACT_EXPERTS_CERTIFICATE_TEXT_CUES_H_
