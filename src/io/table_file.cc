#include "io/table_file.h"

#include <algorithm>
#include <fstream>
#include <sstream>

#include "io/xlsx_reader.h"

namespace mixtract {
namespace {

std::string lower_extension(const std::filesystem::path& path) {
  std::string extension = path.extension().string();
  std::transform(extension.begin(), extension.end(), extension.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return extension;
}

}  // namespace

bool is_table_file(const std::filesystem::path& path) {
  const std::string extension = lower_extension(path);
  return extension == ".csv" || extension == ".xlsx";
}

Result<CsvRows> read_table_file(const std::filesystem::path& path) {
  const std::string source = path.string();
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) return Status::not_found(source + ": no such file");
  const std::string extension = lower_extension(path);
  if (extension == ".xlsx") return read_xlsx_first_sheet(path);
  if (extension != ".csv") {
    return Status::invalid_argument(source + ": unknown table format '" + extension + "'; use .csv or .xlsx");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io_error(source + ": cannot open for reading");
  std::ostringstream text;
  text << in.rdbuf();
  return parse_csv(text.str(), source);
}

}  // namespace mixtract
