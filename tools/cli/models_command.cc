// `mixtract models`: the experts this build knows, whether each can run here, and the configured LLM
// server with the models it serves.
#include <iostream>

#include "commands.h"
#include "core/join.h"
#include "mixtract/llm.h"
#include "mixtract/registry.h"
#include "table.h"

namespace mixtract::cli {
namespace {

struct ModelsOptions {
  std::string llm_url;
  std::string llm_model;
  std::string llm_key_env;
};

int run_models(const ModelsOptions& options, const GlobalOptions& global) {
  ExpertOptions expert_options;
  expert_options.deps_dir = global.deps_dir;
  OcrArgs ocr;
  ocr.no_cache = true;
  expert_options.ocr = make_ocr_service(global, ocr);
  int exit_code = kExitOk;
  std::shared_ptr<LlmClient> client;
  if (!options.llm_url.empty()) {
    LlmOptions llm;
    llm.base_url = options.llm_url;
    llm.model = options.llm_model;
    llm.api_key_env = options.llm_key_env;
    Result<std::shared_ptr<LlmClient>> created = LlmClient::create(std::move(llm));
    if (!created.ok()) {
      std::cerr << "mixtract models: " << created.status().message() << "\n";
      return kExitUsage;
    }
    client = *created;
    expert_options.llm = client;
  }

  const ExpertRegistry registry = ExpertRegistry::with_builtins();
  std::vector<std::vector<std::string>> table{{"expert", "state", "what it reads"}};
  for (const ExpertRegistry::Entry* entry : registry.list()) {
    const Result<std::unique_ptr<Expert>> expert = registry.create(entry->name, expert_options);
    std::string state = "ready";
    if (!expert.ok()) {  // The message without the registry's "cannot create expert 'x': ".
      state = expert.status().message();
      const std::size_t colon = state.find(": ");
      if (colon != std::string::npos) state.erase(0, colon + 2);
    }
    table.push_back({entry->name, state, entry->description});
  }
  std::cout << format_table(table) << "\n";

  if (!client) {
    std::cout << "LLM server: none (--llm-url, MIXTRACT_LLM_URL or llm_url in the config file)\n";
    return exit_code;
  }
  std::cout << "LLM server: " << options.llm_url << "\n";
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
  return exit_code;
}

}  // namespace

void add_models_command(CLI::App& app, const GlobalOptions& global, const ConfigValues& config, int& exit_code) {
  auto options = std::make_shared<ModelsOptions>();
  CLI::App* sub = app.add_subcommand("models", "List the experts and the LLM server, and check they can run");
  add_option(*sub, kLlmUrlOption, options->llm_url, config);
  add_option(*sub, kLlmModelOption, options->llm_model, config);
  add_option(*sub, kLlmKeyEnvOption, options->llm_key_env, config);
  sub->footer(
      "Prints every expert with 'ready' or why it cannot run here (missing models: run scripts/setup.sh; the "
      "llm_* experts need --llm-url), then asks the LLM server for its models. Exit code: 0 all configured "
      "backends answer, 1 the LLM server does not answer or does not serve the model asked for.");
  sub->callback([options, &global, &exit_code] { exit_code = run_models(*options, global); });
}

}  // namespace mixtract::cli
