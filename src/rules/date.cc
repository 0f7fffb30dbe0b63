#include "rules/date.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdio>
#include <vector>

#include <re2/re2.h>

#include "core/utf8.h"

namespace mixtract {
namespace {

constexpr std::array<std::string_view, 10> kChineseDigits{"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};

// The value of a Chinese digit character, or -1. 零 and 〇's look-alikes as OCR reads them (○, O, o, 0)
// count as zero: 二OO二年 and 二00二年 are 二〇〇二年.
int chinese_digit(char32_t c) {
  switch (c) {
    case U'〇':
    case U'零':
    case U'○':
    case U'O':
    case U'o':
    case U'0': return 0;
    case U'一': return 1;
    case U'二': return 2;
    case U'三': return 3;
    case U'四': return 4;
    case U'五': return 5;
    case U'六': return 6;
    case U'七': return 7;
    case U'八': return 8;
    case U'九': return 9;
    default: return -1;
  }
}

// 1..99 in Chinese numerals: 一 .. 十 .. 十二 .. 二十 .. 三十一.
std::string small_chinese_number(int n) {
  std::string out;
  if (n >= 20) out += kChineseDigits[static_cast<std::size_t>(n / 10)];
  if (n >= 10) out += "十";
  if (n % 10 != 0 || n < 10) out += kChineseDigits[static_cast<std::size_t>(n % 10)];
  return out;
}

// Parses a month or day written with Chinese numerals (十, 十二, 二十, 三十一, also 〇五 / 零五).
std::optional<int> parse_small_chinese(const std::vector<char32_t>& s) {
  if (s.empty() || s.size() > 3) return std::nullopt;
  const auto ten = std::find(s.begin(), s.end(), U'十');
  if (ten == s.end()) {
    int value = 0;
    for (char32_t c : s) {
      const int d = chinese_digit(c);
      if (d < 0) return std::nullopt;
      value = value * 10 + d;
    }
    return value;
  }
  if (std::count(s.begin(), s.end(), U'十') != 1) return std::nullopt;
  int tens = 1;
  if (ten != s.begin()) {
    if (ten - s.begin() != 1) return std::nullopt;
    tens = chinese_digit(s.front());
    if (tens < 1) return std::nullopt;
  }
  int units = 0;
  if (ten + 1 != s.end()) {
    if (s.end() - ten != 2) return std::nullopt;
    units = chinese_digit(*(ten + 1));
    if (units < 1) return std::nullopt;
  }
  return tens * 10 + units;
}

// Converts full-width digits and punctuation to ASCII and drops spaces (including U+3000).
std::vector<char32_t> simplify(std::string_view text) {
  std::vector<char32_t> out;
  for (char32_t c : utf8::decode(text)) {
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;
    if (c == U' ' || c == 0x3000 || c == U'\t') continue;
    out.push_back(c);
  }
  if (!out.empty() && out.back() == U'生') out.pop_back();
  return out;
}

std::optional<int> parse_arabic(const std::vector<char32_t>& s) {
  if (s.empty() || s.size() > 4) return std::nullopt;
  int value = 0;
  for (char32_t c : s) {
    if (c < U'0' || c > U'9') return std::nullopt;
    value = value * 10 + static_cast<int>(c - U'0');
  }
  return value;
}

// Splits "Y<sep>M<sep>D[<end>]" into three parts.
std::optional<std::array<std::vector<char32_t>, 3>> split_date(const std::vector<char32_t>& s) {
  std::array<std::vector<char32_t>, 3> parts;
  std::size_t part = 0;
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char32_t c = s[i];
    const bool separator = c == U'-' || c == U'/' || c == U'.' || c == U'年' || c == U'月';
    if (separator) {
      if (++part > 2) return std::nullopt;
      continue;
    }
    if (c == U'日' || c == U'号') {
      if (part != 2 || i + 1 != s.size()) return std::nullopt;
      continue;
    }
    parts[part].push_back(c);
  }
  if (part != 2) return std::nullopt;
  return parts;
}

// 25/12/2018 or 12/25/2018 (day or month first, with a four-digit year last): read where only one order
// gives a real date, or both orders give the same one; nullopt where the order is in doubt (05/06/2018).
std::optional<Date> year_last(const std::array<std::vector<char32_t>, 3>& parts) {
  const auto& [first, second, year] = parts;
  if (first.size() > 2 || second.size() > 2 || year.size() != 4) return std::nullopt;
  const int a = parse_arabic(first).value_or(-1), b = parse_arabic(second).value_or(-1);
  const int y = parse_arabic(year).value_or(-1);
  if (a < 0 || b < 0 || y < 0) return std::nullopt;
  const Date day_first{y, b, a};
  const Date month_first{y, a, b};
  const bool day_first_valid = is_valid_date(day_first), month_first_valid = is_valid_date(month_first);
  if (day_first_valid && (!month_first_valid || day_first == month_first)) return day_first;
  if (month_first_valid && !day_first_valid) return month_first;
  return std::nullopt;
}

// 25 Dec 2018, 25-Dec-2018, Dec 25, 2018, December 25 2018.
std::optional<Date> with_month_name(std::string_view text) {
  static const re2::RE2 kDayFirst("\\s*(\\d{1,2})[\\s-]*([A-Za-z]{3,9})\\.?[\\s,-]*(\\d{4})\\s*");
  static const re2::RE2 kMonthFirst("\\s*([A-Za-z]{3,9})\\.?\\s*(\\d{1,2})(?:st|nd|rd|th)?[\\s,]*(\\d{4})\\s*");
  static constexpr std::array<std::string_view, 12> kMonths{"january",   "february", "march",    "april",
                                                            "may",       "june",     "july",     "august",
                                                            "september", "october",  "november", "december"};
  std::string month_word;
  Date date;
  if (!re2::RE2::FullMatch(text, kDayFirst, &date.day, &month_word, &date.year) &&
      !re2::RE2::FullMatch(text, kMonthFirst, &month_word, &date.day, &date.year)) {
    return std::nullopt;
  }
  for (char& c : month_word) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (std::size_t m = 0; m < kMonths.size(); ++m) {
    if (kMonths[m].starts_with(month_word)) date.month = static_cast<int>(m) + 1;
  }
  if (date.month == 0 || !is_valid_date(date)) return std::nullopt;
  return date;
}

}  // namespace

bool is_valid_date(const Date& d) {
  if (d.year < 1000 || d.year > 9999 || d.month < 1 || d.month > 12 || d.day < 1) return false;
  static constexpr std::array<int, 12> kDays{31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  const bool leap = (d.year % 4 == 0 && d.year % 100 != 0) || d.year % 400 == 0;
  const int days = kDays[static_cast<std::size_t>(d.month - 1)] + (d.month == 2 && leap ? 1 : 0);
  return d.day <= days;
}

std::string to_iso(const Date& d) {
  char buffer[40];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buffer;
}

std::string to_chinese_numerals(const Date& d) {
  std::string out;
  for (char digit : std::to_string(d.year)) out += kChineseDigits[static_cast<std::size_t>(digit - '0')];
  return out + "年" + small_chinese_number(d.month) + "月" + small_chinese_number(d.day) + "日";
}

std::string to_arabic_chinese(const Date& d) {
  return std::to_string(d.year) + "年" + std::to_string(d.month) + "月" + std::to_string(d.day) + "日";
}

std::optional<Date> parse_date(std::string_view text) {
  if (std::optional<Date> named = with_month_name(text)) return named;
  const std::vector<char32_t> s = simplify(text);
  const auto parts = split_date(s);
  if (!parts) return std::nullopt;
  const auto& [year_text, month_text, day_text] = *parts;
  if (year_text.size() <= 2 && std::find(s.begin(), s.end(), U'年') == s.end()) return year_last(*parts);
  // Each part in either script: 2019年六月三十日 is printed too.
  Date date;
  if (year_text.size() != 4) return std::nullopt;
  if (const std::optional<int> year = parse_arabic(year_text)) {
    date.year = *year;
  } else {
    for (char32_t c : year_text) {
      const int digit = chinese_digit(c);
      if (digit < 0) return std::nullopt;
      date.year = date.year * 10 + digit;
    }
  }
  const auto small_number = [](const std::vector<char32_t>& part) {
    return part.size() <= 2 && parse_arabic(part) ? parse_arabic(part) : parse_small_chinese(part);
  };
  const std::optional<int> month = small_number(month_text);
  const std::optional<int> day = small_number(day_text);
  if (!month || !day) return std::nullopt;
  date.month = *month;
  date.day = *day;
  if (!is_valid_date(date)) return std::nullopt;
  return date;
}

bool unevenly_padded(std::string_view text) {
  if (!parse_date(text)) return false;
  const auto parts = split_date(simplify(text));
  if (!parts) return false;
  const auto padded = [](const std::vector<char32_t>& part) { return part.size() == 2 && part[0] == U'0'; };
  const auto single = [](const std::vector<char32_t>& part) { return part.size() == 1 && parse_arabic(part); };
  const auto& [year, month, day] = *parts;
  return year.size() == 4 && ((padded(month) && single(day)) || (single(month) && padded(day)));
}

}  // namespace mixtract
