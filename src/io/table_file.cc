#include "io/table_file.h"

#include <fstream>
#include <sstream>

#include <spdlog/spdlog.h>

#include "core/ascii.h"
#include "core/text_encoding.h"
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

Result<std::string> read_csv_text(const std::filesystem::path& path) {
  MIXTRACT_ASSIGN_OR_RETURN(const std::string bytes, read_text_file(path));
  std::optional<DecodedText> text = decode_utf8_or_gb18030(bytes);
  if (!text) {
    return Status::invalid_argument(readable_name(path.string()) +
                                    ": the text is neither UTF-8 nor GBK/GB18030; save it as \"CSV UTF-8\"");
  }
  if (text->encoding != "UTF-8") {
    spdlog::warn("{}: read as {} (GBK), not UTF-8", readable_name(path.string()), text->encoding);
  }
  return std::move(text->text);
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
  MIXTRACT_ASSIGN_OR_RETURN(const std::string text, read_csv_text(path));
  return parse_csv(text, source);
}

}  // namespace mixtract
