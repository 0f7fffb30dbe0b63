// Scoring extractions the way users score them: field by field against a verified table.
//
// Both the truth and the predictions are tables keyed by file name (the column 文件, or 文件名 / file /
// filename / source / path), read from CSV, XLSX (first sheet) or JSONL. A JSONL of mixtract records
// (results.jsonl) contributes each field under its label, with its confidence, expert and evidence box.
// Values are compared after normalise_for_compare().
//
// A truth row may name fields its page does not show legibly (a seal's star over digits, a torn corner) in
// the column 不可辨认, labels separated by 、 , ; or spaces. Such a field is no test of reading: it is left out
// of accuracy and of documents all correct, but a value accepted there, or given a confidence, still counts
// where precision is reckoned (the accepted fields, the coverage curve): accepting what cannot be read is a
// silent error unless it happens to be right.
#ifndef MIXTRACT_EVAL_H_
#define MIXTRACT_EVAL_H_

#include <filesystem>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "mixtract/candidate.h"
#include "mixtract/status.h"

namespace mixtract {

struct EvalCell {
  std::string value;
  std::optional<double> confidence;  // Present for mixtract records.
  std::string expert;
  std::optional<Quad> box;  // Where the chosen value was read, when known.
  bool accepted = false;    // mixtract records: the status is accepted (no review needed).
};

struct EvalRow {
  std::string file;                                    // Base name: the key.
  std::string source;                                  // As written in the table (may be a path to the image).
  std::map<std::string, EvalCell, std::less<>> cells;  // Column -> cell.
};

struct EvalTable {
  std::string source;                // The file it was read from.
  std::vector<std::string> columns;  // Value columns in table order (the key column excluded).
  std::vector<EvalRow> rows;         // Unique by file.
  // Columns that are no field a person reviews: a mixtract record's 文书类型, the kind of document recognised,
  // which carries no status. Not counted where the share of fields accepted is reckoned.
  std::vector<std::string> unreviewed_columns;
};

// The truth column that names a row's unreadable fields.
inline constexpr std::string_view kUnreadableColumn = "不可辨认";

// Whether `row`'s column 不可辨认 names `field`.
bool marked_unreadable(const EvalRow& row, std::string_view field);

struct EvalTableOptions {
  // Renames columns as they are read: {"编号", "证书编号"} reads the column 编号 as 证书编号.
  std::map<std::string, std::string, std::less<>> column_map;
};

// Reads a truth or prediction table. Errors name the file and say what is wrong: unknown extension, no
// key column (listing the columns found), a duplicate file (naming both rows), malformed lines.
Result<EvalTable> read_eval_table(const std::filesystem::path& path, const EvalTableOptions& options = {});

// The form in which two values are compared: full-width ASCII to half-width, all whitespace removed,
// ASCII letters upper-cased, and any date (2019年6月30日, 二〇一九年六月三十日, 2019/6/30) as 2019-06-30.
std::string normalise_for_compare(std::string_view value);

struct FieldScore {
  std::string field;
  int total = 0;  // Rows whose truth has a value for this field.
  int correct = 0;
  int accepted = 0;  // Of `total` and `unreadable`, those the prediction marks accepted, and of those, the right ones.
  int accepted_correct = 0;
  // Rows whose truth marks this field unreadable: not in `total`; of them, those with a value accepted
  // (counted in the report's accepted and accepted_correct too).
  int unreadable = 0;
  int unreadable_accepted = 0;
  double accuracy() const { return total == 0 ? 0.0 : static_cast<double>(correct) / total; }
};

struct WrongField {
  std::string file;
  std::string field;
  std::string truth;
  std::string predicted;  // "" when the prediction has no value (or no row).
  std::string expert;
  std::optional<double> confidence;
  std::string source;  // The prediction row's source (image path), for thumbnails.
  std::optional<Quad> box;
};

// One point of the accuracy/coverage trade-off: accept every field whose confidence >= threshold.
struct CoveragePoint {
  double threshold = 0;
  double precision = 0;  // Share of accepted fields that are right.
  double coverage = 0;   // Share of the reviewed fields that are accepted (those without a confidence never are).
};

struct EvalReport {
  std::string truth_source;
  std::string prediction_source;
  std::vector<FieldScore> fields;  // In truth column order; only columns both tables have.
  int total = 0;
  int correct = 0;
  int documents = 0;  // Truth rows scored.
  int documents_all_correct = 0;
  std::vector<WrongField> wrong;
  std::vector<std::string> truth_rows_without_prediction;  // Files: scored as wrong.
  std::vector<std::string> predictions_without_truth;      // Files: not scored.
  std::vector<std::string> unscored_truth_columns;         // With values, but not in the predictions.
  std::vector<CoveragePoint> curve;                        // Empty when the predictions carry no confidences.
  std::optional<CoveragePoint> at_99;                      // Largest coverage with precision >= 99%, when reachable.
  std::optional<CoveragePoint> at_995;                     // Same at 99.5%.
  int reviewed = 0;          // Scored and unreadable fields but those of the predictions' unreviewed columns.
  int accepted = 0;          // Of `reviewed`, those the predictions marked accepted (mixtract records).
  int accepted_correct = 0;  // Of those, right.

  double accuracy() const { return total == 0 ? 0.0 : static_cast<double>(correct) / total; }
};

EvalReport evaluate(const EvalTable& truth, const EvalTable& predictions);

// The report without personal data, to share: each wrong field's values become their length in characters
// and how many edits apart they are, file names become stable pseudonyms (file- and 10 hex digits of the
// name's SHA-256), and no image is referred to (the HTML report then has no thumbnails).
EvalReport redact(EvalReport report);

// A plain-text summary for the terminal; lists at most `max_wrong` wrong fields.
std::string format_eval_text(const EvalReport& report, std::size_t max_wrong = 20);

// The whole report as JSON text (indented by two): the summary, each field's scores and curve, every
// wrong field; bytes that are not UTF-8 become U+FFFD.
std::string format_eval_json(const EvalReport& report);

// A self-contained HTML page (no outside resources): summary, per-field bar chart, the confidence
// curve, and every wrong field with a thumbnail of the image region it was read from (the whole page
// when no box is known, nothing when the image cannot be read).
std::string render_eval_html(const EvalReport& report);

}  // namespace mixtract

#endif  // MIXTRACT_EVAL_H_
