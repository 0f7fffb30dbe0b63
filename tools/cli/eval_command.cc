#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <utility>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "mixtract/eval.h"
#include "table.h"

namespace mixtract::cli {
namespace {

struct EvalArgs {
  std::string truth;
  std::string predictions;
  std::string html;
  bool json = false;
  bool redact = false;
  std::vector<std::string> maps;
  int max_wrong = 20;
  bool compare_routes = false;
  bool held_out_only = false;
  StudyArgs study;
  std::vector<std::string> routes;
};

// The reference system's table, for any labelled set: each expert alone, the schema's routes and each
// routes file, per field, side by side, with what a document cost.
// One column of the comparison: a name and the fields with the routes it runs.
struct Column {
  std::string name;
  std::vector<FieldSpec> fields;
};

// The schema's routes, then each routes file's applied to it.
Result<std::vector<Column>> routed_columns(const Schema& schema, const std::vector<std::string>& routes) {
  std::vector<Column> out{{"schema", schema.fields}};
  for (const std::string& file : routes) {
    std::vector<Schema> tuned = {schema};
    MIXTRACT_RETURN_IF_ERROR(apply_routes_file(file, tuned));
    out.push_back({std::filesystem::path(file).stem().string(), tuned[0].fields});
  }
  return out;
}

// Each expert of the study alone, as every field's route.
std::vector<Column> expert_columns(const Study& study, const Schema& schema) {
  std::vector<Column> out;
  for (const std::string& expert : study.experts) {
    Column alone{expert, schema.fields};
    for (FieldSpec& field : alone.fields) {
      field.route = Route();
      field.route.experts = {expert};
    }
    out.push_back(std::move(alone));
  }
  return out;
}

// The table of the columns side by side: each field's accuracy, then all fields', the share accepted and
// right among them, and the cost per document; fields no document has a label for left out. `documents`:
// how many were scored.
std::vector<std::vector<std::string>> comparison_rows(const Study& study, const Schema& schema,
                                                      const std::vector<Column>& columns, Split split, int& documents) {
  std::vector<std::vector<std::string>> rows{{"field"}};
  for (const FieldSpec& field : schema.fields) rows.push_back({field.label});
  for (const char* total : {"all fields", "accepted", "accepted right", "ms/doc", "tokens/doc"})
    rows.push_back({total});
  for (const Column& column : columns) {
    const SchemaScore score = score_schema(study, column.fields, split);
    documents = score.documents;
    rows[0].push_back(column.name);
    int total = 0, correct = 0, accepted = 0, accepted_right = 0;
    for (std::size_t f = 0; f < score.fields.size(); ++f) {
      const RouteScore& s = score.fields[f];
      rows[f + 1].push_back(percent(s.correct, s.documents));
      total += s.documents;
      correct += s.correct;
      accepted += s.accepted;
      accepted_right += s.accepted_correct;
    }
    const std::size_t end = schema.fields.size() + 1;
    rows[end].push_back(percent(correct, total));
    rows[end + 1].push_back(percent(accepted, total));
    rows[end + 2].push_back(percent(accepted_right, accepted));
    char cost[32];
    std::snprintf(cost, sizeof cost, "%.0f", score.ms);
    rows[end + 3].push_back(cost);
    std::snprintf(cost, sizeof cost, "%.0f", score.tokens);
    rows[end + 4].push_back(cost);
  }
  std::erase_if(rows, [](const std::vector<std::string>& row) {
    return std::all_of(row.begin() + 1, row.end(), [](const std::string& cell) { return cell == "-"; });
  });
  return rows;
}

int run_compare_routes(const EvalArgs& args, const GlobalOptions& global) {
  auto fail = [](const Status& status) {
    std::cerr << "mixtract eval: " << status.message() << "\n";
    return kExitUsage;
  };
  if (args.study.schema == "auto") return fail(Status::invalid_argument("--schema: name the one schema to compare"));
  Result<Schema> schema = load_schema(args.study.schema);
  if (!schema.ok()) return fail(schema.status());
  // The schema's routes as extract runs them: with an LLM, its with_llm experts too.
  if (!args.study.llm.url.empty() || !args.study.llm.gguf.empty()) schema->add_llm_experts();
  Result<std::vector<Column>> routed = routed_columns(*schema, args.routes);
  if (!routed.ok()) return fail(routed.status());
  std::vector<std::string> named;  // Experts the routes name.
  for (const Column& column : *routed) {
    for (const FieldSpec& field : column.fields)
      named.insert(named.end(), field.route.experts.begin(), field.route.experts.end());
  }
  StudyArgs study_args = args.study;
  study_args.truth = args.truth;
  study_args.only_held_out = args.held_out_only;
  Result<Study> study = study_of(study_args, global, named, "eval");
  if (!study.ok()) return fail(study.status());
  std::vector<Column> columns = expert_columns(*study, *schema);
  columns.insert(columns.end(), routed->begin(), routed->end());
  const Split split = args.held_out_only ? Split::kHeldOut : Split::kAll;
  int documents = 0;
  const std::vector<std::vector<std::string>> rows = comparison_rows(*study, *schema, columns, split, documents);
  std::cout << "accuracy per field on " << documents << (args.held_out_only ? " held-out" : "")
            << " labelled documents of kind " << schema->title
            << " (each route replayed on the same expert outputs; before cross-field checks)\n\n"
            << format_table(rows);
  return kExitOk;
}

int run_eval(const EvalArgs& args, const GlobalOptions& global) {
  if (args.compare_routes) return run_compare_routes(args, global);
  if (args.predictions.empty()) {
    std::cerr << "mixtract eval: --pred is required (or --compare-routes with --docs and --schema)\n";
    return kExitUsage;
  }
  EvalTableOptions options;
  for (const std::string& map : args.maps) {
    const std::size_t equals = map.find('=');
    if (equals == std::string::npos || equals == 0 || equals + 1 == map.size()) {
      std::cerr << "mixtract eval: --map '" << map << "' must look like COLUMN=NAME (for example 编号=证书编号)\n";
      return kExitUsage;
    }
    options.column_map[map.substr(0, equals)] = map.substr(equals + 1);
  }
  Result<EvalTable> truth = read_eval_table(args.truth, options);
  Result<EvalTable> predictions = read_eval_table(args.predictions, options);
  for (const Status& status : {truth.status(), predictions.status()}) {
    if (!status.ok()) {
      std::cerr << "mixtract eval: " << status.message() << "\n";
      return kExitUsage;
    }
  }
  EvalReport report = evaluate(*truth, *predictions);
  if (args.redact) report = redact(std::move(report));
  if (report.fields.empty()) {
    std::cerr << "mixtract eval: the truth and the predictions share no column to score; truth columns: ";
    for (const std::string& c : truth->columns) std::cerr << c << " ";
    std::cerr << "\n  prediction columns: ";
    for (const std::string& c : predictions->columns) std::cerr << c << " ";
    std::cerr << "\n  rename columns with --map COLUMN=NAME\n";
    return kExitUsage;
  }
  if (args.json) {
    std::cout << format_eval_json(report) << "\n";
  } else {
    std::cout << format_eval_text(report, static_cast<std::size_t>(std::max(0, args.max_wrong)));
  }
  if (!args.html.empty()) {
    std::ofstream out(args.html, std::ios::binary | std::ios::trunc);
    out << render_eval_html(report);
    if (!out.flush()) {
      std::cerr << "mixtract eval: cannot write " << args.html << "\n";
      return kExitFailure;
    }
    if (!args.json) std::cout << "report: " << args.html << "\n";
  }
  return kExitOk;
}

}  // namespace

void add_eval_command(CLI::App& app, const GlobalOptions& global, const ConfigValues& config, int& exit_code) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* sub = app.add_subcommand("eval", "Score predictions against a truth table, per field");
  sub->add_option("--truth", args->truth, "Verified table: .csv, .xlsx (first sheet) or .jsonl")->required();
  sub->add_option("--pred", args->predictions, "Predictions: mixtract's results.jsonl, or any .csv/.xlsx/.jsonl table");
  sub->add_option("--html", args->html, "Also write a self-contained HTML report with charts and thumbnails");
  sub->add_flag("--json", args->json, "Print the report as JSON instead of text");
  sub->add_flag("--redact", args->redact,
                "Leave personal data out of the report, to share it: values shown as their length and how many "
                "edits apart, file names as pseudonyms, no thumbnails");
  sub->add_option("--map", args->maps, "Read column COLUMN as NAME in both tables, e.g. --map 编号=证书编号");
  sub->add_option("--max-wrong", args->max_wrong, "Wrong fields listed in the text report")->default_val(20);
  sub->add_flag("--compare-routes", args->compare_routes,
                "Instead of --pred: run the experts on the labelled documents in --docs and print the accuracy "
                "of each expert alone, the schema's routes and each --routes file, per field, with the cost per "
                "document");
  add_routes_option(*sub, args->routes);
  sub->add_flag("--held-out-only", args->held_out_only,
                "--compare-routes: score only the documents `tune` holds out with the same --held-out");
  add_study_options(*sub, args->study, config);
  sub->footer(
      "Rows are matched by file name (column 文件, 文件名, file, filename, source or path; folders ignored). A field "
      "is scored where the truth has a value; values are compared after removing whitespace, folding full-width "
      "characters and reading dates in any form. Rows on one side only are reported, never dropped silently. With "
      "--compare-routes the experts run once on "
      "each labelled document of the schema's kind and every route is replayed on their outputs.");
  sub->callback([args, &global, &exit_code] { exit_code = run_eval(*args, global); });
}

}  // namespace mixtract::cli
