#include "experts/certificate_text/certificate_text_expert.h"

#include <algorithm>
#include <cmath>
#include <iterator>
#include <optional>

#include <re2/re2.h>

#include "core/edit_distance.h"
#include "core/utf8.h"
#include "experts/certificate_text/date_fallbacks.h"
#include "experts/certificate_text/faded_page.h"
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
  add_unlabelled_issue_date(joined, findings, readings);
  for (auto& [fact, values] : derived) std::move(values.begin(), values.end(), std::back_inserter(readings[fact]));
  add_birth_date_with_zeros_lost(joined, readings);
  std::map<std::string, TextValue> out = resolved(readings);
  correct_against_tables(schools, majors, out);
  return out;
}

BuiltinFactory CertificateTextExpert::factory(bool without_red) {
  return [without_red](const ExpertOptions& options) -> Result<std::unique_ptr<Expert>> {
    if (!options.ocr) return Status::unavailable("OCR is not set up for this run");
    MIXTRACT_RETURN_IF_ERROR(options.ocr->engine("ppocr").status());
    return std::unique_ptr<Expert>(
        std::make_unique<CertificateTextExpert>(options.ocr, schools_of(options), majors_of(options), without_red));
  };
}

Status CertificateTextExpert::weigh_date_under_red(const Document& document, const std::string& fact,
                                                   const FieldSpec& field, const Quad& box,
                                                   std::optional<std::map<std::string, TextValue>>& other_view,
                                                   Candidate& candidate) const {
  if (red_ink_share(document.image(), box) < kRedInkOverLine) return Status();
  if (!without_red_ && reads_so_with_red_faded(*ocr_, document, box, candidate.value)) return Status();
  if (!other_view) {
    std::shared_ptr<const OcrResult> other;
    if (without_red_) {
      MIXTRACT_ASSIGN_OR_RETURN(other, ocr_->read(document, "ppocr"));
    } else {
      MIXTRACT_ASSIGN_OR_RETURN(FadedPage faded, read_faded_page(*ocr_, document));
      other = std::make_shared<const OcrResult>(std::move(faded.reading));
    }
    other_view = read_certificate_text(*other, *schools_, *majors_);
  }
  const auto other = other_view->find(fact);
  const std::string other_value = other == other_view->end() ? "" : other->second.value;
  // Read with the red faded, the ring's trace may add a stroke (二十日 read 二十九日) as its ink may as printed: only
  // the page as printed reading the same confirms it, or the row read again closer as printed.
  if (without_red_ && other_value == candidate.value) return Status();
  if (without_red_ && reads_so_closer_as_printed(*ocr_, document, box, candidate.value)) {
    candidate.evidence.push_back(
        {"certificate_text", "read under a seal with the red faded, and so closer as printed", std::nullopt});
    return Status();
  }
  candidate.confidence = std::min(candidate.confidence, unconfirmed_through_red(field.route.accept_confidence));
  if (without_red_) {
    candidate.evidence.push_back(
        {"certificate_text", "read under a seal with the red faded, and not so as printed", std::nullopt});
    return Status();
  }
  candidate.evidence.push_back(
      {"certificate_text", "read through a seal's red ink, and not so with the red faded", std::nullopt});
  // The faded page reads the same fact otherwise: the seal's ink changed a character here.
  if (!other_value.empty() && other_value != candidate.value) {
    candidate.confidence = std::min(candidate.confidence, contradicted_through_red(other->second.confidence));
    candidate.evidence.push_back(
        {"certificate_text", "the page with red ink faded reads " + other_value, std::nullopt});
  }
  return Status();
}

Result<std::vector<Candidate>> CertificateTextExpert::propose(const Document& document,
                                                              std::span<const FieldSpec* const> fields) const {
  std::shared_ptr<const OcrResult> ocr;
  std::map<std::size_t, std::string> doubts;
  if (without_red_) {
    MIXTRACT_ASSIGN_OR_RETURN(FadedPage faded, read_faded_page(*ocr_, document));
    ocr = std::make_shared<const OcrResult>(std::move(faded.reading));
    doubts = std::move(faded.doubts);
  } else {
    MIXTRACT_ASSIGN_OR_RETURN(ocr, ocr_->read(document, "ppocr"));
  }
  const std::map<std::string, TextValue> values = read_certificate_text(*ocr, *schools_, *majors_);
  // What the other view of the page reads, asked only where a date lies under a seal's red ink.
  std::optional<std::map<std::string, TextValue>> other_view;
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
      if (field->kind == FieldKind::kDate) {
        MIXTRACT_RETURN_IF_ERROR(weigh_date_under_red(document, it->first, *field, line.box, other_view, candidate));
        // The faded page's two readings of a date row under the seal disagree: one view of damaged print.
        if (const auto doubt = doubts.find(static_cast<std::size_t>(it->second.line)); doubt != doubts.end()) {
          candidate.confidence =
              std::min(candidate.confidence, unconfirmed_through_red(field->route.accept_confidence));
          candidate.evidence.push_back({"certificate_text", doubt->second, std::nullopt});
        }
      }
    }
    if (!it->second.note.empty()) candidate.evidence.push_back({"certificate_text", it->second.note, std::nullopt});
    out.push_back(std::move(candidate));
  }
  return out;
}

}  // namespace mixtract
