#include "core/edit_distance.h"

#include <algorithm>
#include <numeric>
#include <vector>

namespace mixtract {

std::size_t edit_distance(std::u32string_view a, std::u32string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  std::iota(row.begin(), row.end(), std::size_t{0});
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({above + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

SubstringMatch closest_substring(std::u32string_view pattern, std::u32string_view text) {
  // Sellers' algorithm: the edit-distance table with a free start anywhere in `text`; each cell also
  // remembers where in `text` its alignment starts.
  const std::size_t n = text.size();
  std::vector<std::size_t> cost(n + 1, 0);
  std::vector<std::size_t> start(n + 1);
  std::iota(start.begin(), start.end(), std::size_t{0});
  for (std::size_t i = 1; i <= pattern.size(); ++i) {
    std::size_t diagonal_cost = cost[0];
    std::size_t diagonal_start = start[0];
    cost[0] = i;
    start[0] = 0;
    for (std::size_t j = 1; j <= n; ++j) {
      const std::size_t above_cost = cost[j];
      const std::size_t above_start = start[j];
      std::size_t best = diagonal_cost + (pattern[i - 1] == text[j - 1] ? 0 : 1);
      std::size_t best_start = diagonal_start;
      if (above_cost + 1 < best) best = above_cost + 1, best_start = above_start;
      if (cost[j - 1] + 1 < best) best = cost[j - 1] + 1, best_start = start[j - 1];
      cost[j] = best;
      start[j] = best_start;
      diagonal_cost = above_cost;
      diagonal_start = above_start;
    }
  }
  SubstringMatch match{cost[0], 0, 0};
  for (std::size_t j = 1; j <= n; ++j) {
    const bool longer_same_start = cost[j] == match.distance && start[j] == match.begin;
    if (cost[j] < match.distance || longer_same_start) match = {cost[j], start[j], j};
  }
  return match;
}

}  // namespace mixtract
