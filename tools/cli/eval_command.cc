#include <fstream>
#include <iostream>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "mixtract/eval.h"

namespace mixtract::cli {
namespace {

struct EvalArgs {
  std::string truth;
  std::string predictions;
  std::string html;
  bool json = false;
  std::vector<std::string> maps;
  int max_wrong = 20;
};

int run_eval(const EvalArgs& args) {
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
  const EvalReport report = evaluate(*truth, *predictions);
  if (report.fields.empty()) {
    std::cerr << "mixtract eval: the truth and the predictions share no column to score; truth columns: ";
    for (const std::string& c : truth->columns) std::cerr << c << " ";
    std::cerr << "\n  prediction columns: ";
    for (const std::string& c : predictions->columns) std::cerr << c << " ";
    std::cerr << "\n  rename columns with --map COLUMN=NAME\n";
    return kExitUsage;
  }
  if (args.json) {
    std::cout << eval_report_to_json(report).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
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

void add_eval_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<EvalArgs>();
  CLI::App* sub = app.add_subcommand("eval", "Score predictions against a truth table, per field");
  sub->add_option("--truth", args->truth, "Verified table: .csv, .xlsx (first sheet) or .jsonl")->required();
  sub->add_option("--pred", args->predictions, "Predictions: mixtract's results.jsonl, or any .csv/.xlsx/.jsonl table")
      ->required();
  sub->add_option("--html", args->html, "Also write a self-contained HTML report with charts and thumbnails");
  sub->add_flag("--json", args->json, "Print the report as JSON instead of text");
  sub->add_option("--map", args->maps, "Read column COLUMN as NAME in both tables, e.g. --map 编号=证书编号");
  sub->add_option("--max-wrong", args->max_wrong, "Wrong fields listed in the text report")->default_val(20);
  sub->footer(
      "Rows are matched by file name (column 文件, 文件名, file, filename, source or path; folders ignored). A field "
      "is "
      "scored where the truth has a value; values are compared after removing whitespace, folding full-width "
      "characters and reading dates in any form. Rows on one side only are reported, never dropped silently.");
  sub->callback([args, &exit_code] { exit_code = run_eval(*args); });
}

}  // namespace mixtract::cli
