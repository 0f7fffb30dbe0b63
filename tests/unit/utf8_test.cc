#include "core/utf8.h"

#include <gtest/gtest.h>

namespace mixtract {
namespace {

TEST(Utf8Test, RoundTripsMixedText) {
  const std::string text = "证书编号：106101201905007614 ok";
  EXPECT_EQ(utf8::encode(utf8::decode(text)), text);
  EXPECT_EQ(utf8::length("张三"), 2u);
  EXPECT_EQ(utf8::length("abc"), 3u);
  EXPECT_EQ(utf8::length("𠀀x"), 2u);  // Outside the basic plane.
}

TEST(Utf8Test, InvalidBytesBecomeReplacementCharacters) {
  const std::vector<char32_t> decoded = utf8::decode(std::string("a\xff\xe4\xb8", 4));
  ASSERT_EQ(decoded.size(), 3u);
  EXPECT_EQ(decoded[0], U'a');
  EXPECT_EQ(decoded[1], 0xFFFD);
  EXPECT_EQ(decoded[2], 0xFFFD);
  EXPECT_EQ(utf8::decode("\xc0\xaf")[0], 0xFFFD);  // Overlong encoding of '/'.
}

TEST(Utf8Test, RecognisesHanCharacters) {
  EXPECT_TRUE(utf8::is_han(U'张'));
  EXPECT_TRUE(utf8::is_han(U'〇'));
  EXPECT_FALSE(utf8::is_han(U'a'));
  EXPECT_FALSE(utf8::is_han(U'，'));
}

}  // namespace
}  // namespace mixtract
