// Verification reports checked against the certificates they are about, within one person's documents
// (group_by_person, mixtract/persons.h).
#ifndef MIXTRACT_PIPELINE_REPORT_CHECK_H_
#define MIXTRACT_PIPELINE_REPORT_CHECK_H_

#include <array>
#include <span>
#include <string_view>

#include "mixtract/persons.h"

namespace mixtract {

// The fields a report and its certificate share, by their names in the schemas.
inline constexpr std::array<std::string_view, 8> kSharedFields = {
    "certificate_number", "school", "major", "graduation_date", "birth_date", "gender", "level", "degree"};

// The schema of the certificate a report of `schema` is about (chsi_record: graduation_certificate,
// degree_report: degree_certificate); "" when `schema` is no report.
std::string_view report_counterpart(std::string_view schema);
// Whether `schema` is the certificate of some report.
bool is_counterpart(std::string_view schema);

// Pairs each report among the person's documents with its certificate and adds their disagreements to
// person.disagreements, and a line for each disagreeing pair to person.conflicts.
void check_reports(Person& person, std::span<const DocumentFacts> documents);

}  // namespace mixtract

#endif  // MIXTRACT_PIPELINE_REPORT_CHECK_H_
