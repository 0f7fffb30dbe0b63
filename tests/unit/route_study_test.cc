#include "tune/route_study.h"

#include <atomic>
#include <fstream>

#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include "test_support.h"

namespace mixtract {
namespace {

// Reads the number written in the file's first pixel's blue channel, and counts its calls.
class PixelExpert final : public Expert {
 public:
  explicit PixelExpert(std::atomic<int>* calls) : calls_(calls) {}
  std::string_view name() const override { return "pixel"; }
  Result<std::vector<Candidate>> propose(const Document& document, std::span<const FieldSpec* const>) const override {
    ++*calls_;
    Candidate c;
    c.field = "number";
    c.value = std::to_string(1000 + document.image().at<cv::Vec3b>(0, 0)[0]);
    c.confidence = 0.9;
    return std::vector<Candidate>{c};
  }

 private:
  std::atomic<int>* calls_;
};

class RouteStudyTest : public ::testing::Test {
 protected:
  RouteStudyTest() {
    EXPECT_TRUE(registry_
                    .add("pixel", "",
                         [this]() -> Result<std::unique_ptr<Expert>> {
                           return std::unique_ptr<Expert>(new PixelExpert(&calls_));
                         })
                    .ok());
    schema_ = *parse_schema(
        "name: t\ntitle: 证\nfields:\n  - {name: number, label: 编号, kind: code, constraints: {length: 4}}\n",
        "t.yaml");
    std::string csv = "文件,文书类型,编号\n";
    for (int i = 0; i < 20; ++i) {
      const std::string file = "doc" + std::to_string(i) + ".png";
      cv::imwrite((scratch_.path() / file).string(), cv::Mat(4, 4, CV_8UC3, cv::Scalar(i, 0, 0)));
      // Every 4th label is wrong; one row is of another kind.
      csv += file + "," + (i == 19 ? "其他" : "证") + "," + std::to_string(1000 + i + (i % 4 == 0 ? 1 : 0)) + "\n";
    }
    csv += "missing.png,证,1234\n";
    std::ofstream(scratch_.path() / "truth.csv") << csv;
    truth_ = *read_eval_table(scratch_.path() / "truth.csv");
  }

  Result<Study> study(AnalysisCache* cache, bool only_held_out = false) {
    StudyOptions options;
    options.experts = {"pixel"};
    options.held_out = 0.5;
    options.only_held_out = only_held_out;
    options.workers = 3;
    options.cache = cache;
    return run_study(schema_, truth_, scratch_.path(), registry_, {}, options);
  }

  mixtract::testing::ScratchDir scratch_;
  ExpertRegistry registry_;
  std::atomic<int> calls_{0};
  Schema schema_;
  EvalTable truth_;
};

TEST_F(RouteStudyTest, EachExpertRunsOncePerDocumentAndRoutesAreScoredOnItsOutputs) {
  Result<Study> first = study(nullptr);
  ASSERT_TRUE(first.ok()) << first.status().message();
  EXPECT_EQ(first->documents.size(), 19u);  // The row of another kind is left out.
  ASSERT_EQ(first->problems.size(), 1u);
  EXPECT_EQ(first->problems[0], "missing.png: not found in " + scratch_.path().string());
  EXPECT_EQ(calls_.load(), 19);
  Route route;
  route.experts = {"pixel"};
  const RouteScore all = score_route(*first, schema_.fields[0], route, Split::kAll);
  EXPECT_EQ(all.documents, 19);
  EXPECT_EQ(all.correct, 14);  // Right but where the label is off: 0, 4, 8, 12, 16.
  const RouteScore held_out = score_route(*first, schema_.fields[0], route, Split::kHeldOut);
  const RouteScore train = score_route(*first, schema_.fields[0], route, Split::kTrain);
  EXPECT_EQ(held_out.documents + train.documents, 19);
  EXPECT_GT(held_out.documents, 0);
  EXPECT_GT(train.documents, 0);
  EXPECT_EQ(calls_.load(), 19);  // Scoring runs no expert.
}

TEST_F(RouteStudyTest, ASecondStudyTakesTheOutputsFromTheCache) {
  Result<std::unique_ptr<AnalysisCache>> cache = AnalysisCache::open(scratch_.path() / "cache.sqlite", 1 << 20);
  ASSERT_TRUE(cache.ok());
  Result<Study> first = study(cache->get());
  ASSERT_TRUE(first.ok());
  EXPECT_EQ(calls_.load(), 19);
  Result<Study> second = study(cache->get());
  ASSERT_TRUE(second.ok());
  EXPECT_EQ(calls_.load(), 19);
  for (std::size_t i = 0; i < first->documents.size(); ++i) {
    const ExpertOutput& a = first->documents[i].outputs.at("pixel");
    const ExpertOutput& b = second->documents[i].outputs.at("pixel");
    ASSERT_EQ(a.candidates.size(), 1u);
    ASSERT_EQ(b.candidates.size(), 1u);
    EXPECT_EQ(a.candidates[0].value, b.candidates[0].value);
    EXPECT_EQ(b.candidates[0].expert, "pixel");
    EXPECT_DOUBLE_EQ(a.cost.ms, b.cost.ms);  // Costs as first measured.
    EXPECT_EQ(first->documents[i].held_out, second->documents[i].held_out);
  }
  Result<Study> held_out = study(cache->get(), true);
  ASSERT_TRUE(held_out.ok());
  for (const StudiedDocument& d : held_out->documents) EXPECT_TRUE(d.held_out);
}

TEST_F(RouteStudyTest, AValueMarkedUnreadableIsNoTestOfARoute) {
  std::string csv = "文件,文书类型,编号,不可辨认\n";
  for (int i = 0; i < 19; ++i) {  // The labels that are off (every 4th) are marked unreadable.
    csv += "doc" + std::to_string(i) + ".png,证," + std::to_string(1000 + i + (i % 4 == 0 ? 1 : 0)) + "," +
           (i % 4 == 0 ? "编号" : "") + "\n";
  }
  std::ofstream(scratch_.path() / "marked.csv") << csv;
  truth_ = *read_eval_table(scratch_.path() / "marked.csv");
  const Result<Study> result = study(nullptr);
  ASSERT_TRUE(result.ok()) << result.status().message();
  Route route;
  route.experts = {"pixel"};
  const RouteScore all = score_route(*result, schema_.fields[0], route, Split::kAll);
  EXPECT_EQ(all.documents, 14);
  EXPECT_EQ(all.correct, 14);
}

TEST_F(RouteStudyTest, ATruthWithoutTheSchemasColumnsIsAnError) {
  std::ofstream(scratch_.path() / "other.csv") << "文件,颜色\ndoc0.png,红\n";
  truth_ = *read_eval_table(scratch_.path() / "other.csv");
  const Result<Study> result = study(nullptr);
  ASSERT_FALSE(result.ok());
  EXPECT_NE(result.status().message().find("has no column for any field of schema t"), std::string::npos);
}

}  // namespace
}  // namespace mixtract
