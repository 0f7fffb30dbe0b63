// The cascade gate: fills one field by asking the experts of its route in order.
#ifndef MIXTRACT_GATE_CASCADE_H_
#define MIXTRACT_GATE_CASCADE_H_

#include <functional>
#include <string_view>
#include <vector>

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

// Asks the route's experts in order. Each candidate for the field is checked against the field's
// constraints (failures keep their invalid_reason). Stops at the first expert whose best valid
// candidate reaches route.accept_confidence (status accepted), or when the route's ms/token budget is
// spent. Otherwise the most confident valid candidate seen is chosen with status needs_review; with
// none the field is missing. Every candidate seen is kept in the result.
FieldResult run_cascade(const FieldSpec& field, const ExpertOutputFn& output_of);

}  // namespace mixtract

#endif  // MIXTRACT_GATE_CASCADE_H_
