#include "io/xlsx_reader.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <memory>
#include <optional>
#include <set>

#include <pugixml.hpp>
#include <zip.h>

namespace mixtract {
namespace {

struct ZipCloser {
  void operator()(zip_t* archive) const { zip_discard(archive); }
};
using ZipPtr = std::unique_ptr<zip_t, ZipCloser>;

// The bytes of one part of the archive, or nullopt when it is absent or unreadable.
std::optional<std::string> read_part(zip_t* archive, const std::string& name) {
  zip_stat_t stat;
  if (zip_stat(archive, name.c_str(), 0, &stat) != 0 || stat.size > (512u << 20)) return std::nullopt;
  zip_file_t* file = zip_fopen(archive, name.c_str(), 0);
  if (file == nullptr) return std::nullopt;
  std::string bytes(static_cast<std::size_t>(stat.size), '\0');
  const zip_int64_t read = zip_fread(file, bytes.data(), stat.size);
  zip_fclose(file);
  if (read != static_cast<zip_int64_t>(stat.size)) return std::nullopt;
  return bytes;
}

// The text of a shared-string item or inline string: <t> directly, or the <t> of each rich-text run.
std::string string_item_text(const pugi::xml_node& item) {
  std::string text = item.child("t").text().get();
  for (const pugi::xml_node& run : item.children("r")) text += run.child("t").text().get();
  return text;
}

// Zero-based column of a cell reference such as "AB12"; -1 when malformed.
int column_of(const char* reference) {
  int column = 0;
  int letters = 0;
  for (const char* p = reference; *p >= 'A' && *p <= 'Z'; ++p, ++letters) column = column * 26 + (*p - 'A' + 1);
  return letters == 0 || letters > 3 ? -1 : column - 1;
}

bool is_date_format(int id, const std::string& code) {
  if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47)) return true;
  bool in_brackets = false;
  bool in_quotes = false;
  for (char c : code) {
    if (c == '"') in_quotes = !in_quotes;
    if (in_quotes) continue;
    if (c == '[') in_brackets = true;
    if (c == ']') in_brackets = false;
    if (!in_brackets && (c == 'y' || c == 'Y' || c == 'd' || c == 'D')) return true;
  }
  return false;
}

// Which cell style indexes (the s attribute) show dates.
std::set<int> date_styles(zip_t* archive) {
  std::set<int> styles;
  const std::optional<std::string> xml = read_part(archive, "xl/styles.xml");
  pugi::xml_document doc;
  if (!xml || !doc.load_buffer(xml->data(), xml->size())) return styles;
  const pugi::xml_node root = doc.child("styleSheet");
  std::map<int, std::string> custom;
  for (const pugi::xml_node& format : root.child("numFmts").children("numFmt")) {
    custom[format.attribute("numFmtId").as_int()] = format.attribute("formatCode").value();
  }
  int index = 0;
  for (const pugi::xml_node& xf : root.child("cellXfs").children("xf")) {
    const int id = xf.attribute("numFmtId").as_int();
    if (is_date_format(id, custom.contains(id) ? custom[id] : "")) styles.insert(index);
    ++index;
  }
  return styles;
}

// Excel's day number (1900 date system, serial 61 onwards) as YYYY-MM-DD.
std::string serial_to_iso(double serial) {
  // Days since 1970-01-01 (Excel counts from 1899-12-30), then Howard Hinnant's civil_from_days.
  const long z = static_cast<long>(std::floor(serial)) - 25569 + 719468;
  const long era = (z >= 0 ? z : z - 146096) / 146097;
  const long doe = z - era * 146097;
  const long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
  const long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
  const long mp = (5 * doy + 2) / 153;
  const long day = doy - (153 * mp + 2) / 5 + 1;
  const long month = mp < 10 ? mp + 3 : mp - 9;
  const long year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  char iso[64];  // Room for any long, as the compiler checks.
  std::snprintf(iso, sizeof iso, "%04ld-%02ld-%02ld", year, month, day);
  return iso;
}

// The worksheet part of the first sheet, from the workbook and its relationships.
std::string first_sheet_part(zip_t* archive) {
  const std::string fallback = "xl/worksheets/sheet1.xml";
  const std::optional<std::string> workbook = read_part(archive, "xl/workbook.xml");
  const std::optional<std::string> rels = read_part(archive, "xl/_rels/workbook.xml.rels");
  pugi::xml_document wb;
  pugi::xml_document rel;
  if (!workbook || !rels || !wb.load_buffer(workbook->data(), workbook->size()) ||
      !rel.load_buffer(rels->data(), rels->size())) {
    return fallback;
  }
  const pugi::xml_node sheet = wb.child("workbook").child("sheets").child("sheet");
  const std::string id = sheet.attribute("r:id").value();
  for (const pugi::xml_node& r : rel.child("Relationships").children("Relationship")) {
    if (id != r.attribute("Id").value()) continue;
    std::string target = r.attribute("Target").value();
    if (!target.empty() && target[0] == '/') return target.substr(1);
    return "xl/" + target;
  }
  return fallback;
}

// The workbook's shared strings, in order; none when it has no such part.
Result<std::vector<std::string>> shared_strings(zip_t* archive, const std::string& source) {
  std::vector<std::string> shared;
  const std::optional<std::string> xml = read_part(archive, "xl/sharedStrings.xml");
  if (!xml) return shared;
  pugi::xml_document doc;
  if (!doc.load_buffer(xml->data(), xml->size())) {
    return Status::invalid_argument(source + ": xl/sharedStrings.xml is not valid XML");
  }
  for (const pugi::xml_node& item : doc.child("sst").children("si")) shared.push_back(string_item_text(item));
  return shared;
}

// The text of one cell as the spreadsheet shows it: a shared or inline string, TRUE / FALSE, a number, a
// date (a number in one of the `dates` styles) as YYYY-MM-DD.
Result<std::string> cell_text(const pugi::xml_node& cell, const std::vector<std::string>& shared,
                              const std::set<int>& dates, const std::string& source) {
  const std::string type = cell.attribute("t").value();
  const std::string raw = cell.child("v").text().get();
  if (type == "s") {
    const int index = cell.child("v").text().as_int(-1);
    if (index < 0 || static_cast<std::size_t>(index) >= shared.size()) {
      return Status::invalid_argument(source + ": cell " + cell.attribute("r").value() + " points at shared string " +
                                      raw + ", which does not exist");
    }
    return shared[static_cast<std::size_t>(index)];
  }
  if (type == "inlineStr") return string_item_text(cell.child("is"));
  if (type == "b") return std::string(raw == "1" ? "TRUE" : "FALSE");
  if ((type.empty() || type == "n") && !raw.empty() && dates.contains(cell.attribute("s").as_int(-1))) {
    const double serial = cell.child("v").text().as_double();
    if (serial >= 61 && serial < 2958466) return serial_to_iso(serial);
  }
  return raw;  // A number, "str" (formula text), "e" (error value).
}

}  // namespace

Result<CsvRows> read_xlsx_first_sheet(const std::filesystem::path& path) {
  const std::string source = path.string();
  int error = 0;
  ZipPtr archive(zip_open(source.c_str(), ZIP_RDONLY, &error));
  if (!archive) {
    return Status::invalid_argument(source +
                                    ": not a readable .xlsx file (it is not a zip archive); save it from "
                                    "your spreadsheet program as .xlsx or .csv");
  }
  MIXTRACT_ASSIGN_OR_RETURN(const std::vector<std::string> shared, shared_strings(archive.get(), source));
  const std::set<int> dates = date_styles(archive.get());
  const std::string part = first_sheet_part(archive.get());
  const std::optional<std::string> sheet_xml = read_part(archive.get(), part);
  if (!sheet_xml) return Status::invalid_argument(source + ": the first worksheet (" + part + ") is missing");
  pugi::xml_document sheet;
  if (!sheet.load_buffer(sheet_xml->data(), sheet_xml->size())) {
    return Status::invalid_argument(source + ": " + part + " is not valid XML");
  }
  CsvRows rows;
  for (const pugi::xml_node& row : sheet.child("worksheet").child("sheetData").children("row")) {
    std::vector<std::string> cells;
    int next_column = 0;
    for (const pugi::xml_node& cell : row.children("c")) {
      const pugi::xml_attribute reference = cell.attribute("r");
      const int column = reference ? column_of(reference.value()) : next_column;
      if (column < 0 || column > 16383) {
        return Status::invalid_argument(source + ": cell reference '" + reference.value() + "' is malformed");
      }
      next_column = column + 1;
      MIXTRACT_ASSIGN_OR_RETURN(std::string text, cell_text(cell, shared, dates, source));
      if (cells.size() <= static_cast<std::size_t>(column)) cells.resize(static_cast<std::size_t>(column) + 1);
      cells[static_cast<std::size_t>(column)] = std::move(text);
    }
    rows.push_back(std::move(cells));
  }
  // Blank rows carry no information; drop them as the CSV reader does.
  std::erase_if(rows, [](const std::vector<std::string>& r) {
    for (const std::string& cell : r) {
      if (!cell.empty()) return false;
    }
    return true;
  });
  return rows;
}

}  // namespace mixtract
