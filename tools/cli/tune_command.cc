#include <fstream>
#include <iostream>

#include "commands.h"
#include "io/atomic_file.h"
#include "table.h"
#include "tune/route_search.h"

namespace mixtract::cli {
namespace {

struct TuneArgs {
  StudyArgs study;
  std::string output;
  double budget_ms = 0;
  std::int64_t budget_tokens = 0;
  int max_experts = 3;
  double precision = 0.995;
  bool keep_routes = false;
};

std::string route_text(const Route& route) {
  if (route.experts.empty()) return "(none: the schema's route stays)";
  std::string text;
  for (const std::string& expert : route.experts) text += (text.empty() ? "" : " > ") + expert;
  return route.combine == Combine::kCascade ? text : std::string(combine_name(route.combine)) + "(" + text + ")";
}

int run_tune(const TuneArgs& args, const GlobalOptions& global) {
  Result<Study> study = study_of(args.study, global, {}, "tune");
  if (!study.ok()) {
    std::cerr << "mixtract tune: " << study.status().message() << "\n";
    return kExitUsage;
  }
  TuneOptions options;
  options.budget.ms = args.budget_ms;
  options.budget.tokens = args.budget_tokens;
  options.max_experts = args.max_experts;
  options.precision = args.precision;
  options.keep_routes = args.keep_routes;
  const std::vector<TunedField> tuned = tune_routes(*study, options);
  const auto write = [&]() -> Status {
    MIXTRACT_ASSIGN_OR_RETURN(std::unique_ptr<AtomicFile> file, AtomicFile::open(args.output));
    MIXTRACT_RETURN_IF_ERROR(file->append(routes_yaml(*study, tuned, options)));
    return file->commit();
  };
  if (Status written = write(); !written.ok()) {
    std::cerr << "mixtract tune: " << written.message() << "\n";
    return kExitFailure;
  }
  int train = 0, held_out = 0;
  for (const StudiedDocument& d : study->documents) (d.held_out ? held_out : train) += 1;
  std::cout << "studied " << study->documents.size() << " documents of kind " << study->schema.title << " with "
            << study->experts.size() << " experts: " << train << " to fit, " << held_out << " held out\n\n";
  std::vector<std::vector<std::string>> rows{{"field", "route", "held-out accuracy", "best single expert",
                                              "its held-out accuracy", "accepted", "accepted right", "ECE", "ms/doc"}};
  int fields = 0, accepted = 0, accepted_right = 0;
  for (const TunedField& f : tuned) {
    const FieldSpec* spec = study->schema.find(f.field);
    char ece[16], ms[16];
    std::snprintf(ece, sizeof ece, "%.3f", f.held_out_ece);
    std::snprintf(ms, sizeof ms, "%.0f", f.train.ms);
    rows.push_back({spec->label, route_text(f.route), percent(f.held_out.correct, f.held_out.documents), f.best_single,
                    percent(f.best_single_held_out.correct, f.best_single_held_out.documents),
                    percent(f.held_out.accepted, f.held_out.documents),
                    percent(f.held_out.accepted_correct, f.held_out.accepted), ece, ms});
    fields += f.held_out.documents;
    accepted += f.held_out.accepted;
    accepted_right += f.held_out.accepted_correct;
  }
  std::cout << format_table(rows) << "\nheld out: " << percent(accepted, fields) << " of " << fields
            << " fields accepted, " << percent(accepted_right, accepted) << " of them right\nroutes: " << args.output
            << "  (use: mixtract extract --schema " << study->schema.name << " --routes " << args.output << " ...)\n";
  return kExitOk;
}

}  // namespace

void add_tune_command(CLI::App& app, const GlobalOptions& global, const ConfigValues& config, int& exit_code) {
  auto args = std::make_shared<TuneArgs>();
  CLI::App* sub = app.add_subcommand("tune", "Learn the best route per field from labelled documents");
  sub->add_option("--truth", args->study.truth, "Verified table of the documents: .csv, .xlsx or .jsonl, keyed by 文件")
      ->required();
  add_study_options(*sub, args->study, config);
  sub->add_option("-o,--output", args->output, "The routes file to write (YAML), for extract --routes")->required();
  sub->add_option("--budget-ms", args->budget_ms, "Mean milliseconds a field's route may cost per document; 0 = any")
      ->check(CLI::NonNegativeNumber);
  sub->add_option("--budget-tokens", args->budget_tokens, "Mean LLM tokens a field's route may cost per document")
      ->check(CLI::NonNegativeNumber);
  sub->add_option("--max-experts", args->max_experts, "The longest route tried")
      ->default_val(3)
      ->check(CLI::Range(1, 5));
  sub->add_option("--precision", args->precision,
                  "Accepted values must be right this often on the fitted documents; sets accept_confidence")
      ->default_val(0.995)
      ->check(CLI::Range(0.5, 1.0));
  sub->add_flag("--keep-routes", args->keep_routes,
                "Keep the schema's routes (from --schema and --routes) and only calibrate them: their confidence "
                "mapping and accept_confidence");
  sub->footer(
      "Runs every expert once on each labelled document of the schema's kind (rows whose 文书类型, when the "
      "table has it, is the schema's title), then replays the gate over their outputs for every route worth "
      "trying: cascades of up to --max-experts experts in every order, votes, and character consensus for "
      "codes. Per field it keeps the route most accurate on the fitted documents within the budget (then "
      "the cheapest), calibrates its confidence on them (isotonic), sets accept_confidence for --precision, "
      "and measures it on the held-out documents, which nothing was fitted on. Scores are per field, before "
      "the cross-field checks extract adds. Pages are read afresh (no OCR cache), so costs are real; the "
      "outputs and their costs are cached, so tuning again on the same documents takes seconds.");
  sub->callback([args, &global, &exit_code] { exit_code = run_tune(*args, global); });
}

}  // namespace mixtract::cli
