// The --queue option of `submit`, `worker` and `collect`.
#ifndef MIXTRACT_TOOLS_CLI_QUEUE_OPTION_H_
#define MIXTRACT_TOOLS_CLI_QUEUE_OPTION_H_

#include <string>

#include <CLI/CLI.hpp>

namespace mixtract::cli {

// --queue redis://HOST[:PORT]/STREAM (or MIXTRACT_QUEUE), required.
void add_queue_option(CLI::App& sub, std::string& url);

}  // namespace mixtract::cli

#endif  // MIXTRACT_TOOLS_CLI_QUEUE_OPTION_H_
