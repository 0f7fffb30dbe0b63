#include "experts/ocr_label/joined_lines.h"

#include <algorithm>

#include "core/utf8.h"
#include "experts/ocr_label/label_match.h"
#include "ocr/line_geometry.h"

namespace mixtract {
namespace {

// Adds the page's line `index` to the end of the joined line `into`.
void join(JoinedLines& out, std::size_t into, const OcrResult& ocr, std::size_t index) {
  OcrLine& joined = out.ocr.lines[into];
  const OcrLine& line = ocr.lines[index];
  joined.text += line.text;
  joined.char_confidences.insert(joined.char_confidences.end(), line.char_confidences.begin(),
                                 line.char_confidences.end());
  joined.confidence = std::min(joined.confidence, line.confidence);
  out.origins[into].push_back(index);
  joined.box = bounding_quad(ocr, out.origins[into]);
}

void keep(JoinedLines& out, const OcrResult& ocr, std::size_t index) {
  out.ocr.lines.push_back(ocr.lines[index]);
  out.origins.push_back({index});
}

// Whether `text`, its separators left out, is one of `labels` followed by at most a colon.
bool is_a_label(const std::string& text, std::span<const std::string> labels) {
  std::vector<char32_t> chars = utf8::decode(text);
  std::erase_if(chars, is_separator);
  for (const std::string& label : labels) {
    const std::vector<char32_t> wanted = utf8::decode(label);
    if (chars.size() == wanted.size() && find_label(chars, wanted, wanted.size() >= 4 ? 1 : 0) == 0) return true;
  }
  return false;
}

// Whether `lower` lies just under `upper`, across from it, and is printed at its size.
bool stacked(const Quad& upper, const Quad& lower) {
  const float height = height_of(upper);
  const float gap = std::min(lower[0].y, lower[1].y) - std::max(upper[2].y, upper[3].y);
  const float centre_upper = (left_of(upper) + right_of(upper)) / 2;
  const float centre_lower = (left_of(lower) + right_of(lower)) / 2;
  const float ratio = height_of(lower) / std::max(1.0f, height);
  return gap > -0.4f * height && gap < 0.8f * height && std::abs(centre_upper - centre_lower) < height &&
         ratio > 0.6f && ratio < 1.6f;
}

}  // namespace

std::size_t JoinedLines::origins_total() const {
  std::size_t total = 0;
  for (const std::vector<std::size_t>& lines : origins) total += lines.size();
  return total;
}

JoinedLines short_fragments_joined(const OcrResult& ocr) {
  JoinedLines out;
  out.ocr.engine = ocr.engine;
  for (std::size_t index = 0; index < ocr.lines.size(); ++index) {
    const OcrLine& line = ocr.lines[index];
    if (!out.ocr.lines.empty()) {
      const OcrLine& last = out.ocr.lines.back();
      const float gap = left_of(line.box) - right_of(last.box);
      if (utf8::length(last.text) <= 2 && same_row(last, line) && gap < 3 * height_of(last.box)) {
        join(out, out.ocr.lines.size() - 1, ocr, index);
        continue;
      }
    }
    keep(out, ocr, index);
  }
  return out;
}

JoinedLines stacked_labels_joined(const OcrResult& ocr, std::span<const std::string> labels) {
  JoinedLines out;
  out.ocr.engine = ocr.engine;
  std::vector<bool> taken(ocr.lines.size(), false);
  for (std::size_t index = 0; index < ocr.lines.size(); ++index) {
    if (taken[index]) continue;
    keep(out, ocr, index);
    const Quad& upper = ocr.lines[index].box;
    for (std::size_t below = index + 1; below < ocr.lines.size(); ++below) {
      const Quad& lower = ocr.lines[below].box;
      if (lower[0].y > upper[3].y + 2 * height_of(upper)) break;
      if (taken[below] || !stacked(upper, lower) ||
          !is_a_label(ocr.lines[index].text + ocr.lines[below].text, labels)) {
        continue;
      }
      join(out, out.ocr.lines.size() - 1, ocr, below);
      taken[below] = true;
      break;
    }
  }
  return out;
}

}  // namespace mixtract
