#include "core/utf8.h"

#include <gtest/gtest.h>

#include "core/text_encoding.h"

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
  EXPECT_TRUE(utf8::is_han(U'𠀀'));    // Extension B, in rare names.
  EXPECT_TRUE(utf8::is_han(U'𰀀'));  // Extension G.
  EXPECT_FALSE(utf8::is_han(U'a'));
  EXPECT_FALSE(utf8::is_han(U'，'));
}

TEST(TextEncodingTest, GbkAndGb18030AreReadAndSaidSo) {
  const std::string gbk = "\xD0\xD5\xC3\xFB,\xB1\xCF\xD2\xB5\xD4\xBA\xD0\xA3\n";  // 姓名,毕业院校 in GBK.
  const std::optional<DecodedText> text = decode_utf8_or_gb18030(gbk);
  ASSERT_TRUE(text.has_value());
  EXPECT_EQ(text->text, "姓名,毕业院校\n");
  EXPECT_EQ(text->encoding, "GB18030");
  EXPECT_EQ(decode_utf8_or_gb18030("\xEF\xBB\xBF姓名")->text, "姓名");  // Excel's UTF-8 mark dropped.
  EXPECT_EQ(decode_utf8_or_gb18030("姓名")->encoding, "UTF-8");
  EXPECT_FALSE(decode_utf8_or_gb18030("\xFF\xFF").has_value());
  EXPECT_FALSE(decode_gb18030("\xD0").has_value());  // Cut in the middle of a character.
}

TEST(TextEncodingTest, NamesAreAlwaysShownAsUtf8) {
  EXPECT_EQ(readable_name("证书.jpg"), "证书.jpg");
  EXPECT_EQ(readable_name("\xCD\xF5\xD0\xA1\xC3\xF7.jpg"), "王小明.jpg");
  EXPECT_EQ(readable_name("a\xFF张.jpg"), "a\\xFF张.jpg");  // Neither UTF-8 nor GB18030: escaped.
  EXPECT_TRUE(is_valid_utf8(readable_name(std::string("\x80\xC0\x00z", 4))));
}

}  // namespace
}  // namespace mixtract
