// Reconciliation: the fields of one document checked against each other. A certificate number encodes
// the school, the year and the level; an ID number the birth date and the sex. The gate picks the
// jointly most likely candidates, escalates a disputed number to the rest of its route (a re-read),
// marks what still disagrees needs_review, saying why (showing the code's school in place of a school
// read less surely whose page text fits it no worse), and fills a missing field the code states in full
// (expert "derived": a school through the school table, a level, a birth date, a sex). An ID card's
// address whose opening is a near miss of the ID number's region names is corrected to them.
#ifndef MIXTRACT_GATE_RECONCILE_H_
#define MIXTRACT_GATE_RECONCILE_H_

#include "gate/choose.h"
#include "gate/field_check.h"
#include "mixtract/record.h"
#include "mixtract/schema.h"

namespace mixtract {

// Links, by the code field's validator:
//   graduation_number, degree_number: school code -> the field of kind school (through the school
//     table, when it knows the code); year -> the field graduation_date; level -> the field of kind level.
//   id_number: birth date -> the field birth_date; sex digit -> the field of kind gender.
// REQUIRES: record.fields are schema.fields, in order.
// A disputed code asks `experts` for the rest of its route (ask_rest_of_route).
void reconcile(const Schema& schema, const CheckContext& context, ExpertSource& experts, Record& record);

}  // namespace mixtract

#endif  // MIXTRACT_GATE_RECONCILE_H_
