#include "mixtract/inputs.h"

#include <fstream>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <opencv2/core.hpp>

#include "pdf_fixture.h"
#include "test_support.h"

namespace mixtract {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

class InputsTest : public ::testing::Test {
 protected:
  void touch(const std::string& name, const std::string& bytes = "x") {
    std::filesystem::create_directories((dir_ / name).parent_path());
    std::ofstream(dir_ / name, std::ios::binary) << bytes;
  }
  std::string at(const std::string& name) const { return (dir_ / name).string(); }
  // The documents' paths relative to the scratch folder, with their persons after a "|" when given.
  std::vector<std::string> names(const InputList& list) const {
    std::vector<std::string> out;
    for (const BatchDocument& document : list.documents) {
      out.push_back(document.path.lexically_relative(dir_).string() +
                    (document.person.empty() ? "" : "|" + document.person));
    }
    return out;
  }

  mixtract::testing::ScratchDir scratch_;
  const std::filesystem::path& dir_ = scratch_.path();
};

TEST_F(InputsTest, FoldersGiveTheirImagesAndPdfPagesInOrder) {
  touch("scans/b.jpg");
  touch("scans/a.PNG");
  touch("scans/notes.txt");
  touch("scans/2019/c.webp");
  touch("scans/two.pdf", mixtract::testing::pdf_of_pages({cv::Mat(50, 50, CV_8UC3), cv::Mat(50, 50, CV_8UC3)}));
  const std::vector<std::string> paths = {at("scans")};
  const Result<InputList> list = collect_inputs(paths);
  ASSERT_TRUE(list.ok());
  EXPECT_THAT(names(*list), ElementsAre("scans/2019/c.webp", "scans/a.PNG", "scans/b.jpg", "scans/two.pdf#page=1",
                                        "scans/two.pdf#page=2"));
  EXPECT_TRUE(list->problems.empty());
}

TEST_F(InputsTest, PatternsMatchWithinAFolderOrAtAnyDepth) {
  touch("scans/a.jpg");
  touch("scans/b.png");
  touch("scans/2019/c.jpg");
  touch("scans/2019/06/d.jpg");
  const std::vector<std::string> one_level = {at("scans/*.jpg")};
  EXPECT_THAT(names(collect_inputs(one_level).value()), ElementsAre("scans/a.jpg"));
  const std::vector<std::string> any_depth = {at("scans/**/*.jpg")};
  EXPECT_THAT(names(collect_inputs(any_depth).value()),
              ElementsAre("scans/2019/06/d.jpg", "scans/2019/c.jpg", "scans/a.jpg"));
  const std::vector<std::string> middle = {at("scans/*/?.jpg")};
  EXPECT_THAT(names(collect_inputs(middle).value()), ElementsAre("scans/2019/c.jpg"));
  const std::vector<std::string> none = {at("scans/*.tif")};
  const Result<InputList> nothing = collect_inputs(none);
  EXPECT_TRUE(nothing->documents.empty());
  ASSERT_EQ(nothing->problems.size(), 1u);
  EXPECT_THAT(nothing->problems[0].message(), HasSubstr("matches no image or PDF"));
}

TEST_F(InputsTest, EachPathOnceInTheOrderGivenAndMissingOnesListed) {
  touch("b.jpg");
  touch("a.jpg");
  const std::vector<std::string> paths = {at("b.jpg"), at("missing.jpg"), at("a.jpg"), (dir_ / "." / "b.jpg").string()};
  const Result<InputList> list = collect_inputs(paths);
  EXPECT_THAT(names(*list), ElementsAre("b.jpg", "a.jpg"));
  ASSERT_EQ(list->problems.size(), 1u);
  EXPECT_THAT(list->problems[0].message(), HasSubstr("missing.jpg: no such file or folder"));
}

TEST_F(InputsTest, AManifestGivesPathsRelativeToItselfAndPersons) {
  touch("scans/0001.jpg");
  touch("scans/0002.jpg");
  touch("scans/李四/x.png");
  touch("list.csv",
        "\xEF\xBB\xBF序号,文件,姓名\n1,scans/0001.jpg,张三\n2, scans/0002.jpg "
        ",张三\n3,scans/李四,李四\n4,,王五\n5,gone.jpg,王五\n");
  const Result<InputList> list = collect_inputs(std::vector<std::string>{}, dir_ / "list.csv");
  ASSERT_TRUE(list.ok()) << list.status().message();
  EXPECT_THAT(names(*list), ElementsAre("scans/0001.jpg|张三", "scans/0002.jpg|张三", "scans/李四/x.png|李四"));
  ASSERT_EQ(list->problems.size(), 2u);
  EXPECT_THAT(list->problems[0].message(), HasSubstr("list.csv row 5: no path"));
  EXPECT_THAT(list->problems[1].message(), HasSubstr("list.csv row 6: "));
  EXPECT_THAT(list->problems[1].message(), HasSubstr("gone.jpg: no such file"));
}

TEST_F(InputsTest, AManifestSavedAsGbkIsRead) {
  touch("scans/0001.jpg");
  touch("list.csv",
        "\xCE\xC4\xBC\xFE,\xD0\xD5\xC3\xFB\nscans/0001.jpg,\xD5\xC5\xC8\xFD\n");  // 文件,姓名 / scans/0001.jpg,张三 in
                                                                                  // GBK, as Excel saves CSV in China.
  const Result<InputList> list = collect_inputs(std::vector<std::string>{}, dir_ / "list.csv");
  ASSERT_TRUE(list.ok()) << list.status().message();
  EXPECT_THAT(names(*list), ElementsAre("scans/0001.jpg|张三"));

  touch("bad.csv", "\xFF\xFF,\xFF\n");
  EXPECT_THAT(collect_inputs(std::vector<std::string>{}, dir_ / "bad.csv").status().message(),
              HasSubstr("bad.csv: the text is neither UTF-8 nor GBK/GB18030; save it as \"CSV UTF-8\""));
}

TEST_F(InputsTest, AManifestWithoutAPathColumnIsAnError) {
  touch("list.csv", "name,level\n张三,本科\n");
  const Result<InputList> list = collect_inputs(std::vector<std::string>{}, dir_ / "list.csv");
  ASSERT_FALSE(list.ok());
  EXPECT_THAT(list.status().message(), HasSubstr("no path column in the header (name, level)"));
  EXPECT_FALSE(collect_inputs(std::vector<std::string>{}, dir_ / "none.csv").ok());
  touch("list.txt", "path\na.jpg\n");
  EXPECT_FALSE(collect_inputs(std::vector<std::string>{}, dir_ / "list.txt").ok());
}

}  // namespace
}  // namespace mixtract
