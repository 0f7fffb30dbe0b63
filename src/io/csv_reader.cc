#include "io/csv_reader.h"

namespace mixtract {

std::string_view without_formula_guard(std::string_view cell) {
  if (cell.size() >= 2 && cell[0] == '\'' && kFormulaStarts.find(cell[1]) != std::string_view::npos) {
    cell.remove_prefix(1);
  }
  return cell;
}

Result<CsvRows> parse_csv(std::string_view text, std::string_view source) {
  if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
  CsvRows rows;
  std::vector<std::string> row;
  std::string cell;
  bool quoted = false;
  bool cell_started = false;  // The current row has content (so a line end closes a row).
  std::size_t line = 1;
  std::size_t quote_line = 0;
  auto end_row = [&] {
    if (cell_started || !row.empty()) {
      row.push_back(std::move(cell));
      rows.push_back(std::move(row));
    }
    row.clear();
    cell.clear();
    cell_started = false;
  };
  for (std::size_t i = 0; i < text.size(); ++i) {
    const char c = text[i];
    if (quoted) {
      if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') {
        cell += '"';
        ++i;
      } else if (c == '"') {
        quoted = false;
      } else {
        if (c == '\n') ++line;
        cell += c;
      }
      continue;
    }
    switch (c) {
      case '"':
        quoted = true;
        quote_line = line;
        cell_started = true;
        break;
      case ',':
        row.push_back(std::move(cell));
        cell.clear();
        cell_started = true;
        break;
      case '\r': break;
      case '\n':
        ++line;
        end_row();
        break;
      default: cell += c; cell_started = true;
    }
  }
  if (quoted) {
    return Status::invalid_argument(std::string(source) + ":" + std::to_string(quote_line) +
                                    ": a quoted field is never closed (missing \")");
  }
  end_row();
  return rows;
}

}  // namespace mixtract
