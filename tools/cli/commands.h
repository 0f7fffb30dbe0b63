// The subcommands of `mixtract`. Each Add*Command registers one subcommand whose callback stores the
// process exit code in `exit_code`.
#ifndef MIXTRACT_TOOLS_CLI_COMMANDS_H_
#define MIXTRACT_TOOLS_CLI_COMMANDS_H_

#include <CLI/CLI.hpp>

#include "core/cores.h"
#include "mixtract/engine.h"
#include "options.h"
#include "tune/route_study.h"

namespace mixtract::cli {

// Exit codes shared by all subcommands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;  // Ran, but some inputs failed (the rest were written).
inline constexpr int kExitUsage = 2;    // Bad options, schema or config: nothing was done.

// Options every subcommand shares.
struct GlobalOptions {
  std::string config_path;
  std::string log_level;
  std::string deps_dir;
};

// What every command that runs OCR shares.
struct OcrArgs {
  int threads = 0;  // 0 = one per core.
  bool no_cache = false;
  int cache_max_mb = 1024;
  int max_parallel_reads = 0;  // OcrServiceOptions::max_parallel_reads; set by the command, not a flag.
};
void add_ocr_options(CLI::App& sub, OcrArgs& args, const ConfigValues& config);

// Where the llm_* experts send requests: --llm-url (a server) or --llm-gguf (a model in-process).
struct LlmArgs {
  std::string url;
  std::string model;
  std::string key_env;
  std::string gguf;
  int in_flight = 8;
};
void add_llm_options(CLI::App& sub, LlmArgs& args, const ConfigValues& config);

// The reference data experts and validators read (--schools, --majors, --bert-model; regions from
// setup's data).
struct TableArgs {
  std::string schools;
  std::string majors;
  std::string bert_model;
};
void add_table_options(CLI::App& sub, TableArgs& args, const ConfigValues& config);
// --bert-model, for commands that run experts.
void add_bert_model_option(CLI::App& sub, TableArgs& args, const ConfigValues& config);
// The engine of a run, in one place: the OCR of `ocr` (each read on ocr.threads threads, the analysis cache
// unless --no-cache), the LLM `llm` names (none when it names none; a local model runs on `llm_threads`),
// the tables and setup's folder. Its warnings are printed; errors name the option at fault.
Result<Engine> make_engine(const GlobalOptions& global, const OcrArgs& ocr, const LlmArgs& llm, const TableArgs& tables,
                           int llm_threads);

// --routes FILE (repeatable): routes files written by `mixtract tune`, applied to the schemas.
void add_routes_option(CLI::App& sub, std::vector<std::string>& files);

// What `tune` and `eval --compare-routes` share: labelled documents and the experts to run on them.
struct StudyArgs {
  std::string truth;
  std::string docs;
  std::string schema;
  std::vector<std::string> experts;  // Empty = every built-in expert that can run here.
  double held_out = 0.3;
  bool only_held_out = false;  // Study only the held-out documents.
  TableArgs tables;
  OcrArgs ocr;
  LlmArgs llm;
};
// --docs, --schema, --experts, --held-out and the table, OCR and LLM options; not --truth.
void add_study_options(CLI::App& sub, StudyArgs& args, const ConfigValues& config);
// Runs the experts over the labelled documents, with progress on stderr; `also` are experts to run
// besides args.experts (those a route compared names). Pages are read afresh, so that costs are real;
// the experts' outputs are kept in the analysis cache (unless --no-cache) for the next study of the
// same documents. Problems with single documents are printed and skipped.
Result<Study> study_of(const StudyArgs& args, const GlobalOptions& global, const std::vector<std::string>& also,
                       std::string_view command);

void add_extract_command(CLI::App& app, const GlobalOptions& global, const ConfigValues& config, int& exit_code);
void add_synth_command(CLI::App& app, const GlobalOptions& global, const ConfigValues& config, int& exit_code);
void add_eval_command(CLI::App& app, const GlobalOptions& global, const ConfigValues& config, int& exit_code);
void add_tune_command(CLI::App& app, const GlobalOptions& global, const ConfigValues& config, int& exit_code);
void add_ocr_command(CLI::App& app, const GlobalOptions& global, const ConfigValues& config, int& exit_code);
void add_version_command(CLI::App& app, int& exit_code);
void add_ner_command(CLI::App& app, const GlobalOptions& global, const ConfigValues& config, int& exit_code);
void add_models_command(CLI::App& app, const GlobalOptions& global, const ConfigValues& config, int& exit_code);
void add_serve_command(CLI::App& app, const GlobalOptions& global, const ConfigValues& config, int& exit_code);
// The queue on Redis Streams: submit queues documents, workers on many machines extract them, collect
// writes the results.
void add_submit_command(CLI::App& app, const GlobalOptions& global, const ConfigValues& config, int& exit_code);
void add_worker_command(CLI::App& app, const GlobalOptions& global, const ConfigValues& config, int& exit_code);
void add_collect_command(CLI::App& app, const ConfigValues& config, int& exit_code);

}  // namespace mixtract::cli

#endif  // MIXTRACT_TOOLS_CLI_COMMANDS_H_
