#include <iostream>

#include "commands.h"

namespace mixtract::cli {

void add_planned_commands(CLI::App& app, int& exit_code) {
  struct Planned {
    const char* name;
    const char* summary;
  };
  static constexpr Planned kPlanned[] = {
      {"serve", "HTTP API and review web page"},
  };
  for (const Planned& planned : kPlanned) {
    CLI::App* sub = app.add_subcommand(planned.name, std::string(planned.summary) + " (not built yet)");
    sub->allow_extras();
    sub->callback([name = planned.name, &exit_code] {
      std::cerr << "mixtract " << name << ": not built yet in this version; see the open issues in the project "
                << "tracker and README.md for what works today\n";
      exit_code = kExitNotBuilt;
    });
  }
}

}  // namespace mixtract::cli
