// mixtract: the command-line front end. Parses options and hands the work to the library.
#include <cstdlib>
#include <cstring>
#include <exception>
#include <iostream>

#include <spdlog/sinks/stdout_sinks.h>
#include <spdlog/spdlog.h>

#include "commands.h"
#include "options.h"

namespace {

using mixtract::cli::ConfigValues;

// The config file named by --config (or --config=FILE) or $MIXTRACT_CONFIG, before the full parse, so
// that its values can become the defaults of every option.
std::string find_config_path(int argc, char** argv) {
  for (int i = 1; i < argc; ++i) {
    if (std::strcmp(argv[i], "--config") == 0 && i + 1 < argc) return argv[i + 1];
    if (std::strncmp(argv[i], "--config=", 9) == 0) return argv[i] + 9;
  }
  const char* env = std::getenv("MIXTRACT_CONFIG");
  return env != nullptr ? env : "";
}

int run(int argc, char** argv) {
  ConfigValues config;
  if (const std::string path = find_config_path(argc, argv); !path.empty()) {
    mixtract::Result<ConfigValues> loaded = mixtract::cli::load_config(path);
    if (!loaded.ok()) {
      std::cerr << "mixtract: " << loaded.status().message() << "\n";
      return mixtract::cli::kExitUsage;
    }
    config = *std::move(loaded);
  }

  CLI::App app("mixtract: verified structured records from photos and scans of documents", "mixtract");
  app.require_subcommand(1);
  app.footer(
      "Run 'mixtract COMMAND --help' for the options of a command. Options can also come from "
      "environment variables (shown as Env) and from a --config YAML file; see docs/cli.md.");
  mixtract::cli::GlobalOptions global;
  mixtract::cli::add_option(app, mixtract::cli::kConfigOption, global.config_path, config);
  mixtract::cli::add_option(app, mixtract::cli::kLogLevelOption, global.log_level, config)
      ->check(CLI::IsMember({"error", "warn", "info", "debug"}));
  mixtract::cli::add_option(app, mixtract::cli::kDepsDirOption, global.deps_dir, config);
  app.parse_complete_callback([&global] {
    spdlog::set_default_logger(spdlog::stderr_logger_st("mixtract"));
    spdlog::set_pattern("mixtract: %l: %v");
    spdlog::set_level(spdlog::level::from_str(global.log_level));
    if (global.deps_dir.empty()) global.deps_dir = MIXTRACT_DEFAULT_DEPS_DIR;
  });

  int exit_code = mixtract::cli::kExitOk;
  mixtract::cli::add_extract_command(app, global, config, exit_code);
  mixtract::cli::add_synth_command(app, global, config, exit_code);
  mixtract::cli::add_eval_command(app, global, config, exit_code);
  mixtract::cli::add_tune_command(app, global, config, exit_code);
  mixtract::cli::add_ocr_command(app, global, config, exit_code);
  mixtract::cli::add_ner_command(app, global, config, exit_code);
  mixtract::cli::add_version_command(app, exit_code);
  mixtract::cli::add_models_command(app, global, config, exit_code);
  mixtract::cli::add_serve_command(app, global, config, exit_code);
  mixtract::cli::add_submit_command(app, global, config, exit_code);
  mixtract::cli::add_worker_command(app, global, config, exit_code);
  mixtract::cli::add_collect_command(app, config, exit_code);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int code = app.exit(e);
    return code == 0 ? mixtract::cli::kExitOk : mixtract::cli::kExitUsage;
  }
  return exit_code;
}

}  // namespace

int main(int argc, char** argv) {
  try {
    return run(argc, argv);
  } catch (const std::exception& e) {
    std::cerr << "mixtract: internal error: " << e.what() << "\n";
  } catch (...) {
    std::cerr << "mixtract: internal error\n";
  }
  return mixtract::cli::kExitFailure;
}
