#include "gate/field_check.h"

#include <chrono>

#include "rules/certificate_number.h"
#include "rules/date.h"
#include "rules/id_number.h"
#include "rules/plausibility.h"

namespace mixtract {
namespace {

constexpr int kEarliestYear = 1900;

int latest_year(const CheckContext& context) {
  if (context.latest_year > 0) return context.latest_year;
  const std::chrono::year_month_day today{std::chrono::floor<std::chrono::days>(std::chrono::system_clock::now())};
  return static_cast<int>(today.year()) + 1;
}

std::string year_problem(int year, const CheckContext& context) {
  if (year < kEarliestYear) return "year " + std::to_string(year) + " is before " + std::to_string(kEarliestYear);
  if (year > latest_year(context)) return "year " + std::to_string(year) + " is in the future";
  return "";
}

std::string school_problem(const std::string& code, const CheckContext& context) {
  if (context.schools == nullptr || !context.schools->complete() || context.schools->find_by_code(code) != nullptr) {
    return "";
  }
  return "school code " + code + " is not in the school table";
}

// "" when `value` passes the field's validator, else what is wrong.
std::string validator_problem(Validator validator, std::string_view value, const CheckContext& context) {
  switch (validator) {
    case Validator::kNone: return "";
    case Validator::kGraduationNumber: {
      const Result<GraduationNumber> number = parse_graduation_number(value);
      if (!number.ok()) return number.status().message();
      if (std::string why = year_problem(number->year, context); !why.empty()) return why;
      return school_problem(number->school_code, context);
    }
    case Validator::kDegreeNumber: {
      const Result<DegreeNumber> number = parse_degree_number(value);
      if (!number.ok()) return number.status().message();
      if (std::string why = year_problem(number->year, context); !why.empty()) return why;
      return school_problem(number->school_code, context);
    }
    case Validator::kIdNumber: {
      const Result<IdNumber> id = parse_id_number(value);
      if (!id.ok()) return id.status().message();
      if (std::string why = year_problem(id->birth_date.year, context); !why.empty()) return why;
      // Counties are renumbered over the years, provinces are not: only the province must be known.
      if (context.regions != nullptr && context.regions->province(id->region_code.substr(0, 2)) == nullptr) {
        return "region code " + id->region_code + " names no province";
      }
      return "";
    }
  }
  return "";
}

// "" when `value` is plausible for the field's kind, else what is wrong.
std::string kind_problem(FieldKind kind, std::string_view value, const CheckContext& context) {
  switch (kind) {
    case FieldKind::kDate: {
      const std::optional<Date> date = parse_date(value);
      if (!date) return "not a calendar date";
      return year_problem(date->year, context);
    }
    default: return plausibility_problem(kind, value, context.schools);
  }
}

}  // namespace

Status check_field(const FieldSpec& field, std::string_view value, const CheckContext& context) {
  MIXTRACT_RETURN_IF_ERROR(check_constraints(field, value));
  std::string why = kind_problem(field.kind, value, context);
  if (why.empty()) why = validator_problem(field.validator, value, context);
  if (why.empty()) return Status();
  return Status::invalid_argument("field " + field.name + " (" + field.label + "): '" + std::string(value) +
                                  "': " + why);
}

}  // namespace mixtract
