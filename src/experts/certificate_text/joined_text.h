// A page's OCR lines joined into one text for the certificate_text expert's cues: spaces removed,
// full-width ASCII folded (，：（） kept full-width, and , : made so), ○ read as 〇, and '\n' between
// lines. Each character remembers its OCR line and confidence, so that a value found in the text
// knows where it came from and how sure the OCR was of it.
#ifndef MIXTRACT_EXPERTS_CERTIFICATE_TEXT_JOINED_TEXT_H_
#define MIXTRACT_EXPERTS_CERTIFICATE_TEXT_JOINED_TEXT_H_

#include <cstddef>
#include <string>
#include <vector>

#include "mixtract/candidate.h"
#include "ocr/ocr.h"

namespace mixtract {

// A value read from the joined page text: the value, and the characters it came from.
struct TextValue {
  std::string value;
  std::string raw;
  float confidence = 0;
  int line = -1;     // The OCR line holding the value's first character.
  std::string note;  // A correction made against a table, for the evidence; "" = none.
};

struct JoinedText {
  std::string text;                  // UTF-8.
  std::vector<std::size_t> byte_of;  // Byte offset of each character.
  std::vector<float> confidence;     // Per character.
  std::vector<int> line;             // Per character.
  // Per OCR line: it lies on the row of the line read before it, a character's width or more to its right.
  // What was printed in between was not read (under a seal, say).
  std::vector<char> after_gap;  // 1 or 0.

  // The value covering bytes [begin, end) of `text`, line breaks dropped; its confidence is the lowest
  // of its characters', and at most kDoubtfulReading when it runs on across a gap in its row (one of
  // 一九九五年六月 and 四日 read on either side of a seal's 二十).
  TextValue value(std::size_t begin, std::size_t end) const;

  // The character that starts at byte `at` of `text`, and the one that ends there: '\n' for a line break, 0
  // past either end of the text.
  char32_t char_at(std::size_t at) const;
  char32_t char_before(std::size_t at) const;
};

// The lines joined, but for lines in Latin letters (starting with one, eight or more, and more of them
// than Han characters, and not going on inside a bracket the line before opened): a translation printed
// beside or under the body would cut its sentences. In the other lines English words beside Chinese ones
// are left out (姓名 Name：王小明 reads 姓名：王小明): runs of two Latin letters or more, unless each could be
// a digit misread (二OO二年).
JoinedText join_lines(const OcrResult& ocr);

}  // namespace mixtract

#endif  // MIXTRACT_EXPERTS_CERTIFICATE_TEXT_JOINED_TEXT_H_
