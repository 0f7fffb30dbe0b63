// The NER experts (lac_ner, jieba_ner, bert_ner): candidates for name, school and major fields from the
// lines of a page reading, with the engines' real models.
#include "experts/ner/ner_expert.h"

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "core/utf8.h"
#include "mixtract/schema.h"
#include "nlp/jieba/jieba.h"
#include "nlp/lac/lac.h"
#include "test_support.h"

namespace mixtract {
namespace {

using ::testing::HasSubstr;

class NerExpertTest : public ::testing::Test {
 protected:
  void SetUp() override {
    Result<Schema> schema = load_schema("graduation_certificate");
    ASSERT_TRUE(schema.ok());
    schema_ = *std::move(schema);
    for (const FieldSpec& f : schema_.fields) fields_.push_back(&f);
    OcrLine line;
    line.text = "学生王小明于2020年6月毕业于四川大学计算机科学与技术专业";
    line.char_confidences.assign(utf8::decode(line.text).size(), 0.99f);
    line.char_confidences[3] = 0.5f;  // A doubtful 明.
    ocr_.lines.push_back(line);
    ocr_.lines.push_back(OcrLine{{}, "证书编号：106101202005000123", 0.9f, {}});
    options_.deps_dir = MIXTRACT_DEFAULT_DEPS_DIR;
  }

  // The candidates of `engine` by field.
  std::map<std::string, Candidate> candidates(NerEngine engine, std::string_view source) {
    std::map<std::string, Candidate> by_field;
    Result<LineTagger> tagger = ner_tagger(engine, options_);
    EXPECT_TRUE(tagger.ok()) << tagger.status().message();
    if (!tagger.ok()) return by_field;
    Result<std::vector<Candidate>> found = ner_candidates(*tagger, source, ocr_, fields_);
    EXPECT_TRUE(found.ok()) << found.status().message();
    if (found.ok()) {
      for (const Candidate& c : *found) by_field.emplace(c.field, c);
    }
    return by_field;
  }

  void expect_the_sentence_read(std::map<std::string, Candidate> by_field, const std::string& source) {
    ASSERT_TRUE(by_field.contains("name"));
    EXPECT_EQ(by_field["name"].value, "王小明");
    EXPECT_NEAR(by_field["name"].confidence, 0.6 * 0.5, 1e-6);
    ASSERT_TRUE(by_field.contains("school"));
    EXPECT_EQ(by_field["school"].value, "四川大学");
    EXPECT_NEAR(by_field["school"].confidence, 0.6 * 0.99, 1e-6);
    ASSERT_TRUE(by_field.contains("major"));
    EXPECT_EQ(by_field["major"].value, "计算机科学与技术");
    EXPECT_EQ(by_field["major"].evidence.at(0).source, "ocr_line:0 " + source + ":MAJOR");
    EXPECT_FALSE(by_field.contains("certificate_number"));
  }

  Schema schema_;
  std::vector<const FieldSpec*> fields_;
  OcrResult ocr_;
  ExpertOptions options_;
};

TEST_F(NerExpertTest, LacProposesNamesSchoolsAndMajors) {
  if (!std::filesystem::exists(Lac::default_folder() / "model_baseline")) {
    GTEST_SKIP() << "LAC's parameters are not installed: scripts/setup.sh installs Debian's python3-jieba";
  }
  expect_the_sentence_read(candidates(NerEngine::kLac, "lac_ner"), "lac_ner");
}

TEST_F(NerExpertTest, JiebaProposesNamesSchoolsAndTheTablesMajors) {
  if (!std::filesystem::exists(Jieba::default_folder(options_.deps_dir) / "jieba.dict.utf8")) {
    GTEST_SKIP() << "jieba's dictionaries are not installed: run scripts/setup.sh";
  }
  expect_the_sentence_read(candidates(NerEngine::kJieba, "jieba_ner"), "jieba_ner");
}

TEST_F(NerExpertTest, TheEnginesConfidenceScalesTheCandidates) {
  const LineTagger tagger = [](const std::vector<std::string>& lines) -> Result<std::vector<std::vector<TaggedSpan>>> {
    std::vector<std::vector<TaggedSpan>> out(lines.size());
    out[0] = {{"王小明", "PER", 2, 3, 0.8},
              {"欧阳王小明", "PER", 0, 5, 1.0},  // five characters: not a name
              {"四川", "LOC", 16, 2, 1.0}};
    return out;
  };
  Result<std::vector<Candidate>> found = ner_candidates(tagger, "test", ocr_, fields_);
  ASSERT_TRUE(found.ok());
  ASSERT_EQ(found->size(), 1u);
  EXPECT_EQ((*found)[0].field, "name");
  EXPECT_NEAR((*found)[0].confidence, 0.6 * 0.8 * 0.5, 1e-6);
  const LineTagger failing = [](const std::vector<std::string>&) -> Result<std::vector<std::vector<TaggedSpan>>> {
    return Status::internal("model.onnx: inference failed");
  };
  EXPECT_THAT(ner_candidates(failing, "test", ocr_, fields_).status().message(), HasSubstr("inference failed"));
}

TEST_F(NerExpertTest, BertWithoutAModelSaysHowToGiveOne) {
  Result<LineTagger> tagger = ner_tagger(NerEngine::kBert, options_);
  ASSERT_FALSE(tagger.ok());
  EXPECT_THAT(tagger.status().message(), HasSubstr("--bert-model DIR"));
  options_.bert_dir = "/nowhere";
  EXPECT_THAT(ner_tagger(NerEngine::kBert, options_).status().message(), HasSubstr("/nowhere/vocab.txt"));
}

}  // namespace
}  // namespace mixtract
