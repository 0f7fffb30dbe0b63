#include <iostream>

#include <opencv2/core/version.hpp>

#include "commands.h"
#include "mixtract/schema.h"
#include "mixtract/version.h"

namespace mixtract::cli {

void add_version_command(CLI::App& app, int& exit_code) {
  CLI::App* sub = app.add_subcommand("version", "Print the version and what this build contains");
  sub->callback([&exit_code] {
    std::cout << "mixtract " << kVersion << "\n"
              << "opencv " << CV_VERSION << "\n"
              << "schemas:";
    for (const std::string& name : builtin_schema_names()) std::cout << " " << name;
    std::cout << "\n";
    exit_code = kExitOk;
  });
}

}  // namespace mixtract::cli
