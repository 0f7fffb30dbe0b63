// Route search: for each field, the route that is most accurate on the training documents of a study
// within a cost budget (then the cheapest), with its confidence calibrated on them and its
// accept_confidence set for a target precision; the held-out documents then say how it really does.
#ifndef MIXTRACT_TUNE_ROUTE_SEARCH_H_
#define MIXTRACT_TUNE_ROUTE_SEARCH_H_

#include <optional>
#include <string>
#include <vector>

#include "tune/route_study.h"

namespace mixtract {

struct TuneOptions {
  CostBudget budget;         // Mean cost per document that a field's route may have; 0 = no limit.
  int max_experts = 3;       // The longest route tried.
  double precision = 0.995;  // accept_confidence: each accepted value is calibrated to be right this often.
  // Keep each field's route as the schema has it (experts, combine, with_llm); fit only its calibration
  // and accept_confidence. How the built-in routes are calibrated on documents they are not measured on.
  bool keep_routes = false;
};

struct TunedField {
  std::string field;
  Route route;  // Calibrated, accept_confidence set; empty experts = nothing found.
  std::size_t routes_tried = 0;
  RouteScore train;                     // The route as chosen, before calibration, on the training documents.
  RouteScore held_out;                  // The final route on the held-out documents.
  std::string best_single;              // The single expert most accurate on the training documents.
  RouteScore best_single_held_out;      // Its route (one expert, cascade) on the held-out documents.
  std::optional<double> threshold_99;   // Lowest calibrated confidence with 99% precision (training).
  std::optional<double> threshold_995;  // The same at 99.5%.
  double held_out_ece = 0;              // Expected calibration error on the held-out documents.
};

// Every route worth trying for the field: the experts that proposed something for it on a training
// document, as cascades of 1 to max_experts experts in every order (stopping at confidence 0.8, 0.9 or
// 0.97 when longer than one), votes over every set of 2 to max_experts, and for fields of one length
// char_consensus in every order of 2 to max_experts.
std::vector<Route> candidate_routes(const Study& study, const FieldSpec& field, int max_experts);

// Tunes every field of the study's schema that has labels (with keep_routes, calibrates the schema's
// route of each, which has to be set). Of the routes within the budget, those less
// than one standard error (sqrt(p(1-p)n) documents, what the fitted documents cannot tell apart) behind
// the most right values are kept; of those, the ones as close to the most values acceptable at the
// precision (the confidence separating right from wrong); of those the cheapest, then the most right,
// then the most acceptable, then the first tried.
std::vector<TunedField> tune_routes(const Study& study, const TuneOptions& options);

// The routes file: YAML that `extract --routes` and `eval --compare-routes --routes` read, with what was
// measured as comments and a `measured` map per field (ignored when read).
std::string routes_yaml(const Study& study, const std::vector<TunedField>& fields, const TuneOptions& options);

}  // namespace mixtract

#endif  // MIXTRACT_TUNE_ROUTE_SEARCH_H_
