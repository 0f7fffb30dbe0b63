// Recognising which schema a page is (--schema auto), from its OCR text.
#ifndef MIXTRACT_PIPELINE_RECOGNISE_H_
#define MIXTRACT_PIPELINE_RECOGNISE_H_

#include <span>
#include <string>

#include "gate/field_check.h"
#include "mixtract/schema.h"

namespace mixtract {

struct Recognition {
  const Schema* schema = nullptr;  // Into the schemas given; nullptr = of no known kind.
  std::string reason;              // Which words or which number decided, or why none did.
};

// The schema with the most of its recognise words in `page_text` (the first on a tie). When no schema's
// words are there (the faded labels of a photographed ID card), the one schema whose code validator
// accepts a number on the page (a run of digits and X, spaces ignored); none when several would.
Recognition recognise_schema(const std::string& page_text, std::span<const Schema> schemas,
                             const CheckContext& context);

}  // namespace mixtract

#endif  // MIXTRACT_PIPELINE_RECOGNISE_H_
