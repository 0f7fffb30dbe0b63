// What `extract`, `submit` and `worker` share: the documents named, the options that change a
// document's record, their fingerprint, and the extractor they build.
#ifndef MIXTRACT_TOOLS_CLI_EXTRACT_SETUP_H_
#define MIXTRACT_TOOLS_CLI_EXTRACT_SETUP_H_

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "commands.h"
#include "mixtract/extractor.h"
#include "mixtract/inputs.h"

namespace mixtract::cli {

// The documents the positional arguments and --manifest name; naming none is an error.
Result<InputList> named_inputs(const std::vector<std::string>& inputs, const std::string& manifest);

struct ExtractSettings {
  std::string schema;
  std::vector<std::string> routes;
  TableArgs tables;
  OcrArgs ocr;
  LlmArgs llm;
};

// --schema, --routes, the tables, --bert-model, the OCR and the LLM options.
void add_extract_settings(CLI::App& sub, ExtractSettings& settings, const ConfigValues& config);

// The fingerprint of what, besides a document's bytes, changes its record: the version (and with it the
// built-in schemas and tables), the schema, routes and table files given (their contents), the models and
// the LLM.
std::string settings_fingerprint(const ExtractSettings& settings, const GlobalOptions& global);

// The schemas the settings name, with their --routes files applied.
Result<std::vector<Schema>> settings_schemas(const ExtractSettings& settings);

struct ExtractorSetup {
  std::unique_ptr<Extractor> extractor;
  std::unique_ptr<Engine> engine;  // What the extractor was built on (its OCR service's counts, for the summary).
  int workers = 1;                 // Documents to have in flight at once.
};

// Builds the extractor for `documents` documents (0 = no end known): documents are read in parallel,
// one thread each, threads left over going to each one's inference; with an LLM server, as many more
// documents are in flight as LLM requests may be (they wait on the server, not on a core). Errors are
// the options' (kExitUsage).
Result<ExtractorSetup> make_extractor(const ExtractSettings& settings, const GlobalOptions& global,
                                      std::size_t documents);

}  // namespace mixtract::cli

#endif  // MIXTRACT_TOOLS_CLI_EXTRACT_SETUP_H_
