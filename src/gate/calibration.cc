#include "mixtract/calibration.h"

#include <algorithm>
#include <cmath>

namespace mixtract {

double Calibration::apply(double raw) const {
  if (points.empty()) return raw;
  if (raw <= points.front().raw) return points.front().probability;
  if (raw >= points.back().raw) return points.back().probability;
  const auto upper = std::upper_bound(points.begin(), points.end(), raw,
                                      [](double r, const CalibrationPoint& p) { return r < p.raw; });
  const CalibrationPoint& hi = *upper;
  const CalibrationPoint& lo = *(upper - 1);
  const double t = (raw - lo.raw) / (hi.raw - lo.raw);
  return lo.probability + t * (hi.probability - lo.probability);
}

Calibration fit_isotonic(std::span<const ScoredOutcome> outcomes) {
  std::vector<ScoredOutcome> sorted(outcomes.begin(), outcomes.end());
  std::sort(sorted.begin(), sorted.end(),
            [](const ScoredOutcome& a, const ScoredOutcome& b) { return a.score < b.score; });
  struct Block {
    double score_sum = 0;
    double right = 0;
    double count = 0;
    double mean() const { return right / count; }
  };
  std::vector<Block> blocks;
  for (std::size_t i = 0; i < sorted.size();) {
    Block block;
    // Equal scores cannot be told apart: one block.
    for (const double score = sorted[i].score; i < sorted.size() && sorted[i].score == score; ++i) {
      block.score_sum += sorted[i].score;
      block.right += sorted[i].correct ? 1 : 0;
      block.count += 1;
    }
    blocks.push_back(block);
    // Pool adjacent violators: merge while the block before is right more often than this one.
    while (blocks.size() > 1 && blocks[blocks.size() - 2].mean() >= blocks.back().mean()) {
      const Block last = blocks.back();
      blocks.pop_back();
      blocks.back().score_sum += last.score_sum;
      blocks.back().right += last.right;
      blocks.back().count += last.count;
    }
  }
  Calibration calibration;
  for (const Block& block : blocks) calibration.points.push_back({block.score_sum / block.count, block.mean()});
  return calibration;
}

double expected_calibration_error(std::span<const ScoredOutcome> outcomes, int bins) {
  if (outcomes.empty() || bins < 1) return 0;
  std::vector<double> score_sum(static_cast<std::size_t>(bins)), right(score_sum.size()), count(score_sum.size());
  for (const ScoredOutcome& o : outcomes) {
    const auto bin = static_cast<std::size_t>(std::clamp(static_cast<int>(o.score * bins), 0, bins - 1));
    score_sum[bin] += o.score;
    right[bin] += o.correct ? 1 : 0;
    count[bin] += 1;
  }
  double error = 0;
  for (std::size_t b = 0; b < count.size(); ++b) {
    if (count[b] > 0) error += std::abs(score_sum[b] - right[b]) / static_cast<double>(outcomes.size());
  }
  return error;
}

std::optional<double> threshold_for_precision(std::span<const ScoredOutcome> outcomes, double precision) {
  std::vector<ScoredOutcome> sorted(outcomes.begin(), outcomes.end());
  std::sort(sorted.begin(), sorted.end(),
            [](const ScoredOutcome& a, const ScoredOutcome& b) { return a.score > b.score; });
  std::optional<double> threshold;
  double kept = 0, right = 0;
  for (std::size_t i = 0; i < sorted.size();) {
    // All outcomes of one score are kept or dropped together.
    for (const double score = sorted[i].score; i < sorted.size() && sorted[i].score == score; ++i) {
      kept += 1;
      right += sorted[i].correct ? 1 : 0;
    }
    if (right >= precision * kept) threshold = sorted[i - 1].score;
  }
  return threshold;
}

}  // namespace mixtract
