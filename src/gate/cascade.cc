#include "gate/cascade.h"

#include <optional>

namespace mixtract {
namespace {

bool budget_spent(const CostBudget& budget, const Cost& spent) {
  return (budget.ms > 0 && spent.ms >= budget.ms) || (budget.tokens > 0 && spent.tokens >= budget.tokens);
}

}  // namespace

FieldResult run_cascade(const FieldSpec& field, const ExpertOutputFn& output_of) {
  FieldResult result;
  result.field = field.name;
  result.label = field.label;
  std::optional<std::size_t> best;  // Index into result.candidates.
  auto confident = [&] { return best && result.candidates[*best].confidence >= field.route.accept_confidence; };
  Cost spent;
  for (const std::string& expert : field.route.experts) {
    if (budget_spent(field.route.budget, spent)) break;
    const ExpertOutput& output = output_of(expert);
    spent += output.cost;
    for (const Candidate& proposed : output.candidates) {
      if (proposed.field != field.name) continue;
      Candidate candidate = proposed;
      const Status check = check_constraints(field, candidate.value);
      if (!check.ok()) candidate.invalid_reason = check.message();
      if (candidate.invalid_reason.empty() && (!best || candidate.confidence > result.candidates[*best].confidence)) {
        best = result.candidates.size();
      }
      result.candidates.push_back(std::move(candidate));
    }
    if (confident()) break;
  }
  if (best) {
    const Candidate& chosen = result.candidates[*best];
    result.value = chosen.value;
    result.confidence = chosen.confidence;
    result.expert = chosen.expert;
    result.status = confident() ? FieldStatus::kAccepted : FieldStatus::kNeedsReview;
  }
  return result;
}

}  // namespace mixtract
