// Schema: the fields to extract from one kind of document, loaded from YAML.
//
//   name: graduation_certificate        # identifier used on the command line
//   title: 毕业证书
//   version: 1
//   fields:
//     - name: certificate_number        # [a-z][a-z0-9_]*, unique
//       label: 证书编号                  # column header in tables
//       kind: code                       # see FieldKind
//       required: true                   # default true
//       constraints: {length: 18, pattern: '[0-9]{18}'}
//       hints: {labels: [证书编号, 编号]}
//       validator: graduation_number     # see Validator
//       route: {experts: [ppocr, ppocr_reread], combine: char_consensus, accept_confidence: 0.9,
//               budget: {ms: 2000, tokens: 0}}
//   recognise: [毕业证书, 准予毕业]        # words that mark this kind of document (--schema auto)
//   budget: {ms: 5000, tokens: 2000}      # per document, over all fields; default no limit
//
// Loading is strict: an unknown key, a missing required key or a bad value is an error naming the file,
// the line and the key. docs/schemas.md documents every key.
#ifndef MIXTRACT_SCHEMA_H_
#define MIXTRACT_SCHEMA_H_

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mixtract/status.h"

namespace re2 {
class RE2;
}  // namespace re2

namespace mixtract {

enum class FieldKind {
  kName,    // A person's name.
  kGender,  // 男 / 女.
  kDate,    // A calendar date, normalised to YYYY-MM-DD.
  kLevel,   // 学历层次: 专科 / 本科 / 硕士研究生 / 博士研究生.
  kSchool,  // A school name.
  kMajor,   // A major (专业) name.
  kCode,    // A structured code: certificate or ID number.
  kAmount,  // A sum of money, normalised to digits and an optional decimal point (1234.50).
  kEnum,    // One of constraints.values.
  kText,    // Free text.
};

// "name", "gender", ...; the spelling used in schema files.
std::string_view field_kind_name(FieldKind kind);

// Checks a value must pass before it can be accepted. Lengths count Unicode characters.
struct FieldConstraints {
  std::optional<std::size_t> min_length;
  std::optional<std::size_t> max_length;
  std::string pattern;                            // RE2 syntax, must match the whole value; "" = any.
  std::shared_ptr<const re2::RE2> pattern_regex;  // `pattern` compiled by the loader; null = any.
  std::vector<std::string> values;                // Allowed values; empty = any.
};

// Words that help experts find the field on the page.
struct FieldHints {
  std::vector<std::string> labels;   // Printed labels next to the value (证书编号).
  std::vector<std::string> aliases;  // Other column names for the field in user spreadsheets.
  // Words that hold one of the labels but are another field's or thing's: where a label is read inside one
  // of them it is no label (证号 in 身份证号).
  std::vector<std::string> not_within;
  // The facts of a certificate's text that fill the field, the first one read taken
  // (data/certificate_cues.yaml: graduated_on, issue_date, study_end, ...); empty = the fact named like the field.
  std::vector<std::string> facts;
};

// Limits on what the gate may spend on one field of one document; 0 = no limit.
struct CostBudget {
  double ms = 0;
  std::int64_t tokens = 0;
};

// How a route combines its experts' candidates (src/gate/route.h has the exact rules).
enum class Combine {
  kCascade,        // Experts in order; stop at the first valid value whose confidence reaches
                   // accept_confidence.
  kVote,           // Every expert (within the budget); the valid value with the most weighted votes.
  kCharConsensus,  // For codes of one length: as the cascade, and after each expert the readings so far
                   // (valid or not) vote character by character; only disputed positions go on to the
                   // next expert.
};

// "cascade", "vote", "char_consensus"; the spelling used in schema files.
std::string_view combine_name(Combine combine);

// A route's calibration: turns its raw confidence in a chosen value into the probability that the value
// is right, as measured on labelled data by `mixtract tune` (which fits it: tune/calibration_fit.h). A
// non-decreasing step map, stored as points and interpolated linearly between them.
struct CalibrationPoint {
  double raw = 0;          // A raw score.
  double probability = 0;  // The measured probability of being right at that score.
};

struct Calibration {
  std::vector<CalibrationPoint> points;  // Raw scores increasing, probabilities non-decreasing. Empty = identity.

  // The calibrated probability of `raw`: linear between points, flat beyond the last; below the first,
  // `raw` itself at most the first point's probability.
  double apply(double raw) const;
  bool empty() const { return points.empty(); }
};

// How the gate fills a field. The chosen value's confidence is the support the experts give it
// (1 - the product of (1 - confidence) over the experts proposing it), mapped through `calibration`.
struct Route {
  std::vector<std::string> experts;  // Registry names, asked in this order. Empty (no route in the
                                     // schema) = the field is never filled: a drafting aid.
  // Asked after `experts` when the run has an LLM (Schema::add_llm_experts appends those not listed),
  // that is where the offline experts leave the field missing or doubtful: the reference system's best
  // LLM route for the field. Ignored without an LLM.
  std::vector<std::string> with_llm;
  Combine combine = Combine::kCascade;
  // kVote: an expert's vote is its weight times its confidence; experts not listed weigh 1.
  std::map<std::string, double, std::less<>> weights;
  double accept_confidence = 0.9;  // In [0, 1]; below it a chosen value needs review.
  // Independent witnesses (experts reading for themselves, or a code on the page that states the value)
  // a value needs to be accepted, whatever its confidence: 2 for a value one misreading can change
  // unseen (a verification code of letters and digits, O against 0).
  int witnesses = 1;
  CostBudget budget;
  Calibration calibration;  // Fitted by `mixtract tune`; empty = confidences are used as they are.
};

// Structure checks beyond the constraints, for codes whose digits mean something (docs/domain.md).
enum class Validator {
  kNone,
  kGraduationNumber,  // 18-digit 毕业证书编号: school code, year, level code.
  kDegreeNumber,      // 16-digit 学位证书编号: school code, degree code, year.
  kIdNumber,          // 18-character 公民身份号码: region, birth date, check character (GB 11643).
};

// "none", "graduation_number", ...; the spelling used in schema files.
std::string_view validator_name(Validator validator);

struct FieldSpec {
  std::string name;
  std::string label;
  FieldKind kind = FieldKind::kText;
  bool required = true;
  FieldConstraints constraints;
  FieldHints hints;
  Validator validator = Validator::kNone;
  Route route;
};

struct Schema {
  std::string name;
  std::string title;
  int version = 1;
  std::vector<FieldSpec> fields;
  // Words printed on this kind of document (its title, set phrases); the more of them a page's text
  // holds, the more likely it is this kind. Empty = never chosen by --schema auto.
  std::vector<std::string> recognise;
  // What one document may cost over all its fields: once spent, no further expert runs on it (those
  // already run still serve every field).
  CostBudget budget;

  // The field with this name, or nullptr.
  const FieldSpec* find(std::string_view field_name) const;
  // Appends each field's Route::with_llm experts to its route, those not already in it: what a run
  // with an LLM asks.
  void add_llm_experts();
};

// Parses schema YAML; `source` names the text in errors (a path or "<builtin:NAME>").
Result<Schema> parse_schema(std::string_view yaml_text, std::string_view source);

// Loads a schema file.
Result<Schema> load_schema_file(const std::filesystem::path& path);

// Loads a built-in schema by name, or else a file if `name_or_path` names one. An unknown name is an
// error that lists the built-in names.
Result<Schema> load_schema(std::string_view name_or_path);

// Replaces the routes of the fields that a routes file (written by `mixtract tune`) names, in the schema
// of `schemas` it names:
//   schema: graduation_certificate
//   fields:
//     certificate_number:
//       route: {experts: [...], combine: ..., calibration: [...]}   # as in a schema
//       measured: {...}                                             # ignored
// Errors name the file, line and key: an unknown schema or field, a bad route.
Status apply_routes_file(const std::filesystem::path& path, std::vector<Schema>& schemas);
// The same from the text of a routes document (YAML, or JSON, which is YAML); `source` names it in errors.
Status apply_routes(std::string_view text, const std::string& source, std::vector<Schema>& schemas);

// Names of the schemas compiled into the binary, sorted.
std::vector<std::string> builtin_schema_names();

// What --schema takes: "auto" = the built-in schemas that have recognise words, by name, for the
// extractor to choose between per document; otherwise the one schema load_schema() finds.
Result<std::vector<Schema>> load_schemas(std::string_view auto_name_or_path);

// OK when `value` satisfies the field's constraints; otherwise InvalidArgument naming the field, the
// value and the broken constraint.
Status check_constraints(const FieldSpec& field, std::string_view value);

}  // namespace mixtract

#endif  // MIXTRACT_SCHEMA_H_
