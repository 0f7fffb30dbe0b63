// Turning command-line paths into the list of document files to process.
#ifndef MIXTRACT_TOOLS_CLI_INPUTS_H_
#define MIXTRACT_TOOLS_CLI_INPUTS_H_

#include <filesystem>
#include <string>
#include <vector>

#include "mixtract/status.h"

namespace mixtract::cli {

struct InputList {
  std::vector<std::filesystem::path> files;  // Sorted, without duplicates.
  std::vector<Status> problems;              // Paths that do not exist or cannot be listed.
};

// Files are taken as given (whatever their extension); folders are searched recursively for images
// (.jpg .jpeg .png .tif .tiff .bmp .webp, any case).
InputList collect_inputs(const std::vector<std::string>& paths);

}  // namespace mixtract::cli

#endif  // MIXTRACT_TOOLS_CLI_INPUTS_H_
