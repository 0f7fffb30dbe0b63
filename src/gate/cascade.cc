#include "gate/cascade.h"

#include <optional>

namespace mixtract {
namespace {

bool budget_spent(const CostBudget& budget, const Cost& spent) {
  return (budget.ms > 0 && spent.ms >= budget.ms) || (budget.tokens > 0 && spent.tokens >= budget.tokens);
}

// The most confident valid candidate; the first of equals.
std::optional<std::size_t> best_valid(const FieldResult& result) {
  std::optional<std::size_t> best;
  for (std::size_t i = 0; i < result.candidates.size(); ++i) {
    const Candidate& c = result.candidates[i];
    if (c.invalid_reason.empty() && (!best || c.confidence > result.candidates[*best].confidence)) best = i;
  }
  return best;
}

}  // namespace

void add_candidates(const FieldSpec& field, const ExpertOutput& output, const CheckContext& context,
                    FieldResult& result) {
  for (const Candidate& proposed : output.candidates) {
    if (proposed.field != field.name) continue;
    Candidate candidate = proposed;
    const Status check = check_field(field, candidate.value, context);
    if (!check.ok()) candidate.invalid_reason = check.message();
    result.candidates.push_back(std::move(candidate));
  }
}

void choose(const FieldSpec& field, std::size_t index, FieldResult& result) {
  const Candidate& chosen = result.candidates[index];
  result.value = chosen.value;
  result.confidence = chosen.confidence;
  result.expert = chosen.expert;
  result.status =
      chosen.confidence >= field.route.accept_confidence ? FieldStatus::kAccepted : FieldStatus::kNeedsReview;
  result.reason = result.status == FieldStatus::kAccepted ? "" : "confidence below the route's accept_confidence";
}

void choose_best(const FieldSpec& field, FieldResult& result) {
  if (const std::optional<std::size_t> best = best_valid(result)) {
    choose(field, *best, result);
    return;
  }
  result.value.clear();
  result.confidence = 0;
  result.expert.clear();
  result.status = FieldStatus::kMissing;
  if (field.route.experts.empty()) {
    result.reason = "the schema gives the field no route";
  } else if (result.candidates.empty()) {
    result.reason = "no expert found a value";
  } else {
    result.reason = "every value found was invalid; first: " + result.candidates.front().invalid_reason;
  }
}

FieldResult run_cascade(const FieldSpec& field, const ExpertOutputFn& output_of, const CheckContext& context) {
  FieldResult result;
  result.field = field.name;
  result.label = field.label;
  Cost spent;
  for (const std::string& expert : field.route.experts) {
    if (budget_spent(field.route.budget, spent)) break;
    const ExpertOutput& output = output_of(expert);
    spent += output.cost;
    add_candidates(field, output, context, result);
    const std::optional<std::size_t> best = best_valid(result);
    if (best && result.candidates[*best].confidence >= field.route.accept_confidence) break;
  }
  choose_best(field, result);
  return result;
}

}  // namespace mixtract
