#include "experts/certificate_text/certificate_text_expert.h"

#include <algorithm>
#include <cmath>
#include <optional>

#include <re2/re2.h>

#include "core/edit_distance.h"
#include "core/utf8.h"
#include "mixtract/education.h"
#include "rules/date.h"

namespace mixtract {
namespace {

// The page's text with spaces removed, full-width ASCII folded and '\n' between OCR lines, remembering
// each character's line and confidence (line breaks have none: they are not characters of a value).
struct JoinedText {
  std::string text;                                             // UTF-8.
  std::vector<std::size_t> byte_of;                             // Byte offset of each character.
  std::vector<float> confidence;                                // Per character.
  std::vector<int> line;                                        // Per character.
  std::vector<std::pair<std::size_t, std::size_t>> line_bytes;  // Byte range of each OCR line.

  // The value covering bytes [begin, end) of `text`.
  TextValue value(std::size_t begin, std::size_t end) const {
    TextValue out;
    out.raw = text.substr(begin, end - begin);
    std::erase(out.raw, '\n');  // Values that break across lines are joined.
    out.value = out.raw;
    const auto first = std::lower_bound(byte_of.begin(), byte_of.end(), begin) - byte_of.begin();
    const auto last = std::lower_bound(byte_of.begin(), byte_of.end(), end) - byte_of.begin();
    out.confidence = 1;
    for (auto i = first; i < last; ++i)
      out.confidence = std::min(out.confidence, confidence[static_cast<std::size_t>(i)]);
    out.line = first < static_cast<std::ptrdiff_t>(line.size()) ? line[static_cast<std::size_t>(first)] : -1;
    return out;
  }
};

JoinedText join_lines(const OcrResult& ocr) {
  JoinedText joined;
  for (std::size_t l = 0; l < ocr.lines.size(); ++l) {
    const OcrLine& line = ocr.lines[l];
    if (l > 0) joined.text += '\n';
    const std::size_t line_begin = joined.text.size();
    const std::vector<char32_t> chars = utf8::decode(line.text);
    for (std::size_t i = 0; i < chars.size(); ++i) {
      char32_t c = chars[i];
      if (c >= 0xFF01 && c <= 0xFF5E && c != U'，' && c != U'：' && c != U'（' && c != U'）') c -= 0xFEE0;
      if (c == U',') c = U'，';
      if (c == U':') c = U'：';
      if (c == U' ' || c == 0x3000) continue;
      if (c == U'○') c = U'〇';  // OCR's look-alike of the Chinese zero.
      joined.byte_of.push_back(joined.text.size());
      utf8::append(c, joined.text);
      joined.confidence.push_back(i < line.char_confidences.size() ? line.char_confidences[i] : line.confidence);
      joined.line.push_back(static_cast<int>(l));
    }
    joined.line_bytes.emplace_back(line_begin, joined.text.size());
  }
  return joined;
}

// A sentence pattern in which each '~' stands for up to two characters that are neither Han nor digits:
// the punctuation (or line break) between the parts of a sentence, which OCR may lose, add or change
// (，read as . or ：).
std::string sentence_pattern(std::string_view pattern) {
  std::string out;
  for (char c : pattern) out += c == '~' ? std::string("[^\\p{Han}\\d]{0,2}") : std::string(1, c);
  return out;
}

// `pattern` with an optional line break allowed after each Han character: 工学学士学位 printed over
// two lines.
std::string with_line_breaks(std::string_view pattern) {
  std::string out;
  for (char32_t c : utf8::decode(pattern)) {
    utf8::append(c, out);
    if (utf8::is_han(c)) out += "\n?";
  }
  return out;
}

// Byte range of capture group `group` in the last match.
struct Span {
  std::size_t begin = 0;
  std::size_t end = 0;
};

Span span_of(const std::string& text, const re2::StringPiece& piece) {
  const std::size_t begin = static_cast<std::size_t>(piece.data() - text.data());
  return {begin, begin + piece.size()};
}

void put_date(std::map<std::string, TextValue>& out, const std::string& field, TextValue value) {
  if (const std::optional<Date> date = parse_date(value.raw)) {
    value.value = to_iso(*date);
    out[field] = std::move(value);
  }
}

// The values of a sentence pattern's groups 1..N in their first match, and where the match ends.
struct SentenceMatch {
  std::vector<TextValue> groups;  // groups[0] is capture group 1.
  std::size_t end = 0;
};

std::optional<SentenceMatch> match_sentence(const JoinedText& joined, const re2::RE2& pattern) {
  const int count = pattern.NumberOfCapturingGroups();
  std::vector<re2::StringPiece> pieces(static_cast<std::size_t>(count) + 1);
  if (!pattern.Match(joined.text, 0, joined.text.size(), re2::RE2::UNANCHORED, pieces.data(), count + 1)) {
    return std::nullopt;
  }
  SentenceMatch match;
  match.end = span_of(joined.text, pieces[0]).end;
  for (std::size_t g = 1; g < pieces.size(); ++g) {
    const Span span = span_of(joined.text, pieces[g]);
    match.groups.push_back(joined.value(span.begin, span.end));
  }
  return match;
}

// The level a sentence names, allowing one misread character (硕土研究生, 本学习 for 本科学习); nullopt when
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

void put_level(std::map<std::string, TextValue>& out, TextValue value) {
  if (const std::optional<std::string> level = nearest_level(value.value)) {
    if (*level != value.value) value.confidence *= 0.8f;  // A character was misread.
    value.value = *level;
    out["level"] = std::move(value);
  }
}

void put_name(std::map<std::string, TextValue>& out, TextValue value) {
  if (!value.value.empty()) out["name"] = std::move(value);
}

// Splits the run of text between 在 and 专业 (四川大学计算机科学与技术) into the school and the major: after
// the longest school of the table the run starts with, else after the table's closest school found at
// its start (allowing OCR errors; the table's spelling is taken), else after its first 大学 or 学院.
void split_school_major(const SchoolTable& schools, const TextValue& run, std::map<std::string, TextValue>& out) {
  TextValue school = run, major = run;
  if (const School* known = schools.longest_prefix_of(run.value); known != nullptr) {
    school.value = known->name;
    major.value = run.value.substr(known->name.size());
  } else {
    const std::vector<char32_t> chars = utf8::decode(run.value);
    const std::u32string text(chars.begin(), chars.end());
    std::optional<SchoolTable::Match> found;
    for (const SchoolTable::Match& match : schools.find_in_text(text, 3)) {
      if (match.begin <= 1 && match.end < text.size()) {
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
      major.value =
          utf8::encode(std::vector<char32_t>(chars.begin() + static_cast<std::ptrdiff_t>(found->end), chars.end()));
    } else {
      static const re2::RE2 kSchoolEnd("^(.+?(?:大学|学院))(.+)$");
      if (!re2::RE2::FullMatch(run.value, kSchoolEnd, &school.value, &major.value)) return;
    }
  }
  out["school"] = std::move(school);
  out["major"] = std::move(major);
}

// The templates tolerate what OCR does to them: a lost or misread character in the set words (性男 for
// 性别男, 党成了 for 完成了), a name too damaged to keep, a misread level.
// The four digits of the year that opens `text` (二〇二二年七月, 2022年7月), or nullopt.
std::optional<std::string> year_digits(const std::string& text) {
  // A year and month: any day will do, in either script.
  std::optional<Date> date = parse_date(text + "1日");
  if (!date) date = parse_date(text + "一日");
  if (!date) return std::nullopt;
  return std::to_string(date->year);
}

// An issue date whose year lost its first characters under a seal (〇二二年七月十八日): completed from
// `year` (the study period's last year, which it repeats) when what is left of it matches.
std::optional<TextValue> completed_issue_date(TextValue line, const std::string& year) {
  const std::size_t at = line.raw.find("年");
  if (at == std::string::npos) return std::nullopt;
  const std::vector<char32_t> fragment = utf8::decode(line.raw.substr(0, at));
  if (fragment.empty() || fragment.size() >= 4) return std::nullopt;
  const std::string rest = line.raw.substr(at);
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
  line.note = "year completed from the study period: read '" + line.raw + "'";
  return line;
}

// The graduation certificate's body sentence, and its issue date: the last line below the body that is
// a date and nothing else. The date is looked for without the body too when the page says 准予毕业 (a
// body line was not read).
void read_graduation(const JoinedText& joined, std::map<std::string, TextValue>& out) {
  static const re2::RE2 kBody(sentence_pattern(
      "(?s)学\n?生~(\\p{Han}{0,5}?)~(?:性\n?别?|别)~([男女])~(.{6,18}?)生~于(.{5,14}?)至(.{5,14}?)在~本~校~"
      "([\\p{Han}\n]{2,31}?)专\n?业\n?(?:[一二三四五六七八九]\n?年\n?制\n?)?([\\p{Han}\n]{1,7}?)学\n?习"));
  std::optional<SentenceMatch> body = match_sentence(joined, kBody);
  std::size_t body_end = 0;
  std::optional<std::string> study_end_year;
  if (body) {
    put_name(out, body->groups[0]);
    out["gender"] = body->groups[1];
    put_date(out, "birth_date", body->groups[2]);
    out["major"] = body->groups[5];
    put_level(out, body->groups[6]);
    body_end = body->end;
    study_end_year = year_digits(body->groups[4].value);
  } else if (joined.text.find("准予毕业") == std::string::npos) {
    return;
  }
  for (std::size_t l = joined.line_bytes.size(); l-- > 0;) {
    const auto [begin, end] = joined.line_bytes[l];
    if (begin < body_end) break;
    TextValue candidate = joined.value(begin, end);
    if (parse_date(candidate.raw)) {
      put_date(out, "graduation_date", std::move(candidate));
      break;
    }
    if (!study_end_year) continue;
    if (std::optional<TextValue> completed = completed_issue_date(candidate, *study_end_year)) {
      out["graduation_date"] = *std::move(completed);
      break;
    }
  }
}

void read_degree(const JoinedText& joined, const SchoolTable& schools, std::map<std::string, TextValue>& out) {
  static const re2::RE2 kBody(sentence_pattern(
      "(?sm)^(\\p{Han}{0,4})~([男女])~(.{6,18}?)生~在([\\p{Han}\n]{4,45}?)专\n?业\n?\\p{Han}?\n?成\n?了\n?"
      "([\\p{Han}\n]{1,7}?)学\n?习"));
  std::optional<SentenceMatch> body = match_sentence(joined, kBody);
  if (!body) return;
  put_name(out, body->groups[0]);
  out["gender"] = body->groups[1];
  put_date(out, "birth_date", body->groups[2]);
  split_school_major(schools, body->groups[3], out);
  put_level(out, body->groups[4]);
  // The degree awarded (授予工学学士学位): one of the thirteen categories of the degree regulations, so
  // that a misread 授予 does not lose it.
  static const re2::RE2 kDegree(with_line_breaks(
      "((?:哲学|经济学|法学|教育学|文学|历史学|理学|工学|农学|医学|军事学|管理学|艺术学)(?:学士|硕士|博士)学位)"));
  static const re2::RE2 kDate("(\\d{4}\n?年\n?\\d{1,2}\n?月\n?\\d{1,2}\n?日?)");  // May break across lines.
  for (const re2::RE2* pattern : {&kDegree, &kDate}) {
    re2::StringPiece rest(joined.text);
    rest.remove_prefix(body->end);
    re2::StringPiece found;
    if (!re2::RE2::FindAndConsume(&rest, *pattern, &found)) continue;
    const Span s = span_of(joined.text, found);
    TextValue value = joined.value(s.begin, s.end);
    if (pattern == &kDegree) {
      out["degree"] = std::move(value);
    } else if (!value.raw.ends_with("日")) {
      // The line's end was lost (2006年7月8): the day may be cut short too, so only for review.
      if (const std::optional<Date> date = parse_date(value.raw + "日")) {
        value.value = to_iso(*date);
        value.confidence /= 2;
        out["graduation_date"] = std::move(value);
      }
    } else {
      put_date(out, "graduation_date", std::move(value));
    }
  }
  if (out.contains("graduation_date")) return;
  // The date's year half hidden (018年6月14日): the certificate number printed on the page holds the year
  // (digits 7 to 10 of its 16).
  static const re2::RE2 kNumber("(?:^|\\D)\\d{6}(\\d{4})\\d{6}(?:\\D|$)");
  static const re2::RE2 kCutDate("(?:^|\\D)(\\d{1,3}\n?年\n?\\d{1,2}\n?月\n?\\d{1,2}\n?日)");
  std::string year;
  re2::StringPiece cut;
  re2::StringPiece rest(joined.text);
  rest.remove_prefix(body->end);
  if (re2::RE2::PartialMatch(joined.text, kNumber, &year) && re2::RE2::PartialMatch(rest, kCutDate, &cut)) {
    const Span s = span_of(joined.text, cut);
    if (std::optional<TextValue> completed = completed_issue_date(joined.value(s.begin, s.end), year)) {
      completed->note = "year completed from the certificate number: read '" + completed->raw + "'";
      out["graduation_date"] = *std::move(completed);
    }
  }
}

}  // namespace

std::map<std::string, TextValue> read_certificate_text(const OcrResult& ocr, const SchoolTable& schools,
                                                       const MajorTable& majors) {
  const JoinedText joined = join_lines(ocr);
  std::map<std::string, TextValue> out;
  read_graduation(joined, out);
  if (out.empty()) read_degree(joined, schools, out);
  if (auto major = out.find("major"); major != out.end()) {
    TextValue& value = major->second;
    if (const std::optional<MajorTable::Correction> fix = majors.correct(value.value)) {
      value.note = "read '" + value.value + "', corrected to '" + fix->name + "' (major table)";
      value.value = fix->name;
      value.confidence *= std::pow(0.8f, static_cast<float>(fix->distance));
    }
  }
  return out;
}

Result<std::unique_ptr<Expert>> CertificateTextExpert::create(const ExpertOptions& options) {
  if (!options.ocr) return Status::unavailable("OCR is not set up for this run");
  MIXTRACT_RETURN_IF_ERROR(options.ocr->engine("ppocr").status());
  return std::unique_ptr<Expert>(
      std::make_unique<CertificateTextExpert>(options.ocr, schools_of(options), majors_of(options)));
}

Result<std::vector<Candidate>> CertificateTextExpert::propose(const Document& document,
                                                              std::span<const FieldSpec* const> fields) const {
  MIXTRACT_ASSIGN_OR_RETURN(std::shared_ptr<const OcrResult> ocr, ocr_->read(document, "ppocr"));
  const std::map<std::string, TextValue> values = read_certificate_text(*ocr, *schools_, *majors_);
  std::vector<Candidate> out;
  for (const FieldSpec* field : fields) {
    const auto it = values.find(field->name);
    if (it == values.end()) continue;
    Candidate candidate;
    candidate.field = field->name;
    candidate.value = it->second.value;
    candidate.raw = it->second.raw;
    candidate.confidence = it->second.confidence;
    if (it->second.line >= 0) {
      const OcrLine& line = ocr->lines[static_cast<std::size_t>(it->second.line)];
      candidate.evidence.push_back({"ocr_line:" + std::to_string(it->second.line), line.text, line.box});
    }
    if (!it->second.note.empty()) candidate.evidence.push_back({"certificate_text", it->second.note, std::nullopt});
    out.push_back(std::move(candidate));
  }
  return out;
}

}  // namespace mixtract
