#include "experts/certificate_text/joined_text.h"

#include <gtest/gtest.h>

#include "core/utf8.h"

namespace mixtract {
namespace {

OcrLine line_of(const std::string& text) {
  OcrLine line;
  line.text = text;
  line.confidence = 0.9F;
  line.char_confidences.assign(utf8::length(text), 0.9F);
  return line;
}

TEST(JoinedTextTest, NamesTheCharactersEitherSideOfAByteLineBreaksIncluded) {
  OcrResult ocr;
  ocr.lines = {line_of("毕业证书"), line_of("A1年")};
  const JoinedText joined = join_lines(ocr);
  ASSERT_EQ(joined.text, "毕业证书\nA1年");
  const std::size_t line_break = joined.text.find('\n');
  EXPECT_EQ(joined.char_at(0), U'毕');
  EXPECT_EQ(joined.char_before(0), 0U);
  EXPECT_EQ(joined.char_before(3), U'毕');
  EXPECT_EQ(joined.char_before(line_break), U'书');
  EXPECT_EQ(joined.char_at(line_break), U'\n');
  EXPECT_EQ(joined.char_before(line_break + 1), U'\n');
  EXPECT_EQ(joined.char_at(line_break + 1), U'A');
  EXPECT_EQ(joined.char_before(line_break + 3), U'1');
  EXPECT_EQ(joined.char_before(joined.text.size()), U'年');
  EXPECT_EQ(joined.char_at(joined.text.size()), 0U);
  EXPECT_EQ(joined.char_before(joined.text.size() + 1), 0U);
}

TEST(JoinedTextTest, LeavesOutATranslationsLinesButNotABracketGoingOnInEnglish) {
  OcrResult ocr;
  ocr.lines = {line_of("学生王芳，在本校机械设计制造及其自动化（Mechanical"),
               line_of("Design, Manufacturing and Automation）专业学习。"),
               line_of("This is to certify that Wang Fang, born 王芳")};
  EXPECT_EQ(join_lines(ocr).text, "学生王芳，在本校机械设计制造及其自动化（\n，）专业学习。");
}

}  // namespace
}  // namespace mixtract
