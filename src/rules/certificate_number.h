// The structure of certificate numbers (see docs/domain.md):
//   毕业证书编号, 18 digits: school code (5) + type of schooling (1) + graduation year (4) + level (2: 01 博士,
//     02 硕士, 05 本科, 06 专科) + serial (6). Example 106101201905007614.
//   学位证书编号, 16 digits: school code (5) + degree (1: 2 博士, 3 硕士, 4 学士) + year (4) + serial (6).
#ifndef MIXTRACT_RULES_CERTIFICATE_NUMBER_H_
#define MIXTRACT_RULES_CERTIFICATE_NUMBER_H_

#include <cstddef>
#include <string>
#include <string_view>

#include "mixtract/education.h"
#include "mixtract/status.h"

namespace mixtract {

inline constexpr std::size_t kGraduationNumberLength = 18;
inline constexpr std::size_t kDegreeNumberLength = 16;

struct GraduationNumber {
  std::string school_code;  // 5 digits.
  int schooling_type = 1;   // 1 = regular full-time.
  int year = 0;
  EducationLevel level = EducationLevel::kBachelor;
  int serial = 0;  // 0..999999.
};

struct DegreeNumber {
  std::string school_code;                           // 5 digits.
  EducationLevel level = EducationLevel::kBachelor;  // 学士 = kBachelor, 硕士 = kMaster, 博士 = kDoctor.
  int year = 0;
  int serial = 0;
};

// REQUIRES: a 5-digit school code, a level the number can encode, year 1000..9999, serial 0..999999.
std::string format_graduation_number(const GraduationNumber& number);
std::string format_degree_number(const DegreeNumber& number);

// Structure checks only (length, digits, a known level code); errors name the value and the part.
Result<GraduationNumber> parse_graduation_number(std::string_view text);
Result<DegreeNumber> parse_degree_number(std::string_view text);

}  // namespace mixtract

#endif  // MIXTRACT_RULES_CERTIFICATE_NUMBER_H_
