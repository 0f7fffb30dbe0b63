// Calendar dates as printed on documents: ISO, Arabic (2019年6月30日, 2019/6/30, 2019.6.30) and
// Chinese numerals (二〇一九年六月三十日, with 〇 or 零, and 十 forms for months and days), or both mixed
// (2019年六月三十日).
#ifndef MIXTRACT_RULES_DATE_H_
#define MIXTRACT_RULES_DATE_H_

#include <optional>
#include <string>
#include <string_view>

namespace mixtract {

struct Date {
  int year = 0;
  int month = 0;
  int day = 0;

  friend bool operator==(const Date&, const Date&) = default;
};

// True for a real Gregorian calendar date in years 1000..9999.
bool is_valid_date(const Date& date);

// "2019-06-30".
std::string to_iso(const Date& date);
// "二〇一九年六月三十日".
std::string to_chinese_numerals(const Date& date);
// "2019年6月30日".
std::string to_arabic_chinese(const Date& date);

// Reads a date in any of the forms above (full-width digits and spaces allowed, a trailing 生 ignored),
// and as receipts print them: 25/12/2018, 12/25/2018 (day or month first where only one order gives a
// real date; 05/06/2018 is in doubt and not read), 25 Dec 2018, Dec 25, 2018. Returns nullopt when the
// text is not exactly one valid date.
std::optional<Date> parse_date(std::string_view text);

// Whether a date's month and day are written in digits unevenly: one with a leading zero and the other a
// single digit (2011年07月2日, 2011-7-02). A page pads both or neither, so such a reading has probably
// lost a digit (under a seal, say). False for a date that is not year first or that parse_date does not
// read.
bool unevenly_padded(std::string_view text);

}  // namespace mixtract

#endif  // MIXTRACT_RULES_DATE_H_
