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

// The QR code of `text`, `size` pixels square, black on white, its quiet zone included.
cv::Mat qr_image(const std::string& text, int size) {
  cv::Mat modules;
  cv::QRCodeEncoder::create()->encode(text, modules);
  cv::Mat code;
  cv::resize(modules, code, {size, size}, 0, 0, cv::INTER_NEAREST);
  cv::cvtColor(code, code, cv::COLOR_GRAY2BGR);
  return code;
}

// A value too wide for its cell, wrapped inside it: its lines, top to bottom, each added to `lines`.
void put_wrapped_in_cell(const Font& font, cv::Mat& page, const std::string& text, cv::Rect cell, int size,
                         std::vector<std::string>& lines) {
  std::vector<std::string> wrapped;
  std::string line;
  for (const char32_t c : utf8::decode(text)) {
    std::string next = line;
    utf8::append(c, next);
    if (!line.empty() && text_width(font, next, size) > cell.width - 24) {
      wrapped.push_back(line);
      next.clear();
      utf8::append(c, next);
    }
    line = std::move(next);
  }
  wrapped.push_back(line);
  const int step = size * 6 / 5;
  int y = cell.y + (cell.height - step * static_cast<int>(wrapped.size()) + (step - size)) / 2;
  for (const std::string& part : wrapped) {
    put(font, page, part, {cell.x + 12, y}, size, kInk);
    lines.push_back(part);
    y += step;
  }
}

// One cell's text, vertically centred in `cell`, from its left edge (a value) or centred (a label); made
// smaller when it would not fit.
void put_in_cell(const Font& font, cv::Mat& page, const std::string& text, cv::Rect cell, int size, bool centred) {
  while (size > 16 && text_width(font, text, size) > cell.width - 24) --size;
  const int y = cell.y + (cell.height - size) / 2;
  if (centred) {
    put_centered(font, page, text, {cell.x + cell.width / 2, cell.y + cell.height / 2}, size, kInk);
  } else {
    put(font, page, text, {cell.x + 14, y}, size, kInk);
  }
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
  const int photo_width = 190;
  const int photo_rows = 4;
  if (!text.photo_in_table) {  // Above the table's right end: the rows start below it.
    photo_box(page, {kRight - photo_width, y, photo_width, 240});
    y += 240 + 30;
  }
  const int row_height = text.wrap_values ? 80 : text.photo_in_table ? 64 : uniform(rng, 54, 60);
  const int label_width = text.wrap_values ? 130 : text.photo_in_table ? 200 : 240;
  const int top = y;
  for (std::size_t r = 0; r < text.rows.size(); ++r) {
    const bool beside_photo = text.photo_in_table && static_cast<int>(r) < photo_rows;
    const int right = beside_photo ? kRight - photo_width : kRight;
    const std::vector<ReportCell>& pairs = text.rows[r];
    const int pair_width = (right - kLeft) / static_cast<int>(pairs.size());
    for (std::size_t p = 0; p < pairs.size(); ++p) {
      const int x = kLeft + pair_width * static_cast<int>(p);
      const int width = p + 1 == pairs.size() ? right - x : pair_width;
      const cv::Rect label_cell(x, y, label_width, row_height);
      const cv::Rect value_cell(x + label_width, y, width - label_width, row_height);
      cv::rectangle(page, label_cell, kLabelFill, cv::FILLED);
      cv::rectangle(page, label_cell, kGrid, 2);
      cv::rectangle(page, value_cell, kGrid, 2);
      put_in_cell(font, page, pairs[p].label, label_cell, size, true);
      out.lines.push_back(pairs[p].label);
      if (text.wrap_values && text_width(font, pairs[p].value, size) > value_cell.width - 24) {
        put_wrapped_in_cell(font, page, pairs[p].value, value_cell, size - 2, out.lines);
      } else {
        put_in_cell(font, page, pairs[p].value, value_cell, size, false);
        out.lines.push_back(pairs[p].value);
      }
    }
    y += row_height;
  }
  if (text.photo_in_table) {
    const cv::Rect photo(kRight - photo_width, top, photo_width, row_height * photo_rows);
    cv::rectangle(page, photo, kGrid, 2);
    photo_box(page, {photo.x + 15, photo.y + 12, photo.width - 30, photo.height - 24});
  }
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
