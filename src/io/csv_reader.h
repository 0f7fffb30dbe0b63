// RFC 4180 CSV parsing: quoted fields with "" escapes and embedded line breaks, CRLF or LF line ends,
// an optional UTF-8 byte-order mark.
#ifndef MIXTRACT_IO_CSV_READER_H_
#define MIXTRACT_IO_CSV_READER_H_

#include <string>
#include <string_view>
#include <vector>

#include "mixtract/status.h"

namespace mixtract {

using CsvRows = std::vector<std::vector<std::string>>;

// Parses CSV text into rows of cells. Blank lines are skipped. An unterminated quote is an error naming
// `source` and the line where the quoted field began.
Result<CsvRows> parse_csv(std::string_view text, std::string_view source);

// The first characters that make a spreadsheet run a cell as a formula: the CSV writer puts a ' before
// a cell that starts with one.
inline constexpr std::string_view kFormulaStarts = "=+-@\t\r";

// A cell as it was before the CSV writer guarded it against formula injection: '=1+2 -> =1+2. Other
// cells, a ' before anything else included, are unchanged.
std::string_view without_formula_guard(std::string_view cell);

}  // namespace mixtract

#endif  // MIXTRACT_IO_CSV_READER_H_
