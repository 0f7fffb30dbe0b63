#include "gate/reconcile.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <set>

#include "core/edit_distance.h"
#include "core/join.h"
#include "core/utf8.h"
#include "gate/choose.h"
#include "gate/route.h"
#include "mixtract/education.h"
#include "rules/certificate_number.h"
#include "rules/date.h"
#include "rules/id_number.h"

namespace mixtract {
namespace {

// What a valid code says about the other fields.
struct CodeFacts {
  std::string school_code;
  int year = 0;
  EducationLevel level = EducationLevel::kUnknown;
  std::optional<Date> birth_date;
  std::string gender;
};

std::optional<CodeFacts> facts_of(Validator validator, std::string_view code) {
  CodeFacts facts;
  switch (validator) {
    case Validator::kGraduationNumber: {
      const Result<GraduationNumber> n = parse_graduation_number(code);
      if (!n.ok()) return std::nullopt;
      facts.school_code = n->school_code, facts.year = n->year, facts.level = n->level;
      return facts;
    }
    case Validator::kDegreeNumber: {
      const Result<DegreeNumber> n = parse_degree_number(code);
      if (!n.ok()) return std::nullopt;
      facts.school_code = n->school_code, facts.year = n->year, facts.level = n->level;
      return facts;
    }
    case Validator::kIdNumber: {
      const Result<IdNumber> id = parse_id_number(code);
      if (!id.ok()) return std::nullopt;
      facts.birth_date = id->birth_date;
      facts.gender = id->male() ? "男" : "女";
      return facts;
    }
    case Validator::kNone: break;
  }
  return std::nullopt;
}

// One field whose value a code also states.
struct Link {
  std::size_t field = 0;  // Index into the schema's fields.
  // What the code says the field's value is; "" when it cannot tell (a school code the table lacks).
  std::function<std::string(const CodeFacts&)> expected;
  // Whether a value of the field agrees with the expectation.
  std::function<bool(const std::string& expected, const std::string& value)> agrees;
  // Whether the expectation is the whole value (a school, a level, a birth date, a sex; not a year), so
  // that a missing field can be filled from the code, and a value it agrees with is confirmed.
  bool whole_value = true;
};

bool same(const std::string& expected, const std::string& value) {
  return expected == value;
}

bool same_year(const std::string& expected, const std::string& value) {
  const std::optional<Date> date = parse_date(value);
  return date && std::to_string(date->year) == expected;
}

std::vector<Link> links_of(const Schema& schema, Validator validator, const CheckContext& context) {
  std::vector<Link> links;
  for (std::size_t i = 0; i < schema.fields.size(); ++i) {
    const FieldSpec& field = schema.fields[i];
    if (validator == Validator::kIdNumber) {
      if (field.name == "birth_date") {
        links.push_back({i, [](const CodeFacts& f) { return f.birth_date ? to_iso(*f.birth_date) : ""; }, same});
      } else if (field.kind == FieldKind::kGender) {
        links.push_back({i, [](const CodeFacts& f) { return f.gender; }, same});
      }
      continue;
    }
    if (field.kind == FieldKind::kSchool && context.schools != nullptr) {
      const SchoolTable* schools = context.schools;
      links.push_back({i,
                       [schools](const CodeFacts& f) {
                         const School* school = schools->find_by_code(f.school_code);
                         return school != nullptr ? school->name : "";
                       },
                       same});
    } else if (field.name == "graduation_date") {
      links.push_back({i, [](const CodeFacts& f) { return std::to_string(f.year); }, same_year, false});
    } else if (field.kind == FieldKind::kLevel) {
      links.push_back({i, [](const CodeFacts& f) { return std::string(level_name(f.level)); }, same});
    }
  }
  return links;
}

// For each link, the index of the other field's best valid candidate given the code (agreeing
// candidates first, then confidence), or -1 when it has none; and how many of them agree.
struct Pick {
  std::vector<int> candidate;
  int agreements = 0;
};

Pick pick_for(const CodeFacts& facts, const std::vector<Link>& links, const Record& record) {
  Pick pick;
  for (const Link& link : links) {
    const std::string expected = link.expected(facts);
    const FieldResult& other = record.fields[link.field];
    int best = -1;
    double best_score = -1;
    bool best_agrees = false;
    for (std::size_t i = 0; i < other.candidates.size(); ++i) {
      const Candidate& c = other.candidates[i];
      if (!c.invalid_reason.empty()) continue;
      const bool agrees = !expected.empty() && link.agrees(expected, c.value);
      const double score = c.confidence + (agrees ? 1 : 0);
      if (score > best_score) best = static_cast<int>(i), best_score = score, best_agrees = agrees;
    }
    pick.candidate.push_back(best);
    pick.agreements += best_agrees ? 1 : 0;
  }
  return pick;
}

// Chooses the code candidate and the linked fields' candidates that agree best; returns the number of
// disagreements left, or -1 when the code has no valid candidate.
int choose_jointly(const Schema& schema, std::size_t code_field, const std::vector<Link>& links, Record& record) {
  FieldResult& code = record.fields[code_field];
  int best = -1;
  double best_score = -1;
  Pick best_pick;
  for (std::size_t i = 0; i < code.candidates.size(); ++i) {
    const Candidate& c = code.candidates[i];
    if (!c.invalid_reason.empty()) continue;
    const std::optional<CodeFacts> facts = facts_of(schema.fields[code_field].validator, c.value);
    if (!facts) continue;
    Pick pick = pick_for(*facts, links, record);
    // Support, not one reading's confidence: a value two experts read outweighs one read once more surely.
    const double score = confidence_of(schema.fields[code_field], code, c.value) + pick.agreements;
    if (score > best_score) best = static_cast<int>(i), best_score = score, best_pick = std::move(pick);
  }
  if (best < 0) return -1;
  choose(schema.fields[code_field], static_cast<std::size_t>(best), code);
  const CodeFacts facts = *facts_of(schema.fields[code_field].validator, code.value);
  int disagreements = 0;
  for (std::size_t l = 0; l < links.size(); ++l) {
    const Link& link = links[l];
    FieldResult& other = record.fields[link.field];
    if (best_pick.candidate[l] >= 0)
      choose(schema.fields[link.field], static_cast<std::size_t>(best_pick.candidate[l]), other);
    const std::string expected = link.expected(facts);
    if (expected.empty() || other.status == FieldStatus::kMissing) continue;
    if (!link.agrees(expected, other.value)) ++disagreements;
  }
  return disagreements;
}

// True when every other valid reading of the code contradicts a linked field's value.
bool refuted_alternatives(const Schema& schema, std::size_t code_field, const std::vector<Link>& links,
                          const Record& record) {
  const FieldResult& code = record.fields[code_field];
  for (const Candidate& c : code.candidates) {
    if (!c.invalid_reason.empty() || c.value == code.value) continue;
    const std::optional<CodeFacts> facts = facts_of(schema.fields[code_field].validator, c.value);
    if (!facts) continue;
    const bool refuted = std::any_of(links.begin(), links.end(), [&](const Link& link) {
      const FieldResult& other = record.fields[link.field];
      const std::string expected = link.expected(*facts);
      return other.status != FieldStatus::kMissing && !expected.empty() && !link.agrees(expected, other.value);
    });
    if (!refuted) return false;
  }
  return true;
}

// Confidence that both of two independent readings that agree are right.
double combined(double a, double b) {
  return 1 - (1 - a) * (1 - b);
}

void mark_review(FieldResult& field, const std::string& reason) {
  field.status = FieldStatus::kNeedsReview;
  field.reason =
      field.reason.empty() || field.reason.starts_with(kLowConfidence) ? reason : field.reason + "; " + reason;
}

// The candidate the field's value was chosen from; null when there is none.
const Candidate* chosen_of(const FieldResult& field) {
  for (const Candidate& c : field.candidates) {
    if (c.value == field.value && c.expert == field.expert) return &c;
  }
  return nullptr;
}

// What the chosen value was read as (the page's text before any correction).
const std::string& raw_of(const FieldResult& field) {
  const Candidate* chosen = chosen_of(field);
  return chosen != nullptr ? chosen->raw : field.value;
}

// The share of the characters of `reading` that occur in `name`.
double share_found_in(const std::string& reading, const std::string& name) {
  const std::vector<char32_t> chars = utf8::decode(reading), in = utf8::decode(name);
  if (chars.empty()) return 0;
  const auto found = std::count_if(chars.begin(), chars.end(),
                                   [&](char32_t c) { return std::find(in.begin(), in.end(), c) != in.end(); });
  return static_cast<double>(found) / static_cast<double>(chars.size());
}

// A value of `field` that the code states, as expert "derived".
Candidate derived_from(const FieldResult& code, const FieldSpec& field, const std::string& value, double confidence) {
  Candidate derived;
  derived.field = field.name;
  derived.value = value;
  derived.raw = code.value;
  derived.confidence = confidence;
  derived.expert = "derived";
  derived.evidence.push_back({"field:" + code.field, code.value, std::nullopt});
  return derived;
}

// The codes of `length` digits one digit away from `reading` (one inserted, removed or replaced); a
// reading with one unreadable character ('?') is mended only there.
std::set<std::string> one_digit_away(const std::string& reading, std::size_t length) {
  std::set<std::string> out;
  const auto unread = std::count(reading.begin(), reading.end(), '?');
  const auto digits = std::count_if(reading.begin(), reading.end(), [](char c) { return c >= '0' && c <= '9'; });
  if (unread > 1 || static_cast<std::size_t>(digits + unread) != reading.size()) return out;
  for (std::size_t at = 0; at <= reading.size(); ++at) {
    if (unread == 1 && (at == reading.size() || reading[at] != '?')) continue;
    if (reading.size() + 1 == length && unread == 0) {
      for (char d = '0'; d <= '9'; ++d) out.insert(reading.substr(0, at) + d + reading.substr(at));
    } else if (reading.size() == length + 1 && at < reading.size()) {
      out.insert(reading.substr(0, at) + reading.substr(at + 1));
    } else if (reading.size() == length && at < reading.size()) {
      for (char d = '0'; d <= '9'; ++d) {
        if (d != reading[at]) out.insert(reading.substr(0, at) + d + reading.substr(at + 1));
      }
    }
  }
  return out;
}

// True when the chosen code names a school the table knows, other than the school read on the page, and
// the page's text of that reading fits its own value better than the code's school (江苏第工师范学院 is
// 江苏第二师范学院, not 四川文轩职业学院): a digit of the code's school part was misread, not the school.
bool school_refutes_code(const Schema& schema, std::size_t code_field, const std::vector<Link>& links,
                         const Record& record) {
  const std::optional<CodeFacts> facts = facts_of(schema.fields[code_field].validator, record.fields[code_field].value);
  if (!facts) return false;
  return std::any_of(links.begin(), links.end(), [&](const Link& link) {
    const FieldResult& school = record.fields[link.field];
    if (schema.fields[link.field].kind != FieldKind::kSchool || school.status == FieldStatus::kMissing) return false;
    const std::string expected = link.expected(*facts);
    return !expected.empty() && !link.agrees(expected, school.value) &&
           share_found_in(raw_of(school), school.value) > share_found_in(raw_of(school), expected);
  });
}

// A number read with one digit lost, added or misread in the part that states the other fields (a
// digit under a seal's ring): when a reading has exactly one code one digit away whose linked fields
// agree with a reading of theirs, and no reading has another such code, it is added (expert "derived").
// The school read on the page checks the code's school part; where the seal hides the school as well,
// every other linked field must be read and the code's school must be in the table. A digit of the
// serial cannot be mended: every digit fits there. Asked when no reading of the code is valid, or when
// the school read refutes the valid one.
bool add_mended_code(const Schema& schema, std::size_t code_field, const std::vector<Link>& links,
                     const CheckContext& context, Record& record) {
  const FieldSpec& spec = schema.fields[code_field];
  FieldResult& code = record.fields[code_field];
  const auto is_school = [&](const Link& link) { return schema.fields[link.field].kind == FieldKind::kSchool; };
  const bool school_read = std::any_of(links.begin(), links.end(), [&](const Link& link) {
    return is_school(link) && record.fields[link.field].status != FieldStatus::kMissing;
  });
  if (spec.validator == Validator::kIdNumber || std::none_of(links.begin(), links.end(), is_school)) return false;
  // Each linked field read on the page has a reading that agrees (the school's runner-up counts: a seal
  // over 珠海分校 leaves 北京师范大学 ahead).
  const auto fits = [&](const std::string& mended) {
    const std::optional<CodeFacts> facts = facts_of(spec.validator, mended);
    if (!facts || !check_field(spec, mended, context).ok()) return false;
    return std::all_of(links.begin(), links.end(), [&](const Link& link) {
      const FieldResult& other = record.fields[link.field];
      const std::string expected = link.expected(*facts);
      if (other.status == FieldStatus::kMissing) return is_school(link) ? !expected.empty() : school_read;
      return !expected.empty() &&
             std::any_of(other.candidates.begin(), other.candidates.end(), [&](const Candidate& c) {
               return c.invalid_reason.empty() && link.agrees(expected, c.value);
             });
    });
  };
  const std::size_t length =
      spec.validator == Validator::kGraduationNumber ? kGraduationNumberLength : kDegreeNumberLength;
  std::set<std::string> mendings;
  const Candidate* mended_from = nullptr;
  for (const Candidate& reading : code.candidates) {
    std::set<std::string> fitting;
    for (const std::string& mended : one_digit_away(reading.value, length)) {
      if (fits(mended)) fitting.insert(mended);
    }
    if (fitting.size() == 1 && mendings.insert(*fitting.begin()).second) mended_from = &reading;
  }
  if (mendings.size() != 1) return false;
  Candidate mended = derived_from(code, spec, *mendings.begin(), mended_from->confidence);
  mended.raw = mended_from->value;
  mended.evidence.front() = {"mended", mended_from->value + " (read by " + mended_from->expert + ")", std::nullopt};
  code.candidates.push_back(std::move(mended));
  return true;
}

// The fields a mended code states whole that the page did not give (a school under the same seal as the
// number) filled from it, for a person to confirm as the code is: the fields it was mended from cannot
// confirm what it says of the others.
void fill_from_mended_code(const Schema& schema, std::size_t code_field, const std::vector<Link>& links,
                           Record& record) {
  const FieldResult& code = record.fields[code_field];
  const std::optional<CodeFacts> facts = facts_of(schema.fields[code_field].validator, code.value);
  if (!facts) return;
  for (const Link& link : links) {
    const std::string expected = link.expected(*facts);
    FieldResult& other = record.fields[link.field];
    if (!link.whole_value || expected.empty() || other.status != FieldStatus::kMissing) continue;
    const FieldSpec& spec = schema.fields[link.field];
    other.candidates.push_back(derived_from(code, spec, expected, code.confidence));
    choose(spec, other.candidates.size() - 1, other);
    mark_review(other, "stated by " + code.label + " " + code.value + ", itself mended");
  }
}

// Whether the chosen value was gathered from three or more of the page's lines (a seal's ring and the words around it
// read in pieces: 窦西 / 华 / 大学, the 华 of 主席：李文华): exactly as read or not, no witness of the name.
bool read_in_pieces(const FieldResult& field) {
  const Candidate* chosen = chosen_of(field);
  return chosen != nullptr && std::count_if(chosen->evidence.begin(), chosen->evidence.end(),
                                            [](const Evidence& e) { return e.source.starts_with("ocr_line:"); }) >= 3;
}

// Settles one field the code states, `expected` its value by the code: filled in or cut short, confirmed,
// or disputed; returns the dispute, if any.
std::optional<std::string> settle_link(const FieldSpec& code_spec, const FieldResult& code, const Link& link,
                                       const std::string& expected, const FieldSpec& spec, FieldResult& other) {
  // The code states the whole value, and the field has none, or only the value's beginning (a school
  // name read up to a seal: 中国传媒大学 of 中国传媒大学南广学院): the code's value is taken.
  const bool cut_short =
      spec.kind == FieldKind::kSchool && expected.size() > other.value.size() && expected.starts_with(other.value);
  if (link.whole_value && (other.status == FieldStatus::kMissing || cut_short)) {
    Candidate derived = derived_from(
        code, spec, expected,
        other.status == FieldStatus::kMissing ? code.confidence : std::min(code.confidence, other.confidence));
    if (cut_short) derived.evidence.push_back({"read", other.value + " (cut short)", std::nullopt});
    other.candidates.push_back(std::move(derived));
    choose(spec, other.candidates.size() - 1, other);
    return std::nullopt;
  }
  if (other.status == FieldStatus::kMissing) return std::nullopt;
  if (link.agrees(expected, other.value)) {
    // A code that states only part of the value (the year of a date) confirms that part, not the rest:
    // 2003-08-21 agrees with a number's 2003 and may still be a misread 2003-06-21.
    if (!link.whole_value) return std::nullopt;
    other.confidence = combined(other.confidence, code.confidence);
    // The code confirms the value: enough to settle low confidence or a dissenting expert.
    // The code is a witness of its own.
    const bool settled = other.reason.starts_with(kLowConfidence) || other.reason.starts_with(kExpertsDisagree) ||
                         other.reason.starts_with(kFewWitnesses);
    if (other.status == FieldStatus::kNeedsReview && other.confidence >= spec.route.accept_confidence && settled) {
      other.status = FieldStatus::kAccepted;
      other.reason.clear();
    }
    return std::nullopt;
  }
  const std::string dispute =
      code.label + " " + code.value + " says " + expected + ", " + other.label + " reads " + other.value;
  // A school read less surely than the code that names another, whose name the page's reading fits
  // no worse (a name under a seal, a misreading corrected to the wrong school) or which was gathered in pieces
  // from three lines, or whose runner-up is the code's school read up to a seal (内蒙古师范大学 of
  // 内蒙古师范大学鸿德学院, behind a 文华学院 made of the rest): the code's school is the better guess to show; a
  // person decides.
  const bool runner_up_cut_short =
      std::any_of(other.candidates.begin(), other.candidates.end(), [&](const Candidate& c) {
        return c.invalid_reason.empty() && c.value.size() < expected.size() && expected.starts_with(c.value);
      });
  const bool code_surer =
      other.confidence < code.confidence && code.confidence >= code_spec.route.accept_confidence &&
      (share_found_in(raw_of(other), expected) >= share_found_in(raw_of(other), other.value) || read_in_pieces(other));
  if (spec.kind == FieldKind::kSchool && link.whole_value && (code_surer || runner_up_cut_short)) {
    other.candidates.push_back(derived_from(code, spec, expected, code.confidence));
    choose(spec, other.candidates.size() - 1, other);
  }
  mark_review(other, "disagrees with " + dispute);
  return dispute;
}

void settle(const Schema& schema, std::size_t code_field, const std::vector<Link>& links, Record& record) {
  FieldResult& code = record.fields[code_field];
  const FieldSpec& code_spec = schema.fields[code_field];
  const std::optional<CodeFacts> facts = facts_of(code_spec.validator, code.value);
  if (!facts) return;
  std::vector<std::string> disputes;
  for (const Link& link : links) {
    const std::string expected = link.expected(*facts);
    if (expected.empty()) continue;
    if (std::optional<std::string> dispute =
            settle_link(code_spec, code, link, expected, schema.fields[link.field], record.fields[link.field])) {
      disputes.push_back(*std::move(dispute));
    }
  }
  if (!disputes.empty()) {
    mark_review(code, "disagrees: " + join(disputes, "; "));
    return;
  }
  // Other readings of the code that the fields refute do not leave it in doubt.
  if (code.status == FieldStatus::kNeedsReview && code.reason.starts_with(kExpertsDisagree) &&
      code.confidence >= code_spec.route.accept_confidence && refuted_alternatives(schema, code_field, links, record)) {
    code.status = FieldStatus::kAccepted;
    code.reason.clear();
  }
}

// An address opens with the names of the region the ID number was issued in, unless the person has
// moved. When the address's opening is within a few edits of those names (one per four characters),
// it was misread: the region table's spelling replaces it (婺源县 for a lost 婺).
void correct_address_opening(const Schema& schema, std::size_t code_field, const CheckContext& context,
                             Record& record) {
  const FieldResult& code = record.fields[code_field];
  if (context.regions == nullptr || code.status == FieldStatus::kMissing || code.value.size() < 6) return;
  const Region* region = context.regions->find(code.value.substr(0, 6));
  if (region == nullptr) return;
  for (std::size_t i = 0; i < schema.fields.size(); ++i) {
    FieldResult& address = record.fields[i];
    if (schema.fields[i].name != "address" || address.status == FieldStatus::kMissing) continue;
    const std::vector<char32_t> prefix_chars = utf8::decode(region->address_prefix());
    const std::vector<char32_t> value_chars = utf8::decode(address.value);
    const std::u32string prefix(prefix_chars.begin(), prefix_chars.end());
    const std::u32string value(value_chars.begin(), value_chars.end());
    const std::u32string opening = value.substr(0, prefix.size() + prefix.size() / 4);
    const SubstringMatch match = closest_substring(prefix, opening);
    if (match.distance == 0 || match.distance > prefix.size() / 4 || match.begin > 1) continue;
    Candidate corrected;
    corrected.field = address.field;
    corrected.value =
        region->address_prefix() +
        utf8::encode(std::vector<char32_t>(value.begin() + static_cast<std::ptrdiff_t>(match.end), value.end()));
    corrected.raw = address.value;
    corrected.confidence = address.confidence;
    corrected.expert = "derived";
    corrected.evidence.push_back({"field:" + code.field, code.value + ": " + region->address_prefix(), std::nullopt});
    address.candidates.push_back(std::move(corrected));
    choose(schema.fields[i], address.candidates.size() - 1, address);
  }
}

// A school name the complete school table lacks may be new, foreign, or misread: a known school among
// the candidates is preferred, and an unknown one left chosen is for a person to decide.
void doubt_unknown_schools(const Schema& schema, const CheckContext& context, Record& record) {
  if (context.schools == nullptr || !context.schools->complete()) return;
  for (std::size_t i = 0; i < schema.fields.size(); ++i) {
    FieldResult& field = record.fields[i];
    if (schema.fields[i].kind != FieldKind::kSchool || field.status == FieldStatus::kMissing) continue;
    if (context.schools->find_by_name(field.value) != nullptr) continue;
    int known = -1;
    for (std::size_t c = 0; c < field.candidates.size(); ++c) {
      const Candidate& candidate = field.candidates[c];
      if (!candidate.invalid_reason.empty() || context.schools->find_by_name(candidate.value) == nullptr) continue;
      if (known < 0 || candidate.confidence > field.candidates[static_cast<std::size_t>(known)].confidence) {
        known = static_cast<int>(c);
      }
    }
    if (known >= 0) {
      choose(schema.fields[i], static_cast<std::size_t>(known), field);
    } else {
      mark_review(field, "'" + field.value + "' is not in the school table");
    }
  }
}

// A major the table of majors lacks may be a rarer one, or words around it read into it (经济学学科 of
// 经济学学科专业): for a person to decide unless two independent witnesses read it.
void doubt_unknown_majors(const Schema& schema, const CheckContext& context, Record& record) {
  if (context.majors == nullptr) return;
  for (std::size_t i = 0; i < schema.fields.size(); ++i) {
    FieldResult& field = record.fields[i];
    if (schema.fields[i].kind != FieldKind::kMajor || field.status != FieldStatus::kAccepted) continue;
    if (context.majors->contains(field.value)) continue;
    if (witnesses_reading(field, field.value) < 2)
      mark_review(field, "'" + field.value + "' is not in the table of majors (--majors adds yours)");
  }
}

}  // namespace

void reconcile(const Schema& schema, const CheckContext& context, ExpertSource& experts, Record& record) {
  doubt_unknown_schools(schema, context, record);
  doubt_unknown_majors(schema, context, record);
  for (std::size_t c = 0; c < schema.fields.size(); ++c) {
    const FieldSpec& spec = schema.fields[c];
    if (spec.validator == Validator::kNone) continue;
    const std::vector<Link> links = links_of(schema, spec.validator, context);
    int disagreements = choose_jointly(schema, c, links, record);
    if (disagreements != 0 && ask_rest_of_route(spec, experts, context, record.fields[c])) {
      disagreements = choose_jointly(schema, c, links, record);
      if (disagreements < 0) choose_best(spec, record.fields[c]);  // Updates the reason it is missing.
    }
    const bool mendable = disagreements < 0 || (disagreements > 0 && school_refutes_code(schema, c, links, record));
    if (mendable && add_mended_code(schema, c, links, context, record)) {
      choose_jointly(schema, c, links, record);
      // The fields it was mended from cannot confirm it as well: a person looks.
      mark_review(record.fields[c], "one digit mended to agree with the fields it states");
      fill_from_mended_code(schema, c, links, record);
      continue;
    }
    if (disagreements < 0) continue;  // No valid code: the other fields stand on their own.
    settle(schema, c, links, record);
    if (spec.validator == Validator::kIdNumber) correct_address_opening(schema, c, context, record);
  }
}

}  // namespace mixtract
