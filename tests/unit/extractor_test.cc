#include "mixtract/extractor.h"

#include <atomic>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

namespace mixtract {
namespace {

using ::testing::HasSubstr;

// Proposes a fixed value for every field it is asked about, and counts its calls.
class ScriptedExpert final : public Expert {
 public:
  ScriptedExpert(std::string name, std::string value, double confidence, std::atomic<int>* calls)
      : name_(std::move(name)), value_(std::move(value)), confidence_(confidence), calls_(calls) {}

  std::string_view name() const override { return name_; }
  Result<std::vector<Candidate>> Propose(const Document&, std::span<const FieldSpec* const> fields) const override {
    ++*calls_;
    if (value_.empty()) return Status::Unavailable("scripted failure");
    std::vector<Candidate> out;
    for (const FieldSpec* field : fields) {
      Candidate c;
      c.field = field->name;
      c.value = value_;
      c.confidence = confidence_;
      out.push_back(std::move(c));
    }
    return out;
  }

 private:
  std::string name_;
  std::string value_;
  double confidence_;
  std::atomic<int>* calls_;
};

class ExtractorTest : public ::testing::Test {
 protected:
  void Add(const std::string& name, const std::string& value, double confidence) {
    std::atomic<int>* calls = &calls_[name];
    ASSERT_TRUE(registry_
                    .Register(name, "",
                              [=](const ExpertOptions&) -> Result<std::unique_ptr<Expert>> {
                                return std::unique_ptr<Expert>(new ScriptedExpert(name, value, confidence, calls));
                              })
                    .ok());
  }

  static Document SomeDocument() {
    std::vector<unsigned char> png;
    cv::imencode(".png", cv::Mat(4, 4, CV_8UC3, cv::Scalar(1, 2, 3)), png);
    return *Document::Decode(std::string(png.begin(), png.end()), "doc.png");
  }

  static Schema TwoFields(const std::string& route_a, const std::string& route_b) {
    Result<Schema> schema = ParseSchema(R"(name: t
title: T
fields:
  - {name: a, label: A, kind: text, route: {experts: [)" +
                                            route_a + R"(]}}
  - {name: b, label: B, kind: text, constraints: {pattern: '\d+'}, route: {experts: [)" +
                                            route_b + R"(]}}
)",
                                        "t.yaml");
    EXPECT_TRUE(schema.ok()) << schema.status().message();
    return *schema;
  }

  ExpertRegistry registry_;
  std::map<std::string, std::atomic<int>> calls_;
};

TEST_F(ExtractorTest, UnknownExpertInARouteNamesTheField) {
  Add("known", "1", 1.0);
  Result<Extractor> extractor = Extractor::Create(TwoFields("known", "missing_one"), registry_, {});
  ASSERT_FALSE(extractor.ok());
  EXPECT_THAT(extractor.status().message(), HasSubstr("schema t, field b route"));
  EXPECT_THAT(extractor.status().message(), HasSubstr("unknown expert 'missing_one'; known experts: known"));
}

TEST_F(ExtractorTest, RunsEachExpertOncePerDocument) {
  Add("digits", "42", 0.95);
  Result<Extractor> extractor = Extractor::Create(TwoFields("digits", "digits"), registry_, {});
  ASSERT_TRUE(extractor.ok()) << extractor.status().message();
  const Record record = extractor->Extract(SomeDocument());
  EXPECT_EQ(calls_["digits"], 1);
  EXPECT_EQ(record.source, "doc.png");
  EXPECT_EQ(record.schema, "t");
  EXPECT_EQ(record.content_hash.size(), 64u);
  ASSERT_EQ(record.fields.size(), 2u);
  EXPECT_EQ(record.Find("a")->value, "42");
  EXPECT_EQ(record.Find("a")->expert, "digits");
  EXPECT_EQ(record.Find("b")->status, FieldStatus::kAccepted);
}

TEST_F(ExtractorTest, AFailingExpertBecomesAWarningAndTheRouteGoesOn) {
  Add("broken", "", 0);
  Add("words", "abc", 0.95);
  Add("digits", "7", 0.95);
  Result<Extractor> extractor = Extractor::Create(TwoFields("broken, words", "words, digits"), registry_, {});
  ASSERT_TRUE(extractor.ok());
  const Record record = extractor->Extract(SomeDocument());
  ASSERT_EQ(record.warnings.size(), 1u);
  EXPECT_THAT(record.warnings[0], HasSubstr("expert broken failed: scripted failure"));
  EXPECT_EQ(record.Find("a")->value, "abc");
  // "abc" fails b's pattern, so b falls through to the digits expert.
  EXPECT_EQ(record.Find("b")->value, "7");
  EXPECT_EQ(record.Find("b")->candidates.size(), 2u);
  EXPECT_EQ(calls_["words"], 1);
}

TEST_F(ExtractorTest, FileNameExpertFillsNameAndLevelForReview) {
  Result<Extractor> extractor =
      Extractor::Create(*LoadSchema("graduation_certificate"), ExpertRegistry::WithBuiltins(), {});
  ASSERT_TRUE(extractor.ok()) << extractor.status().message();
  std::vector<unsigned char> png;
  cv::imencode(".png", cv::Mat(4, 4, CV_8UC3), png);
  const Record record =
      extractor->Extract(*Document::Decode(std::string(png.begin(), png.end()), "张伟_硕士毕业证书.png"));
  EXPECT_EQ(record.Find("name")->value, "张伟");
  EXPECT_EQ(record.Find("name")->status, FieldStatus::kNeedsReview);
  EXPECT_EQ(record.Find("level")->value, "硕士研究生");
  ASSERT_EQ(record.Find("level")->candidates.size(), 1u);
  EXPECT_EQ(record.Find("level")->candidates[0].evidence[0].text, "张伟_硕士毕业证书.png");
  EXPECT_EQ(record.Find("certificate_number")->status, FieldStatus::kMissing);
}

}  // namespace
}  // namespace mixtract
