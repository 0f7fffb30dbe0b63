#include "gate/cascade.h"

#include <map>

#include <gtest/gtest.h>
#include <re2/re2.h>

namespace mixtract {
namespace {

Candidate make(const std::string& field, const std::string& value, double confidence) {
  Candidate c;
  c.field = field;
  c.value = value;
  c.confidence = confidence;
  return c;
}

class CascadeTest : public ::testing::Test {
 protected:
  CascadeTest() {
    field_.name = "number";
    field_.label = "编号";
    field_.constraints.pattern = "\\d{4}";
    field_.constraints.pattern_regex = std::make_shared<const re2::RE2>(field_.constraints.pattern);
    field_.route.experts = {"cheap", "dear"};
    field_.route.accept_confidence = 0.9;
  }

  FieldResult run() {
    asked_.clear();
    return run_cascade(
        field_,
        [this](std::string_view name) -> const ExpertOutput& {
          asked_.emplace_back(name);
          return outputs_[std::string(name)];
        },
        CheckContext{});
  }

  FieldSpec field_;
  std::map<std::string, ExpertOutput> outputs_;
  std::vector<std::string> asked_;
};

TEST_F(CascadeTest, StopsAtTheFirstConfidentValidCandidate) {
  outputs_["cheap"].candidates = {make("number", "1234", 0.95), make("other", "x", 1.0)};
  outputs_["dear"].candidates = {make("number", "9999", 0.99)};
  const FieldResult result = run();
  EXPECT_EQ(asked_, (std::vector<std::string>{"cheap"}));
  EXPECT_EQ(result.value, "1234");
  EXPECT_EQ(result.status, FieldStatus::kAccepted);
  EXPECT_EQ(result.candidates.size(), 1u);  // The other field's candidate is not this field's.
}

TEST_F(CascadeTest, EscalatesWhenUnsureAndKeepsTheBest) {
  outputs_["cheap"].candidates = {make("number", "1234", 0.6)};
  outputs_["dear"].candidates = {make("number", "1235", 0.7)};
  const FieldResult result = run();
  EXPECT_EQ(asked_, (std::vector<std::string>{"cheap", "dear"}));
  EXPECT_EQ(result.value, "1235");
  EXPECT_DOUBLE_EQ(result.confidence, 0.7);
  EXPECT_EQ(result.status, FieldStatus::kNeedsReview);
  EXPECT_EQ(result.candidates.size(), 2u);
}

TEST_F(CascadeTest, InvalidCandidatesAreKeptButNeverChosen) {
  outputs_["cheap"].candidates = {make("number", "12a4", 0.99)};
  outputs_["dear"].candidates = {make("number", "5678", 0.5)};
  const FieldResult result = run();
  EXPECT_EQ(result.value, "5678");
  EXPECT_EQ(result.status, FieldStatus::kNeedsReview);
  ASSERT_EQ(result.candidates.size(), 2u);
  EXPECT_NE(result.candidates[0].invalid_reason.find("does not match the pattern"), std::string::npos);
  EXPECT_TRUE(result.candidates[1].invalid_reason.empty());
}

TEST_F(CascadeTest, NothingValidMeansMissing) {
  outputs_["cheap"].candidates = {make("number", "abc", 0.99)};
  outputs_["dear"].failed = true;
  const FieldResult result = run();
  EXPECT_EQ(result.status, FieldStatus::kMissing);
  EXPECT_EQ(result.value, "");
  EXPECT_EQ(result.expert, "");
}

TEST_F(CascadeTest, SpentBudgetStopsEscalation) {
  field_.route.budget.ms = 100;
  outputs_["cheap"].candidates = {make("number", "1234", 0.5)};
  outputs_["cheap"].cost.ms = 150;
  outputs_["dear"].candidates = {make("number", "1234", 0.99)};
  const FieldResult result = run();
  EXPECT_EQ(asked_, (std::vector<std::string>{"cheap"}));
  EXPECT_EQ(result.status, FieldStatus::kNeedsReview);
}

TEST_F(CascadeTest, AgreeingExpertsAddUpAndOneExpertRepeatingItselfDoesNot) {
  outputs_["cheap"].candidates = {make("number", "1234", 0.6), make("number", "1234", 0.6)};
  outputs_["dear"].candidates = {make("number", "1234", 0.8)};
  for (auto& [name, output] : outputs_) {
    for (Candidate& c : output.candidates) c.expert = name;
  }
  const FieldResult result = run();
  EXPECT_NEAR(result.confidence, 1 - 0.4 * 0.2, 1e-12);
  EXPECT_EQ(result.status, FieldStatus::kAccepted);
}

TEST_F(CascadeTest, ADissentingExpertMeansReview) {
  outputs_["cheap"].candidates = {make("number", "1234", 0.6)};
  outputs_["dear"].candidates = {make("number", "1235", 0.95)};
  for (auto& [name, output] : outputs_) {
    for (Candidate& c : output.candidates) c.expert = name;
  }
  const FieldResult result = run();
  EXPECT_EQ(result.value, "1235");
  EXPECT_EQ(result.status, FieldStatus::kNeedsReview);
  EXPECT_EQ(result.reason, "experts disagree: dear reads '1235', cheap reads '1234'");
}

TEST_F(CascadeTest, NoRouteMeansMissingWithoutAskingAnyone) {
  field_.route.experts.clear();
  const FieldResult result = run();
  EXPECT_TRUE(asked_.empty());
  EXPECT_EQ(result.status, FieldStatus::kMissing);
}

}  // namespace
}  // namespace mixtract
