#include "experts/certificate_text/certificate_text_expert.h"

#include <algorithm>
#include <bit>
#include <cmath>
#include <iterator>
#include <optional>

#include <re2/re2.h>

#include "core/edit_distance.h"
#include "core/utf8.h"
#include "mixtract/education.h"
#include "ocr/red_ink.h"
#include "rules/date.h"
#include "rules/id_number.h"
#include "rules/plausibility.h"
#include "rules/surnames.h"

namespace mixtract {
namespace {

// The level a text names, allowing one misread character (硕土研究生, 本学习 for 本科学习); nullopt when
// no level is that close, or two are.
std::optional<std::string> nearest_level(const std::string& text) {
  const std::vector<char32_t> chars = utf8::decode(text);
  const std::u32string read(chars.begin(), chars.end());
  std::optional<std::string> best;
  std::size_t best_distance = 2;
  bool tie = false;
  for (EducationLevel level :
       {EducationLevel::kJuniorCollege, EducationLevel::kBachelor, EducationLevel::kMaster, EducationLevel::kDoctor}) {
    const std::vector<char32_t> name_chars = utf8::decode(level_name(level));
    const std::size_t distance = edit_distance(read, std::u32string(name_chars.begin(), name_chars.end()));
    if (distance < best_distance) {
      best = std::string(level_name(level)), best_distance = distance, tie = false;
    } else if (distance == best_distance) {
      tie = true;
    }
  }
  return tie ? std::nullopt : best;
}

constexpr float kDoubtful = static_cast<float>(kDoubtfulReading);

// The byte offset in `joined.text` after `count` characters (line breaks not counted) from `begin`.
std::size_t after_characters(const JoinedText& joined, std::size_t begin, std::size_t count) {
  std::size_t at = begin;
  for (std::size_t seen = 0; at < joined.text.size() && seen < count;) {
    if (joined.text[at] != '\n') ++seen;
    do ++at;
    while (at < joined.text.size() && (static_cast<unsigned char>(joined.text[at]) & 0xC0) == 0x80);
  }
  while (at < joined.text.size() && joined.text[at] == '\n') ++at;
  return at;
}

// What the reader knows: each fact's readings, in the order found (cue order, then text order).
using Readings = std::map<std::string, std::vector<TextValue>, std::less<>>;

// The number of characters the run starts with that are a word for the certificate's own school (本校,
// 我校: the cue file's values for school that name none); 0 when it starts with none.
std::size_t own_school_word(const CueSet& cues, const std::string& text) {
  const std::vector<char32_t> chars = utf8::decode(text);
  for (std::size_t length = 1; length <= std::min<std::size_t>(chars.size(), 4); ++length) {
    if (cues.meaning("school", utf8::encode(std::vector<char32_t>(chars.begin(),
                                                                  chars.begin() + static_cast<std::ptrdiff_t>(length))))
            .empty()) {
      return length;
    }
  }
  return 0;
}

// The characters of a department, faculty or college that `major` starts with (化学系应用化学, 法学院法学,
// 研究生院会计学): up to its last 系 or 院 with two characters or more on each side; 0 when there is none.
std::size_t department_characters(const std::string& major) {
  const std::vector<char32_t> chars = utf8::decode(major);
  for (std::size_t end = chars.size() >= 2 ? chars.size() - 2 : 0; end >= 3; --end) {
    if (chars[end - 1] == U'系' || chars[end - 1] == U'院') return end;
  }
  return 0;
}

// Splits the run 在四川大学计算机科学与技术专业 into the school and the major: after a word for the
// certificate's own school (在本校…, no school), after the longest school of the table the run starts
// with, else after the table's closest school found at its start (allowing OCR errors; the table's
// spelling is taken), else after its first 大学 or 学院; a department or faculty between them is neither;
// a major that is not plausible (rules/plausibility.h) is left out.
void split_school_major(const JoinedText& joined, const Finding& run, const CueSet& cues, const SchoolTable& schools,
                        const MajorTable& majors, Readings& out) {
  const std::string& text = run.value.value;
  std::size_t school_characters = own_school_word(cues, text);
  TextValue school = run.value;
  if (school_characters > 0) {
    school.value.clear();
  } else if (const School* known = schools.longest_prefix_of(text); known != nullptr) {
    school.value = known->name;
    school_characters = utf8::length(known->name);
  } else {
    const std::vector<char32_t> chars = utf8::decode(text);
    const std::u32string run_text(chars.begin(), chars.end());
    std::optional<SchoolTable::Match> found;
    for (const SchoolTable::Match& match : schools.find_in_text(run_text, 3)) {
      if (match.begin <= 1 && match.end < run_text.size()) {
        found = match;
        break;
      }
    }
    if (found) {
      if (found->distance > 0) {
        school.note = "read '" +
                      utf8::encode(std::vector<char32_t>(chars.begin() + static_cast<std::ptrdiff_t>(found->begin),
                                                         chars.begin() + static_cast<std::ptrdiff_t>(found->end))) +
                      "', corrected to '" + found->school->name + "' (school table)";
      }
      school.value = found->school->name;
      school.confidence *= std::pow(0.8f, static_cast<float>(found->distance));
      school_characters = found->end;
    } else {
      static const re2::RE2 kSchoolEnd("^(.+?(?:大学|学院))(.+)$");
      std::string major;
      if (!re2::RE2::FullMatch(text, kSchoolEnd, &school.value, &major)) return;
      school_characters = utf8::length(school.value);
    }
  }
  std::size_t major_begin = after_characters(joined, run.begin, school_characters);
  if (major_begin >= run.end) return;
  TextValue major = joined.value(major_begin, run.end);
  if (const std::size_t department = department_characters(major.value); department > 0) {
    major_begin = after_characters(joined, major_begin, department);
    major = joined.value(major_begin, run.end);
    // Where the department ends is a guess, unless the major table knows what follows it.
    if (!majors.contains(major.value)) major.confidence = std::min(major.confidence, kDoubtful);
  }
  major.confidence *= run.weight;
  if (!school.value.empty() && plausibility_problem(FieldKind::kSchool, school.value, &schools).empty()) {
    out["school"].push_back(std::move(school));
  }
  if (plausibility_problem(FieldKind::kMajor, major.value, &schools).empty()) out["major"].push_back(std::move(major));
}

// A finding as the value of its fact, or nullopt when it cannot be one: dates must be real dates,
// levels a level, names, schools and majors plausible (rules/plausibility.h).
std::optional<TextValue> normalised(const CueSet& cues, const SchoolTable& schools, const Finding& finding) {
  TextValue value = finding.value;
  value.confidence *= finding.weight;
  const std::string& fact = finding.fact;
  if (fact == "birth_date" || fact == "issue_date" || fact == "graduated_on") {
    const std::optional<Date> date = parse_date(value.raw);
    if (!date) return std::nullopt;
    value.value = to_iso(*date);
  } else if (fact == "study_start" || fact == "study_end") {
    const std::optional<Date> date = parse_date(value.raw + "1日");
    if (!date) return std::nullopt;
    value.value = to_iso(*date).substr(0, 7);
  } else if (fact == "level") {
    const std::string meant = cues.meaning(fact, value.value);
    const std::optional<std::string> level = meant.empty() ? std::nullopt : nearest_level(meant);
    if (!level) return std::nullopt;
    if (*level != meant) value.confidence *= 0.8f;  // A character was misread.
    value.value = *level;
  } else if (fact == "name" || fact == "school" || fact == "major") {
    const FieldKind kind = fact == "name"     ? FieldKind::kName
                           : fact == "school" ? FieldKind::kSchool
                                              : FieldKind::kMajor;
    if (!plausibility_problem(kind, value.value, &schools).empty()) return std::nullopt;
    // A name a cue found that does not start with a common surname may have been read from the middle of
    // a sentence (授予黄刚) or cut where it wrapped (杰磊 of 许杰磊), or be a rare surname: doubtful.
    if (fact == "name") {
      const std::size_t surname = surname_length(value.value);
      if (surname == 0 || surname >= utf8::length(value.value))
        value.confidence = std::min(value.confidence, kDoubtful);
    }
  }
  return value;
}

// The birth date and the sex an identity number gives, when it is a valid one (its check character right);
// after what the page prints, so that where both are read a difference halves the confidence (resolved).
void add_identity_facts(const Finding& finding, Readings& derived) {
  const Result<IdNumber> id = parse_id_number(finding.value.value);
  if (!id.ok()) return;
  TextValue birth = finding.value;
  birth.confidence *= finding.weight;
  birth.note = "from the identity number " + finding.value.value;
  TextValue gender = birth;
  birth.value = to_iso(id->birth_date);
  gender.value = id->male() ? "男" : "女";
  derived["birth_date"].push_back(std::move(birth));
  derived["gender"].push_back(std::move(gender));
}

// Whether bytes [begin, end) of the text stand apart from the words around them: the characters either side are
// line breaks or neither Han characters nor digits (a date printed on a line of its own or after a label's colon;
// not one a sentence names, …委员会2020年6月24日会议审议通过…).
bool stands_apart(const JoinedText& joined, std::size_t begin, std::size_t end) {
  const auto in_words = [](char32_t c) { return utf8::is_han(c) || (c >= U'0' && c <= U'9'); };
  return !in_words(joined.char_before(begin)) && !in_words(joined.char_at(end));
}

// A date in any of the forms {DATE} names, captured.
const re2::RE2& any_date() {
  static const re2::RE2 kDate(expand_cue("({DATE})"));
  return kDate;
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

// The birth date when no whole one was read: a Chinese-numeral date before 生 or 出生 whose year lost one to
// three 〇 (一九七年三月十四日生), when putting them back gives one year that fits: 14 to 70 years before the
// issue date. Only for review: the reading is a guess.
std::optional<TextValue> birth_date_with_zeros_lost(const JoinedText& joined, const Readings& readings) {
  const auto issued = readings.find("issue_date");
  if (issued == readings.end()) return std::nullopt;
  const int issue_year = std::stoi(issued->second.front().value.substr(0, 4));
  // Groups: the whole date, its year as read, its month and day.
  static const std::string kMonthDay = "[一二三四五六七八九十]{1,2}\\n?月\\n?[一二三四五六七八九十]{1,3}\\n?日";
  // (The year may break across lines too: 二○ / ○年.)
  static const re2::RE2 kDamaged("(((?:[一二三四五六七八九〇Oo0]\\n?){1,3})年\\n?(" + kMonthDay + "))\\n?(?:出生|生)");
  static const re2::RE2 kNumeralBefore("[〇零Oo0-9一二三四五六七八九十]\\n?$");
  re2::StringPiece rest(joined.text);
  re2::StringPiece whole, year_read, month_day;
  while (re2::RE2::FindAndConsume(&rest, kDamaged, &whole, &year_read, &month_day)) {
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

// The first reading of each fact; where a later cue read another value, at half the confidence, saying so.
std::map<std::string, TextValue> resolved(const Readings& readings) {
  std::map<std::string, TextValue> out;
  for (const auto& [fact, values] : readings) {
    TextValue chosen = values.front();
    for (const TextValue& other : values) {
      if (other.value == chosen.value) continue;
      chosen.confidence /= 2;
      chosen.note += std::string(chosen.note.empty() ? "" : "; ") + "cues disagree: also read '" + other.value + "'";
      break;
    }
    out.emplace(fact, std::move(chosen));
  }
  return out;
}

void correct_against_tables(const SchoolTable& schools, const MajorTable& majors,
                            std::map<std::string, TextValue>& out) {
  if (auto major = out.find("major"); major != out.end()) {
    TextValue& value = major->second;
    if (const std::optional<MajorTable::Correction> fix = majors.correct(value.value)) {
      value.note = "read '" + value.value + "', corrected to '" + fix->name + "' (major table)";
      value.value = fix->name;
      value.confidence *= std::pow(0.8f, static_cast<float>(fix->distance));
    }
  }
  if (auto school = out.find("school"); school != out.end() && schools.find_by_name(school->second.value) == nullptr) {
    TextValue& value = school->second;
    const std::vector<char32_t> chars = utf8::decode(value.value);
    const std::u32string text(chars.begin(), chars.end());
    for (const SchoolTable::Match& match : schools.find_in_text(text, 1)) {
      if (match.begin > 1 || match.end + 1 < text.size()) continue;  // Must cover the whole value.
      value.note = "read '" + value.value + "', corrected to '" + match.school->name + "' (school table)";
      value.value = match.school->name;
      value.confidence *= std::pow(0.8f, static_cast<float>(match.distance));
    }
  }
}

}  // namespace

std::map<std::string, TextValue> read_certificate_text(const OcrResult& ocr, const SchoolTable& schools,
                                                       const MajorTable& majors, const CueSet& cues) {
  const JoinedText joined = cues.mended(join_lines(ocr));
  if (!cues.reads(joined)) return {};
  const std::vector<Finding> findings = cues.find(joined);
  Readings readings, derived;
  for (const Finding& finding : findings) {
    if (finding.fact == "school_major") {
      split_school_major(joined, finding, cues, schools, majors, readings);
    } else if (finding.fact == "id_number") {
      add_identity_facts(finding, derived);
    } else if (std::optional<TextValue> value = normalised(cues, schools, finding)) {
      readings[finding.fact].push_back(*std::move(value));
    }
  }
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
  for (auto& [fact, values] : derived) std::move(values.begin(), values.end(), std::back_inserter(readings[fact]));
  if (!readings.contains("birth_date")) {
    if (std::optional<TextValue> date = birth_date_with_zeros_lost(joined, readings)) {
      readings["birth_date"].push_back(*std::move(date));
    }
  }
  std::map<std::string, TextValue> out = resolved(readings);
  correct_against_tables(schools, majors, out);
  return out;
}

namespace {

// Whether the line in `box`, read again enlarged with red ink faded out, holds the date `iso` (a seal's ring
// across a character may have changed it: 七 read 十).
bool reads_so_with_red_faded(OcrService& ocr, const Document& document, const Quad& box, const std::string& iso) {
  RereadOptions options;
  options.drop_red = true;
  const Result<std::shared_ptr<const OcrResult>> reread = ocr.reread(document, "ppocr", box, options);
  if (!reread.ok()) return false;
  const JoinedText joined = join_lines(**reread);
  re2::StringPiece rest(joined.text);
  re2::StringPiece found;
  while (re2::RE2::FindAndConsume(&rest, any_date(), &found)) {
    const std::optional<Date> date = parse_date(std::string(found));
    if (date && to_iso(*date) == iso) return true;
  }
  return false;
}

}  // namespace

ExpertFactory CertificateTextExpert::factory(bool without_red) {
  return [without_red](const ExpertOptions& options) -> Result<std::unique_ptr<Expert>> {
    if (!options.ocr) return Status::unavailable("OCR is not set up for this run");
    MIXTRACT_RETURN_IF_ERROR(options.ocr->engine("ppocr").status());
    return std::unique_ptr<Expert>(
        std::make_unique<CertificateTextExpert>(options.ocr, schools_of(options), majors_of(options), without_red));
  };
}

Result<std::vector<Candidate>> CertificateTextExpert::propose(const Document& document,
                                                              std::span<const FieldSpec* const> fields) const {
  MIXTRACT_ASSIGN_OR_RETURN(std::shared_ptr<const OcrResult> ocr,
                            without_red_ ? ocr_->read_without_red(document, "ppocr") : ocr_->read(document, "ppocr"));
  const std::map<std::string, TextValue> values = read_certificate_text(*ocr, *schools_, *majors_);
  std::vector<Candidate> out;
  for (const FieldSpec* field : fields) {
    auto it = values.end();
    for (const std::string& fact :
         field->hints.facts.empty() ? std::vector<std::string>{field->name} : field->hints.facts) {
      if ((it = values.find(fact)) != values.end()) break;
    }
    if (it == values.end()) continue;
    Candidate candidate;
    candidate.field = field->name;
    candidate.value = it->second.value;
    candidate.raw = it->second.raw;
    candidate.confidence = it->second.confidence;
    if (it->second.line >= 0) {
      const OcrLine& line = ocr->lines[static_cast<std::size_t>(it->second.line)];
      candidate.evidence.push_back(
          {(without_red_ ? "page_without_red:ocr_line:" : "ocr_line:") + std::to_string(it->second.line), line.text,
           line.box});
      if (!without_red_ && field->kind == FieldKind::kDate &&
          red_ink_share(document.image(), line.box) >= kRedInkOverLine &&
          !reads_so_with_red_faded(*ocr_, document, line.box, candidate.value)) {
        candidate.confidence = std::min(candidate.confidence, unconfirmed_through_red(field->route.accept_confidence));
        candidate.evidence.push_back(
            {"certificate_text", "read through a seal's red ink, and not so with the red faded", std::nullopt});
      }
    }
    if (!it->second.note.empty()) candidate.evidence.push_back({"certificate_text", it->second.note, std::nullopt});
    out.push_back(std::move(candidate));
  }
  return out;
}

}  // namespace mixtract
