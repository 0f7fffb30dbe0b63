#include "io/table_file.h"

#include <fstream>
#include <sstream>

#include "core/ascii.h"
#include "io/xlsx_reader.h"

namespace mixtract {
bool is_table_file(const std::filesystem::path& path) {
  const std::string extension = lower_extension(path);
  return extension == ".csv" || extension == ".xlsx";
}

Result<std::string> read_text_file(const std::filesystem::path& path) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return Status::not_found(path.string() + ": no such file");
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io_error(path.string() + ": cannot open for reading");
  std::ostringstream text;
  text << in.rdbuf();
  if (in.bad()) return Status::io_error(path.string() + ": read failed");
  return text.str();
}

Result<CsvRows> read_table_file(const std::filesystem::path& path) {
  const std::string source = path.string();
  const std::string extension = lower_extension(path);
  if (extension != ".xlsx" && extension != ".csv") {
    return Status::invalid_argument(source + ": unknown table format '" + extension + "'; use .csv or .xlsx");
  }
  if (extension == ".xlsx") {
    std::error_code ec;
    if (!std::filesystem::is_regular_file(path, ec)) return Status::not_found(source + ": no such file");
    return read_xlsx_first_sheet(path);
  }
  MIXTRACT_ASSIGN_OR_RETURN(const std::string text, read_text_file(path));
  return parse_csv(text, source);
}

}  // namespace mixtract
