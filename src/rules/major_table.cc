#include "rules/major_table.h"

#include <fstream>
#include <sstream>

#include "core/builtin_texts.h"
#include "core/edit_distance.h"
#include "core/utf8.h"
#include "io/csv_reader.h"
#include "io/table_file.h"

namespace mixtract {
namespace {

std::u32string decode32(std::string_view text) {
  const std::vector<char32_t> chars = utf8::decode(text);
  return {chars.begin(), chars.end()};
}

}  // namespace

void MajorTable::add(std::string name) {
  if (name.empty() || names_.contains(name)) return;
  decoded_.push_back(decode32(name));
  names_.insert(std::move(name));
}

MajorTable MajorTable::builtin() {
  for (const BuiltinText& text : builtin_data_texts()) {
    if (text.name != "majors") continue;
    Result<MajorTable> table = parse_csv_text(text.text, "<builtin:majors.csv>");
    if (table.ok()) return *std::move(table);
  }
  return {};  // Not reached: the built-in list is checked by the tests.
}

MajorTable MajorTable::with_additions(const MajorTable& base, const MajorTable& added) {
  MajorTable table = base;
  for (const std::string& name : added.names_) table.add(name);
  return table;
}

Result<MajorTable> MajorTable::load_csv(const std::filesystem::path& path) {
  MIXTRACT_ASSIGN_OR_RETURN(const std::string text, read_csv_text(path));
  return parse_csv_text(text, path.string());
}

Result<MajorTable> MajorTable::parse_csv_text(std::string_view text, std::string_view source_name) {
  const std::string source(source_name);
  MIXTRACT_ASSIGN_OR_RETURN(CsvRows rows, parse_csv(text, source));
  if (rows.empty()) return Status::invalid_argument(source + ": the major table is empty");
  int column = -1;
  for (std::size_t i = 0; i < rows[0].size() && column < 0; ++i) {
    if (rows[0][i] == "name" || rows[0][i] == "专业名称" || rows[0][i] == "专业") column = static_cast<int>(i);
  }
  if (column < 0)
    return Status::invalid_argument(source + ":1: the header needs a name column (name, 专业名称 or 专业)");
  MajorTable table;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const auto c = static_cast<std::size_t>(column);
    if (c >= rows[r].size() || rows[r][c].empty()) {
      return Status::invalid_argument(source + ":" + std::to_string(r + 1) + ": column " + rows[0][c] + " is empty");
    }
    table.add(rows[r][c]);
  }
  return table;
}

std::optional<MajorTable::Correction> MajorTable::correct(std::string_view value) const {
  if (value.empty() || names_.contains(value)) return std::nullopt;
  const std::u32string read = decode32(value);
  std::optional<Correction> best;
  bool tie = false;
  for (const std::u32string& name : decoded_) {
    const std::size_t allowed = name.size() / 4;
    if (allowed == 0 || (read.size() > name.size() + allowed) || (name.size() > read.size() + allowed)) continue;
    const std::size_t distance = edit_distance(read, name);
    if (distance > allowed) continue;
    if (!best || distance < best->distance) {
      best = Correction{utf8::encode(std::vector<char32_t>(name.begin(), name.end())), distance};
      tie = false;
    } else if (distance == best->distance) {
      tie = true;
    }
  }
  return tie ? std::nullopt : best;
}

}  // namespace mixtract
