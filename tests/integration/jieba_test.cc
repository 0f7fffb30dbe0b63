// cppjieba with nodejieba's dictionaries (deps/cppjieba/dict), and school and major names as user words.
#include "nlp/jieba/jieba.h"

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "experts/ner/user_words.h"
#include "test_support.h"

namespace mixtract {
namespace {

using ::testing::Contains;
using ::testing::HasSubstr;
using ::testing::Not;

std::vector<std::string> texts_of(const std::vector<TaggedSpan>& words) {
  std::vector<std::string> out;
  for (const TaggedSpan& w : words) out.push_back(w.text + "/" + w.tag);
  return out;
}

class JiebaTest : public ::testing::Test {
 protected:
  void SetUp() override {
    folder_ = Jieba::default_folder(MIXTRACT_DEFAULT_DEPS_DIR);
    if (!std::filesystem::exists(folder_ / "jieba.dict.utf8")) {
      GTEST_SKIP() << "jieba's dictionaries are not installed (" << folder_ << "): run scripts/setup.sh";
    }
  }
  std::filesystem::path folder_;
};

TEST_F(JiebaTest, UserWordsKeepSchoolAndMajorNamesWhole) {
  const std::string sentence = "毕业于长春工业大学人文信息学院计算机科学与技术专业";
  Result<Jieba> plain = Jieba::load(folder_);
  ASSERT_TRUE(plain.ok()) << plain.status().message();
  const std::vector<std::string> without = texts_of(*plain->analyse(sentence));
  EXPECT_THAT(without, Not(Contains("计算机科学与技术/nz")));
  EXPECT_THAT(without, Not(Contains("长春工业大学人文信息学院/nt")));

  std::vector<Jieba::UserWord> words = user_words_of(SchoolTable::starter(), MajorTable::builtin());
  words.push_back({"长春工业大学人文信息学院", "nt"});
  Result<Jieba> jieba = Jieba::load(folder_, words);
  ASSERT_TRUE(jieba.ok()) << jieba.status().message();
  Result<std::vector<TaggedSpan>> analysed = jieba->analyse(sentence);
  ASSERT_TRUE(analysed.ok());
  EXPECT_THAT(texts_of(*analysed),
              ::testing::ElementsAre("毕业/n", "于/p", "长春工业大学人文信息学院/nt", "计算机科学与技术/nz", "专业/n"));
  EXPECT_EQ((*analysed)[3].begin, 15u);  // characters, not bytes
  EXPECT_EQ((*analysed)[3].length, 8u);
}

TEST_F(JiebaTest, PersonsPlacesAndOrganisationsAreEntities) {
  Result<Jieba> jieba = Jieba::load(folder_, user_words_of(SchoolTable::starter(), MajorTable::builtin()));
  ASSERT_TRUE(jieba.ok());
  const std::vector<TaggedSpan> entities = jieba_entities(*jieba->analyse("李四在北京市工作，毕业于四川大学"));
  EXPECT_THAT(texts_of(entities), ::testing::ElementsAre("李四/PER", "北京市/LOC", "四川大学/ORG"));
  EXPECT_EQ(entities[1].begin, 3u);
}

TEST_F(JiebaTest, BadInputIsAClearErrorOrNothing) {
  Result<Jieba> jieba = Jieba::load(folder_);
  ASSERT_TRUE(jieba.ok());
  EXPECT_TRUE(jieba->analyse("")->empty());
  Result<std::vector<TaggedSpan>> invalid = jieba->analyse("张三\xff");
  ASSERT_FALSE(invalid.ok());
  EXPECT_THAT(invalid.status().message(), HasSubstr("not valid UTF-8"));
  std::string long_text;
  for (int i = 0; i < 2000; ++i) long_text += "张三毕业于四川大学。😀";
  Result<std::vector<TaggedSpan>> long_result = jieba->analyse(long_text);  // 22,000 characters, emoji
  ASSERT_TRUE(long_result.ok());
  EXPECT_EQ(long_result->back().begin + long_result->back().length, 22000u);

  Result<Jieba> bad_word = Jieba::load(folder_, {{"\xc3", "nt"}});
  ASSERT_FALSE(bad_word.ok());
  EXPECT_THAT(bad_word.status().message(), HasSubstr("not valid UTF-8"));

  mixtract::testing::ScratchDir empty;
  std::ofstream(empty / "jieba.dict.utf8") << "";
  Result<Jieba> missing = Jieba::load(empty.path());
  ASSERT_FALSE(missing.ok());
  EXPECT_THAT(missing.status().message(), HasSubstr("jieba.dict.utf8: missing or empty"));
}

}  // namespace
}  // namespace mixtract
