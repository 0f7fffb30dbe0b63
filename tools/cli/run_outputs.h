// What `extract` and `collect` share about a run's outputs: the format chosen and the closing lines.
#ifndef MIXTRACT_TOOLS_CLI_RUN_OUTPUTS_H_
#define MIXTRACT_TOOLS_CLI_RUN_OUTPUTS_H_

#include <filesystem>
#include <string>

#include "mixtract/batch_outputs.h"

namespace mixtract::cli {

// The output's format: --format when given (`format`), else from the file's extension.
Result<OutputFormat> chosen_output_format(const std::filesystem::path& output, const std::string& format);

// The closing lines naming where the finished outputs are: results, errors (when there were problems),
// per person (when wanted, with the persons whose documents conflict).
std::string where_outputs_are(const BatchOutputs& outputs);

}  // namespace mixtract::cli

#endif  // MIXTRACT_TOOLS_CLI_RUN_OUTPUTS_H_
