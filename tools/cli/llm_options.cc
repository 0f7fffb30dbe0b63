#include "commands.h"
#include "mixtract/local_llm.h"

namespace mixtract::cli {

void add_llm_options(CLI::App& sub, LlmArgs& args, const ConfigValues& config) {
  add_option(sub, kLlmUrlOption, args.url, config);
  add_option(sub, kLlmModelOption, args.model, config);
  add_option(sub, kLlmKeyEnvOption, args.key_env, config);
  add_option(sub, kLlmGgufOption, args.gguf, config);
  add_option(sub, kLlmInFlightOption, args.in_flight, config)->check(CLI::Range(1, 1024));
}

Result<std::shared_ptr<ChatBackend>> make_llm(const LlmArgs& args, const GlobalOptions& global, int threads) {
  if (!args.url.empty() && !args.gguf.empty())
    return Status::invalid_argument("give --llm-url or --llm-gguf, not both");
  if (!args.gguf.empty()) {
    LocalLlmOptions local;
    local.model = args.gguf;
    local.lib_dir = std::filesystem::path(global.deps_dir) / "llama-libs" / "lib";
    local.threads = threads;
    MIXTRACT_ASSIGN_OR_RETURN(std::shared_ptr<LocalLlm> llm, LocalLlm::load(local));
    return std::shared_ptr<ChatBackend>(std::move(llm));
  }
  if (args.url.empty()) return std::shared_ptr<ChatBackend>();
  LlmOptions options;
  options.base_url = args.url;
  options.model = args.model;
  options.api_key_env = args.key_env;
  options.max_in_flight = args.in_flight;
  MIXTRACT_ASSIGN_OR_RETURN(std::shared_ptr<LlmClient> client, LlmClient::create(std::move(options)));
  return std::shared_ptr<ChatBackend>(std::move(client));
}

}  // namespace mixtract::cli
