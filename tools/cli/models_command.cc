// `mixtract models`: the experts this build knows, whether each can run here, and the configured LLM
// server with the models it serves.
#include <iostream>

#include "commands.h"
#include "core/join.h"
#include "llm/llm.h"
#include "table.h"

namespace mixtract::cli {
namespace {

int run_models(const LlmArgs& options, const TableArgs& tables, const GlobalOptions& global) {
  OcrArgs ocr;
  ocr.no_cache = true;
  Result<Engine> engine = make_engine(global, ocr, options, tables, 2);
  if (!engine.ok()) {
    std::cerr << "mixtract models: " << engine.status().message() << "\n";
    return kExitUsage;
  }
  const ExpertRegistry& registry = engine->registry();
  std::vector<std::vector<std::string>> table{{"expert", "state", "what it reads"}};
  for (const ExpertRegistry::Entry* entry : registry.list()) {
    const Result<std::unique_ptr<Expert>> expert = registry.create(entry->name);
    std::string state = "ready";
    if (!expert.ok()) {  // The message without the registry's "cannot create expert 'x': ".
      state = expert.status().message();
      const std::size_t colon = state.find(": ");
      if (colon != std::string::npos) state.erase(0, colon + 2);
    }
    table.push_back({entry->name, state, entry->description});
  }
  std::cout << format_table(table) << "\n";

  if (!options.gguf.empty()) {
    std::cout << "LLM: the local model " << options.gguf << ", loaded\n";
    return kExitOk;
  }
  const auto client = std::dynamic_pointer_cast<LlmClient>(engine->experts().llm);
  if (!client) {
    std::cout << "LLM: none (--llm-url or --llm-gguf, their variables or config keys)\n";
    return kExitOk;
  }
  std::cout << "LLM server: " << options.url << "\n";
  const Result<std::vector<std::string>> models = client->models();
  if (!models.ok()) {
    std::cout << "  does not answer: " << models.status().message() << "\n";
    return kExitFailure;
  }
  std::cout << "  answers; " << models->size() << " model(s): " << join(*models) << "\n";
  const Result<std::string> used = client->model();
  if (!used.ok()) {
    std::cout << "  " << used.status().message() << "\n";
    return kExitFailure;
  }
  if (std::find(models->begin(), models->end(), *used) == models->end()) {
    std::cout << "  the model " << *used << " is not among them\n";
    return kExitFailure;
  }
  std::cout << "  requests go to: " << *used << "\n";
  return kExitOk;
}

}  // namespace

void add_models_command(CLI::App& app, const GlobalOptions& global, const ConfigValues& config, int& exit_code) {
  auto options = std::make_shared<LlmArgs>();
  auto tables = std::make_shared<TableArgs>();
  CLI::App* sub = app.add_subcommand("models", "List the experts and the LLM, and check they can run");
  add_llm_options(*sub, *options, config);
  add_bert_model_option(*sub, *tables, config);
  sub->footer(
      "Prints every expert with 'ready' or why it cannot run here (missing models: run scripts/setup.sh; the "
      "llm_* experts need --llm-url), then asks the LLM server for its models. Exit code: 0 all configured "
      "backends answer, 1 the LLM server does not answer or does not serve the model asked for.");
  sub->callback([options, tables, &global, &exit_code] { exit_code = run_models(*options, *tables, global); });
}

}  // namespace mixtract::cli
