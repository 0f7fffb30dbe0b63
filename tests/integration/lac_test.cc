// LAC in C++ on the real parameters of Debian's python3-jieba, checked tag for tag against the reference
// network run with numpy (tests/tools/lac_reference.py).
#include "nlp/lac/lac.h"

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "nlp/lac/paddle_tensor.h"
#include "test_support.h"

namespace mixtract {
namespace {

const std::vector<std::string> kSentences = {
    "张三于2019年6月毕业于四川大学计算机科学与技术专业",
    "李四在北京市百度公司工作",
    "王小明，男，1998年3月12日生，于二〇二〇年七月在武汉大学完成了法学专业本科学习",
    "兹证明赵丽颖同学修完中国人民大学新闻学专业四年制本科全部课程",
    "上海交通大学授予陈建国工学硕士学位",
    "证书编号：106101202005000123",
    "住址：广东省深圳市南山区科技园路1号",
    "Alice和Bob于2021年在清华大学相识",
    "中华人民共和国教育部学信网电子注册备案表",
    "欧阳娜娜",
};

class LacTest : public ::testing::Test {
 protected:
  void SetUp() override {
    if (!std::filesystem::exists(Lac::default_folder() / "model_baseline")) {
      GTEST_SKIP() << "LAC's parameters are not installed (" << Lac::default_folder()
                   << "): scripts/setup.sh installs Debian's python3-jieba";
    }
    Result<Lac> lac = Lac::load(Lac::default_folder());
    ASSERT_TRUE(lac.ok()) << lac.status().message();
    lac_.emplace(*std::move(lac));
  }
  std::optional<Lac> lac_;
};

TEST_F(LacTest, TagsEqualTheReferenceNetworks) {
  mixtract::testing::ScratchDir scratch;
  std::ofstream(scratch.path() / "sentences.txt") << [] {
    std::string all;
    for (const std::string& s : kSentences) all += s + "\n";
    return all;
  }();
  const std::string command = "/usr/bin/python3 " MIXTRACT_SOURCE_DIR "/tests/tools/lac_reference.py " +
                              Lac::default_folder().string() + " < " + (scratch.path() / "sentences.txt").string();
  std::string output;
  ASSERT_EQ(mixtract::testing::run_command(command, output), 0) << output;
  // One by one, and all in one batch (with an empty text among them).
  std::vector<std::string> batch = kSentences;
  batch.insert(batch.begin() + 3, "");
  Result<std::vector<std::vector<std::string>>> batch_tags = lac_->tag_characters(batch);
  ASSERT_TRUE(batch_tags.ok()) << batch_tags.status().message();
  ASSERT_EQ(batch_tags->size(), batch.size());
  EXPECT_TRUE((*batch_tags)[3].empty());
  batch_tags->erase(batch_tags->begin() + 3);
  std::istringstream lines(output);
  std::string line;
  for (std::size_t i = 0; i < kSentences.size(); ++i) {
    ASSERT_TRUE(std::getline(lines, line)) << "the reference stopped before: " << kSentences[i];
    const auto reference = nlohmann::json::parse(line).get<std::vector<std::string>>();
    Result<std::vector<std::string>> tags = lac_->tag_characters(kSentences[i]);
    ASSERT_TRUE(tags.ok()) << tags.status().message();
    EXPECT_EQ(*tags, reference) << kSentences[i];
    EXPECT_EQ((*batch_tags)[i], reference) << "in a batch: " << kSentences[i];
  }
}

TEST_F(LacTest, FindsThePersonTheDateAndTheSchool) {
  Result<std::vector<TaggedSpan>> words = lac_->analyse("张三于2019年6月毕业于四川大学计算机科学与技术专业");
  ASSERT_TRUE(words.ok());
  const std::vector<TaggedSpan> entities = lac_entities(*words);
  ASSERT_EQ(entities.size(), 3u);
  EXPECT_EQ(entities[0].text, "张三");
  EXPECT_EQ(entities[0].tag, "PER");
  EXPECT_EQ(entities[0].begin, 0u);
  EXPECT_EQ(entities[1].text, "2019年6月");
  EXPECT_EQ(entities[1].tag, "TIME");
  EXPECT_EQ(entities[1].begin, 3u);
  EXPECT_EQ(entities[2].text, "四川大学");
  EXPECT_EQ(entities[2].tag, "ORG");
  EXPECT_EQ(entities[2].begin, 13u);
  EXPECT_EQ(entities[2].length, 4u);
  std::string joined;
  for (const TaggedSpan& w : *words) joined += w.text;
  EXPECT_EQ(joined, "张三于2019年6月毕业于四川大学计算机科学与技术专业");
}

TEST_F(LacTest, BadInputIsAClearErrorOrNothing) {
  EXPECT_TRUE(lac_->tag_characters("")->empty());
  const Result<std::vector<std::string>> invalid = lac_->tag_characters("\xff\xfe张三");
  ASSERT_FALSE(invalid.ok());
  EXPECT_THAT(invalid.status().message(), ::testing::HasSubstr("not valid UTF-8"));
  EXPECT_EQ(lac_->tag_characters("\U0001F600\U0001F600")->size(), 2u);  // Out of the vocabulary: OOV.
  const std::string long_text(30000, 'a');
  EXPECT_EQ(lac_->tag_characters(long_text)->size(), 30000u);
}

TEST(PaddleTensorTest, AMissingOrDamagedFileIsAnErrorNamingIt) {
  mixtract::testing::ScratchDir scratch;
  EXPECT_THAT(read_paddle_tensor(scratch.path() / "nope").status().message(), ::testing::HasSubstr("nope"));
  std::ofstream(scratch.path() / "short") << "abc";
  EXPECT_THAT(read_paddle_tensor(scratch.path() / "short").status().message(),
              ::testing::HasSubstr("short: not a Paddle float32 tensor file"));
  const Result<Lac> missing = Lac::load(scratch.path());
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.status().message(), ::testing::HasSubstr("word.dic"));
}

}  // namespace
}  // namespace mixtract
