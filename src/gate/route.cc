#include "gate/route.h"

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include "core/utf8.h"
#include "gate/char_consensus.h"

namespace mixtract {
namespace {

bool budget_spent(const CostBudget& budget, const Cost& spent) {
  return (budget.ms > 0 && spent.ms >= budget.ms) || (budget.tokens > 0 && spent.tokens >= budget.tokens);
}

// Asks the route's experts in order until `settled()` or the budget is spent.
template <class Settled>
void ask_in_order(const FieldSpec& field, ExpertSource& experts, const CheckContext& context, FieldResult& result,
                  Settled settled) {
  Cost spent;
  for (const std::string& expert : field.route.experts) {
    if (budget_spent(field.route.budget, spent)) break;
    const ExpertOutput& output = experts.output_of(expert);
    spent += output.cost;
    add_candidates(field, output, context, result);
    if (settled()) break;
  }
}

bool confident(const FieldSpec& field, const FieldResult& result) {
  const auto best = best_valid(field, result);
  return best && best->confidence >= field.route.accept_confidence;
}

void choose_by_vote(const FieldSpec& field, FieldResult& result) {
  struct Tally {
    std::size_t first = 0;                                 // Index of the value's first candidate.
    std::map<std::string, double, std::less<>> by_expert;  // Each expert's most confident candidate.
  };
  std::map<std::string, Tally, std::less<>> tallies;
  for (std::size_t i = 0; i < result.candidates.size(); ++i) {
    const Candidate& c = result.candidates[i];
    if (!c.invalid_reason.empty()) continue;
    auto [it, added] = tallies.try_emplace(c.value);
    if (added) it->second.first = i;
    double& best = it->second.by_expert[c.expert];
    best = std::max(best, c.confidence);
  }
  const Tally* winner = nullptr;
  double winner_votes = -1;
  for (const auto& [value, tally] : tallies) {
    double votes = 0;
    for (const auto& [expert, confidence] : tally.by_expert) {
      const auto weight = field.route.weights.find(expert);
      votes += (weight == field.route.weights.end() ? 1.0 : weight->second) * confidence;
    }
    if (votes > winner_votes || (votes == winner_votes && tally.first < winner->first)) {
      winner = &tally;
      winner_votes = votes;
    }
  }
  if (winner == nullptr) {
    choose_best(field, result);  // Says why the field is missing.
  } else {
    choose(field, winner->first, result);
  }
}

// The character vote of a char_consensus route, carried from one expert to the next.
class ConsensusVote {
 public:
  explicit ConsensusVote(std::size_t length) : length_(length) {}

  // Votes with the readings so far; adds the agreed value as a candidate once nothing is disputed.
  // True when the readings agree on a valid value: nothing is left to escalate.
  bool update(const FieldSpec& field, const CheckContext& context, FieldResult& result) {
    const CharConsensus consensus = char_consensus(readings(result), length_);
    if (consensus.value.empty()) return false;
    std::vector<char32_t> value = utf8::decode(consensus.value);
    std::vector<bool> open(length_, false);
    for (const std::size_t p : consensus.disputed) open[p] = true;
    if (!settled_.empty()) {
      for (std::size_t p = 0; p < length_; ++p) {
        if (!open_[p]) value[p] = settled_[p];  // Settled before: not open to later readings.
        open[p] = open[p] && open_[p];
      }
    }
    settled_ = value;
    open_ = open;
    if (std::find(open_.begin(), open_.end(), true) != open_.end()) return false;
    Candidate agreed;
    agreed.field = field.name;
    agreed.value = utf8::encode(value);
    for (const Candidate& c : result.candidates) {
      if (c.value == agreed.value && (c.invalid_reason.empty() || c.expert == kConsensusExpert)) {
        return c.invalid_reason.empty();
      }
    }
    agreed.raw = agreed.value;
    agreed.confidence = consensus.agreement;
    agreed.expert = std::string(kConsensusExpert);
    ExpertOutput output;
    output.candidates.push_back(std::move(agreed));
    add_candidates(field, output, context, result);
    return result.candidates.back().invalid_reason.empty();
  }

 private:
  // The readings of about the field's length: each expert's distinct values (an expert may read the
  // page, a crop, a crop with red ink faded), each with its highest confidence, in the order read.
  std::vector<Reading> readings(const FieldResult& result) const {
    std::map<std::pair<std::string, std::string>, std::size_t> seen;  // (expert, value) -> reading.
    std::vector<Reading> readings;
    for (const Candidate& c : result.candidates) {
      if (c.expert == kConsensusExpert) continue;
      const std::size_t n = utf8::decode(c.value).size();
      if (n + 2 < length_ || n > length_ + 2) continue;
      const double weight = std::max(c.confidence, 1e-6);
      const auto [it, added] = seen.try_emplace({c.expert, c.value}, readings.size());
      if (added) {
        readings.push_back({c.value, weight});
      } else {
        readings[it->second].weight = std::max(readings[it->second].weight, weight);
      }
    }
    return readings;
  }

  std::size_t length_;
  std::vector<char32_t> settled_;  // The agreed characters so far; empty before the first vote.
  std::vector<bool> open_;         // Positions still disputed.
};

}  // namespace

FieldResult run_route(const FieldSpec& field, ExpertSource& experts, const CheckContext& context) {
  FieldResult result;
  result.field = field.name;
  result.label = field.label;
  switch (field.route.combine) {
    case Combine::kCascade:
      ask_in_order(field, experts, context, result, [&] { return confident(field, result); });
      choose_best(field, result);
      break;
    case Combine::kVote:
      ask_in_order(field, experts, context, result, [] { return false; });
      choose_by_vote(field, result);
      break;
    case Combine::kCharConsensus: {
      ConsensusVote vote(field.constraints.min_length.value_or(0));
      ask_in_order(field, experts, context, result,
                   [&] { return vote.update(field, context, result) || confident(field, result); });
      choose_best(field, result);
      break;
    }
  }
  return result;
}

bool ask_rest_of_route(const FieldSpec& field, ExpertSource& experts, const CheckContext& context,
                       FieldResult& result) {
  bool added = false;
  for (const std::string& name : field.route.experts) {
    const bool asked = std::any_of(result.candidates.begin(), result.candidates.end(),
                                   [&](const Candidate& c) { return c.expert == name; });
    if (asked) continue;
    const std::size_t before = result.candidates.size();
    add_candidates(field, experts.output_of(name), context, result);
    added = added || result.candidates.size() > before;
  }
  return added;
}

}  // namespace mixtract
