#include "gate/choose.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string_view>

#include "rules/date.h"

namespace mixtract {
namespace {

// Independent witnesses reading `value` combine as 1 - prod(1 - confidence); a witness counts once, with
// its surest reading (an expert repeating itself, or one reading again what another read, adds nothing).
double support(const FieldResult& result, std::string_view value) {
  std::map<std::string, double, std::less<>> by_witness;
  for (const Candidate& c : result.candidates) {
    if (!c.invalid_reason.empty() || c.value != value) continue;
    double& best = by_witness[c.witness.empty() ? c.expert : c.witness];
    best = std::max(best, c.confidence);
  }
  double doubt = 1;
  for (const auto& [witness, confidence] : by_witness) doubt *= 1 - confidence;
  return 1 - doubt;
}

// Whether two readings differ only in characters OCR takes one for the other (O and 0, I and 1, S and 5,
// Z and 2, B and 8): the same printed characters, some read ambiguously.
bool same_but_lookalikes(std::string_view a, std::string_view b) {
  if (a.size() != b.size() || a == b) return false;
  constexpr std::string_view kPairs[] = {"O0", "I1", "S5", "Z2", "B8"};
  for (std::size_t i = 0; i < a.size(); ++i) {
    if (a[i] == b[i]) continue;
    const bool lookalike = std::any_of(std::begin(kPairs), std::end(kPairs), [&](std::string_view pair) {
      return (a[i] == pair[0] && b[i] == pair[1]) || (a[i] == pair[1] && b[i] == pair[0]);
    });
    if (!lookalike) return false;
  }
  return true;
}

// Whether `c` was read on the page with red ink faded out (the evidence sources docs/output.md names): a
// second look at what a red seal covers, not the same view read again. A reading with the seal flattened
// is not one: it keeps a ring's thin strokes as print does.
bool red_faded_reading(const Candidate& c) {
  return std::any_of(c.evidence.begin(), c.evidence.end(), [](const Evidence& e) {
    return e.source.find("without_red:") != std::string::npos || e.source.starts_with("reread_whitened:");
  });
}

// The view `c` was read in, as a reason names it.
std::string_view view_of(const Candidate& c) {
  if (red_faded_reading(c)) return " with red ink faded";
  const bool flattened = std::any_of(c.evidence.begin(), c.evidence.end(),
                                     [](const Evidence& e) { return e.source.starts_with("reread_flattened:"); });
  return flattened ? " with the seal flattened" : " as printed";
}

}  // namespace

std::size_t witnesses_reading(const FieldResult& result, std::string_view value) {
  std::set<std::string, std::less<>> witnesses;
  for (const Candidate& c : result.candidates) {
    if (c.invalid_reason.empty() && (c.value == value || same_but_lookalikes(c.value, value))) {
      witnesses.insert(c.witness.empty() ? c.expert : c.witness);
    }
  }
  return witnesses.size();
}

void stamp_candidates(std::string_view name, const Expert& expert, std::vector<Candidate>& candidates) {
  for (Candidate& candidate : candidates) {
    candidate.expert = std::string(name);
    candidate.witness = std::string(expert.witness());
  }
}

double confidence_of(const FieldSpec& field, const FieldResult& result, std::string_view value) {
  return field.route.calibration.apply(support(result, value));
}

std::optional<Best> best_valid(const FieldSpec& field, const FieldResult& result) {
  std::optional<Best> best;
  for (std::size_t i = 0; i < result.candidates.size(); ++i) {
    const Candidate& c = result.candidates[i];
    if (!c.invalid_reason.empty()) continue;
    const double s = support(result, c.value);
    if (!best || s > best->confidence ||
        (s == best->confidence && c.confidence > result.candidates[best->index].confidence)) {
      best = Best{i, s};
    }
  }
  if (best) best->confidence = field.route.calibration.apply(best->confidence);
  return best;
}

void add_candidates(const FieldSpec& field, const ExpertOutput& output, const CheckContext& context,
                    FieldResult& result) {
  for (const Candidate& proposed : output.candidates) {
    if (proposed.field != field.name) continue;
    Candidate candidate = proposed;
    // One spelling whatever the expert: an ID number's check character is X, never x.
    if (field.validator == Validator::kIdNumber && candidate.value.size() == 18 && candidate.value.back() == 'x') {
      candidate.value.back() = 'X';
    }
    const Status check = check_field(field, candidate.value, context);
    if (!check.ok()) candidate.invalid_reason = check.message();
    if (field.kind == FieldKind::kDate && unevenly_padded(candidate.raw)) {
      candidate.confidence = std::min(candidate.confidence, kDoubtfulReading);
    }
    result.candidates.push_back(std::move(candidate));
  }
}

void choose(const FieldSpec& field, std::size_t index, FieldResult& result) {
  const Candidate& chosen = result.candidates[index];
  result.value = chosen.value;
  result.confidence = confidence_of(field, result, chosen.value);
  result.expert = chosen.expert;
  result.status =
      result.confidence >= field.route.accept_confidence ? FieldStatus::kAccepted : FieldStatus::kNeedsReview;
  result.reason = result.status == FieldStatus::kAccepted ? "" : std::string(kLowConfidence);
  // Another expert reading a different value with some conviction: a person decides.
  const Candidate* dissent = nullptr;
  for (const Candidate& c : result.candidates) {
    if (!c.invalid_reason.empty() || c.value == chosen.value || c.confidence < kDissentConfidence) continue;
    // The same characters read with a look-alike the other way: the surer reading stands (a QR code's).
    if (same_but_lookalikes(c.value, chosen.value)) continue;
    // An expert that read both values (a page and its re-read) dissents only when it read this one more surely
    // in the same view: a reading with red ink faded out that differs from one as printed is what a seal hides.
    const bool backs_chosen = std::any_of(result.candidates.begin(), result.candidates.end(), [&](const Candidate& o) {
      return o.expert == c.expert && o.value == chosen.value && o.invalid_reason.empty() &&
             o.confidence >= c.confidence && red_faded_reading(o) == red_faded_reading(c);
    });
    if (!backs_chosen && (dissent == nullptr || c.confidence > dissent->confidence)) dissent = &c;
  }
  if (dissent != nullptr) {
    result.status = FieldStatus::kNeedsReview;
    const std::string view = dissent->expert != chosen.expert ? "" : std::string(view_of(*dissent));
    result.reason = std::string(kExpertsDisagree) + ": " + chosen.expert + " reads '" + chosen.value + "', " +
                    dissent->expert + view + " reads '" + dissent->value + "'";
    return;
  }
  const std::size_t read_by = witnesses_reading(result, chosen.value);
  if (result.status == FieldStatus::kAccepted && read_by < static_cast<std::size_t>(field.route.witnesses)) {
    result.status = FieldStatus::kNeedsReview;
    result.reason =
        std::string(kFewWitnesses) + ": " + std::to_string(read_by) + " of " + std::to_string(field.route.witnesses);
  }
}

void choose_best(const FieldSpec& field, FieldResult& result) {
  if (const auto best = best_valid(field, result)) {
    choose(field, best->index, result);
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

}  // namespace mixtract
