#include "options.h"

#include <fstream>
#include <sstream>

#include "core/join.h"
#include "core/yaml_reader.h"

namespace mixtract::cli {

std::span<const OptionSpec> all_options() {
  static constexpr OptionSpec kAll[] = {kConfigOption,          kLogLevelOption,  kDepsDirOption,    kSchemaOption,
                                        kThreadsOption,         kNoCacheOption,   kCacheMaxOption,   kOutDirOption,
                                        kOutputOption,          kFormatOption,    kSynthCountOption, kSynthSeedOption,
                                        kSynthDifficultyOption, kSchoolsOption,   kMajorsOption,     kLlmUrlOption,
                                        kLlmModelOption,        kLlmKeyEnvOption, kLlmInFlightOption};
  return kAll;
}

Result<ConfigValues> load_config(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::not_found(path + ": cannot open config file");
  std::ostringstream text;
  text << in.rdbuf();
  MIXTRACT_ASSIGN_OR_RETURN(YAML::Node root, parse_yaml(text.str(), path));
  ConfigValues values;
  if (!root || root.IsNull()) return values;
  if (!root.IsMap()) return Status::invalid_argument(path + ": expected a mapping of option keys to values");
  std::vector<std::string_view> known;
  for (const OptionSpec& spec : all_options()) {
    if (!spec.config_key.empty()) known.push_back(spec.config_key);
  }
  for (const auto& item : root) {
    const std::string key = item.first.as<std::string>("");
    bool found = false;
    for (const OptionSpec& spec : all_options()) found = found || (!spec.config_key.empty() && spec.config_key == key);
    if (!found) {
      return Status::invalid_argument(where(item.first, path) + ": unknown key '" + key +
                                      "'; known keys: " + join(known));
    }
    if (!item.second.IsScalar()) {
      return Status::invalid_argument(where(item.second, path) + ": " + key + ": expected a single value");
    }
    values[key] = item.second.Scalar();
  }
  return values;
}

namespace {

template <typename T>
CLI::Option* add_typed(CLI::App& app, const OptionSpec& spec, T& target, const ConfigValues& config) {
  std::string default_value(spec.default_value);
  if (!spec.config_key.empty()) {
    if (auto it = config.find(spec.config_key); it != config.end()) default_value = it->second;
  }
  CLI::Option* option = app.add_option(std::string(spec.flag), target, std::string(spec.help));
  if (!default_value.empty()) option->default_val(default_value);
  if (!spec.env.empty()) option->envname(std::string(spec.env));
  return option;
}

}  // namespace

CLI::Option* add_option(CLI::App& app, const OptionSpec& spec, std::string& target, const ConfigValues& config) {
  return add_typed(app, spec, target, config);
}

CLI::Option* add_option(CLI::App& app, const OptionSpec& spec, int& target, const ConfigValues& config) {
  return add_typed(app, spec, target, config);
}

CLI::Option* add_flag(CLI::App& app, const OptionSpec& spec, bool& target, const ConfigValues& config) {
  std::string default_value(spec.default_value);
  if (auto it = config.find(spec.config_key); !spec.config_key.empty() && it != config.end())
    default_value = it->second;
  target = default_value == "true" || default_value == "1" || default_value == "yes";
  CLI::Option* option = app.add_flag(std::string(spec.flag), target, std::string(spec.help));
  if (!spec.env.empty()) option->envname(std::string(spec.env));
  return option;
}

}  // namespace mixtract::cli
