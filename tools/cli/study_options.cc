#include <unistd.h>

#include <algorithm>
#include <iostream>

#include "commands.h"
#include "progress.h"

namespace mixtract::cli {
namespace {

bool is_llm_expert(std::string_view name) {
  return name.starts_with("llm_");
}

}  // namespace

void add_study_options(CLI::App& sub, StudyArgs& args, const ConfigValues& config) {
  sub.add_option("--docs", args.docs, "Folder holding the documents the truth table names");
  add_option(sub, kSchemaOption, args.schema, config);
  sub.add_option("--experts", args.experts,
                 "Experts to try, comma-separated; default: every built-in expert that can run here (the llm_* "
                 "ones with --llm-url or --llm-gguf)")
      ->delimiter(',');
  sub.add_option("--held-out", args.held_out,
                 "Share of the documents kept out of fitting and used to measure, chosen by file name")
      ->default_val(0.3)
      ->check(CLI::Range(0.0, 0.9));
  add_table_options(sub, args.tables, config);
  add_bert_model_option(sub, args.tables, config);
  add_ocr_options(sub, args.ocr, config);
  add_llm_options(sub, args.llm, config);
}

Result<Study> study_of(const StudyArgs& args, const GlobalOptions& global, const std::vector<std::string>& also,
                       std::string_view command) {
  if (args.docs.empty()) return Status::invalid_argument("--docs: name the folder holding the labelled documents");
  if (args.schema == "auto") return Status::invalid_argument("--schema: name the one schema the documents are");
  MIXTRACT_ASSIGN_OR_RETURN(Schema schema, load_schema(args.schema));
  MIXTRACT_ASSIGN_OR_RETURN(EvalTable truth, read_eval_table(args.truth));
  const int threads = threads_or_cores(args.ocr.threads);
  OcrArgs ocr = args.ocr;
  ocr.threads = 1;  // Documents in parallel, one inference thread each.
  ocr.no_cache = true;
  MIXTRACT_ASSIGN_OR_RETURN(Engine engine, make_engine(global, ocr, args.llm, args.tables, threads));
  const ExpertOptions& options = engine.experts();
  const ExpertRegistry& registry = engine.registry();
  std::vector<std::string> experts = args.experts;
  if (experts.empty()) {
    for (const ExpertRegistry::Entry* entry : registry.list()) {
      if (is_llm_expert(entry->name) && !options.llm) continue;
      if (Status ready = registry.create(entry->name).status(); !ready.ok()) {
        std::cerr << "mixtract " << command << ": leaving out expert " << entry->name << ": " << ready.message()
                  << "\n";
        continue;
      }
      experts.push_back(entry->name);
    }
  }
  for (const std::string& name : also) {
    if (std::find(experts.begin(), experts.end(), name) == experts.end()) experts.push_back(name);
  }
  StudyOptions study_options;
  study_options.experts = experts;
  study_options.held_out = args.held_out;
  study_options.only_held_out = args.only_held_out;
  study_options.workers = threads;
  std::unique_ptr<AnalysisCache> cache;
  if (!args.ocr.no_cache) {
    Result<std::unique_ptr<AnalysisCache>> opened =
        AnalysisCache::open(default_cache_file(), static_cast<std::uint64_t>(args.ocr.cache_max_mb) << 20);
    if (opened.ok()) {
      cache = std::move(opened).value();
      study_options.cache = cache.get();
    } else {
      std::cerr << "mixtract " << command << ": warning: " << opened.status().message()
                << "; going on without the cache\n";
    }
  }
  std::unique_ptr<Progress> progress;
  study_options.progress = [&](std::size_t done, std::size_t total) {
    if (!progress) progress = std::make_unique<Progress>(total, std::cerr, ::isatty(STDERR_FILENO) != 0);
    progress->advance(false);
    if (done == total) progress->finish();
  };
  MIXTRACT_ASSIGN_OR_RETURN(Study study, run_study(schema, truth, args.docs, registry, options, study_options));
  for (const std::string& problem : study.problems)
    std::cerr << "mixtract " << command << ": skipped " << problem << "\n";
  return study;
}

}  // namespace mixtract::cli
