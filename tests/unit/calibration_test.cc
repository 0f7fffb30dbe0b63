#include <random>
#include <vector>

#include <gtest/gtest.h>

#include "tune/calibration_fit.h"

namespace mixtract {
namespace {

// Scores uniform in [0, 1]; a value with score s is right with probability s^2 (over-confident).
std::vector<ScoredOutcome> squared_outcomes(int n, unsigned seed) {
  std::mt19937 random(seed);
  std::uniform_real_distribution<double> uniform(0, 1);
  std::vector<ScoredOutcome> outcomes;
  for (int i = 0; i < n; ++i) {
    const double score = uniform(random);
    outcomes.push_back({score, uniform(random) < score * score});
  }
  return outcomes;
}

TEST(CalibrationTest, IsotonicFitRecoversAKnownDistribution) {
  const Calibration calibration = fit_isotonic(squared_outcomes(20000, 1));
  for (const double s : {0.3, 0.5, 0.7, 0.9}) EXPECT_NEAR(calibration.apply(s), s * s, 0.04) << s;
  for (std::size_t i = 1; i < calibration.points.size(); ++i) {
    EXPECT_GT(calibration.points[i].raw, calibration.points[i - 1].raw);
    EXPECT_GE(calibration.points[i].probability, calibration.points[i - 1].probability);
  }
  // On fresh outcomes: raw scores are off by E|s - s^2| = 1/6; calibrated ones are close.
  std::vector<ScoredOutcome> fresh = squared_outcomes(20000, 2);
  EXPECT_NEAR(expected_calibration_error(fresh), 1.0 / 6, 0.02);
  for (ScoredOutcome& o : fresh) o.score = calibration.apply(o.score);
  EXPECT_LT(expected_calibration_error(fresh), 0.02);
}

TEST(CalibrationTest, AdjacentViolatorsArePooledAndEachBlockCountsOneWrongMore) {
  const std::vector<ScoredOutcome> outcomes = {{0.1, true}, {0.2, false}, {0.3, true}, {0.4, true}};
  const Calibration calibration = fit_isotonic(outcomes);
  ASSERT_EQ(calibration.points.size(), 2u);
  EXPECT_DOUBLE_EQ(calibration.points[0].raw, 0.15);
  EXPECT_DOUBLE_EQ(calibration.points[0].probability, 1.0 / 3);  // 1 right of 2, and one doubt.
  EXPECT_DOUBLE_EQ(calibration.points[1].raw, 0.35);
  EXPECT_DOUBLE_EQ(calibration.points[1].probability, 2.0 / 3);
  EXPECT_DOUBLE_EQ(calibration.apply(0.25), 0.5);
  EXPECT_DOUBLE_EQ(calibration.apply(1.0), 2.0 / 3);  // Flat beyond the last point.
  EXPECT_DOUBLE_EQ(calibration.apply(0.1), 0.1);      // Below the first, the score itself...
  const Calibration sure = fit_isotonic(std::vector<ScoredOutcome>(99, {0.9, true}));
  EXPECT_DOUBLE_EQ(sure.apply(0.3), 0.3);  // ...never raised to what higher scores earned.
  EXPECT_DOUBLE_EQ(sure.apply(0.95), 0.99);
}

TEST(CalibrationTest, ASmallBlockAboveALargeOneIsPooledWithIt) {
  // 100 right of 101 at 0.8 (0.98 with doubt), then 3 of 3 at 0.9 (0.75 with doubt): one block.
  std::vector<ScoredOutcome> outcomes(100, {0.8, true});
  outcomes.push_back({0.8, false});
  outcomes.insert(outcomes.end(), 3, {0.9, true});
  const Calibration calibration = fit_isotonic(outcomes);
  ASSERT_EQ(calibration.points.size(), 1u);
  EXPECT_DOUBLE_EQ(calibration.points[0].probability, 103.0 / 105);
}

TEST(CalibrationTest, EmptyIsTheIdentity) {
  EXPECT_DOUBLE_EQ(Calibration{}.apply(0.37), 0.37);
  EXPECT_TRUE(fit_isotonic({}).empty());
  EXPECT_DOUBLE_EQ(expected_calibration_error({}), 0.0);
}

TEST(CalibrationTest, ThresholdKeepsTheMostAtThePrecision) {
  const std::vector<ScoredOutcome> outcomes = {{0.9, true}, {0.8, true}, {0.7, false}, {0.6, true}, {0.5, false}};
  EXPECT_EQ(threshold_for_precision(outcomes, 0.75), 0.6);  // 3 of the top 4 right.
  EXPECT_EQ(threshold_for_precision(outcomes, 0.99), 0.8);
  EXPECT_EQ(threshold_for_precision(std::vector<ScoredOutcome>{{0.9, false}}, 0.5), std::nullopt);
}

}  // namespace
}  // namespace mixtract
