#include "gate/char_consensus.h"

#include <algorithm>
#include <cstdlib>
#include <map>

#include "core/utf8.h"

namespace mixtract {
namespace {

using Text = std::vector<char32_t>;

// For each character of `reading`, the position of `reference` it aligns to (-1: an inserted character),
// by the alignment with the fewest edits (substitution, insertion, deletion each cost 1).
std::vector<int> align(const Text& reading, const Text& reference) {
  const std::size_t n = reading.size(), m = reference.size();
  std::vector<std::vector<int>> cost(n + 1, std::vector<int>(m + 1, 0));
  for (std::size_t i = 0; i <= n; ++i) cost[i][0] = static_cast<int>(i);
  for (std::size_t j = 0; j <= m; ++j) cost[0][j] = static_cast<int>(j);
  for (std::size_t i = 1; i <= n; ++i) {
    for (std::size_t j = 1; j <= m; ++j) {
      cost[i][j] = std::min(
          {cost[i - 1][j - 1] + (reading[i - 1] == reference[j - 1] ? 0 : 1), cost[i - 1][j] + 1, cost[i][j - 1] + 1});
    }
  }
  std::vector<int> position(n, -1);
  for (std::size_t i = n, j = m; i > 0;) {
    if (j > 0 && cost[i][j] == cost[i - 1][j - 1] + (reading[i - 1] == reference[j - 1] ? 0 : 1)) {
      position[--i] = static_cast<int>(--j);
    } else if (j > 0 && cost[i][j] == cost[i][j - 1] + 1) {
      --j;
    } else {
      --i;
    }
  }
  return position;
}

// Position-by-position votes.
class Ballot {
 public:
  explicit Ballot(std::size_t length) : votes_(length) {}
  void vote(std::size_t position, char32_t c, double weight) {
    auto& at = votes_[position];
    auto it = std::find_if(at.begin(), at.end(), [c](const Vote& v) { return v.character == c; });
    if (it == at.end()) {
      at.push_back({c, weight, 1});  // Kept in the order first read: ties go to it.
    } else {
      it->weight += weight;
      it->readings += 1;
    }
  }
  CharConsensus result() const {
    CharConsensus out;
    out.agreement = 1;
    Text winners;
    for (std::size_t p = 0; p < votes_.size(); ++p) {
      double total = 0;
      const Vote* best = nullptr;
      for (const Vote& v : votes_[p]) {
        total += v.weight;
        if (best == nullptr || v.weight > best->weight) best = &v;
      }
      winners.push_back(best == nullptr ? U'?' : best->character);
      if (best == nullptr || best->weight * 2 <= total || best->readings < 2) out.disputed.push_back(p);
      out.agreement = std::min(out.agreement, best == nullptr ? 0.0 : best->weight / total);
    }
    out.value = utf8::encode(winners);
    return out;
  }

 private:
  struct Vote {
    char32_t character;
    double weight;
    int readings;
  };
  std::vector<std::vector<Vote>> votes_;
};

}  // namespace

CharConsensus char_consensus(std::span<const Reading> readings, std::size_t length) {
  Ballot exact(length);
  bool any = false;
  for (const Reading& reading : readings) {
    const Text text = utf8::decode(reading.text);
    if (text.size() != length || reading.weight <= 0) continue;
    for (std::size_t p = 0; p < length; ++p) exact.vote(p, text[p], reading.weight);
    any = true;
  }
  if (!any || length == 0) return {};
  const Text reference = utf8::decode(exact.result().value);
  Ballot all = exact;
  for (const Reading& reading : readings) {
    const Text text = utf8::decode(reading.text);
    const std::size_t off = text.size() > length ? text.size() - length : length - text.size();
    if (off == 0 || off > 2 || reading.weight <= 0) continue;
    const std::vector<int> position = align(text, reference);
    for (std::size_t i = 0; i < text.size(); ++i) {
      if (position[i] >= 0) all.vote(static_cast<std::size_t>(position[i]), text[i], reading.weight);
    }
  }
  return all.result();
}

}  // namespace mixtract
