// Engine: what a run builds once from its options — the OCR engines and their cache, the reference
// tables, the LLM — and the extractors made on them. The command line, the HTTP service, tune and the
// benchmarks all build through it, so that a setting means the same everywhere.
#ifndef MIXTRACT_ENGINE_H_
#define MIXTRACT_ENGINE_H_

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "mixtract/extractor.h"
#include "mixtract/registry.h"
#include "mixtract/schema.h"
#include "mixtract/status.h"

namespace mixtract {

class OcrService;
struct ExpertOptions;

// Where the llm_* experts send their requests: a server, a model in this process, or neither.
struct LlmSettings {
  std::string url;                               // An OpenAI-compatible server ("http://127.0.0.1:8080"); "" = none.
  std::string model;                             // The server's model id; "" = its only one.
  std::string key_env = "MIXTRACT_LLM_API_KEY";  // The environment variable holding its API key.
  std::filesystem::path gguf;                    // A GGUF model run in this process instead of a server; "" = none.
  int in_flight = 8;                             // Requests to the server at once.
  int threads = 0;                               // The in-process model's inference threads; 0 = one per core.
};

struct EngineOptions {
  // The folder scripts/setup.sh fills (models, dictionaries, the region table).
  std::filesystem::path deps_dir;
  // Inference threads of one page reading; 0 = one per core (and the experts choose their own).
  int threads = 0;
  // > 0: at most this many page readings at once, whoever asks (OcrServiceOptions::max_parallel_reads).
  int max_parallel_reads = 0;
  // The persistent cache of page readings (default_cache_file()); "" = none, every page read afresh.
  std::filesystem::path cache_file;
  std::uint64_t cache_max_bytes = std::uint64_t{1} << 30;
  // Schools and majors added to the built-in tables (CSV); "" = the built-in tables alone.
  std::filesystem::path schools_csv;
  std::filesystem::path majors_csv;
  // A BERT token classifier's folder for the bert_ner expert; "" = none.
  std::filesystem::path bert_dir;
  LlmSettings llm;
};

// Where the persistent cache of page readings lives unless told: $MIXTRACT_CACHE_DIR, else
// $XDG_CACHE_HOME/mixtract, else ~/.cache/mixtract, then analyses.sqlite.
std::filesystem::path default_cache_file();

class Engine {
 public:
  // Builds the OCR service, the tables and the LLM. Errors: a table file that cannot be read (named), a
  // server URL and a GGUF model both given, a GGUF model that cannot be loaded. Not errors but warnings()
  // (the run goes on without them): a cache file that cannot be opened, no region table in deps_dir.
  static Result<Engine> create(const EngineOptions& options);

  // Adds a plug-in expert, named in routes like the built-in ones (names as ExpertRegistry::add; a name
  // taken is an error). Extractors made afterwards may route fields to it.
  Status add_expert(std::string name, std::string description, ExpertFactory factory);

  // An extractor of `schemas`: every expert their routes name made once from registry(). With an LLM,
  // the LLM experts join the routes. Errors: an unknown expert in a route (naming the field and listing
  // the known experts), an expert that cannot be created; with several schemas, one without recognise
  // words, or no PP-OCRv4 to recognise the kind with.
  Result<Extractor> extractor(std::vector<Schema> schemas) const;

  // The built-in experts, each made on this engine's OCR service, tables and LLM when created, and the
  // plug-ins added.
  const ExpertRegistry& registry() const { return registry_; }
  // What the built-in experts are made with (src/experts/expert_options.h: internal to the library).
  const ExpertOptions& experts() const { return *experts_; }
  // The run's OCR service: the library's own tools read pages with it (src/ocr/ocr_service.h).
  OcrService& ocr() const;
  // The pages OCR has read since the engine was made, and how many of those readings came from the cache.
  struct PageReads {
    int read = 0;
    int from_cache = 0;
  };
  PageReads page_reads() const;
  // What create() went on without, one line each.
  const std::vector<std::string>& warnings() const { return warnings_; }

 private:
  Engine() = default;

  std::shared_ptr<const ExpertOptions> experts_;
  ExpertRegistry registry_;
  std::vector<std::string> warnings_;
};

}  // namespace mixtract

#endif  // MIXTRACT_ENGINE_H_
