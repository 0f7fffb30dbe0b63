// The cascade gate: fills one field by asking the experts of its route in order.
#ifndef MIXTRACT_GATE_CASCADE_H_
#define MIXTRACT_GATE_CASCADE_H_

#include <functional>
#include <string_view>
#include <vector>

#include "gate/field_check.h"
#include "mixtract/candidate.h"
#include "mixtract/record.h"
#include "mixtract/schema.h"

namespace mixtract {

// What one expert produced for one document.
struct ExpertOutput {
  std::vector<Candidate> candidates;  // For all fields the expert was asked about.
  Cost cost;                          // What running the expert cost (counted once per document).
  bool failed = false;                // The expert could not run; candidates is empty.
};

// Returns the output of the named expert for the current document, running it on first use.
using ExpertOutputFn = std::function<const ExpertOutput&(std::string_view expert)>;

// Asks the route's experts in order. Each candidate for the field is checked with check_field (failures
// keep their invalid_reason). A valid value's support combines the experts proposing it as independent
// evidence: 1 - the product of (1 - confidence), each expert counted once with its best candidate.
// Stops after the first expert with which the best-supported value reaches route.accept_confidence
// (status accepted), or when the route's ms/token budget is spent. Otherwise the best-supported value
// seen is chosen with status needs_review; with none the field is missing. The field's confidence is
// the chosen value's support. Every candidate seen is kept in the result.
FieldResult run_cascade(const FieldSpec& field, const ExpertOutputFn& output_of, const CheckContext& context);

// The cascade's steps, shared with reconciliation:
// Checks `output`'s candidates for the field and appends them to result.candidates.
void add_candidates(const FieldSpec& field, const ExpertOutput& output, const CheckContext& context,
                    FieldResult& result);
// Makes result.candidates[index] the field's value: accepted when its support reaches accept_confidence
// and no other expert reads a different valid value with confidence >= kDissentConfidence; otherwise
// needs_review, the reason starting with kLowConfidence or kExpertsDisagree.
void choose(const FieldSpec& field, std::size_t index, FieldResult& result);
inline constexpr double kDissentConfidence = 0.5;
inline constexpr std::string_view kLowConfidence = "confidence below the route's accept_confidence";
inline constexpr std::string_view kExpertsDisagree = "experts disagree";
// Chooses the most confident valid candidate, or marks the field missing with the reason.
void choose_best(const FieldSpec& field, FieldResult& result);

}  // namespace mixtract

#endif  // MIXTRACT_GATE_CASCADE_H_
