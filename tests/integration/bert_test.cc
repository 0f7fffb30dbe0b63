// BERT token classification on ONNX Runtime: a tiny random-weight model exported by
// tests/tools/bert_tiny.py (Debian's python3-onnx) is run here and by the same script with numpy; the
// entities (text, tag, offsets, confidence) must agree, through windows and batches.
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "nlp/bert/bert_tagger.h"
#include "test_support.h"

namespace mixtract {
namespace {

const std::string kScript = "/usr/bin/python3 " MIXTRACT_SOURCE_DIR "/tests/tools/bert_tiny.py";

const std::vector<std::string> kTexts = {
    "张三于2019年6月毕业于四川大学计算机科学与技术专业",
    "John Smith of the University of Peking, data-base 2019.",
    "李四，男，出生于1998年3月12日，北京大学法学硕士学位证书编号：1000120200500123",
    "Unknown words like Zebra and 𠀀 become [UNK]; spaces\tand\u3000full-width spaces split words",
    "王五　清华大学　复旦大学　浙江大学　南京师范大学　上海交通大学　中国人民解放军　本科　硕士　博士",
    "a",
    "",
};

class BertTest : public ::testing::Test {
 protected:
  void SetUp() override {
    std::string output;
    if (mixtract::testing::run_command("/usr/bin/python3 -c 'import onnx' 2>&1", output) != 0) {
      GTEST_SKIP() << "python3-onnx is not installed (scripts/setup.sh installs it): cannot export the test model";
    }
    ASSERT_EQ(mixtract::testing::run_command(kScript + " export " + model_.path().string() + " 2>&1", output), 0)
        << output;
  }

  // The reference's entities of each text, as [text, tag, begin, length, confidence].
  std::vector<nlohmann::json> reference(const std::vector<std::string>& texts, std::size_t max_tokens) {
    std::ofstream in(model_ / "texts.txt");
    for (const std::string& text : texts) in << text << "\n";
    in.close();
    std::string output;
    EXPECT_EQ(mixtract::testing::run_command(kScript + " run " + model_.path().string() + " --max-tokens " +
                                                 std::to_string(max_tokens) + " < " + (model_ / "texts.txt").string(),
                                             output),
              0)
        << output;
    std::vector<nlohmann::json> out;
    std::istringstream lines(output);
    for (std::string line; std::getline(lines, line);) out.push_back(nlohmann::json::parse(line));
    return out;
  }

  void expect_same_as_reference(const std::vector<std::string>& texts, const BertOptions& options) {
    Result<BertTagger> tagger = BertTagger::load(model_.path(), options);
    ASSERT_TRUE(tagger.ok()) << tagger.status().message();
    Result<std::vector<std::vector<TaggedSpan>>> found = tagger->entities(texts);
    ASSERT_TRUE(found.ok()) << found.status().message();
    const std::vector<nlohmann::json> expected = reference(texts, options.max_tokens);
    ASSERT_EQ(expected.size(), texts.size());
    std::size_t entities = 0;
    for (std::size_t t = 0; t < texts.size(); ++t) {
      ASSERT_EQ((*found)[t].size(), expected[t].size()) << texts[t] << "\nreference: " << expected[t].dump();
      for (std::size_t e = 0; e < expected[t].size(); ++e) {
        const TaggedSpan& span = (*found)[t][e];
        const nlohmann::json& want = expected[t][e];
        EXPECT_EQ(span.text, want[0].get<std::string>()) << texts[t];
        EXPECT_EQ(span.tag, want[1].get<std::string>()) << texts[t];
        EXPECT_EQ(span.begin, want[2].get<std::size_t>()) << texts[t];
        EXPECT_EQ(span.length, want[3].get<std::size_t>()) << texts[t];
        EXPECT_NEAR(span.confidence, want[4].get<double>(), 1e-4) << texts[t];
      }
      entities += expected[t].size();
    }
    EXPECT_GT(entities, 10u) << "a random model should label some pieces as entities";
  }

  mixtract::testing::ScratchDir model_;
};

TEST_F(BertTest, EntitiesEqualTheReferenceInOneWindow) {
  expect_same_as_reference(kTexts, {64, 16, 1});
}

TEST_F(BertTest, EntitiesEqualTheReferenceThroughOverlappingWindowsAndBatches) {
  std::vector<std::string> texts = kTexts;
  texts.push_back(kTexts[0] + kTexts[1] + kTexts[2] + kTexts[4]);  // about 120 pieces: many windows
  expect_same_as_reference(texts, {12, 3, 2});                     // windows of 10 pieces, batches of 3
}

TEST_F(BertTest, BadInputIsAClearError) {
  Result<BertTagger> tagger = BertTagger::load(model_.path(), {64, 16, 1});
  ASSERT_TRUE(tagger.ok()) << tagger.status().message();
  Result<std::vector<std::vector<TaggedSpan>>> invalid =
      tagger->entities(std::vector<std::string>{"fine", "bad \xff\xfe utf-8"});
  ASSERT_FALSE(invalid.ok());
  EXPECT_THAT(invalid.status().message(), ::testing::HasSubstr("text 2: the text is not valid UTF-8"));
  Result<std::vector<TaggedSpan>> empty = tagger->entities(std::string_view());
  ASSERT_TRUE(empty.ok());
  EXPECT_TRUE(empty->empty());
  std::string long_text;
  for (int i = 0; i < 1000; ++i) long_text += "张三毕业于四川大学，计算机科学与技术专业。";
  Result<std::vector<TaggedSpan>> long_result = tagger->entities(long_text);  // 21,000 characters
  ASSERT_TRUE(long_result.ok()) << long_result.status().message();
  EXPECT_FALSE(long_result->empty());
  EXPECT_LE(long_result->back().begin + long_result->back().length, 21000u);

  // A window longer than the model's 64 positions: the error says what to lower.
  Result<BertTagger> too_long = BertTagger::load(model_.path(), {512, 16, 1});
  ASSERT_TRUE(too_long.ok());
  Result<std::vector<TaggedSpan>> overflow = too_long->entities(long_text);
  ASSERT_FALSE(overflow.ok());
  EXPECT_THAT(overflow.status().message(), ::testing::HasSubstr("lower max_tokens"));
}

TEST_F(BertTest, ABrokenModelFolderIsAnErrorNamingTheFile) {
  auto load_error = [&] {
    Result<BertTagger> tagger = BertTagger::load(model_.path(), {64, 16, 1});
    return tagger.ok() ? std::string("loaded") : tagger.status().message();
  };
  // Labels that do not match the model's output.
  std::ofstream(model_ / "labels.txt") << "O\nB-PER\nI-PER\n";
  EXPECT_THAT(load_error(), ::testing::AllOf(::testing::HasSubstr("[1, 3, 9]"), ::testing::HasSubstr("3 labels")));
  // No labels.txt: config.json's id2label is read.
  std::filesystem::remove(model_ / "labels.txt");
  EXPECT_THAT(load_error(), ::testing::HasSubstr("no labels.txt"));
  std::ofstream(model_ / "config.json") << R"({"id2label": {"0": "O", "2": "I-PER"}})";
  EXPECT_THAT(load_error(), ::testing::HasSubstr("entry '2' does not fit"));
  std::ofstream(model_ / "config.json")
      << R"({"id2label": {"0":"O","1":"B-PER","2":"I-PER","3":"B-ORG","4":"I-ORG","5":"B-LOC","6":"I-LOC","7":"B-TIME","8":"I-TIME"}})";
  EXPECT_EQ(load_error(), "loaded");
  // A vocabulary without BERT's special tokens; a missing or damaged model.
  std::ofstream(model_ / "vocab.txt") << "a\nb\n";
  EXPECT_THAT(load_error(), ::testing::HasSubstr("vocab.txt: no [UNK] token"));
  std::filesystem::remove(model_ / "vocab.txt");
  EXPECT_THAT(load_error(), ::testing::HasSubstr("vocab.txt: cannot read"));
  std::string output;
  ASSERT_EQ(mixtract::testing::run_command(kScript + " export " + model_.path().string(), output), 0);
  std::ofstream(model_ / "model.onnx") << "not a model";
  EXPECT_THAT(load_error(), ::testing::HasSubstr("model.onnx: cannot load the model"));
  std::filesystem::remove(model_ / "model.onnx");
  EXPECT_THAT(load_error(), ::testing::HasSubstr("model.onnx: model file missing"));
}

}  // namespace
}  // namespace mixtract
