// Field checks: whether a candidate value may be chosen. The schema's constraints, then what the
// field's kind implies (dates are real and plausible, names hold no label words), then the field's
// validator (the structure of certificate and ID numbers, against the school and region tables).
#ifndef MIXTRACT_GATE_FIELD_CHECK_H_
#define MIXTRACT_GATE_FIELD_CHECK_H_

#include <string_view>

#include "mixtract/schema.h"
#include "mixtract/status.h"
#include "rules/major_table.h"
#include "rules/region_table.h"
#include "rules/school_table.h"

namespace mixtract {

struct CheckContext {
  const SchoolTable* schools = nullptr;  // School codes are looked up when the table is complete().
  const RegionTable* regions = nullptr;  // ID numbers' province codes are looked up when set.
  int latest_year = 0;                   // No date or number year after this; 0 = this year + 1.
  const MajorTable* majors = nullptr;    // A major read by one witness and not in it is for review.
};

// OK, or InvalidArgument naming the field, the value and what is wrong.
Status check_field(const FieldSpec& field, std::string_view value, const CheckContext& context);

}  // namespace mixtract

#endif  // MIXTRACT_GATE_FIELD_CHECK_H_
