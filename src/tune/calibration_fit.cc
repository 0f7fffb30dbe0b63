#include "tune/calibration_fit.h"

#include <algorithm>
#include <cmath>

namespace mixtract {

namespace {

struct Block {
  double score_sum = 0;
  double right = 0;
  double count = 0;
  double share_right() const { return right / count; }
  // The share right as if one more value had been wrong: a block of 20 all right says 0.95, not 1.
  double doubtful_share_right() const { return right / (count + 1); }
};

// Pool adjacent violators: appends `block`, then merges while the block before scores at least as high.
template <class Score>
void pool(std::vector<Block>& blocks, const Block& block, Score score) {
  blocks.push_back(block);
  while (blocks.size() > 1 && score(blocks[blocks.size() - 2]) >= score(blocks.back())) {
    const Block last = blocks.back();
    blocks.pop_back();
    blocks.back().score_sum += last.score_sum;
    blocks.back().right += last.right;
    blocks.back().count += last.count;
  }
}

}  // namespace

Calibration fit_isotonic(std::span<const ScoredOutcome> outcomes) {
  std::vector<ScoredOutcome> sorted(outcomes.begin(), outcomes.end());
  std::sort(sorted.begin(), sorted.end(),
            [](const ScoredOutcome& a, const ScoredOutcome& b) { return a.score < b.score; });
  std::vector<Block> fitted;
  for (std::size_t i = 0; i < sorted.size();) {
    Block block;
    // Equal scores cannot be told apart: one block.
    for (const double score = sorted[i].score; i < sorted.size() && sorted[i].score == score; ++i) {
      block.score_sum += sorted[i].score;
      block.right += sorted[i].correct ? 1 : 0;
      block.count += 1;
    }
    pool(fitted, block, [](const Block& b) { return b.share_right(); });
  }
  // Doubt weighs more on small blocks: pooled again where it undoes the order.
  std::vector<Block> doubted;
  for (const Block& block : fitted) pool(doubted, block, [](const Block& b) { return b.doubtful_share_right(); });
  Calibration calibration;
  // A block's point is its mean score: a score at the low end of a block that was right throughout is
  // still less sure than the block's middle, its values being few there.
  for (const Block& block : doubted) {
    calibration.points.push_back({block.score_sum / block.count, block.doubtful_share_right()});
  }
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
