// PageRenderer::report: a verification report on A4 at 150 dpi (1240 x 1754 pixels).
#include <algorithm>

#include <opencv2/imgproc.hpp>
#include <opencv2/objdetect.hpp>

#include "core/utf8.h"
#include "drawing.h"
#include "page_renderer.h"

namespace mixtract::synth {
namespace {

constexpr int kPageWidth = 1240;
constexpr int kPageHeight = 1754;
constexpr int kLeft = 110;
constexpr int kRight = kPageWidth - 110;
const cv::Scalar kGrid(90, 90, 90);
const cv::Scalar kLabelFill(236, 236, 236);
constexpr int kPhotoWidth = 190;
constexpr int kPhotoRows = 4;  // Table rows beside a photo in the table.

// The QR code of `text`, `size` pixels square, black on white, its quiet zone included.
cv::Mat qr_image(const std::string& text, int size) {
  cv::Mat modules;
  cv::QRCodeEncoder::create()->encode(text, modules);
  cv::Mat code;
  cv::resize(modules, code, {size, size}, 0, 0, cv::INTER_NEAREST);
  cv::cvtColor(code, code, cv::COLOR_GRAY2BGR);
  return code;
}

// The smallest print a cell's text shrinks to before it wraps instead (smaller, some fonts turn to blots).
constexpr int kSmallestPrint = 20;

// `text` in as few lines as fit `width` at `size`, of even length: a label wrapped in a narrow cell
// (毕（结） over 业日期).
std::vector<std::string> even_lines(const Font& font, const std::string& text, int width, int size) {
  const std::vector<char32_t> chars = utf8::decode(text);
  std::size_t per_line = chars.size();
  for (std::size_t count = 1; count <= chars.size(); ++count) {
    per_line = (chars.size() + count - 1) / count;
    std::string widest;
    for (std::size_t i = 0; i < per_line; ++i) utf8::append(chars[i], widest);
    if (text_width(font, widest, size) <= width) break;
  }
  std::vector<std::string> lines;
  for (std::size_t i = 0; i < chars.size(); ++i) {
    if (i % per_line == 0) lines.emplace_back();
    utf8::append(chars[i], lines.back());
  }
  return lines;
}

// A cell's text, vertically centred in `cell`, from its left edge (a value) or centred (a label), each line
// it is printed on added to `lines`. Text too wide for the cell is printed smaller, down to kSmallestPrint;
// a label still too wide, or with `wrap` any text, wraps inside the cell instead.
void put_in_cell(const Font& font, cv::Mat& page, const std::string& text, cv::Rect cell, int size, bool label,
                 bool wrap, std::vector<std::string>& lines) {
  const int room = cell.width - 24;
  std::vector<std::string> parts{text};
  if (wrap && text_width(font, text, size) > room) {
    size -= 2;
    parts = filled_lines(font, text, room, size);
  } else {
    while (size > kSmallestPrint && text_width(font, text, size) > room) --size;
    if (label && text_width(font, text, size) > room) parts = even_lines(font, text, room, size);
  }
  const int step = size * 6 / 5;
  int y = cell.y + (cell.height - step * static_cast<int>(parts.size()) + (step - size)) / 2;
  for (const std::string& part : parts) {
    if (label) {
      put_centered(font, page, part, {cell.x + cell.width / 2, y + size / 2}, size, kInk);
    } else {
      put(font, page, part, {cell.x + 14, y}, size, kInk);
    }
    lines.push_back(part);
    y += step;
  }
}

// One label/value pair in `area`, its share of a row, as `text.cells` says; a label cell `label_width` wide.
void put_pair(const Font& font, cv::Mat& page, const ReportText& text, const ReportCell& pair, cv::Rect area,
              int label_width, int size, std::vector<std::string>& lines) {
  switch (text.cells) {
    case ReportCells::kBeside: {
      const cv::Rect label_cell(area.x, area.y, label_width, area.height);
      const cv::Rect value_cell(area.x + label_width, area.y, area.width - label_width, area.height);
      cv::rectangle(page, label_cell, kLabelFill, cv::FILLED);
      cv::rectangle(page, label_cell, kGrid, 2);
      cv::rectangle(page, value_cell, kGrid, 2);
      put_in_cell(font, page, pair.label, label_cell, size, true, false, lines);
      put_in_cell(font, page, pair.value, value_cell, size, false, text.wrap_values, lines);
      break;
    }
    case ReportCells::kColon:
      put_in_cell(font, page, pair.label + "：" + pair.value, area, size, false, false, lines);
      break;
    case ReportCells::kAbove: {
      cv::rectangle(page, area, kGrid, 2);
      const int label_size = std::max(kSmallestPrint, size * 3 / 4);
      const cv::Rect label_part(area.x, area.y + 6, area.width, label_size + 10);
      const cv::Rect value_part(area.x, label_part.y + label_part.height, area.width,
                                area.y + area.height - label_part.y - label_part.height);
      put_in_cell(font, page, pair.label, label_part, label_size, false, false, lines);
      put_in_cell(font, page, pair.value, value_part, size, false, text.wrap_values, lines);
      break;
    }
  }
}

// The table of `text`, its top at `y`, each row `row_height` high, each pair in its share of its row (the
// rows beside a photo in the table narrower); returns the y below it.
int draw_table(const Font& font, Page& out, const ReportText& text, int y, int row_height, int size) {
  const int label_width = text.wrap_values ? 130 : text.photo_in_table ? 200 : 240;
  const int top = y;
  for (std::size_t r = 0; r < text.rows.size(); ++r) {
    const bool beside_photo = text.photo_in_table && static_cast<int>(r) < kPhotoRows;
    const int right = beside_photo ? kRight - kPhotoWidth : kRight;
    const std::vector<ReportCell>& pairs = text.rows[r];
    const int pair_width = (right - kLeft) / static_cast<int>(pairs.size());
    for (std::size_t p = 0; p < pairs.size(); ++p) {
      const int x = kLeft + pair_width * static_cast<int>(p);
      const int width = p + 1 == pairs.size() ? right - x : pair_width;
      put_pair(font, out.image, text, pairs[p], cv::Rect(x, y, width, row_height), label_width, size, out.lines);
    }
    y += row_height;
  }
  if (text.photo_in_table) {
    const cv::Rect photo(kRight - kPhotoWidth, top, kPhotoWidth, row_height * kPhotoRows);
    cv::rectangle(out.image, photo, kGrid, 2);
    photo_box(out.image, {photo.x + 15, photo.y + 12, photo.width - 30, photo.height - 24});
  }
  return y;
}

}  // namespace

Page PageRenderer::report(const ReportText& text, std::mt19937& rng) const {
  Page out{blank_page(kPageWidth, kPageHeight, rng), {}};
  cv::Mat& page = out.image;
  const Font& font = fonts_.any(rng);
  int y = 120;
  for (const std::string& title : text.title) {
    const int height = uniform(rng, 46, 54);
    put_centered(fonts_.song(), page, title, {kPageWidth / 2, y + height / 2}, height, kInk);
    out.lines.push_back(title);
    y += height + 40;
  }
  const int drawn_size = uniform(rng, 26, 30);
  const int size = text.wrap_values ? 24 : drawn_size;  // Narrow cells take a smaller print.
  auto code_row = [&] {
    put(font, page, text.code_line, {kLeft, y}, size, kInk);
    out.lines.push_back(text.code_line);
    y += size * 2;
  };
  for (const std::string& row : text.header) {
    put(font, page, row, {kRight - text_width(font, row, size), y}, size, kInk);
    out.lines.push_back(row);
    y += size * 2;
  }
  if (text.code_on_top) code_row();
  if (!text.photo_in_table) {  // Above the table's right end: the rows start below it.
    photo_box(page, {kRight - kPhotoWidth, y, kPhotoWidth, 240});
    y += 240 + 30;
  }
  const int row_height = text.cells == ReportCells::kAbove ? 2 * size + 40
                         : text.wrap_values                ? 80
                         : text.photo_in_table             ? 64
                                                           : uniform(rng, 54, 60);
  y = draw_table(font, out, text, y, row_height, size);
  y += 40;
  const int qr_size = uniform(rng, 170, 220);
  const int qr_top = y;
  if (!text.code_on_top) code_row();
  for (const std::string& note : text.notes) {
    y = put_wrapped(font, page, note, {kLeft, y}, kRight - kLeft - qr_size - 40, size - 6, kInk, out.lines);
  }
  qr_image(text.qr_text, qr_size).copyTo(page(cv::Rect(kRight - qr_size, qr_top, qr_size, qr_size)));
  if (text.scanned) {  // A copier's contrast: the tint goes, the ink darkens.
    cv::cvtColor(page, page, cv::COLOR_BGR2GRAY);
    page.convertTo(page, -1, 1.25, -40);
    cv::cvtColor(page, page, cv::COLOR_GRAY2BGR);
  }
  return out;
}

}  // namespace mixtract::synth
