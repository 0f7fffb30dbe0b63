#include "gate/route.h"

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

// A number read from the evidence `source` names (ocr_line:N, reread_without_red:ocr_line:N, …).
Candidate read_from(const std::string& value, double confidence, const std::string& source) {
  Candidate c = make("number", value, confidence);
  c.evidence.push_back({source, "证书编号：" + value, std::nullopt});
  return c;
}

class RouteTest : public ::testing::Test {
 protected:
  RouteTest() {
    field_.name = "number";
    field_.label = "编号";
    field_.constraints.pattern = "\\d{4}";
    field_.constraints.pattern_regex = std::make_shared<const re2::RE2>(field_.constraints.pattern);
    field_.route.experts = {"cheap", "dear"};
    field_.route.accept_confidence = 0.9;
  }

  // Hands out outputs_, noting who was asked.
  class Outputs final : public ExpertSource {
   public:
    explicit Outputs(RouteTest& test) : test_(test) {}
    const ExpertOutput& output_of(std::string_view name) override {
      test_.asked_.emplace_back(name);
      ExpertOutput& output = test_.outputs_[std::string(name)];
      for (Candidate& c : output.candidates) c.expert = name;  // As the expert runner does.
      return output;
    }

   private:
    RouteTest& test_;
  };

  FieldResult run() {
    asked_.clear();
    Outputs outputs(*this);
    return run_route(field_, outputs, CheckContext{});
  }

  FieldSpec field_;
  std::map<std::string, ExpertOutput> outputs_;
  std::vector<std::string> asked_;
};

TEST_F(RouteTest, StopsAtTheFirstConfidentValidCandidate) {
  outputs_["cheap"].candidates = {make("number", "1234", 0.95), make("other", "x", 1.0)};
  outputs_["dear"].candidates = {make("number", "9999", 0.99)};
  const FieldResult result = run();
  EXPECT_EQ(asked_, (std::vector<std::string>{"cheap"}));
  EXPECT_EQ(result.value, "1234");
  EXPECT_EQ(result.status, FieldStatus::kAccepted);
  EXPECT_EQ(result.candidates.size(), 1u);  // The other field's candidate is not this field's.
}

TEST_F(RouteTest, AnIdNumbersLowercaseXFromAnyExpertIsAnUppercaseX) {
  field_.constraints = {};
  field_.validator = Validator::kIdNumber;
  outputs_["cheap"].candidates = {make("number", "11010519491231002x", 0.95)};
  const FieldResult result = run();
  EXPECT_EQ(result.value, "11010519491231002X");
  EXPECT_EQ(result.status, FieldStatus::kAccepted);
  EXPECT_TRUE(result.candidates[0].invalid_reason.empty()) << result.candidates[0].invalid_reason;
}

TEST_F(RouteTest, ADateReadWithItsMonthAndDayPaddedUnevenlyIsDoubtful) {
  field_.kind = FieldKind::kDate;
  field_.constraints = {};
  Candidate lost_a_digit = make("number", "2011-07-02", 0.98);
  lost_a_digit.raw = "2011年07月2日";  // 07月20日 under a seal.
  outputs_["cheap"].candidates = {lost_a_digit};
  FieldResult result = run();
  EXPECT_EQ(result.status, FieldStatus::kNeedsReview);
  EXPECT_DOUBLE_EQ(result.candidates[0].confidence, kDoubtfulReading);
  // Against a whole reading it neither wins nor dissents.
  Candidate whole = make("number", "2011-07-20", 0.95);
  whole.raw = "2011年07月20日";
  outputs_["dear"].candidates = {whole};
  result = run();
  EXPECT_EQ(result.value, "2011-07-20");
  EXPECT_EQ(result.status, FieldStatus::kAccepted);
}

TEST_F(RouteTest, EscalatesWhenUnsureAndKeepsTheBest) {
  outputs_["cheap"].candidates = {make("number", "1234", 0.6)};
  outputs_["dear"].candidates = {make("number", "1235", 0.7)};
  const FieldResult result = run();
  EXPECT_EQ(asked_, (std::vector<std::string>{"cheap", "dear"}));
  EXPECT_EQ(result.value, "1235");
  EXPECT_DOUBLE_EQ(result.confidence, 0.7);
  EXPECT_EQ(result.status, FieldStatus::kNeedsReview);
  EXPECT_EQ(result.candidates.size(), 2u);
}

TEST_F(RouteTest, InvalidCandidatesAreKeptButNeverChosen) {
  outputs_["cheap"].candidates = {make("number", "12a4", 0.99)};
  outputs_["dear"].candidates = {make("number", "5678", 0.5)};
  const FieldResult result = run();
  EXPECT_EQ(result.value, "5678");
  EXPECT_EQ(result.status, FieldStatus::kNeedsReview);
  ASSERT_EQ(result.candidates.size(), 2u);
  EXPECT_NE(result.candidates[0].invalid_reason.find("does not match the pattern"), std::string::npos);
  EXPECT_TRUE(result.candidates[1].invalid_reason.empty());
}

TEST_F(RouteTest, NothingValidMeansMissing) {
  outputs_["cheap"].candidates = {make("number", "abc", 0.99)};
  outputs_["dear"].failed = true;
  const FieldResult result = run();
  EXPECT_EQ(result.status, FieldStatus::kMissing);
  EXPECT_EQ(result.value, "");
  EXPECT_EQ(result.expert, "");
}

TEST_F(RouteTest, SpentBudgetStopsEscalation) {
  field_.route.budget.ms = 100;
  outputs_["cheap"].candidates = {make("number", "1234", 0.5)};
  outputs_["cheap"].cost.ms = 150;
  outputs_["dear"].candidates = {make("number", "1234", 0.99)};
  const FieldResult result = run();
  EXPECT_EQ(asked_, (std::vector<std::string>{"cheap"}));
  EXPECT_EQ(result.status, FieldStatus::kNeedsReview);
}

TEST_F(RouteTest, AgreeingExpertsAddUpAndOneExpertRepeatingItselfDoesNot) {
  outputs_["cheap"].candidates = {make("number", "1234", 0.6), make("number", "1234", 0.6)};
  outputs_["dear"].candidates = {make("number", "1234", 0.8)};
  const FieldResult result = run();
  EXPECT_NEAR(result.confidence, 1 - 0.4 * 0.2, 1e-12);
  EXPECT_EQ(result.status, FieldStatus::kAccepted);
}

TEST_F(RouteTest, TwoExpertsOfOneWitnessCountOnce) {
  // The same recogniser over a line, then over it again with red ink faded: a doubtful reading repeated
  // is not confirmed.
  outputs_["cheap"].candidates = {make("number", "1234", 0.52)};
  outputs_["dear"].candidates = {make("number", "1234", 0.84)};
  outputs_["dear"].candidates.front().witness = "cheap";
  FieldResult result = run();
  EXPECT_NEAR(result.confidence, 0.84, 1e-12);
  EXPECT_EQ(result.status, FieldStatus::kNeedsReview);

  outputs_["dear"].candidates.front().witness = "";  // Independent: 1 - 0.48 x 0.16.
  result = run();
  EXPECT_NEAR(result.confidence, 1 - 0.48 * 0.16, 1e-12);
  EXPECT_EQ(result.status, FieldStatus::kAccepted);
}

TEST_F(RouteTest, ADissentingExpertMeansReview) {
  outputs_["cheap"].candidates = {make("number", "1234", 0.6)};
  outputs_["dear"].candidates = {make("number", "1235", 0.95)};
  const FieldResult result = run();
  EXPECT_EQ(result.value, "1235");
  EXPECT_EQ(result.status, FieldStatus::kNeedsReview);
  EXPECT_EQ(result.reason, "experts disagree: dear reads '1235', cheap reads '1234'");
}

TEST_F(RouteTest, AnExpertReadingAnotherValueMoreSurelyThanTheChosenOneDissents) {
  // The re-read of a page read the number two ways; with the page's reading the first way wins, and
  // still a person looks: the re-read was surer of the other.
  outputs_["cheap"].candidates = {make("number", "1234", 0.85)};
  outputs_["dear"].candidates = {make("number", "1234", 0.7), make("number", "1284", 0.94)};
  FieldResult result = run();
  EXPECT_EQ(result.value, "1234");
  EXPECT_EQ(result.status, FieldStatus::kNeedsReview);
  EXPECT_EQ(result.reason, "experts disagree: cheap reads '1234', dear reads '1284'");

  outputs_["dear"].candidates = {make("number", "1234", 0.94), make("number", "1284", 0.7)};
  result = run();
  EXPECT_EQ(result.status, FieldStatus::kAccepted);
}

TEST_F(RouteTest, AReadingWithRedInkFadedDissentsFromTheSameExpertsReadingAsPrinted) {
  // A seal's stroke across the last digit: as printed, the page and its re-read read 1284 alike; with red
  // ink faded, the re-read reads 1282. A second look at what the seal covers, not the same view again.
  outputs_["cheap"].candidates = {read_from("1284", 0.86, "ocr_line:12")};
  outputs_["dear"].candidates = {read_from("1284", 0.98, "reread:ocr_line:1"),
                                 read_from("1282", 0.85, "reread_without_red:ocr_line:0")};
  FieldResult result = run();
  EXPECT_EQ(result.value, "1284");
  EXPECT_EQ(result.status, FieldStatus::kNeedsReview);
  EXPECT_EQ(result.reason, "experts disagree: dear reads '1284', dear with red ink faded reads '1282'");

  // Two readings in one view: the surer one stands for the expert.
  outputs_["dear"].candidates = {read_from("1284", 0.98, "reread_without_red:ocr_line:1"),
                                 read_from("1282", 0.85, "reread_whitened:ocr_line:0")};
  result = run();
  EXPECT_EQ(result.status, FieldStatus::kAccepted);
}

TEST_F(RouteTest, AReadingWithTheSealFlattenedIsAViewAsPrinted) {
  // Flattening takes a seal's star away but keeps its ring's thin strokes, as print does: a reading as
  // printed backs the expert there, and one with red ink faded is a second look.
  outputs_["cheap"].candidates = {read_from("1284", 0.86, "ocr_line:12")};
  outputs_["dear"].candidates = {read_from("1284", 0.98, "reread:ocr_line:1"),
                                 read_from("1784", 0.7, "reread_flattened:ocr_line:0")};
  FieldResult result = run();
  EXPECT_EQ(result.value, "1284");
  EXPECT_EQ(result.status, FieldStatus::kAccepted);

  outputs_["dear"].candidates = {read_from("1284", 0.98, "reread_whitened:ocr_line:0"),
                                 read_from("1784", 0.7, "reread_flattened:ocr_line:0")};
  result = run();
  EXPECT_EQ(result.status, FieldStatus::kNeedsReview);
  EXPECT_EQ(result.reason, "experts disagree: dear reads '1284', dear with the seal flattened reads '1784'");

  // Nor does it back a reading as printed against one with red ink faded (a ring across the last digit).
  outputs_["dear"].candidates = {read_from("1284", 0.85, "reread_without_red:ocr_line:0"),
                                 read_from("1288", 0.975, "reread_flattened:ocr_line:0")};
  outputs_["cheap"].candidates = {read_from("1288", 0.86, "ocr_line:12")};
  result = run();
  EXPECT_EQ(result.value, "1288");
  EXPECT_EQ(result.status, FieldStatus::kNeedsReview);
}

TEST_F(RouteTest, ARouteAskingForTwoWitnessesLeavesOneReadingInReview) {
  field_.constraints.pattern = "[A-Z0-9]{4}";
  field_.constraints.pattern_regex = std::make_shared<const re2::RE2>(field_.constraints.pattern);
  field_.route.combine = Combine::kVote;
  field_.route.witnesses = 2;
  outputs_["cheap"].candidates = {make("number", "A8B2", 0.99)};
  FieldResult result = run();
  EXPECT_EQ(result.status, FieldStatus::kNeedsReview);
  EXPECT_EQ(result.reason, "read by fewer independent witnesses than the route asks for: 1 of 2");
  outputs_["dear"].candidates = {make("number", "A8B2", 0.999)};
  result = run();
  EXPECT_EQ(result.status, FieldStatus::kAccepted);
}

TEST_F(RouteTest, ReadingsDifferingOnlyInLookalikesAreOneReadingTheSurerSpells) {
  // O for 0 and 1 for I: the page's reading corroborates the code's and does not dissent.
  field_.constraints.pattern = "[A-Z0-9]{4}";
  field_.constraints.pattern_regex = std::make_shared<const re2::RE2>(field_.constraints.pattern);
  field_.route.combine = Combine::kVote;
  field_.route.witnesses = 2;
  outputs_["cheap"].candidates = {make("number", "O81I", 0.8)};
  outputs_["dear"].candidates = {make("number", "0811", 0.999)};
  FieldResult result = run();
  EXPECT_EQ(result.value, "0811");
  EXPECT_EQ(result.status, FieldStatus::kAccepted);
  // Any other character is another reading: a person decides.
  outputs_["cheap"].candidates = {make("number", "Q81I", 0.8)};
  result = run();
  EXPECT_EQ(result.status, FieldStatus::kNeedsReview);
  EXPECT_EQ(result.reason, "experts disagree: dear reads '0811', cheap reads 'Q81I'");
}

TEST_F(RouteTest, NoRouteMeansMissingWithoutAskingAnyone) {
  field_.route.experts.clear();
  const FieldResult result = run();
  EXPECT_TRUE(asked_.empty());
  EXPECT_EQ(result.status, FieldStatus::kMissing);
}

TEST_F(RouteTest, CalibrationMapsTheSupportAndDecidesAcceptance) {
  field_.route.calibration.points = {{0.5, 0.2}, {0.6, 0.95}};
  outputs_["cheap"].candidates = {make("number", "1234", 0.6)};
  const FieldResult result = run();
  EXPECT_EQ(asked_, (std::vector<std::string>{"cheap"}));  // 0.6 calibrates to 0.95: confident enough.
  EXPECT_DOUBLE_EQ(result.confidence, 0.95);
  EXPECT_EQ(result.status, FieldStatus::kAccepted);
}

TEST_F(RouteTest, AVoteAsksEveryExpertAndWeighsTheirConfidence) {
  field_.route.combine = Combine::kVote;
  field_.route.experts = {"a", "b", "c"};
  outputs_["a"].candidates = {make("number", "1234", 0.9)};
  outputs_["b"].candidates = {make("number", "5678", 0.6)};
  outputs_["c"].candidates = {make("number", "5678", 0.6)};
  EXPECT_EQ(run().value, "5678");  // 0.6 + 0.6 > 0.9.
  EXPECT_EQ(asked_, (std::vector<std::string>{"a", "b", "c"}));
  field_.route.weights = {{"a", 2.0}};
  EXPECT_EQ(run().value, "1234");  // 2 x 0.9 > 1.2.
}

TEST_F(RouteTest, AVoteTieGoesToTheValueProposedFirstInRouteOrder) {
  field_.route.combine = Combine::kVote;
  outputs_["cheap"].candidates = {make("number", "1234", 0.5)};
  outputs_["dear"].candidates = {make("number", "5678", 0.5)};
  EXPECT_EQ(run().value, "1234");
  field_.route.experts = {"dear", "cheap"};
  EXPECT_EQ(run().value, "5678");
}

class CharConsensusRouteTest : public RouteTest {
 protected:
  CharConsensusRouteTest() {
    field_.constraints.min_length = field_.constraints.max_length = 18;
    field_.constraints.pattern = "\\d{18}";
    field_.constraints.pattern_regex = std::make_shared<const re2::RE2>(field_.constraints.pattern);
    field_.route.combine = Combine::kCharConsensus;
    field_.route.experts = {"ocr", "reread", "llm", "last"};
  }
};

TEST_F(CharConsensusRouteTest, RecoversANumberEveryExpertReadWrongInADifferentPlace) {
  const std::string truth = "106101201905007614";
  outputs_["ocr"].candidates = {make("number", "1061O1201905007614", 0.8)};
  outputs_["reread"].candidates = {make("number", "106101201905007b14", 0.7)};
  outputs_["llm"].candidates = {make("number", "1061012019O5007614", 0.9)};
  outputs_["last"].candidates = {make("number", "999999999999999999", 0.99)};
  const FieldResult result = run();
  EXPECT_EQ(asked_, (std::vector<std::string>{"ocr", "reread", "llm"}));  // Agreed; "last" is not asked.
  EXPECT_EQ(result.value, truth);
  EXPECT_EQ(result.expert, kConsensusExpert);
  EXPECT_NEAR(result.confidence, 1.5 / 2.4, 1e-9);  // Agreement: the weakest position won 1.5 of 2.4.
  EXPECT_EQ(result.status, FieldStatus::kNeedsReview);
  for (const Candidate& c : result.candidates) {
    if (c.expert != kConsensusExpert) {
      EXPECT_NE(c.value, truth);
    }
  }
}

TEST_F(CharConsensusRouteTest, APositionTwoReadingsDisputeGoesToTheNextExpert) {
  outputs_["ocr"].candidates = {make("number", "10610120190500761A", 0.8)};
  outputs_["reread"].candidates = {make("number", "10610120190500761B", 0.8)};
  outputs_["llm"].candidates = {make("number", "10610120190500761A", 0.6)};
  field_.route.calibration.points = {{0.5, 0.5}, {0.55, 0.99}};
  const FieldResult result = run();
  EXPECT_EQ(asked_, (std::vector<std::string>{"ocr", "reread", "llm", "last"}));
  EXPECT_EQ(result.value, "");  // The agreed 10610120190500761A is not a valid number.
  ASSERT_FALSE(result.candidates.empty());
  EXPECT_EQ(result.candidates.back().expert, kConsensusExpert);
  EXPECT_EQ(result.candidates.back().value, "10610120190500761A");
}

TEST_F(CharConsensusRouteTest, ACalibratedConfidentConsensusStopsTheRoute) {
  field_.route.calibration.points = {{0.5, 0.5}, {0.6, 0.99}};
  outputs_["ocr"].candidates = {make("number", "1061O1201905007614", 0.8)};
  outputs_["reread"].candidates = {make("number", "106101201905007b149", 0.7)};  // One character too many.
  outputs_["llm"].candidates = {make("number", "1061012019O5007614", 0.9)};
  const FieldResult result = run();
  EXPECT_EQ(asked_, (std::vector<std::string>{"ocr", "reread", "llm"}));
  EXPECT_EQ(result.value, "106101201905007614");
  EXPECT_EQ(result.status, FieldStatus::kAccepted);
}

}  // namespace
}  // namespace mixtract
