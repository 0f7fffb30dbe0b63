// Expert: proposes candidate values for fields of a document. OCR engines, rules, NER models and LLMs
// all plug into the engine through this one interface and are created by name (see registry.h).
#ifndef MIXTRACT_EXPERT_H_
#define MIXTRACT_EXPERT_H_

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "mixtract/candidate.h"
#include "mixtract/document.h"
#include "mixtract/schema.h"
#include "mixtract/status.h"

namespace mixtract {

class Expert {
 public:
  virtual ~Expert() = default;

  // The registry name, e.g. "file_name".
  virtual std::string_view name() const = 0;

  // Whose evidence this expert's readings are, for counting agreement: an expert that reads what another
  // reads again the same way (the same recogniser over the page with red ink faded) names that one, so
  // that the two agreeing count as one witness, not two. Its own name by default.
  virtual std::string_view witness() const { return name(); }

  // Proposes zero or more candidates for each of `fields` (a field the expert cannot read gets none).
  // An error means the expert could not run on this document at all; the gate records it and moves on.
  // Thread safety: must be safe to call concurrently on different documents.
  virtual Result<std::vector<Candidate>> propose(const Document& document,
                                                 std::span<const FieldSpec* const> fields) const = 0;

  // The OCR engines whose whole-page reading propose() uses. That reading is shared by every expert on
  // the page (OcrService), so a route's cost counts it once per document, not once per expert.
  virtual std::vector<std::string> page_reads() const { return {}; }
};

}  // namespace mixtract

#endif  // MIXTRACT_EXPERT_H_
