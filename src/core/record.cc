#include "mixtract/record.h"

namespace mixtract {

std::string_view field_status_name(FieldStatus status) {
  switch (status) {
    case FieldStatus::kAccepted: return "accepted";
    case FieldStatus::kNeedsReview: return "needs_review";
    case FieldStatus::kMissing: return "missing";
  }
  return "missing";
}

const FieldResult* Record::find(std::string_view field_name) const {
  for (const FieldResult& field : fields) {
    if (field.field == field_name) return &field;
  }
  return nullptr;
}

}  // namespace mixtract
