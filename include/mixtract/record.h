// Record: the extraction result for one document, field by field, with provenance.
#ifndef MIXTRACT_RECORD_H_
#define MIXTRACT_RECORD_H_

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "mixtract/candidate.h"

namespace mixtract {

enum class FieldStatus {
  kAccepted,     // Valid and confident enough to use without a person looking.
  kNeedsReview,  // A valid value was found, but a person should confirm it.
  kMissing,      // No valid value was found.
};

// "accepted", "needs_review", "missing".
std::string_view field_status_name(FieldStatus status);

struct FieldResult {
  std::string field;  // FieldSpec::name.
  std::string label;  // FieldSpec::label.
  std::string value;  // "" when missing.
  double confidence = 0;
  FieldStatus status = FieldStatus::kMissing;
  std::string expert;                 // Who proposed the chosen value; "" when missing.
  std::string reason;                 // Why the field needs review or is missing; "" when accepted.
  std::vector<Candidate> candidates;  // Everything proposed for the field, chosen or not.
};

struct Record {
  std::string source;                        // Document::source().
  std::string content_hash;                  // Document::content_hash().
  std::string schema;                        // Schema::name; "" when no schema was recognised.
  std::string schema_title;                  // Schema::title: the 文书类型 column of tables.
  std::string schema_reason;                 // Why this schema: given, or the words recognised.
  std::vector<FieldResult> fields;           // In schema order.
  std::vector<std::string> warnings;         // Expert failures and other problems that did not stop extraction.
  Cost cost;                                 // Total: experts and shared analyses.
  std::map<std::string, Cost> expert_costs;  // Per expert that ran: its own work.
  // The shared analyses of the page, each charged once whichever experts use it: the page's reading
  // per OCR engine ("ppocr"), when it was computed for this record (not taken from a cache).
  std::map<std::string, Cost> analysis_costs;

  // The field with this name, or nullptr.
  const FieldResult* find(std::string_view field_name) const;
};

}  // namespace mixtract

#endif  // MIXTRACT_RECORD_H_
