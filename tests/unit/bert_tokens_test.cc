// BERT's WordPiece tokenisation and the B-/I-/O decoding of its labels into entities.
#include <fstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/utf8.h"
#include "nlp/bert/entity_decoding.h"
#include "nlp/bert/wordpiece.h"
#include "test_support.h"

namespace mixtract::bert {
namespace {

using ::testing::ElementsAre;

// [PAD]=0 [UNK]=1 [CLS]=2 [SEP]=3, then the rest in order.
WordPiece vocabulary(const mixtract::testing::ScratchDir& dir) {
  std::ofstream(dir / "vocab.txt") << "[PAD]\n[UNK]\n[CLS]\n[SEP]\nun\n##aff\n##able\n张\n三\n,\nrun\n##ning\n";
  Result<WordPiece> wp = WordPiece::load(dir / "vocab.txt");
  EXPECT_TRUE(wp.ok()) << wp.status().message();
  return *std::move(wp);
}

TEST(WordPieceTest, SplitsWordsIntoTheLongestPiecesAndChineseIntoCharacters) {
  mixtract::testing::ScratchDir dir;
  const WordPiece wp = vocabulary(dir);
  Result<Tokens> tokens = wp.tokenise("UnAffable 张三,running  zebra");
  ASSERT_TRUE(tokens.ok());
  EXPECT_THAT(tokens->ids, ElementsAre(4, 5, 6, 7, 8, 9, 10, 11, 1));
  EXPECT_THAT(tokens->word_of_piece, ElementsAre(0, 0, 0, 1, 2, 3, 4, 4, 5));
  ASSERT_EQ(tokens->words.size(), 6u);
  EXPECT_EQ(tokens->words[0].begin, 0u);
  EXPECT_EQ(tokens->words[0].end, 9u);
  EXPECT_EQ(tokens->words[5].begin, 22u);  // after two spaces
  EXPECT_EQ(tokens->words[5].end, 27u);
}

TEST(WordPieceTest, AWordWithAnUnknownPartIsOneUnknownPiece) {
  mixtract::testing::ScratchDir dir;
  const WordPiece wp = vocabulary(dir);
  // "unaffablex": un ##aff ##able then no piece for "x": the whole word is [UNK], not three pieces and one.
  EXPECT_THAT(wp.tokenise("unaffablex")->ids, ElementsAre(1));
  EXPECT_THAT(wp.tokenise(std::string(101, 'a'))->ids, ElementsAre(1));  // longer than BERT reads
  EXPECT_TRUE(wp.tokenise(" \t\u3000 ")->ids.empty());
  EXPECT_FALSE(wp.tokenise("bad \xff").ok());
}

TEST(WordPieceTest, AVocabularyWithoutTheSpecialTokensIsRefused) {
  mixtract::testing::ScratchDir dir;
  std::ofstream(dir / "vocab.txt") << "[PAD]\n[CLS]\n[SEP]\na\n";
  Result<WordPiece> wp = WordPiece::load(dir / "vocab.txt");
  ASSERT_FALSE(wp.ok());
  EXPECT_THAT(wp.status().message(), ::testing::HasSubstr("vocab.txt: no [UNK] token"));
}

const std::vector<std::string> kLabels = {"O", "B-PER", "I-PER", "B-ORG", "I-ORG", "S-LOC", "E-ORG", "TIME"};

// Decodes `text` (one piece per character, each character a word) labelled `labels` (indexes of kLabels).
std::vector<std::string> decode(const std::string& text, const std::vector<std::size_t>& labels,
                                std::vector<double> probabilities = {}) {
  const std::vector<char32_t> decoded = utf8::decode(text);
  Tokens tokens;
  std::vector<PieceLabel> pieces;
  for (std::size_t i = 0; i < decoded.size(); ++i) {
    tokens.words.push_back({i, i + 1});
    tokens.ids.push_back(0);
    tokens.word_of_piece.push_back(i);
    pieces.push_back({labels[i], probabilities.empty() ? 1.0 : probabilities[i]});
  }
  std::vector<std::string> out;
  for (const TaggedSpan& s : decode_entities(std::u32string(decoded.begin(), decoded.end()), tokens, kLabels, pieces)) {
    out.push_back(s.text + "/" + s.tag + "/" + std::to_string(s.begin) + "/" +
                  std::to_string(s.confidence).substr(0, 4));
  }
  return out;
}

TEST(EntityDecodingTest, BeginsContinuesAndEnds) {
  EXPECT_THAT(decode("张三在川大", {1, 2, 0, 3, 4}), ElementsAre("张三/PER/0/1.00", "川大/ORG/3/1.00"));
  // An entity at the very end is kept; B- right after an entity starts a new one.
  EXPECT_THAT(decode("张三李四", {1, 2, 1, 2}), ElementsAre("张三/PER/0/1.00", "李四/PER/2/1.00"));
  // The confidence is the lowest of the entity's pieces.
  EXPECT_THAT(decode("张三", {1, 2}, {0.9, 0.6}), ElementsAre("张三/PER/0/0.60"));
}

TEST(EntityDecodingTest, AnInsideTagWithoutABeginningStartsAnEntity) {
  EXPECT_THAT(decode("在张三", {0, 2, 2}), ElementsAre("张三/PER/1/1.00"));
  // I- of another type ends the open entity and starts its own.
  EXPECT_THAT(decode("张三川大", {1, 2, 4, 4}), ElementsAre("张三/PER/0/1.00", "川大/ORG/2/1.00"));
  // IO labels without a prefix continue each other.
  EXPECT_THAT(decode("六月", {7, 7}), ElementsAre("六月/TIME/0/1.00"));
}

TEST(EntityDecodingTest, SingleAndEndTagsCloseTheEntity) {
  EXPECT_THAT(decode("京沪", {5, 5}), ElementsAre("京/LOC/0/1.00", "沪/LOC/1/1.00"));
  EXPECT_THAT(decode("川大学", {3, 6, 4}), ElementsAre("川大/ORG/0/1.00", "学/ORG/2/1.00"));
}

TEST(EntityDecodingTest, LaterPiecesOfAWordFollowItsFirst) {
  // "Peking University": word 0 = 2 pieces, word 1 = 3 pieces; the later pieces' labels are ignored,
  // their probabilities lower the entity's confidence; the entity spans the space between the words.
  const std::u32string text = U"Peking University";
  Tokens tokens;
  tokens.words = {{0, 6}, {7, 17}};
  tokens.ids = {0, 0, 0, 0, 0};
  tokens.word_of_piece = {0, 0, 1, 1, 1};
  const std::vector<PieceLabel> pieces = {{3, 0.9}, {0, 0.8}, {4, 0.95}, {1, 0.5}, {0, 0.99}};
  const std::vector<TaggedSpan> found = decode_entities(text, tokens, kLabels, pieces);
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].text, "Peking University");
  EXPECT_EQ(found[0].tag, "ORG");
  EXPECT_EQ(found[0].length, 17u);
  EXPECT_DOUBLE_EQ(found[0].confidence, 0.5);
}

}  // namespace
}  // namespace mixtract::bert
