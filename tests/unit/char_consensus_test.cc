#include "gate/char_consensus.h"

#include <gmock/gmock.h>
#include <gtest/gtest.h>

namespace mixtract {
namespace {

using ::testing::ElementsAre;
using ::testing::IsEmpty;

TEST(CharConsensusTest, ReadingsWrongInDifferentPlacesAgreeOnTheRightNumber) {
  // 106101201905007614, each expert wrong in one different position.
  const std::vector<Reading> readings = {
      {"106101201905007814", 0.8}, {"106l01201905007614", 0.7}, {"106101201965007614", 0.9}};
  for (const Reading& reading : readings) ASSERT_NE(reading.text, "106101201905007614");
  const CharConsensus consensus = char_consensus(readings, 18);
  EXPECT_EQ(consensus.value, "106101201905007614");
  EXPECT_THAT(consensus.disputed, IsEmpty());
  EXPECT_NEAR(consensus.agreement, 1.5 / 2.4, 1e-9);  // Position 10: 0.8 + 0.7 of 2.4.
}

TEST(CharConsensusTest, APositionWithoutAMajorityIsDisputed) {
  const std::vector<Reading> readings = {{"1234", 1.0}, {"1284", 1.0}};
  const CharConsensus consensus = char_consensus(readings, 4);
  EXPECT_EQ(consensus.value, "1234");  // The tie goes to the character read first.
  EXPECT_THAT(consensus.disputed, ElementsAre(2));
}

TEST(CharConsensusTest, AReadingThatLostACharacterStillVotesWhereItAligns) {
  // The third reading lost its 5th digit (a seal over it); aligned, it still outvotes the 2nd's error.
  const std::vector<Reading> readings = {
      {"106101201905007614", 0.9}, {"106101201905007914", 0.95}, {"10610201905007614", 0.8}};
  const CharConsensus consensus = char_consensus(readings, 18);
  EXPECT_EQ(consensus.value, "106101201905007614");
  EXPECT_THAT(consensus.disputed, IsEmpty());
}

TEST(CharConsensusTest, OneReadingSettlesNothing) {
  const CharConsensus consensus = char_consensus(std::vector<Reading>{{"1234", 0.99}}, 4);
  EXPECT_EQ(consensus.value, "1234");
  EXPECT_THAT(consensus.disputed, ElementsAre(0, 1, 2, 3));
}

TEST(CharConsensusTest, NothingOfTheRightLengthGivesNothing) {
  EXPECT_EQ(char_consensus(std::vector<Reading>{{"123", 1.0}}, 18).value, "");
  EXPECT_EQ(char_consensus(std::vector<Reading>{}, 18).value, "");
}

}  // namespace
}  // namespace mixtract
