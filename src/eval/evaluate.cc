#include <algorithm>
#include <map>
#include <set>

#include "mixtract/eval.h"

namespace mixtract {
namespace {

struct Scored {
  double confidence;
  bool correct;
};

// The accuracy/coverage curve, one point per distinct confidence, most confident first. Coverage is a
// share of all `total` scored fields: a field without a confidence is never auto-accepted.
std::vector<CoveragePoint> coverage_curve(std::vector<Scored> scored, int total) {
  std::vector<CoveragePoint> curve;
  if (scored.empty()) return curve;
  std::sort(scored.begin(), scored.end(), [](const Scored& a, const Scored& b) { return a.confidence > b.confidence; });
  int accepted = 0;
  int right = 0;
  for (std::size_t i = 0; i < scored.size(); ++i) {
    ++accepted;
    right += scored[i].correct ? 1 : 0;
    if (i + 1 < scored.size() && scored[i + 1].confidence == scored[i].confidence) continue;
    curve.push_back(
        {scored[i].confidence, static_cast<double>(right) / accepted, static_cast<double>(accepted) / total});
  }
  return curve;
}

std::optional<CoveragePoint> best_at(const std::vector<CoveragePoint>& curve, double precision) {
  std::optional<CoveragePoint> best;
  for (const CoveragePoint& point : curve) {
    if (point.precision >= precision && (!best || point.coverage > best->coverage)) best = point;
  }
  return best;
}

// The columns both tables have, each added to the report's fields; a truth column with values but no
// prediction column is noted as unscored.
std::vector<std::string> scored_columns(const EvalTable& truth, const EvalTable& predictions, EvalReport& report) {
  std::vector<std::string> fields;
  for (const std::string& column : truth.columns) {
    if (column == kUnreadableColumn) continue;
    if (std::find(predictions.columns.begin(), predictions.columns.end(), column) != predictions.columns.end()) {
      fields.push_back(column);
      report.fields.push_back({column, 0, 0});
    } else if (std::any_of(truth.rows.begin(), truth.rows.end(), [&](const EvalRow& row) {
                 const auto cell = row.cells.find(column);
                 return cell != row.cells.end() && !normalise_for_compare(cell->second.value).empty();
               })) {
      report.unscored_truth_columns.push_back(column);
    }
  }
  return fields;
}

// One document's fields scored (those its truth has a value for) against `predicted` (null: none), into
// the report; each prediction with a confidence added to `scored`. A field the truth marks unreadable counts
// only where the prediction accepted a value or gave it a confidence.
void score_document(const EvalRow& truth_row, const EvalRow* predicted, const std::vector<std::string>& fields,
                    EvalReport& report, std::vector<Scored>& scored) {
  bool all_correct = true;
  bool any_scored = false;
  for (std::size_t f = 0; f < fields.size(); ++f) {
    const auto truth_cell = truth_row.cells.find(fields[f]);
    if (truth_cell == truth_row.cells.end() || normalise_for_compare(truth_cell->second.value).empty()) continue;
    EvalCell guess;
    if (predicted != nullptr) {
      if (auto it = predicted->cells.find(fields[f]); it != predicted->cells.end()) guess = it->second;
    }
    const bool correct = normalise_for_compare(truth_cell->second.value) == normalise_for_compare(guess.value);
    const bool unreadable = marked_unreadable(truth_row, fields[f]);
    FieldScore& score = report.fields[f];
    if (unreadable) {
      ++score.unreadable;
      score.unreadable_accepted += guess.accepted ? 1 : 0;
    } else {
      ++score.total;
      score.correct += correct ? 1 : 0;
      any_scored = true;
      all_correct = all_correct && correct;
    }
    if (guess.confidence) scored.push_back({*guess.confidence, correct});
    if (guess.accepted) {
      ++score.accepted;
      score.accepted_correct += correct ? 1 : 0;
      ++report.accepted;
      report.accepted_correct += correct ? 1 : 0;
    }
    if (!correct && (!unreadable || guess.accepted)) {
      report.wrong.push_back({truth_row.file, fields[f], truth_cell->second.value, guess.value, guess.expert,
                              guess.confidence, predicted != nullptr ? predicted->source : "", guess.box});
    }
  }
  if (any_scored) {
    ++report.documents;
    report.documents_all_correct += all_correct ? 1 : 0;
  }
}

}  // namespace

bool marked_unreadable(const EvalRow& row, std::string_view field) {
  const auto cell = row.cells.find(kUnreadableColumn);
  if (cell == row.cells.end()) return false;
  for (std::string_view rest = cell->second.value; !rest.empty();) {
    std::size_t end = rest.size();
    std::size_t next = end;
    for (const std::string_view separator : {"、", ",", ";", " "}) {
      if (const std::size_t at = rest.find(separator); at < end) {
        end = at;
        next = at + separator.size();
      }
    }
    if (rest.substr(0, end) == field) return true;
    rest.remove_prefix(next);
  }
  return false;
}

EvalReport evaluate(const EvalTable& truth, const EvalTable& predictions) {
  EvalReport report;
  report.truth_source = truth.source;
  report.prediction_source = predictions.source;
  std::map<std::string, const EvalRow*, std::less<>> predicted_by_file;
  for (const EvalRow& row : predictions.rows) predicted_by_file[row.file] = &row;
  const std::vector<std::string> fields = scored_columns(truth, predictions, report);
  std::vector<Scored> scored;
  std::set<std::string, std::less<>> matched;
  for (const EvalRow& truth_row : truth.rows) {
    const auto found = predicted_by_file.find(truth_row.file);
    const EvalRow* predicted = found == predicted_by_file.end() ? nullptr : found->second;
    if (predicted == nullptr) {
      report.truth_rows_without_prediction.push_back(truth_row.file);
    } else {
      matched.insert(truth_row.file);
    }
    score_document(truth_row, predicted, fields, report, scored);
  }
  for (const EvalRow& row : predictions.rows) {
    if (!matched.contains(row.file)) report.predictions_without_truth.push_back(row.file);
  }
  for (const FieldScore& score : report.fields) {
    report.total += score.total;
    report.correct += score.correct;
    const auto& unreviewed = predictions.unreviewed_columns;
    if (std::find(unreviewed.begin(), unreviewed.end(), score.field) == unreviewed.end()) {
      report.reviewed += score.total + score.unreadable;
    }
  }
  report.curve = coverage_curve(std::move(scored), report.reviewed);
  report.at_99 = best_at(report.curve, 0.99);
  report.at_995 = best_at(report.curve, 0.995);
  return report;
}

}  // namespace mixtract
