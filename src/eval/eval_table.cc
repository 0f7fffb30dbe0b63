// read_eval_table: CSV, XLSX and JSONL (flat objects or mixtract records) into one table shape.
#include <algorithm>
#include <set>

#include <nlohmann/json.hpp>

#include "core/ascii.h"
#include "core/join.h"
#include "io/csv_reader.h"
#include "io/table_file.h"
#include "mixtract/eval.h"

namespace mixtract {
namespace {

constexpr std::string_view kKeyColumns[] = {"文件", "文件名", "file", "filename", "source", "path"};

bool is_key_column(std::string_view name) {
  return std::find(std::begin(kKeyColumns), std::end(kKeyColumns), name) != std::end(kKeyColumns);
}

std::string mapped(const EvalTableOptions& options, const std::string& column) {
  const auto it = options.column_map.find(column);
  return it == options.column_map.end() ? column : it->second;
}

std::string base_name(const std::string& path) {
  const std::size_t slash = path.find_last_of("/\\");
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// Adds a row, refusing a second row for the same file. `where` names the row ("row 7", "line 3").
Status add_row(EvalTable& table, std::map<std::string, std::string>& seen, EvalRow row, const std::string& where) {
  if (row.file.empty()) return Status::invalid_argument(table.source + ": " + where + ": the file name is empty");
  if (auto [it, inserted] = seen.emplace(row.file, where); !inserted) {
    return Status::invalid_argument(table.source + ": " + it->second + " and " + where + " both describe '" + row.file +
                                    "'; keep one row per file");
  }
  table.rows.push_back(std::move(row));
  return Status();
}

Result<EvalTable> table_from_rows(const CsvRows& rows, const std::string& source, const EvalTableOptions& options) {
  EvalTable table;
  table.source = source;
  if (rows.empty()) return Status::invalid_argument(source + ": the table is empty (no header row)");
  std::vector<std::string> header;
  for (const std::string& name : rows[0]) {
    std::string column = name;
    column.erase(0, column.find_first_not_of(" \t"));
    column.erase(column.find_last_not_of(" \t") + 1);
    header.push_back(mapped(options, column));
  }
  const auto key = std::find_if(header.begin(), header.end(), [](const std::string& c) { return is_key_column(c); });
  if (key == header.end()) {
    return Status::invalid_argument(source +
                                    ": no file-name column (文件, 文件名, file, filename, source or path); "
                                    "columns found: " +
                                    join(header) + "; rename one with --map COLUMN=文件");
  }
  const std::size_t key_index = static_cast<std::size_t>(key - header.begin());
  std::set<std::string> columns_seen;
  for (std::size_t i = 0; i < header.size(); ++i) {
    if (i == key_index || header[i].empty()) continue;
    if (!columns_seen.insert(header[i]).second) {
      return Status::invalid_argument(source + ": the column '" + header[i] + "' appears twice in the header");
    }
    table.columns.push_back(header[i]);
  }
  std::map<std::string, std::string> seen;
  for (std::size_t r = 1; r < rows.size(); ++r) {
    const std::vector<std::string>& cells = rows[r];
    EvalRow row;
    row.source = key_index < cells.size() ? cells[key_index] : "";
    row.file = base_name(row.source);
    for (std::size_t i = 0; i < header.size() && i < cells.size(); ++i) {
      if (i != key_index && !header[i].empty()) row.cells[header[i]].value = without_formula_guard(cells[i]);
    }
    MIXTRACT_RETURN_IF_ERROR(add_row(table, seen, std::move(row), "row " + std::to_string(r + 1)));
  }
  return table;
}

std::string json_scalar_text(const nlohmann::ordered_json& value) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_null()) return "";
  return value.dump();
}

std::optional<Quad> chosen_box(const nlohmann::ordered_json& field) {
  if (!field.contains("candidates") || !field["candidates"].is_array()) return std::nullopt;
  for (const nlohmann::ordered_json& candidate : field["candidates"]) {
    if (candidate.value("value", "") != field.value("value", "") ||
        candidate.value("expert", "") != field.value("expert", "") || !candidate.contains("evidence")) {
      continue;
    }
    for (const nlohmann::ordered_json& evidence : candidate["evidence"]) {
      if (!evidence.contains("box") || !evidence["box"].is_array() || evidence["box"].size() != 4) continue;
      Quad quad;
      for (std::size_t i = 0; i < 4; ++i) {
        const nlohmann::ordered_json& point = evidence["box"][i];
        if (!point.is_array() || point.size() != 2 || !point[0].is_number() || !point[1].is_number()) {
          return std::nullopt;
        }
        quad[i] = {point[0].get<float>(), point[1].get<float>()};
      }
      return quad;
    }
  }
  return std::nullopt;
}

// One JSONL line: a mixtract record (source + fields) or a flat object of column -> value.
Result<EvalRow> row_from_json(const nlohmann::ordered_json& object, const EvalTableOptions& options, EvalTable& table,
                              const std::string& where) {
  EvalRow row;
  auto note = [](std::vector<std::string>& columns, const std::string& column) {
    if (std::find(columns.begin(), columns.end(), column) == columns.end()) columns.push_back(column);
  };
  auto note_column = [&](const std::string& column) { note(table.columns, column); };
  auto note_unreviewed = [&](const std::string& column) { note(table.unreviewed_columns, column); };
  if (object.contains("fields") && object["fields"].is_object() && object.contains("source")) {
    row.source = json_scalar_text(object["source"]);
    if (object.contains("schema_title")) {
      const std::string column = mapped(options, "文书类型");
      row.cells[column].value = json_scalar_text(object["schema_title"]);
      note_column(column);
      note_unreviewed(column);
    }
    for (const auto& [name, field] : object["fields"].items()) {
      if (!field.is_object()) return Status::invalid_argument(where + ": fields." + name + " is not an object");
      const std::string label = field.contains("label") ? json_scalar_text(field["label"]) : name;
      const std::string column = mapped(options, label.empty() ? name : label);
      EvalCell cell;
      cell.value = json_scalar_text(field.value("value", nlohmann::ordered_json()));
      // A missing field has no value to accept, whatever confidence it carries.
      if (field.contains("confidence") && field["confidence"].is_number() && field.value("status", "") != "missing") {
        cell.confidence = field["confidence"].get<double>();
      }
      cell.expert = field.value("expert", "");
      cell.accepted = field.value("status", "") == "accepted";
      cell.box = chosen_box(field);
      note_column(column);
      row.cells[column] = std::move(cell);
    }
  } else {
    bool have_key = false;
    for (const auto& [key, value] : object.items()) {
      const std::string column = mapped(options, key);
      if (is_key_column(column) && !have_key) {
        row.source = json_scalar_text(value);
        have_key = true;
        continue;
      }
      note_column(column);
      row.cells[column].value = json_scalar_text(value);
    }
    if (!have_key) {
      return Status::invalid_argument(where +
                                      ": no file-name key (文件, 文件名, file, filename, source or path); "
                                      "rename one with --map KEY=文件");
    }
  }
  row.file = base_name(row.source);
  return row;
}

Result<EvalTable> read_jsonl(const std::string& text, const std::string& source, const EvalTableOptions& options) {
  EvalTable table;
  table.source = source;
  std::map<std::string, std::string> seen;
  std::istringstream lines(text);
  std::size_t number = 0;
  for (std::string line; std::getline(lines, line);) {
    ++number;
    if (line.find_first_not_of(" \t\r") == std::string::npos) continue;
    const std::string where = "line " + std::to_string(number);
    nlohmann::ordered_json object = nlohmann::ordered_json::parse(line, nullptr, /*allow_exceptions=*/false);
    if (!object.is_object()) {
      return Status::invalid_argument(source + ":" + std::to_string(number) + ": not a JSON object");
    }
    MIXTRACT_ASSIGN_OR_RETURN(EvalRow row,
                              row_from_json(object, options, table, source + ":" + std::to_string(number)));
    MIXTRACT_RETURN_IF_ERROR(add_row(table, seen, std::move(row), where));
  }
  if (table.rows.empty()) return Status::invalid_argument(source + ": no rows");
  return table;
}

}  // namespace

Result<EvalTable> read_eval_table(const std::filesystem::path& path, const EvalTableOptions& options) {
  const std::string source = path.string();
  if (is_table_file(path)) {
    MIXTRACT_ASSIGN_OR_RETURN(CsvRows rows, read_table_file(path));
    return table_from_rows(rows, source, options);
  }
  const std::string extension = lower_extension(path);
  MIXTRACT_ASSIGN_OR_RETURN(const std::string text, read_text_file(path));
  if (extension != ".jsonl") {
    return Status::invalid_argument(source + ": unknown table format '" + extension + "'; use .csv, .xlsx or .jsonl");
  }
  return read_jsonl(text, source, options);
}

}  // namespace mixtract
