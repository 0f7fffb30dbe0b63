// Plain-text tables for the terminal, aligned by display width (a Chinese character takes two columns).
#ifndef MIXTRACT_TOOLS_CLI_TABLE_H_
#define MIXTRACT_TOOLS_CLI_TABLE_H_

#include <string>
#include <vector>

namespace mixtract::cli {

// rows[0] is the header. Rows shorter than the header are padded with empty cells.
std::string format_table(const std::vector<std::vector<std::string>>& rows);

// "93.5%": part of whole with one decimal; "-" when whole is 0.
std::string percent(int part, int whole);

}  // namespace mixtract::cli

#endif  // MIXTRACT_TOOLS_CLI_TABLE_H_
