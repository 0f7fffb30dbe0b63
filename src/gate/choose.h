// Choosing a field's value among the candidates its route's experts proposed: the steps every route
// policy (route.h) and reconciliation share.
#ifndef MIXTRACT_GATE_CHOOSE_H_
#define MIXTRACT_GATE_CHOOSE_H_

#include <cstddef>
#include <optional>
#include <string_view>
#include <vector>

#include "gate/field_check.h"
#include "mixtract/candidate.h"
#include "mixtract/expert.h"
#include "mixtract/record.h"
#include "mixtract/schema.h"

namespace mixtract {

// What one expert produced for one document.
struct ExpertOutput {
  std::vector<Candidate> candidates;  // For all fields the expert was asked about.
  Cost cost;                          // What running the expert cost (counted once per document).
  bool failed = false;                // The expert could not run; candidates is empty.
};

// Marks each candidate as expert `name`'s, with the expert's witness (whose evidence it is). Extraction
// and tune's study both stamp what an expert proposed through here, so that tune scores routes as
// extraction runs them.
void stamp_candidates(std::string_view name, const Expert& expert, std::vector<Candidate>& candidates);

// Where the gate gets what each expert proposed for the document in hand (pipeline/expert_runner.h runs them;
// tune replays what they proposed before).
class ExpertSource {
 public:
  virtual ~ExpertSource() = default;
  // The named expert's output for the document, the same each time it is asked; marked failed when the
  // expert could not run.
  virtual const ExpertOutput& output_of(std::string_view expert) = 0;
};

// Checks `output`'s candidates for the field and appends them to result.candidates (an ID number's
// check character x written X). A date read with its month and day padded unevenly (rules/date.h: a
// digit probably lost) counts at most kDoubtfulReading, too little to accept or to dissent.
void add_candidates(const FieldSpec& field, const ExpertOutput& output, const CheckContext& context,
                    FieldResult& result);

// A valid value's confidence: its support, mapped through the route's calibration. Support combines
// independent witnesses as 1 - the product of (1 - confidence); each witness counts once, with its most
// confident reading of the value (one expert repeating itself, or two experts reading the same page
// reading, are one piece of evidence).
double confidence_of(const FieldSpec& field, const FieldResult& result, std::string_view value);

// The valid candidate whose value has the highest confidence (the most confident candidate among
// equals), with that confidence; nullopt when no candidate is valid.
struct Best {
  std::size_t index = 0;
  double confidence = 0;
};
std::optional<Best> best_valid(const FieldSpec& field, const FieldResult& result);

// The independent witnesses that read `value` validly, or the same printed characters with look-alikes read
// the other way (O and 0, I and 1, ...).
std::size_t witnesses_reading(const FieldResult& result, std::string_view value);

// Makes result.candidates[index] the field's value: accepted when its confidence reaches
// accept_confidence and no expert reads a different valid value with confidence >= kDissentConfidence
// (an expert that also read the chosen value dissents only when it read the other more surely) and as
// many independent witnesses as the route asks for read it; otherwise needs_review, the reason starting
// with kLowConfidence, kExpertsDisagree or kFewWitnesses.
void choose(const FieldSpec& field, std::size_t index, FieldResult& result);
inline constexpr double kDissentConfidence = 0.5;
inline constexpr std::string_view kLowConfidence = "confidence below the route's accept_confidence";
inline constexpr std::string_view kExpertsDisagree = "experts disagree";
inline constexpr std::string_view kFewWitnesses = "read by fewer independent witnesses than the route asks for";
// Chooses best_valid(), or marks the field missing with the reason.
void choose_best(const FieldSpec& field, FieldResult& result);

}  // namespace mixtract

#endif  // MIXTRACT_GATE_CHOOSE_H_
