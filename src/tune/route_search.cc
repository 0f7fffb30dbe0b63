#include "tune/route_search.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <set>
#include <sstream>

#include "gate/route.h"

namespace mixtract {
namespace {

bool within(const CostBudget& budget, const RouteScore& score) {
  return (budget.ms <= 0 || score.ms <= budget.ms) &&
         (budget.tokens <= 0 || score.tokens <= static_cast<double>(budget.tokens));
}

// Appends every ordering of `length` experts drawn from `pool`.
void orderings(const std::vector<std::string>& pool, std::size_t length, std::vector<std::string>& prefix,
               std::vector<std::vector<std::string>>& out) {
  if (prefix.size() == length) {
    out.push_back(prefix);
    return;
  }
  for (const std::string& expert : pool) {
    if (std::find(prefix.begin(), prefix.end(), expert) != prefix.end()) continue;
    prefix.push_back(expert);
    orderings(pool, length, prefix, out);
    prefix.pop_back();
  }
}

// How many outcomes a threshold keeping `precision` accepts (calibration keeps the order).
int accepted_at(std::span<const ScoredOutcome> outcomes, double precision) {
  const std::optional<double> threshold = threshold_for_precision(outcomes, precision);
  if (!threshold) return 0;
  return static_cast<int>(
      std::count_if(outcomes.begin(), outcomes.end(), [&](const ScoredOutcome& o) { return o.score >= *threshold; }));
}

std::vector<ScoredOutcome> calibrated(const Calibration& calibration, std::vector<ScoredOutcome> outcomes) {
  for (ScoredOutcome& o : outcomes) o.score = calibration.apply(o.score);
  return outcomes;
}

std::string number(double value, int digits = 6) {
  char text[32];
  std::snprintf(text, sizeof text, "%.*g", digits, value);
  return text;
}

std::string percent(int part, int whole) {
  if (whole == 0) return "n/a";
  char text[16];
  std::snprintf(text, sizeof text, "%.1f%%", 100.0 * part / whole);
  return text;
}

std::string flow_list(const std::vector<std::string>& items) {
  std::string out = "[";
  for (std::size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i];
  return out + "]";
}

}  // namespace

std::vector<Route> candidate_routes(const Study& study, const FieldSpec& field, int max_experts) {
  std::vector<std::string> pool;
  for (const std::string& expert : study.experts) {
    const bool proposes = std::any_of(study.documents.begin(), study.documents.end(), [&](const StudiedDocument& d) {
      const auto it = d.outputs.find(expert);
      return !d.held_out && it != d.outputs.end() &&
             std::any_of(it->second.candidates.begin(), it->second.candidates.end(),
                         [&](const Candidate& c) { return c.field == field.name; });
    });
    if (proposes) pool.push_back(expert);
  }
  const bool fixed_length =
      field.constraints.min_length && field.constraints.min_length == field.constraints.max_length;
  std::vector<Route> routes;
  for (std::size_t length = 1; length <= std::min<std::size_t>(pool.size(), static_cast<std::size_t>(max_experts));
       ++length) {
    std::vector<std::vector<std::string>> ordered;
    std::vector<std::string> prefix;
    orderings(pool, length, prefix, ordered);
    for (const std::vector<std::string>& experts : ordered) {
      for (const double stop : length == 1 ? std::vector<double>{0.9} : std::vector<double>{0.8, 0.9, 0.97}) {
        Route cascade;
        cascade.experts = experts;
        cascade.accept_confidence = stop;
        routes.push_back(cascade);
      }
      if (length >= 2 && fixed_length) {
        Route consensus;
        consensus.experts = experts;
        consensus.combine = Combine::kCharConsensus;
        routes.push_back(consensus);
      }
      // One vote per set of experts: the ordering that follows the pool's order.
      if (length >= 2 &&
          std::is_sorted(experts.begin(), experts.end(), [&](const std::string& a, const std::string& b) {
            return std::find(pool.begin(), pool.end(), a) < std::find(pool.begin(), pool.end(), b);
          })) {
        Route vote;
        vote.experts = experts;
        vote.combine = Combine::kVote;
        routes.push_back(vote);
      }
    }
  }
  return routes;
}

namespace {

// The routes to score for `field`: every candidate and, with keep_routes, last, the schema's own
// (uncalibrated), which is then the one chosen.
std::vector<Route> routes_to_try(const Study& study, const FieldSpec& field, const TuneOptions& options) {
  std::vector<Route> routes = candidate_routes(study, field, options.max_experts);
  if (options.keep_routes) {
    Route kept = field.route;
    kept.calibration = {};
    routes.push_back(std::move(kept));
  }
  return routes;
}

// Each route scored on the training documents, and how many of its values it can accept at the precision.
struct Scored {
  std::vector<RouteScore> scores;
  std::vector<int> covered;
  int documents = 0;
};

Scored score_routes(const Study& study, const FieldSpec& field, const std::vector<Route>& routes,
                    const TuneOptions& options, TunedField& result) {
  Scored out;
  double best_single_accuracy = -1;
  for (const Route& route : routes) {
    out.scores.push_back(score_route(study, field, route, Split::kTrain));
    const RouteScore& score = out.scores.back();
    out.covered.push_back(accepted_at(score.outcomes, options.precision));
    out.documents = score.documents;
    if (route.experts.size() == 1 && score.accuracy() > best_single_accuracy) {
      best_single_accuracy = score.accuracy();
      result.best_single = route.experts[0];
    }
  }
  return out;
}

// The route chosen: among those within the budget, the ones within one standard error (sqrt(p(1-p)n)
// documents: differences the fitted documents cannot tell) of the most right values, then of the most
// values acceptable at the precision, are equals, and the cheapest of them is chosen (then the most right,
// then the most acceptable). With keep_routes, the schema's (the last). nullopt when none fits the budget.
std::optional<std::size_t> chosen_route(const Scored& scored, const TuneOptions& options) {
  const std::vector<RouteScore>& scores = scored.scores;
  if (options.keep_routes) return scores.size() - 1;
  const int n = scored.documents;
  const auto slack = [n](int best) {
    const double p = n == 0 ? 0 : static_cast<double>(best) / n;
    return std::sqrt(p * (1 - p) * n);
  };
  int most_correct = -1, most_covered = -1;
  for (const RouteScore& score : scores) {
    if (within(options.budget, score)) most_correct = std::max(most_correct, score.correct);
  }
  std::vector<std::size_t> accurate;
  for (std::size_t i = 0; i < scores.size(); ++i) {
    if (within(options.budget, scores[i]) && scores[i].correct >= most_correct - slack(most_correct)) {
      accurate.push_back(i);
      most_covered = std::max(most_covered, scored.covered[i]);
    }
  }
  std::optional<std::size_t> best;
  for (const std::size_t i : accurate) {
    if (scored.covered[i] < most_covered - slack(most_covered)) continue;
    if (best) {
      const RouteScore &score = scores[i], &chosen = scores[*best];
      const bool better = score.ms < chosen.ms - 1e-9 ||
                          (std::abs(score.ms - chosen.ms) <= 1e-9 &&
                           (score.correct > chosen.correct ||
                            (score.correct == chosen.correct && scored.covered[i] > scored.covered[*best])));
      if (!better) continue;
    }
    best = i;
  }
  return best;
}

// `route` calibrated on the training documents (its final choices, and each of its experts' alone, which
// are the states a cascade decides to stop in or go on from) and measured on the held-out ones, into
// `result`.
void calibrate_and_measure(const Study& study, const FieldSpec& field, Route route, const TuneOptions& options,
                           TunedField& result) {
  route.budget = field.route.budget;
  route.witnesses = field.route.witnesses;  // What the schema asks of evidence, whatever the route.
  std::vector<ScoredOutcome> outcomes = result.train.outcomes;
  for (const std::string& expert : route.experts) {
    Route alone;
    alone.experts = {expert};
    const RouteScore score = score_route(study, field, alone, Split::kTrain);
    outcomes.insert(outcomes.end(), score.outcomes.begin(), score.outcomes.end());
  }
  route.calibration = fit_isotonic(outcomes);
  const std::vector<ScoredOutcome> fitted = calibrated(route.calibration, result.train.outcomes);
  result.threshold_99 = threshold_for_precision(fitted, 0.99);
  result.threshold_995 = threshold_for_precision(fitted, 0.995);
  // A value is accepted on its own calibrated probability, not on the average of all those above it:
  // a band of scores right 92 times in 100 stays in review however right the bands above it are.
  route.accept_confidence = options.precision;
  result.route = route;
  result.held_out = score_route(study, field, route, Split::kHeldOut);
  result.held_out_ece = expected_calibration_error(result.held_out.outcomes);
  Route single;
  single.experts = {result.best_single};
  result.best_single_held_out = score_route(study, field, single, Split::kHeldOut);
}

}  // namespace

std::vector<TunedField> tune_routes(const Study& study, const TuneOptions& options) {
  std::vector<TunedField> tuned;
  for (const FieldSpec& field : study.schema.fields) {
    const bool labelled = std::any_of(study.documents.begin(), study.documents.end(),
                                      [&](const StudiedDocument& d) { return d.truth.contains(field.name); });
    if (!labelled || (options.keep_routes && field.route.experts.empty())) continue;
    TunedField result;
    result.field = field.name;
    const std::vector<Route> routes = routes_to_try(study, field, options);
    result.routes_tried = options.keep_routes ? 1 : routes.size();
    const Scored scored = score_routes(study, field, routes, options, result);
    const std::optional<std::size_t> best = chosen_route(scored, options);
    if (best) {
      result.train = scored.scores[*best];
      calibrate_and_measure(study, field, routes[*best], options, result);
    }
    tuned.push_back(std::move(result));  // Without a route when no expert proposes the field, or none fits.
  }
  return tuned;
}

namespace {

// A route as a routes file writes it, under `route:`.
void write_route(std::ostream& out, const Route& r) {
  out << "    route:\n      experts: " << flow_list(r.experts) << "\n";
  if (!r.with_llm.empty()) out << "      with_llm: " << flow_list(r.with_llm) << "\n";
  out << "      combine: " << combine_name(r.combine) << "\n";
  if (!r.weights.empty()) {
    out << "      weights: {";
    std::string separator;
    for (const auto& [expert, weight] : r.weights) {
      out << separator << expert << ": " << number(weight);
      separator = ", ";
    }
    out << "}\n";
  }
  out << "      accept_confidence: " << number(r.accept_confidence, 17) << "\n";  // Exact: it is a threshold.
  if (r.witnesses > 1) out << "      witnesses: " << r.witnesses << "\n";
  if (r.budget.ms > 0 || r.budget.tokens > 0) {
    out << "      budget: {ms: " << number(r.budget.ms) << ", tokens: " << r.budget.tokens << "}\n";
  }
  out << "      calibration: [";
  std::string last_raw;
  for (const CalibrationPoint& point : r.calibration.points) {
    const std::string raw = number(point.raw);
    if (raw == last_raw) continue;  // Printed alike: the first stands for both.
    out << (last_raw.empty() ? "" : ", ") << "[" << raw << ", " << number(point.probability) << "]";
    last_raw = raw;
  }
  out << "]\n";
}

// What tune measured of a field's route, under `measured:` (informative; ignored when read).
void write_measured(std::ostream& out, const TunedField& f) {
  out << "    measured:\n"
      << "      routes_tried: " << f.routes_tried << "\n"
      << "      train_accuracy: " << percent(f.train.correct, f.train.documents) << "  # of " << f.train.documents
      << "\n"
      << "      held_out_accuracy: " << percent(f.held_out.correct, f.held_out.documents) << "  # of "
      << f.held_out.documents << "\n"
      << "      best_single_expert: " << f.best_single << "\n"
      << "      best_single_held_out_accuracy: "
      << percent(f.best_single_held_out.correct, f.best_single_held_out.documents) << "\n"
      << "      held_out_accepted: " << percent(f.held_out.accepted, f.held_out.documents) << "\n"
      << "      held_out_accepted_precision: " << percent(f.held_out.accepted_correct, f.held_out.accepted) << "\n"
      << "      held_out_ece: " << number(f.held_out_ece) << "\n"
      << "      ms_per_document: " << number(f.train.ms) << "\n"
      << "      tokens_per_document: " << number(f.train.tokens) << "\n"
      << "      threshold_99: " << (f.threshold_99 ? number(*f.threshold_99) : "unreachable") << "\n"
      << "      threshold_995: " << (f.threshold_995 ? number(*f.threshold_995) : "unreachable") << "\n";
}

}  // namespace

std::string routes_yaml(const Study& study, const std::vector<TunedField>& fields, const TuneOptions& options) {
  int train = 0, held_out = 0;
  for (const StudiedDocument& d : study.documents) (d.held_out ? held_out : train) += 1;
  std::ostringstream out;
  out << "# Routes learned by `mixtract tune` from " << study.documents.size() << " labelled documents (" << train
      << " to fit, " << held_out << " held out to measure).\n"
      << "# accept_confidence is set for " << number(100 * options.precision)
      << "% precision on the fitted documents; `measured` is informative and ignored when read.\n"
      << "# Use: mixtract extract --schema " << study.schema.name << " --routes THIS_FILE ...\n"
      << "schema: " << study.schema.name << "\nfields:\n";
  for (const TunedField& f : fields) {
    out << "  " << f.field << ":\n";
    if (f.route.experts.empty()) {
      out << "    # no route: no expert proposed this field within the budget; the schema's route is kept\n";
      continue;
    }
    write_route(out, f.route);
    write_measured(out, f);
  }
  return out.str();
}

}  // namespace mixtract
