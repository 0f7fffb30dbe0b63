// The terminal and JSON forms of an EvalReport.
#include <cstdio>

#include <nlohmann/json.hpp>

#include "core/join.h"
#include "core/utf8.h"
#include "mixtract/eval.h"

namespace mixtract {
namespace {

std::string percent(double share) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%.2f%%", 100 * share);
  return buffer;
}

std::string list_some(const std::vector<std::string>& items, std::size_t limit = 5) {
  const auto shown = static_cast<std::ptrdiff_t>(std::min(limit, items.size()));
  std::string out = join(std::vector<std::string>(items.begin(), items.begin() + shown));
  if (items.size() > limit) out += ", ... (" + std::to_string(items.size() - limit) + " more)";
  return out;
}

std::string coverage_line(const char* name, const std::optional<CoveragePoint>& point) {
  if (!point) return std::string(name) + " precision: not reachable at any threshold\n";
  char buffer[160];
  std::snprintf(buffer, sizeof buffer, "%s precision: %s of fields can be auto-accepted (confidence >= %.4f)\n", name,
                percent(point->coverage).c_str(), point->threshold);
  return buffer;
}

nlohmann::json point_json(const std::optional<CoveragePoint>& point) {
  if (!point) return nullptr;
  return {{"threshold", point->threshold}, {"precision", point->precision}, {"coverage", point->coverage}};
}

}  // namespace

std::string format_eval_text(const EvalReport& r, std::size_t max_wrong) {
  std::string out = "truth: " + r.truth_source + "\npredictions: " + r.prediction_source + "\n\n";
  char line[256];
  std::snprintf(line, sizeof line, "%-16s %8s %8s %9s\n", "field", "correct", "total", "accuracy");
  out += line;
  for (const FieldScore& f : r.fields) {
    std::string name = f.field;
    if (const std::size_t width = utf8::display_width(name); width < 16) name.append(16 - width, ' ');
    std::snprintf(line, sizeof line, "%s %8d %8d %9s\n", name.c_str(), f.correct, f.total,
                  percent(f.accuracy()).c_str());
    out += line;
  }
  std::snprintf(line, sizeof line, "\nfields: %d/%d correct (%s)\ndocuments all correct: %d/%d (%s)\n", r.correct,
                r.total, percent(r.accuracy()).c_str(), r.documents_all_correct, r.documents,
                percent(r.documents == 0 ? 0 : static_cast<double>(r.documents_all_correct) / r.documents).c_str());
  out += line;
  if (r.accepted > 0) {
    std::snprintf(line, sizeof line, "accepted without review: %d/%d fields (%s), of which %d right (precision %s)\n",
                  r.accepted, r.reviewed, percent(static_cast<double>(r.accepted) / r.reviewed).c_str(),
                  r.accepted_correct, percent(static_cast<double>(r.accepted_correct) / r.accepted).c_str());
    out += line;
  }
  for (const FieldScore& f : r.fields) {
    if (f.unreadable == 0) continue;
    out += f.field + ": " + std::to_string(f.unreadable) + " marked unreadable in the truth (not scored), " +
           std::to_string(f.unreadable_accepted) + " of them accepted\n";
  }
  if (!r.curve.empty()) out += coverage_line("99%", r.at_99) + coverage_line("99.5%", r.at_995);
  if (!r.unscored_truth_columns.empty()) {
    out += "not scored (no such column in the predictions): " + list_some(r.unscored_truth_columns, 20) + "\n";
  }
  if (!r.truth_rows_without_prediction.empty()) {
    out += std::to_string(r.truth_rows_without_prediction.size()) +
           " truth row(s) have no prediction (scored as wrong): " + list_some(r.truth_rows_without_prediction) + "\n";
  }
  if (!r.predictions_without_truth.empty()) {
    out += std::to_string(r.predictions_without_truth.size()) +
           " prediction(s) have no truth row (not scored): " + list_some(r.predictions_without_truth) + "\n";
  }
  if (!r.wrong.empty() && max_wrong == 0) out += "\nwrong fields: " + std::to_string(r.wrong.size()) + "\n";
  if (!r.wrong.empty() && max_wrong > 0) {
    out += "\nwrong fields (" + std::to_string(r.wrong.size()) + "):\n";
    for (std::size_t i = 0; i < r.wrong.size() && i < max_wrong; ++i) {
      const WrongField& w = r.wrong[i];
      out += "  " + w.file + "  " + w.field + ": truth '" + w.truth + "', predicted '" + w.predicted + "'";
      if (!w.expert.empty()) out += " by " + w.expert;
      if (w.confidence) {
        std::snprintf(line, sizeof line, " (confidence %.2f)", *w.confidence);
        out += line;
      }
      out += "\n";
    }
    if (r.wrong.size() > max_wrong) out += "  ... " + std::to_string(r.wrong.size() - max_wrong) + " more\n";
  }
  return out;
}

namespace {

nlohmann::json report_json(const EvalReport& r) {
  nlohmann::json fields = nlohmann::json::array();
  for (const FieldScore& f : r.fields) {
    fields.push_back({{"field", f.field},
                      {"correct", f.correct},
                      {"total", f.total},
                      {"accuracy", f.accuracy()},
                      {"accepted", f.accepted},
                      {"accepted_correct", f.accepted_correct},
                      {"unreadable", f.unreadable},
                      {"unreadable_accepted", f.unreadable_accepted}});
  }
  nlohmann::json wrong = nlohmann::json::array();
  for (const WrongField& w : r.wrong) {
    wrong.push_back({{"file", w.file},
                     {"field", w.field},
                     {"truth", w.truth},
                     {"predicted", w.predicted},
                     {"expert", w.expert},
                     {"confidence", w.confidence ? nlohmann::json(*w.confidence) : nlohmann::json(nullptr)}});
  }
  nlohmann::json curve = nlohmann::json::array();
  for (const CoveragePoint& p : r.curve) curve.push_back(point_json(p));
  return {{"truth", r.truth_source},
          {"predictions", r.prediction_source},
          {"fields", fields},
          {"correct", r.correct},
          {"total", r.total},
          {"accuracy", r.accuracy()},
          {"documents", r.documents},
          {"documents_all_correct", r.documents_all_correct},
          {"reviewed", r.reviewed},
          {"accepted", r.accepted},
          {"accepted_correct", r.accepted_correct},
          {"wrong", wrong},
          {"truth_rows_without_prediction", r.truth_rows_without_prediction},
          {"predictions_without_truth", r.predictions_without_truth},
          {"unscored_truth_columns", r.unscored_truth_columns},
          {"curve", curve},
          {"at_99", point_json(r.at_99)},
          {"at_99_5", point_json(r.at_995)}};
}

}  // namespace

std::string format_eval_json(const EvalReport& report) {
  return report_json(report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace);
}

}  // namespace mixtract
