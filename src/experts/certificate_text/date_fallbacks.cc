#include "experts/certificate_text/date_fallbacks.h"

#include <algorithm>
#include <bit>
#include <optional>
#include <string>

#include <re2/re2.h>

#include "core/utf8.h"
#include "rules/date.h"

namespace mixtract {
namespace {

constexpr float kDoubtful = static_cast<float>(kDoubtfulReading);

// Whether bytes [begin, end) of the text stand apart from the words around them: the characters either side are
// line breaks or neither Han characters nor digits (a date printed on a line of its own or after a label's colon;
// not one a sentence names, …委员会2020年6月24日会议审议通过…).
bool stands_apart(const JoinedText& joined, std::size_t begin, std::size_t end) {
  const auto in_words = [](char32_t c) { return utf8::is_han(c) || (c >= U'0' && c <= U'9'); };
  return !in_words(joined.char_before(begin)) && !in_words(joined.char_at(end));
}

// The issue date when no cue marks it: the last date on the page that is not the birth date nor opens inside a run of
// digits, of those that stand apart from the words around them (`apart`), or of all.
std::optional<TextValue> last_other_date(const JoinedText& joined, const std::vector<Finding>& findings, bool apart) {
  std::optional<TextValue> last;
  re2::StringPiece rest(joined.text);
  re2::StringPiece found;
  while (re2::RE2::FindAndConsume(&rest, any_date(), &found)) {
    const std::size_t begin = static_cast<std::size_t>(found.data() - joined.text.data());
    const bool birth = std::any_of(findings.begin(), findings.end(),
                                   [&](const Finding& f) { return f.fact == "birth_date" && f.begin == begin; });
    // A year that opens inside a longer run of digits is none (…20855 / 6年七月十二日 is no year 8556).
    const char32_t before = joined.char_before(begin);
    if (birth || (before >= U'0' && before <= U'9') || (apart && !stands_apart(joined, begin, begin + found.size()))) {
      continue;
    }
    TextValue value = joined.value(begin, begin + found.size());
    if (const std::optional<Date> date = parse_date(value.raw)) {
      value.value = to_iso(*date);
      last = std::move(value);
    }
  }
  return last;
}

// An issue date whose year lost its first characters, or all of them, under a seal (〇二二年七月十八日,
// 年七月十三日): completed from `year` when what is left of it matches; or whose four characters are all there but
// one of them misread (二05八年六月三十日 for 2008): `year`, only for review.
std::optional<TextValue> completed_date(TextValue line, const std::string& year) {
  const std::size_t at = line.raw.find("年");
  if (at == std::string::npos) return std::nullopt;
  const std::vector<char32_t> fragment = utf8::decode(line.raw.substr(0, at));
  const std::string rest = line.raw.substr(at);
  if (fragment.size() == 4) {
    // All four there, one misread (二05八 for 二〇〇八, the 〇 read 5): only for review.
    static constexpr std::u32string_view kDigits = U"〇一二三四五六七八九";
    std::size_t misread = 0;
    for (std::size_t i = 0; i < 4; ++i) {
      const char32_t c = fragment[i];
      const int digit = c >= U'0' && c <= U'9'                         ? static_cast<int>(c - U'0')
                        : c == U'O' || c == U'o' || c == U'零'         ? 0
                        : kDigits.find(c) != std::u32string_view::npos ? static_cast<int>(kDigits.find(c))
                                                                       : -1;
      if (digit != year[i] - '0') ++misread;
    }
    const std::optional<Date> as_meant = misread == 1 ? parse_date(year + rest) : std::nullopt;
    if (!as_meant) return std::nullopt;
    line.value = to_iso(*as_meant);
    line.confidence = std::min(line.confidence, kDoubtful);
    return line;
  }
  if (fragment.size() > 4) return std::nullopt;
  // Read the fragment as the year's last digits by trying it in place of them, the missing ones written
  // in the fragment's script.
  static constexpr std::string_view kChinese[] = {"〇", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  const bool chinese = std::any_of(fragment.begin(), fragment.end(), utf8::is_han);
  std::string prefix;
  for (char digit : year.substr(0, 4 - fragment.size())) {
    prefix += chinese ? std::string(kChinese[digit - '0']) : std::string(1, digit);
  }
  const std::optional<Date> as_read = parse_date(prefix + utf8::encode(fragment) + rest);
  if (!as_read || std::to_string(as_read->year) != year) return std::nullopt;
  line.value = to_iso(*as_read);
  line.confidence *= 0.8f;
  return line;
}

// The year the first certificate number on the page carries, its 7th to 10th digits (a degree's 16 digits or a
// graduation certificate's 18; `graduation` only the 18: its year is the year of graduation); "" = none.
std::string number_year(const JoinedText& joined, bool graduation) {
  static const re2::RE2 kAny("(?:^|\\D)\\d{6}(\\d{4})(?:\\d{6}|\\d{8})(?:\\D|$)");
  static const re2::RE2 kGraduation("(?:^|\\D)\\d{6}(\\d{4})\\d{8}(?:\\D|$)");
  std::string year;
  return re2::RE2::PartialMatch(joined.text, graduation ? kGraduation : kAny, &year) ? year : "";
}

// The issue date when no whole date is on the page: one whose year lost its first characters under a
// seal, completed from the study period's last year or the certificate number's year; or one whose day
// lost its 日 at a line's end (the day may be cut short too, so only for review).
std::optional<TextValue> damaged_issue_date(const JoinedText& joined, const Readings& readings) {
  std::vector<std::pair<std::string, std::string>> years;  // (year, where it comes from).
  if (const auto end = readings.find("study_end"); end != readings.end()) {
    years.emplace_back(end->second.front().value.substr(0, 4), "the study period");
  }
  if (std::string year = number_year(joined, false); !year.empty()) years.emplace_back(year, "the certificate number");
  static const re2::RE2 kFragment(
      expand_cue("(?m)(?:^|[^0-9〇零Oo一二三四五六七八九十])([0-9〇零Oo一二三四五六七八九十]{0,4}年[0-"
                 "9〇零Oo一二三四五六七八九十]{1,3}月[0-9〇零Oo一二三四五六七八九十]{1,3}日)"));
  static const re2::RE2 kCut("(?m)(\\d{4}\\n?年\\n?\\d{1,2}\\n?月\\n?\\d{1,2})$");
  re2::StringPiece piece;
  for (const auto& [year, source] : years) {
    re2::StringPiece rest(joined.text);
    while (re2::RE2::FindAndConsume(&rest, kFragment, &piece)) {
      if (piece.ends_with("\n")) piece.remove_suffix(1);  // (A line may break after each Han character of a cue.)
      const std::size_t begin = static_cast<std::size_t>(piece.data() - joined.text.data());
      const bool whole_year_lost = piece.starts_with("年");
      if (whole_year_lost && begin > 0 && joined.text[begin - 1] != '\n') continue;  // Only a line of its own.
      // A year of four characters one of which is misread: only one printed apart (not a birth date, 生 after it).
      const bool all_four = utf8::length(std::string(piece.substr(0, piece.find("年")))) == 4;
      if (all_four && !stands_apart(joined, begin, begin + piece.size())) continue;
      if (std::optional<TextValue> date = completed_date(joined.value(begin, begin + piece.size()), year)) {
        date->note = "year completed from " + source + ": read '" + date->raw + "'";
        return date;
      }
    }
  }
  if (re2::RE2::PartialMatch(joined.text, kCut, &piece)) {
    const std::size_t begin = static_cast<std::size_t>(piece.data() - joined.text.data());
    TextValue value = joined.value(begin, begin + piece.size());
    if (const std::optional<Date> date = parse_date(value.raw + "日")) {
      value.value = to_iso(*date);
      value.confidence /= 2;
      return value;
    }
  }
  return std::nullopt;
}

// A graduation certificate is dated in the month its study period ends (至二〇二〇年七月), and its number
// (18 digits: the school's code, one digit, then the year) carries the year. Where the two agree on a year and
// the date under the body reads that month but another year, or a year lost but for a trace (a seal's ring
// over it: 1998年7月7日 for 1995, 6年七月十二日), the year is theirs; only for review. A date in another month
// is left as read (a certificate may be dated the month after).
void year_from_period_and_number(const JoinedText& joined, Readings& readings) {
  const auto end = readings.find("study_end");
  const std::string year = number_year(joined, true);
  if (end == readings.end() || year.empty() || end->second.front().value.substr(0, 4) != year) return;
  const std::string& period_end = end->second.front().value;  // 2020-07
  // The date's month and day as read, whatever its year; "" where they are not a month and day.
  const auto month_day = [](std::string raw) {
    std::erase(raw, '\n');
    const std::size_t at = raw.find("年");
    const std::optional<Date> date = at == std::string::npos ? std::nullopt : parse_date("2000" + raw.substr(at));
    return date ? to_iso(*date).substr(4) : std::string();
  };
  const auto mended = [&](TextValue value) -> std::optional<TextValue> {
    const std::string rest = month_day(value.raw);
    if (rest.substr(0, 3) != period_end.substr(4) || value.value.starts_with(period_end)) return std::nullopt;
    value.note = "read '" + value.raw + "'; the year is the study period's end's and the certificate number's";
    value.value = year + rest;
    value.confidence = std::min(value.confidence, kDoubtful);
    return value;
  };
  if (const auto issued = readings.find("issue_date"); issued != readings.end()) {
    for (TextValue& value : issued->second) {
      if (std::optional<TextValue> fixed = mended(value)) value = *std::move(fixed);
    }
    return;
  }
  static const re2::RE2 kYearLost(
      "(?m)^([^年\\n]{0,3}年[0-9〇零Oo一二三四五六七八九十]{1,3}月[0-9〇零Oo一二三四五六七八九十]{1,3}日)$");
  re2::StringPiece rest(joined.text);
  re2::StringPiece piece;
  while (re2::RE2::FindAndConsume(&rest, kYearLost, &piece)) {
    const std::size_t begin = static_cast<std::size_t>(piece.data() - joined.text.data());
    if (std::optional<TextValue> date = mended(joined.value(begin, begin + piece.size()))) {
      readings["issue_date"].push_back(*std::move(date));
      return;
    }
  }
}

// The years a Chinese-numeral year read with some of its 〇 lost (一九七 of 一九七〇, 二 of 二〇〇〇; OCR drops
// the round 〇 most, and reads a kept one as O or 0: 二O二 of 二〇〇二) may have been: each way of putting the lost
// 〇 back that gives a year from 1900 to 9999.
std::vector<int> years_with_zeros_put_back(const std::vector<char32_t>& read) {
  static constexpr std::u32string_view kDigits = U"〇一二三四五六七八九";
  const auto digit = [](char32_t c) { return c == U'O' || c == U'o' || c == U'0' ? std::size_t{0} : kDigits.find(c); };
  std::vector<int> years;
  const std::size_t lost = 4 - read.size();
  for (unsigned mask = 0; mask < 16; ++mask) {  // Bit i set: digit i of the year is a 〇 put back.
    if (static_cast<std::size_t>(std::popcount(mask)) != lost) continue;
    int year = 0;
    for (std::size_t i = 0, next = 0; i < 4; ++i) {
      year = year * 10 + static_cast<int>((mask >> i & 1U) != 0 ? 0 : digit(read[next++]));
    }
    if (year >= 1900 && std::find(years.begin(), years.end(), year) == years.end()) years.push_back(year);
  }
  return years;
}

// The first date `damaged` finds (groups: the whole date, its year as read, its month and day) whose year, its lost
// 〇 put back, fits one way only 14 to 70 years before `issue_year`; for review.
std::optional<TextValue> birth_date_put_back(const JoinedText& joined, const re2::RE2& damaged, int issue_year) {
  static const re2::RE2 kNumeralBefore("[〇零Oo0-9一二三四五六七八九十]\\n?$");
  re2::StringPiece rest(joined.text);
  re2::StringPiece whole, year_read, month_day;
  while (re2::RE2::FindAndConsume(&rest, damaged, &whole, &year_read, &month_day)) {
    const std::size_t begin = static_cast<std::size_t>(whole.data() - joined.text.data());
    // A year whose first characters are at the end of the line before is whole (一九 / 七〇年…).
    if (re2::RE2::PartialMatch(re2::StringPiece(joined.text.data(), begin), kNumeralBefore)) continue;
    std::vector<int> fitting;
    std::string year_digits(year_read);
    std::erase(year_digits, '\n');
    for (int year : years_with_zeros_put_back(utf8::decode(year_digits))) {
      if (year <= issue_year - 14 && year >= issue_year - 70) fitting.push_back(year);
    }
    if (fitting.size() != 1) continue;
    std::string rest_of_date(month_day);
    std::erase(rest_of_date, '\n');
    const std::optional<Date> date = parse_date(std::to_string(fitting.front()) + "年" + rest_of_date);
    if (!date) continue;
    TextValue value = joined.value(begin, begin + whole.size());
    value.value = to_iso(*date);
    value.confidence = std::min(value.confidence, kDoubtful);
    value.note = "year read '" + year_digits + "', its lost 〇 put back";
    return value;
  }
  return std::nullopt;
}

// The birth date when no whole one was read: a Chinese-numeral date before 生 or 出生, or after a label the birth
// cues know (出生日期：), whose year lost one to three 〇 (一九七年三月十四日生, 出生日期：一九七年三月十四日), when
// putting them back gives one year that fits: 14 to 70 years before the issue date, or before the certificate
// number's year where no issue date was read (a seal over it). Only for review: the reading is a guess.
std::optional<TextValue> birth_date_with_zeros_lost(const JoinedText& joined, const Readings& readings) {
  const auto issued = readings.find("issue_date");
  const std::string year =
      issued != readings.end() ? issued->second.front().value.substr(0, 4) : number_year(joined, false);
  if (year.empty()) return std::nullopt;
  const int issue_year = std::stoi(year);
  // Groups: the whole date, its year as read, its month and day. (The year may break across lines too: 二○ / ○年.)
  static const std::string kDate =
      "(((?:[一二三四五六七八九〇Oo0]\\n?){1,3})年\\n?([一二三四五六七八九十]{1,2}\\n?月\\n?[一二三四五六七八九十]{1,3}"
      "\\n?日))";
  static const re2::RE2 kBeforeBorn(kDate + "\\n?(?:出生|生)");
  static const re2::RE2 kAfterLabel("(?:出生日期|出生年月日?|出生时间|出生于|生于)[：:]?\\n?" + kDate);
  for (const re2::RE2* damaged : {&kBeforeBorn, &kAfterLabel}) {
    if (std::optional<TextValue> date = birth_date_put_back(joined, *damaged, issue_year)) return date;
  }
  return std::nullopt;
}

}  // namespace

void add_unlabelled_issue_date(const JoinedText& joined, const std::vector<Finding>& findings, Readings& readings) {
  if (!readings.contains("issue_date")) {
    std::optional<TextValue> date = last_other_date(joined, findings, true);
    if (!date) date = damaged_issue_date(joined, readings);
    // A date inside a sentence may be another day's (the committee's meeting): only for review.
    if (!date && (date = last_other_date(joined, findings, false))) {
      date->confidence = std::min(date->confidence, kDoubtful);
      date->note = "a date inside a sentence, not printed apart: '" + date->raw + "'";
    }
    if (date) readings["issue_date"].push_back(*std::move(date));
  }
  year_from_period_and_number(joined, readings);
}

void add_birth_date_with_zeros_lost(const JoinedText& joined, Readings& readings) {
  if (readings.contains("birth_date")) return;
  if (std::optional<TextValue> date = birth_date_with_zeros_lost(joined, readings)) {
    readings["birth_date"].push_back(*std::move(date));
  }
}

}  // namespace mixtract
