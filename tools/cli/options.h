// Command-line options, each declared once: flag, environment variable, config-file key, default and
// help. Precedence: command line > environment > config file > default.
#ifndef MIXTRACT_TOOLS_CLI_OPTIONS_H_
#define MIXTRACT_TOOLS_CLI_OPTIONS_H_

#include <map>
#include <span>
#include <string>
#include <string_view>

#include <CLI/CLI.hpp>

#include "mixtract/status.h"

namespace mixtract::cli {

struct OptionSpec {
  std::string_view flag;           // CLI11 name, e.g. "-o,--out".
  std::string_view env;            // Environment variable; "" = none.
  std::string_view config_key;     // Key in the config file; "" = none.
  std::string_view default_value;  // As text; "" = empty.
  std::string_view help;
};

inline constexpr OptionSpec kConfigOption{"--config", "MIXTRACT_CONFIG", "", "",
                                          "YAML file of option defaults (keys: see docs/cli.md)"};
inline constexpr OptionSpec kLogLevelOption{"--log-level", "MIXTRACT_LOG_LEVEL", "log_level", "warn",
                                            "Log detail on stderr: error, warn, info, debug"};
inline constexpr OptionSpec kDepsDirOption{"--deps-dir", "MIXTRACT_DEPS_DIR", "deps_dir", "",
                                           "Folder filled by scripts/setup.sh (models, dictionaries); "
                                           "default: the build's deps/"};
inline constexpr OptionSpec kSchemaOption{"-s,--schema", "MIXTRACT_SCHEMA", "schema", "auto",
                                          "auto (recognise 毕业证书, 学位证书, 身份证, 学历备案表 or 学位验证报告 per "
                                          "document), a built-in "
                                          "schema name, or the path of a schema YAML file"};
inline constexpr OptionSpec kOutputOption{"-o,--output", "MIXTRACT_OUTPUT", "output", "mixtract-out/results.jsonl",
                                          "Results file (its folder is created if missing)"};
inline constexpr OptionSpec kFormatOption{"--format", "MIXTRACT_FORMAT", "format", "",
                                          "jsonl, csv or xlsx; default: from the output file's extension, else jsonl"};
inline constexpr OptionSpec kOutDirOption{"-o,--out", "MIXTRACT_OUT", "out", "mixtract-out",
                                          "Output folder (created if missing)"};
inline constexpr OptionSpec kThreadsOption{"-j,--threads", "MIXTRACT_THREADS", "threads", "0",
                                           "Threads in all (0 = one per core); extract reads that many "
                                           "documents at once"};
inline constexpr OptionSpec kNoCacheOption{"--no-cache", "MIXTRACT_NO_CACHE", "no_cache", "false",
                                           "Neither read nor write the analysis cache (OCR runs again)"};
inline constexpr OptionSpec kCacheMaxOption{"--cache-max-mb", "MIXTRACT_CACHE_MAX_MB", "cache_max_mb", "1024",
                                            "Size limit of the analysis cache; least recently used entries go first"};
inline constexpr OptionSpec kSynthCountOption{"-n,--n", "", "", "6", "Number of documents to render"};
inline constexpr OptionSpec kSynthSeedOption{"--seed", "", "", "1", "Random seed: same seed, same documents"};
inline constexpr OptionSpec kSynthDifficultyOption{"--difficulty", "", "", "clean",
                                                   "clean, photo (tilt, light, blur, noise, JPEG), hard, or mix"};
inline constexpr OptionSpec kSchoolsOption{"--schools", "MIXTRACT_SCHOOLS", "schools", "",
                                           "School table CSV (columns name/学校名称 and code_5/学校代码) added to "
                                           "the built-in Ministry list of 2,631 schools (2017), its rows replacing "
                                           "built-in ones of the same code or name"};

inline constexpr OptionSpec kMajorsOption{"--majors", "MIXTRACT_MAJORS", "majors", "",
                                          "Major table CSV (column name/专业名称/专业) added to the built-in one "
                                          "(about 600 names of the Ministry's catalogues): majors are corrected "
                                          "against it, and one it lacks is accepted only when two experts read it"};
inline constexpr OptionSpec kBertModelOption{"--bert-model", "MIXTRACT_BERT_MODEL", "bert_model", "",
                                             "A BERT token classifier's folder (model.onnx, vocab.txt, labels.txt) "
                                             "for the bert_ner expert; default: none"};

inline constexpr OptionSpec kLlmUrlOption{"--llm-url", "MIXTRACT_LLM_URL", "llm_url", "",
                                          "OpenAI-compatible server for the llm_* experts (http://host:port, "
                                          "https://host/v1); default: none"};
inline constexpr OptionSpec kLlmModelOption{"--llm-model", "MIXTRACT_LLM_MODEL", "llm_model", "",
                                            "Model id; default: the server's only model"};
inline constexpr OptionSpec kLlmKeyEnvOption{"--llm-key-env", "MIXTRACT_LLM_KEY_ENV", "llm_key_env",
                                             "MIXTRACT_LLM_API_KEY",
                                             "Environment variable holding the server's API key (sent as a "
                                             "Bearer token; unset = none)"};
inline constexpr OptionSpec kLlmGgufOption{"--llm-gguf", "MIXTRACT_LLM_GGUF", "llm_gguf", "",
                                           "A GGUF model run in this process for the llm_text* experts, "
                                           "instead of a server (text only)"};
inline constexpr OptionSpec kLlmInFlightOption{"--llm-in-flight", "MIXTRACT_LLM_IN_FLIGHT", "llm_in_flight", "8",
                                               "LLM requests in flight at once; documents waiting on the LLM "
                                               "hold no core"};

// Every option above, for validating config files.
std::span<const OptionSpec> all_options();

// Option values read from a config file, by key.
using ConfigValues = std::map<std::string, std::string, std::less<>>;

// Reads a config file: a YAML mapping of config keys to scalar values. Unknown keys are errors naming
// the file, line and key.
Result<ConfigValues> load_config(const std::string& path);

// Adds `spec` to `app`, bound to `target`, with its environment variable, and its default taken from
// `config` when the key is there.
CLI::Option* add_option(CLI::App& app, const OptionSpec& spec, std::string& target, const ConfigValues& config);
CLI::Option* add_option(CLI::App& app, const OptionSpec& spec, int& target, const ConfigValues& config);
// A flag (no value on the command line; true/false in the environment and the config file).
CLI::Option* add_flag(CLI::App& app, const OptionSpec& spec, bool& target, const ConfigValues& config);

}  // namespace mixtract::cli

#endif  // MIXTRACT_TOOLS_CLI_OPTIONS_H_
