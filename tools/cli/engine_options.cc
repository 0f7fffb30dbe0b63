#include <iostream>

#include "commands.h"

namespace mixtract::cli {

Result<Engine> make_engine(const GlobalOptions& global, const OcrArgs& ocr, const LlmArgs& llm, const TableArgs& tables,
                           int llm_threads) {
  EngineOptions options;
  options.deps_dir = global.deps_dir;
  options.threads = ocr.threads;
  options.max_parallel_reads = ocr.max_parallel_reads;
  if (!ocr.no_cache) options.cache_file = default_cache_file();
  options.cache_max_bytes = static_cast<std::uint64_t>(ocr.cache_max_mb) << 20;
  options.schools_csv = tables.schools;
  options.majors_csv = tables.majors;
  options.bert_dir = tables.bert_model;
  options.llm = {llm.url, llm.model, llm.key_env, llm.gguf, llm.in_flight, llm_threads};
  MIXTRACT_ASSIGN_OR_RETURN(Engine engine, Engine::create(options));
  for (const std::string& warning : engine.warnings()) std::cerr << "mixtract: warning: " << warning << "\n";
  return engine;
}

}  // namespace mixtract::cli
