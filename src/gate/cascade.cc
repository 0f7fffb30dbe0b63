#include "gate/cascade.h"

#include <algorithm>
#include <map>
#include <optional>

namespace mixtract {
namespace {

bool budget_spent(const CostBudget& budget, const Cost& spent) {
  return (budget.ms > 0 && spent.ms >= budget.ms) || (budget.tokens > 0 && spent.tokens >= budget.tokens);
}

// A valid value's support: 1 - the product of (1 - confidence) over the experts proposing it, each
// expert counted once with its most confident candidate. Different experts agreeing are independent
// evidence; one expert repeating itself is not.
double support(const FieldResult& result, const std::string& value) {
  std::map<std::string, double, std::less<>> by_expert;
  for (const Candidate& c : result.candidates) {
    if (!c.invalid_reason.empty() || c.value != value) continue;
    double& best = by_expert[c.expert];
    best = std::max(best, c.confidence);
  }
  double doubt = 1;
  for (const auto& [expert, confidence] : by_expert) doubt *= 1 - confidence;
  return 1 - doubt;
}

// The valid candidate whose value has the most support, and that support; the first of equals.
std::optional<std::pair<std::size_t, double>> best_valid(const FieldResult& result) {
  std::optional<std::pair<std::size_t, double>> best;
  for (std::size_t i = 0; i < result.candidates.size(); ++i) {
    const Candidate& c = result.candidates[i];
    if (!c.invalid_reason.empty()) continue;
    const double s = support(result, c.value);
    if (!best || s > best->second || (s == best->second && c.confidence > result.candidates[best->first].confidence)) {
      best = {{i, s}};
    }
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
  result.confidence = support(result, chosen.value);
  result.expert = chosen.expert;
  result.status =
      result.confidence >= field.route.accept_confidence ? FieldStatus::kAccepted : FieldStatus::kNeedsReview;
  result.reason = result.status == FieldStatus::kAccepted ? "" : std::string(kLowConfidence);
  // Another expert reading a different value with some conviction: a person decides.
  const Candidate* dissent = nullptr;
  for (const Candidate& c : result.candidates) {
    if (!c.invalid_reason.empty() || c.value == chosen.value || c.confidence < kDissentConfidence) continue;
    const bool backs_chosen = std::any_of(result.candidates.begin(), result.candidates.end(), [&](const Candidate& o) {
      return o.expert == c.expert && o.value == chosen.value;
    });
    if (!backs_chosen && (dissent == nullptr || c.confidence > dissent->confidence)) dissent = &c;
  }
  if (dissent != nullptr) {
    result.status = FieldStatus::kNeedsReview;
    result.reason = std::string(kExpertsDisagree) + ": " + chosen.expert + " reads '" + chosen.value + "', " +
                    dissent->expert + " reads '" + dissent->value + "'";
  }
}

void choose_best(const FieldSpec& field, FieldResult& result) {
  if (const auto best = best_valid(result)) {
    choose(field, best->first, result);
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
    const auto best = best_valid(result);
    if (best && best->second >= field.route.accept_confidence) break;
  }
  choose_best(field, result);
  return result;
}

}  // namespace mixtract
