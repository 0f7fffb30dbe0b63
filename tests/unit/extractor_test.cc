#include "mixtract/extractor.h"

#include <atomic>
#include <filesystem>
#include <fstream>
#include <stdexcept>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <opencv2/imgcodecs.hpp>

#include "experts/expert_options.h"
#include "mixtract/batch.h"
#include "pipeline/make_extractor.h"
#include "test_support.h"

namespace mixtract {
namespace {

using ::testing::HasSubstr;

// Proposes a fixed value for every field it is asked about, and counts its calls.
class ScriptedExpert final : public Expert {
 public:
  ScriptedExpert(std::string name, std::string value, double confidence, std::atomic<int>* calls)
      : name_(std::move(name)), value_(std::move(value)), confidence_(confidence), calls_(calls) {}

  std::string_view name() const override { return name_; }
  Result<std::vector<Candidate>> propose(const Document&, std::span<const FieldSpec* const> fields) const override {
    ++*calls_;
    if (value_.empty()) return Status::unavailable("scripted failure");
    if (value_ == "throws") throw std::runtime_error("scripted exception");
    std::vector<Candidate> out;
    for (const FieldSpec* field : fields) {
      Candidate c;
      c.field = field->name;
      c.value = value_;
      c.confidence = confidence_;
      c.cost.tokens = 10;
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
  void add_scripted(const std::string& name, const std::string& value, double confidence) {
    std::atomic<int>* calls = &calls_[name];
    ASSERT_TRUE(registry_
                    .add(name, "",
                         [=]() -> Result<std::unique_ptr<Expert>> {
                           return std::unique_ptr<Expert>(new ScriptedExpert(name, value, confidence, calls));
                         })
                    .ok());
  }

  static Document some_document() {
    std::vector<unsigned char> png;
    cv::imencode(".png", cv::Mat(4, 4, CV_8UC3, cv::Scalar(1, 2, 3)), png);
    return *Document::decode(std::string(png.begin(), png.end()), "doc.png");
  }

  static Schema two_fields(const std::string& route_a, const std::string& route_b) {
    Result<Schema> schema = parse_schema(R"(name: t
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

TEST_F(ExtractorTest, ASpentDocumentBudgetRunsNoFurtherExpert) {
  add_scripted("unsure", "1", 0.5);
  add_scripted("dear", "2", 0.99);
  Schema schema = two_fields("unsure, dear", "dear");
  schema.budget.tokens = 10;  // "unsure" spends 10 tokens on field a: the budget is spent.
  Result<Extractor> extractor = make_extractor({schema}, registry_, {});
  ASSERT_TRUE(extractor.ok());
  const Record record = extractor->extract(some_document());
  EXPECT_EQ(calls_["dear"].load(), 0);
  EXPECT_EQ(record.fields[0].value, "1");
  EXPECT_EQ(record.fields[1].status, FieldStatus::kMissing);
  EXPECT_THAT(record.warnings, ::testing::Contains(HasSubstr("the document's budget is spent")));
  EXPECT_EQ(record.cost.tokens, 10);
}

TEST_F(ExtractorTest, BatchesRunInParallelAndComeBackInOrder) {
  add_scripted("digits", "7", 0.95);
  Result<Extractor> extractor = make_extractor({two_fields("digits", "digits")}, registry_, {});
  ASSERT_TRUE(extractor.ok()) << extractor.status().message();
  mixtract::testing::ScratchDir scratch;
  std::vector<std::filesystem::path> files;
  for (int i = 0; i < 30; ++i) {
    files.push_back(scratch.path() / ("page" + std::to_string(i) + ".png"));
    if (i == 13) {
      std::ofstream(files.back()) << "not an image";
    } else {
      cv::imwrite(files.back().string(), cv::Mat(8, 8 + i, CV_8UC3, cv::Scalar(i, 2, 3)));
    }
  }
  std::vector<std::size_t> order;
  const Status status = run_batch(*extractor, files, 3, [&](std::size_t index, Result<Record> record) {
    order.push_back(index);
    EXPECT_EQ(record.ok(), index != 13) << index;
    if (record.ok()) {
      EXPECT_EQ(record->source, files[index].string());
    }
    return Status();
  });
  EXPECT_TRUE(status.ok()) << status.message();
  ASSERT_EQ(order.size(), files.size());
  for (std::size_t i = 0; i < order.size(); ++i) EXPECT_EQ(order[i], i);
  EXPECT_EQ(calls_["digits"].load(), 29);  // Once per readable document.

  // An error from the receiver stops the batch and comes back.
  std::size_t seen = 0;
  const Status stopped = run_batch(*extractor, files, 2, [&](std::size_t, Result<Record>) {
    return ++seen == 5 ? Status::io_error("disk full") : Status();
  });
  EXPECT_EQ(stopped.message(), "disk full");
  EXPECT_EQ(seen, 5u);
  EXPECT_TRUE(run_batch(*extractor, {}, 2, [](std::size_t, Result<Record>) { return Status(); }).ok());
}

TEST_F(ExtractorTest, AnExceptionFailsOneDocumentAndNeverStopsOrHangsTheBatch) {
  add_scripted("boom", "throws", 0.9);
  Result<Extractor> extractor = make_extractor({two_fields("boom", "boom")}, registry_, {});
  ASSERT_TRUE(extractor.ok());
  mixtract::testing::ScratchDir scratch;
  std::vector<std::filesystem::path> files;
  for (int i = 0; i < 9; ++i) {
    files.push_back(scratch.path() / ("page" + std::to_string(i) + ".png"));
    cv::imwrite(files.back().string(), cv::Mat(8, 8, CV_8UC3, cv::Scalar(i, 2, 3)));
  }
  std::size_t failed = 0;
  const Status status = run_batch(*extractor, files, 2, [&](std::size_t index, Result<Record> record) {
    EXPECT_FALSE(record.ok());
    EXPECT_THAT(record.status().message(), HasSubstr("page" + std::to_string(index) + ".png: unexpected error"));
    ++failed;
    return Status();
  });
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_EQ(failed, files.size());

  // A receiver that throws stops the batch with an error naming the file, and every worker is joined
  // (more files than the workers' window of 2 x 2 are waiting).
  const Status stopped = run_batch(*extractor, files, 2, [&](std::size_t index, Result<Record>) -> Status {
    if (index == 1) throw std::runtime_error("cannot encode");
    return Status();
  });
  EXPECT_THAT(stopped.message(), HasSubstr("page1.png: unexpected error: cannot encode"));
}

TEST_F(ExtractorTest, FileNamesThatAreNotUtf8AreCarriedThroughReadably) {
  add_scripted("digits", "7", 0.95);
  Result<Extractor> extractor = make_extractor({two_fields("digits", "digits")}, registry_, {});
  ASSERT_TRUE(extractor.ok());
  mixtract::testing::ScratchDir scratch;
  // 王小明_毕业证.png in GBK, as archives from Chinese Windows unpack; then bytes no encoding reads.
  const std::vector<std::filesystem::path> files = {
      scratch.path() / "\xCD\xF5\xD0\xA1\xC3\xF7_\xB1\xCF\xD2\xB5\xD6\xA4.png", scratch.path() / "scan\xFF\xFE.png"};
  for (const std::filesystem::path& file : files) cv::imwrite(file.string(), cv::Mat(8, 8, CV_8UC3, cv::Scalar(1)));
  std::vector<std::string> sources;
  const Status status = run_batch(*extractor, files, 2, [&](std::size_t, Result<Record> record) {
    EXPECT_TRUE(record.ok()) << record.status().message();
    if (record.ok()) sources.push_back(std::filesystem::path(record->source).filename().string());
    return Status();
  });
  EXPECT_TRUE(status.ok()) << status.message();
  EXPECT_THAT(sources, ::testing::ElementsAre("王小明_毕业证.png", "scan\\xFF\\xFE.png"));
}

TEST_F(ExtractorTest, ABatchStoppedHalfWayResumesFromItsJobStore) {
  add_scripted("digits", "7", 0.95);
  Result<Extractor> extractor = make_extractor({two_fields("digits", "digits")}, registry_, {});
  ASSERT_TRUE(extractor.ok());
  mixtract::testing::ScratchDir scratch;
  std::vector<std::filesystem::path> files;
  for (int i = 0; i < 12; ++i) {
    files.push_back(scratch.path() / ("page" + std::to_string(i) + ".png"));
    cv::imwrite(files.back().string(), cv::Mat(8, 8 + i, CV_8UC3, cv::Scalar(i, 2, 3)));
  }
  std::vector<BatchDocument> documents;
  for (const std::filesystem::path& file : files) documents.push_back({file, ""});
  const std::filesystem::path store = scratch.path() / "job.sqlite";
  // A batch of the documents, going on with what `store` holds (a fresh store without `resume`).
  auto run = [&](bool resume, const BatchResultFn& on_result) {
    Result<std::unique_ptr<Batch>> batch = Batch::open(store, resume, "settings");
    if (!batch.ok()) return batch.status();
    Result<BatchPlan> plan = (*batch)->plan(documents);
    if (!plan.ok()) return plan.status();
    return (*batch)->run(*extractor, *plan, 2, on_result);
  };
  std::size_t handed = 0;
  const Status stopped = run(
      false, [&](std::size_t, Result<Record>) { return ++handed == 5 ? Status::io_error("interrupted") : Status(); });
  ASSERT_FALSE(stopped.ok());
  const int calls_before = calls_["digits"].load();

  std::vector<std::size_t> order;
  const Status resumed = run(true, [&](std::size_t index, Result<Record> record) {
    order.push_back(index);
    EXPECT_TRUE(record.ok()) << index;
    if (record.ok()) {
      EXPECT_EQ(record->source, files[index].string());
      EXPECT_EQ(record->find("b")->value, "7");
    }
    return Status();
  });
  EXPECT_TRUE(resumed.ok()) << resumed.message();
  ASSERT_EQ(order.size(), files.size());
  for (std::size_t i = 0; i < order.size(); ++i) EXPECT_EQ(order[i], i);
  // The five handed back were stored and not extracted again.
  EXPECT_EQ(calls_["digits"].load() - calls_before, static_cast<int>(files.size()) - 5);

  // A page replaced since it was stored is extracted again, the others are not.
  cv::imwrite(files[3].string(), cv::Mat(30, 9, CV_8UC3, cv::Scalar(9, 9, 9)));
  const int calls_resumed = calls_["digits"].load();
  EXPECT_TRUE(run(true, [](std::size_t, Result<Record>) { return Status(); }).ok());
  EXPECT_EQ(calls_["digits"].load() - calls_resumed, 1);
  // Without `resume` every document is extracted again.
  EXPECT_TRUE(run(false, [](std::size_t, Result<Record>) { return Status(); }).ok());
  EXPECT_EQ(calls_["digits"].load() - calls_resumed, 1 + static_cast<int>(files.size()));
}

TEST_F(ExtractorTest, ABatchExtractsEachContentOnceAndNamesTheDuplicates) {
  add_scripted("digits", "7", 0.95);
  Result<Extractor> extractor = make_extractor({two_fields("digits", "digits")}, registry_, {});
  ASSERT_TRUE(extractor.ok());
  mixtract::testing::ScratchDir scratch;
  const std::filesystem::path a = scratch.path() / "a.png", b = scratch.path() / "b.png",
                              copy = scratch.path() / "copy of a.png", missing = scratch.path() / "missing.png";
  cv::imwrite(a.string(), cv::Mat(8, 8, CV_8UC3, cv::Scalar(1, 2, 3)));
  cv::imwrite(b.string(), cv::Mat(8, 9, CV_8UC3, cv::Scalar(1, 2, 3)));
  std::filesystem::copy_file(a, copy);
  Result<std::unique_ptr<Batch>> batch = Batch::open(scratch.path() / "job.sqlite", false, "settings");
  ASSERT_TRUE(batch.ok()) << batch.status().message();
  const std::vector<BatchDocument> documents{{a, "甲"}, {copy, "甲"}, {missing, ""}, {b, "乙"}, {missing, ""}};
  Result<BatchPlan> plan = (*batch)->plan(documents);
  ASSERT_TRUE(plan.ok()) << plan.status().message();
  // A file that cannot be read is its own: reading it fails, each time it is named.
  ASSERT_EQ(plan->documents.size(), 4u);
  EXPECT_EQ(plan->documents[1].path, missing);
  EXPECT_EQ(plan->documents[2].person, "乙");
  ASSERT_EQ(plan->duplicates.size(), 1u);
  EXPECT_EQ(plan->duplicates[0].file, copy.string());
  EXPECT_EQ(plan->duplicates[0].stage, "duplicate");
  EXPECT_THAT(plan->duplicates[0].reason, HasSubstr(a.string()));
  EXPECT_EQ(plan->to_extract(), 4u);
  std::vector<bool> read;
  EXPECT_TRUE((*batch)
                  ->run(*extractor, *plan, 2,
                        [&](std::size_t, Result<Record> record) {
                          read.push_back(record.ok());
                          return Status();
                        })
                  .ok());
  EXPECT_THAT(read, ::testing::ElementsAre(true, false, true, false));
  EXPECT_EQ(calls_["digits"].load(), 2);
}

TEST_F(ExtractorTest, UnknownExpertInARouteNamesTheField) {
  add_scripted("known", "1", 1.0);
  Result<Extractor> extractor = make_extractor({two_fields("known", "missing_one")}, registry_, {});
  ASSERT_FALSE(extractor.ok());
  EXPECT_THAT(extractor.status().message(), HasSubstr("schema t, field b route"));
  EXPECT_THAT(extractor.status().message(), HasSubstr("unknown expert 'missing_one'; known experts: known"));
}

TEST_F(ExtractorTest, RunsEachExpertOncePerDocument) {
  add_scripted("digits", "42", 0.95);
  Result<Extractor> extractor = make_extractor({two_fields("digits", "digits")}, registry_, {});
  ASSERT_TRUE(extractor.ok()) << extractor.status().message();
  const Record record = extractor->extract(some_document());
  EXPECT_EQ(calls_["digits"], 1);
  EXPECT_EQ(record.source, "doc.png");
  EXPECT_EQ(record.schema, "t");
  EXPECT_EQ(record.content_hash.size(), 64u);
  ASSERT_EQ(record.fields.size(), 2u);
  EXPECT_EQ(record.find("a")->value, "42");
  EXPECT_EQ(record.find("a")->expert, "digits");
  EXPECT_EQ(record.find("b")->status, FieldStatus::kAccepted);
}

TEST_F(ExtractorTest, AFailingExpertBecomesAWarningAndTheRouteGoesOn) {
  add_scripted("broken", "", 0);
  add_scripted("words", "abc", 0.95);
  add_scripted("digits", "7", 0.95);
  Result<Extractor> extractor = make_extractor({two_fields("broken, words", "words, digits")}, registry_, {});
  ASSERT_TRUE(extractor.ok());
  const Record record = extractor->extract(some_document());
  ASSERT_EQ(record.warnings.size(), 1u);
  EXPECT_THAT(record.warnings[0], HasSubstr("expert broken failed: scripted failure"));
  EXPECT_EQ(record.find("a")->value, "abc");
  // "abc" fails b's pattern, so b falls through to the digits expert.
  EXPECT_EQ(record.find("b")->value, "7");
  EXPECT_EQ(record.find("b")->candidates.size(), 2u);
  EXPECT_EQ(calls_["words"], 1);
}

TEST_F(ExtractorTest, FileNameExpertFillsNameAndLevelForReview) {
  Result<Schema> schema = parse_schema(R"(name: t
title: T
fields:
  - {name: name, label: 姓名, kind: name, route: {experts: [file_name]}}
  - {name: level, label: 学历层次, kind: level, route: {experts: [file_name]}}
  - {name: certificate_number, label: 证书编号, kind: code, route: {experts: [file_name]}}
)",
                                       "t.yaml");
  ASSERT_TRUE(schema.ok()) << schema.status().message();
  Result<Extractor> extractor = make_extractor({*schema}, builtin_experts(ExpertOptions()), {});
  ASSERT_TRUE(extractor.ok()) << extractor.status().message();
  std::vector<unsigned char> png;
  cv::imencode(".png", cv::Mat(4, 4, CV_8UC3), png);
  const Record record =
      extractor->extract(*Document::decode(std::string(png.begin(), png.end()), "张伟_硕士毕业证书.png"));
  EXPECT_EQ(record.find("name")->value, "张伟");
  EXPECT_EQ(record.find("name")->status, FieldStatus::kNeedsReview);
  EXPECT_EQ(record.find("level")->value, "硕士研究生");
  ASSERT_EQ(record.find("level")->candidates.size(), 1u);
  EXPECT_EQ(record.find("level")->candidates[0].evidence[0].text, "张伟_硕士毕业证书.png");
  EXPECT_EQ(record.find("certificate_number")->status, FieldStatus::kMissing);
}

}  // namespace
}  // namespace mixtract
