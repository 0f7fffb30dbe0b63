#include "core/edit_distance.h"

#include <gtest/gtest.h>

namespace mixtract {
namespace {

TEST(EditDistanceTest, CountsCharacterEdits) {
  EXPECT_EQ(edit_distance(U"", U""), 0u);
  EXPECT_EQ(edit_distance(U"武汉大学", U"武汉大学"), 0u);
  EXPECT_EQ(edit_distance(U"武汉大学", U"汉武汉大学"), 1u);        // One extra.
  EXPECT_EQ(edit_distance(U"长春工业大学", U"长春工业大堂"), 1u);  // One wrong.
  EXPECT_EQ(edit_distance(U"浙江大学", U"浙江大"), 1u);            // One missing.
  EXPECT_EQ(edit_distance(U"abc", U""), 3u);
  EXPECT_EQ(edit_distance(U"kitten", U"sitting"), 3u);
}

TEST(EditDistanceTest, FindsTheClosestSubstring) {
  const std::u32string text = U"校名长春工业大堂人文信息学院长刘振华";
  const SubstringMatch match = closest_substring(U"长春工业大学人文信息学院", text);
  EXPECT_EQ(match.distance, 1u);
  EXPECT_EQ(text.substr(match.begin, match.end - match.begin), U"长春工业大堂人文信息学院");

  const SubstringMatch exact = closest_substring(U"大学", U"在四川大学计算机");
  EXPECT_EQ(exact.distance, 0u);
  EXPECT_EQ(exact.begin, 3u);
  EXPECT_EQ(exact.end, 5u);
  EXPECT_EQ(closest_substring(U"", U"abc").distance, 0u);
  EXPECT_EQ(closest_substring(U"abc", U"").distance, 3u);
}

}  // namespace
}  // namespace mixtract
