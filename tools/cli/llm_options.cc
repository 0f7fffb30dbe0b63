#include "commands.h"

namespace mixtract::cli {

void add_llm_options(CLI::App& sub, LlmArgs& args, const ConfigValues& config) {
  add_option(sub, kLlmUrlOption, args.url, config);
  add_option(sub, kLlmModelOption, args.model, config);
  add_option(sub, kLlmKeyEnvOption, args.key_env, config);
  add_option(sub, kLlmGgufOption, args.gguf, config);
  add_option(sub, kLlmInFlightOption, args.in_flight, config)->check(CLI::Range(1, 1024));
}

}  // namespace mixtract::cli
