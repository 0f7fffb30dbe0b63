// Reads the first worksheet of an .xlsx file (a zip of XML parts) into rows of text cells, the way a
// person sees them: shared and inline strings, numbers as written, and date-formatted numbers as
// YYYY-MM-DD. Formulas give their cached value.
#ifndef MIXTRACT_IO_XLSX_READER_H_
#define MIXTRACT_IO_XLSX_READER_H_

#include <filesystem>

#include "io/csv_reader.h"
#include "mixtract/status.h"

namespace mixtract {

// Rows are dense: cells a row skips are "". Errors name the file and the part that is broken.
Result<CsvRows> read_xlsx_first_sheet(const std::filesystem::path& path);

}  // namespace mixtract

#endif  // MIXTRACT_IO_XLSX_READER_H_
