// Reading a table a person made: CSV (any of the dialects csv_reader takes) or XLSX (the first sheet),
// chosen by the file's extension.
#ifndef MIXTRACT_IO_TABLE_FILE_H_
#define MIXTRACT_IO_TABLE_FILE_H_

#include <filesystem>
#include <string>

#include "io/csv_reader.h"
#include "mixtract/status.h"

namespace mixtract {

// The whole content of a file; errors name it (missing, not a regular file, unreadable).
Result<std::string> read_text_file(const std::filesystem::path& path);

// A CSV file's text as UTF-8. Read as UTF-8 (a byte-order mark dropped) or, failing that, as GBK/GB18030,
// which Excel writes on Chinese Windows; the second is logged, naming the file. Text in neither is an
// error naming the file and what to do.
Result<std::string> read_csv_text(const std::filesystem::path& path);

// True for .csv and .xlsx (any case).
bool is_table_file(const std::filesystem::path& path);

// The rows of a .csv or .xlsx file. Errors name the file: missing, unreadable, malformed, or of another
// extension.
Result<CsvRows> read_table_file(const std::filesystem::path& path);

}  // namespace mixtract

#endif  // MIXTRACT_IO_TABLE_FILE_H_
