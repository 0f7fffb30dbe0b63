#include "extract_setup.h"

#include <algorithm>

#include "core/sha256.h"
#include "io/table_file.h"
#include "mixtract/version.h"

namespace mixtract::cli {

Result<InputList> named_inputs(const std::vector<std::string>& inputs, const std::string& manifest) {
  if (inputs.empty() && manifest.empty()) {
    return Status::invalid_argument("name the documents: image or PDF files, folders, patterns, or --manifest");
  }
  return collect_inputs(inputs, manifest);
}

void add_extract_settings(CLI::App& sub, ExtractSettings& settings, const ConfigValues& config) {
  add_option(sub, kSchemaOption, settings.schema, config);
  add_routes_option(sub, settings.routes);
  add_table_options(sub, settings.tables, config);
  add_bert_model_option(sub, settings.tables, config);
  add_ocr_options(sub, settings.ocr, config);
  add_llm_options(sub, settings.llm, config);
}

std::string settings_fingerprint(const ExtractSettings& settings, const GlobalOptions& global) {
  std::string text = std::string("mixtract ") + kVersion + "\nschema " + settings.schema + "\n";
  auto add_file = [&](std::string_view what, const std::string& path) {
    const Result<std::string> bytes = read_text_file(path);
    text += std::string(what) + " " + path + " " + (bytes.ok() ? sha256_hex(*bytes) : std::string("-")) + "\n";
  };
  add_file("schema file", settings.schema);  // A built-in schema's name opens no file.
  for (const std::string& routes : settings.routes) add_file("routes", routes);
  add_file("schools", settings.tables.schools);
  add_file("majors", settings.tables.majors);
  text += "bert " + settings.tables.bert_model + "\ndeps " + global.deps_dir + "\nllm " + settings.llm.url + " " +
          settings.llm.model + " " + settings.llm.gguf + "\n";
  return sha256_hex(text);
}

Result<std::vector<Schema>> settings_schemas(const ExtractSettings& settings) {
  MIXTRACT_ASSIGN_OR_RETURN(std::vector<Schema> schemas, load_schemas(settings.schema));
  for (const std::string& routes : settings.routes) MIXTRACT_RETURN_IF_ERROR(apply_routes_file(routes, schemas));
  return schemas;
}

Result<ExtractorSetup> make_extractor(const ExtractSettings& settings, const GlobalOptions& global,
                                      std::size_t documents) {
  MIXTRACT_ASSIGN_OR_RETURN(std::vector<Schema> schemas, settings_schemas(settings));
  const int threads = threads_or_cores(settings.ocr.threads);
  const std::size_t count = documents == 0 ? static_cast<std::size_t>(threads) : documents;
  ExtractorSetup setup;
  const bool llm_server = !settings.llm.url.empty();
  const int cpu_workers = static_cast<int>(std::clamp<std::size_t>(count, 1, static_cast<std::size_t>(threads)));
  setup.workers = static_cast<int>(std::clamp<std::size_t>(
      count, 1, static_cast<std::size_t>(cpu_workers + (llm_server ? settings.llm.in_flight : 0))));
  OcrArgs ocr = settings.ocr;
  ocr.threads = std::max(1, threads / cpu_workers);
  ocr.max_parallel_reads = llm_server ? cpu_workers : 0;
  MIXTRACT_ASSIGN_OR_RETURN(Engine engine, make_engine(global, ocr, settings.llm, settings.tables, threads));
  MIXTRACT_ASSIGN_OR_RETURN(Extractor extractor, engine.extractor(std::move(schemas)));
  setup.engine = std::make_unique<Engine>(std::move(engine));
  setup.extractor = std::make_unique<Extractor>(std::move(extractor));
  return setup;
}

}  // namespace mixtract::cli
