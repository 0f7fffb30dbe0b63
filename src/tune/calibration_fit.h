// Fitting a route's Calibration (mixtract/schema.h) to labelled outcomes, and measuring it. Fitted by
// isotonic regression (pool-adjacent-violators). The fit leans to doubt, because an accepted wrong value
// costs far more than a value sent to review: each block counts one wrong value more than it saw, and a
// score below every score measured is never raised.
#ifndef MIXTRACT_TUNE_CALIBRATION_FIT_H_
#define MIXTRACT_TUNE_CALIBRATION_FIT_H_

#include <optional>
#include <span>
#include <vector>

#include "mixtract/schema.h"

namespace mixtract {

// A labelled outcome: a raw score and whether the value it was given to was right.
struct ScoredOutcome {
  double score = 0;
  bool correct = false;
};

// Fits a non-decreasing map from score to probability of being right. Outcomes with equal scores are
// pooled; each point is the mean score of one pooled block and right / (count + 1), its share right with
// one wrong value added. No outcomes = identity.
Calibration fit_isotonic(std::span<const ScoredOutcome> outcomes);

// Expected calibration error: outcomes binned by score into `bins` equal-width bins over [0, 1]; the
// mean over bins, weighted by their share of outcomes, of |mean score - share right|. 0 for no outcomes.
double expected_calibration_error(std::span<const ScoredOutcome> outcomes, int bins = 10);

// The threshold that keeps the most outcomes at `precision`: the lowest of the outcomes' scores t such
// that those scoring >= t are right at least `precision` of the time. nullopt when no such t exists.
std::optional<double> threshold_for_precision(std::span<const ScoredOutcome> outcomes, double precision);

}  // namespace mixtract

#endif  // MIXTRACT_TUNE_CALIBRATION_FIT_H_
