#include "table.h"

#include <algorithm>
#include <cstdio>

#include "core/utf8.h"

namespace mixtract::cli {

std::string format_table(const std::vector<std::vector<std::string>>& rows) {
  if (rows.empty()) return "";
  const std::size_t columns = rows[0].size();
  std::vector<std::size_t> widths(columns, 0);
  for (const auto& row : rows) {
    for (std::size_t i = 0; i < columns && i < row.size(); ++i)
      widths[i] = std::max(widths[i], utf8::display_width(row[i]));
  }
  std::string out;
  auto append_row = [&](const std::vector<std::string>& row) {
    for (std::size_t i = 0; i < columns; ++i) {
      const std::string cell = i < row.size() ? row[i] : "";
      out += cell;
      if (i + 1 < columns) out.append(widths[i] - utf8::display_width(cell) + 2, ' ');
    }
    out += '\n';
  };
  append_row(rows[0]);
  std::size_t total = 0;
  for (std::size_t w : widths) total += w + 2;
  out.append(total > 2 ? total - 2 : 0, '-');
  out += '\n';
  for (std::size_t r = 1; r < rows.size(); ++r) append_row(rows[r]);
  return out;
}

std::string percent(int part, int whole) {
  if (whole == 0) return "-";
  char text[16];
  std::snprintf(text, sizeof text, "%.1f%%", 100.0 * part / whole);
  return text;
}

}  // namespace mixtract::cli
