#include "pipeline/expert_runner.h"

#include <algorithm>
#include <chrono>
#include <vector>

#include "core/elapsed.h"

namespace mixtract {

const ExpertOutput& ExpertRunner::output_of(std::string_view name) {
  if (auto it = outputs_.find(name); it != outputs_.end()) return it->second;
  static const ExpertOutput kNotRun{{}, {}, true};
  if (budget_spent()) {
    const std::string warning = "the document's budget is spent: experts not run from then on";
    if (std::find(record_.warnings.begin(), record_.warnings.end(), warning) == record_.warnings.end()) {
      record_.warnings.push_back(warning);
    }
    return kNotRun;
  }
  std::vector<const FieldSpec*> fields;
  for (const FieldSpec& field : schema_.fields) {
    if (std::find(field.route.experts.begin(), field.route.experts.end(), name) != field.route.experts.end()) {
      fields.push_back(&field);
    }
  }
  const Expert& expert = *experts_.find(name)->second;
  const double reading_before = page_reading_ms();
  const auto start = std::chrono::steady_clock::now();
  Result<std::vector<Candidate>> proposed = expert.propose(document_, fields);
  ExpertOutput output;
  // The expert's own time: a page reading it set off is the document's (analysis_costs).
  output.cost.ms = std::max(0.0, ms_since(start) - (page_reading_ms() - reading_before));
  if (proposed.ok()) {
    output.candidates = std::move(proposed).value();
    stamp_candidates(name, expert, output.candidates);
    for (const Candidate& candidate : output.candidates) output.cost.tokens += candidate.cost.tokens;
  } else {
    output.failed = true;
    record_.warnings.push_back("expert " + std::string(name) + " failed: " + proposed.status().message());
  }
  record_.cost += output.cost;
  record_.expert_costs[std::string(name)] = output.cost;
  return outputs_.emplace(std::string(name), std::move(output)).first->second;
}

bool ExpertRunner::budget_spent() const {
  const CostBudget& budget = schema_.budget;
  return (budget.ms > 0 && record_.cost.ms + page_reading_ms() >= budget.ms) ||
         (budget.tokens > 0 && record_.cost.tokens >= budget.tokens);
}

double ExpertRunner::page_reading_ms() const {
  double ms = 0;
  if (ocr_ != nullptr) {
    for (const auto& [engine, spent] : ocr_->spent_on(document_)) ms += spent;
  }
  return ms;
}

}  // namespace mixtract
