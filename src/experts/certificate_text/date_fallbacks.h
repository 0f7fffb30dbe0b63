// The dates of a certificate no cue read whole: the issue date where no label marks it (the last date printed
// apart from the words around it; one a seal half hid, completed from the study period or the certificate
// number; one inside a sentence, for review) and its year where the study period and the number agree on
// another; the birth date whose Chinese-numeral year lost its 〇.
#ifndef MIXTRACT_EXPERTS_CERTIFICATE_TEXT_DATE_FALLBACKS_H_
#define MIXTRACT_EXPERTS_CERTIFICATE_TEXT_DATE_FALLBACKS_H_

#include <vector>

#include "experts/certificate_text/cues.h"
#include "experts/certificate_text/joined_text.h"

namespace mixtract {

// Where `readings` holds no issue_date, the date no cue marked: the last date on the page that is not the birth
// date and stands apart from the words around it; else one whose year a seal half hid or whose day lost its 日,
// completed (the study period's end, the number's year); else the last date inside a sentence, for review. Then,
// on a graduation certificate whose study period's end and 18-digit number agree on a year, an issue date in the
// period's last month whose year reads otherwise takes theirs, for review.
void add_unlabelled_issue_date(const JoinedText& joined, const std::vector<Finding>& findings, Readings& readings);

// Where `readings` holds no birth_date: a Chinese-numeral date before 生 or after 出生日期： whose year lost one to
// three 〇 and fits only one way 14 to 70 years before the issue date, for review.
void add_birth_date_with_zeros_lost(const JoinedText& joined, Readings& readings);

}  // namespace mixtract

#endif  // MIXTRACT_EXPERTS_CERTIFICATE_TEXT_DATE_FALLBACKS_H_
