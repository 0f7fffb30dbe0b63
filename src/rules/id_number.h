// 居民身份证号码 (GB 11643-1999): 6-digit region code, 8-digit birth date, 3-digit sequence (odd = male),
// and a check character computed by ISO 7064 MOD 11-2.
#ifndef MIXTRACT_RULES_ID_NUMBER_H_
#define MIXTRACT_RULES_ID_NUMBER_H_

#include <string>
#include <string_view>

#include "mixtract/status.h"
#include "rules/date.h"

namespace mixtract {

// The check character ('0'-'9' or 'X') for the first 17 digits. REQUIRES: 17 ASCII digits.
char id_check_character(std::string_view first17);

struct IdNumber {
  std::string region_code;  // 6 digits (GB/T 2260).
  Date birth_date;
  int sequence = 0;  // 0..999; odd = male.
  bool male() const { return sequence % 2 == 1; }
};

// Builds the 18-character number, check character included.
std::string format_id_number(const IdNumber& id);

// Checks length, digits, the birth date and the check character; the region code is not looked up here.
// Errors name the value and what is wrong.
Result<IdNumber> parse_id_number(std::string_view text);

}  // namespace mixtract

#endif  // MIXTRACT_RULES_ID_NUMBER_H_
