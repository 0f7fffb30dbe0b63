#include "core/pdf.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <fstream>
#include <limits>
#include <memory>
#include <sstream>

#include <opencv2/core.hpp>
#include <poppler-document.h>
#include <poppler-global.h>
#include <poppler-image.h>
#include <poppler-page-renderer.h>
#include <poppler-page.h>

#include "core/ascii.h"
#include "core/text_encoding.h"

namespace mixtract {
namespace {

constexpr std::string_view kPageMark = "#page=";

// poppler reports parse problems on stderr by default; the errors returned here say what matters.
void quiet_poppler() {
  static const bool quiet = [] {
    poppler::set_debug_error_function([](const std::string&, void*) {}, nullptr);
    return true;
  }();
  (void)quiet;
}

Result<std::unique_ptr<poppler::document>> open_pdf(std::string_view bytes, std::string_view source) {
  quiet_poppler();
  const std::string name = readable_name(source);
  if (bytes.size() > static_cast<std::size_t>(std::numeric_limits<int>::max())) {
    return Status::invalid_argument(name + ": the PDF is too large to read");
  }
  std::unique_ptr<poppler::document> document(
      poppler::document::load_from_raw_data(bytes.data(), static_cast<int>(bytes.size())));
  if (document == nullptr) {
    return Status::invalid_argument(name + ": not a readable PDF (damaged or not a PDF); re-export or re-scan it");
  }
  if (document->is_locked()) {
    return Status::invalid_argument(name + ": the PDF is password-protected; save an unprotected copy");
  }
  if (document->pages() < 1) return Status::invalid_argument(name + ": the PDF has no pages");
  return document;
}

}  // namespace

bool is_pdf(const std::filesystem::path& path) {
  return lower_extension(path) == ".pdf";
}

std::optional<PdfPage> parse_pdf_page(std::string_view document_path) {
  const std::size_t mark = document_path.rfind(kPageMark);
  if (mark == std::string_view::npos) return std::nullopt;
  const std::string_view file = document_path.substr(0, mark);
  const std::string_view number = document_path.substr(mark + kPageMark.size());
  int page = 0;
  const auto [end, error] = std::from_chars(number.data(), number.data() + number.size(), page);
  if (error != std::errc() || end != number.data() + number.size() || page < 1 || !is_pdf(file)) return std::nullopt;
  return PdfPage{std::filesystem::path(file), page};
}

std::string pdf_page_path(const std::filesystem::path& file, int page) {
  return file.string() + std::string(kPageMark) + std::to_string(page);
}

Result<int> pdf_page_count(std::string_view bytes, std::string_view source) {
  MIXTRACT_ASSIGN_OR_RETURN(std::unique_ptr<poppler::document> document, open_pdf(bytes, source));
  return document->pages();
}

Result<int> pdf_file_page_count(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) return Status::not_found(file.string() + ": cannot open for reading");
  std::ostringstream bytes;
  bytes << in.rdbuf();
  if (in.bad()) return Status::io_error(file.string() + ": read failed");
  return pdf_page_count(bytes.str(), file.string());
}

Result<cv::Mat> render_pdf_page(std::string_view bytes, int page, std::string_view source, long long max_pixels) {
  MIXTRACT_ASSIGN_OR_RETURN(std::unique_ptr<poppler::document> document, open_pdf(bytes, source));
  const std::string name = std::string(source) + " page " + std::to_string(page);
  if (page < 1 || page > document->pages()) {
    return Status::not_found(name + ": the PDF has " + std::to_string(document->pages()) + " page(s)");
  }
  const std::unique_ptr<poppler::page> pdf_page(document->create_page(page - 1));
  if (pdf_page == nullptr) return Status::invalid_argument(name + ": the page cannot be read");
  // The page's size in points (1/72 inch); the resolution lowered to keep the pixels within the limit.
  const poppler::rectf box = pdf_page->page_rect();
  const double points = std::max(1.0, box.width()) * std::max(1.0, box.height());
  const double limit_dpi = 72.0 * std::sqrt(static_cast<double>(max_pixels) / points);
  const double dpi = std::max(1.0, std::min(kPdfRenderDpi, std::floor(limit_dpi)));
  poppler::page_renderer renderer;
  renderer.set_render_hint(poppler::page_renderer::antialiasing);
  renderer.set_render_hint(poppler::page_renderer::text_antialiasing);
  renderer.set_image_format(poppler::image::format_bgr24);
  const poppler::image image = renderer.render_page(pdf_page.get(), dpi, dpi);
  if (!image.is_valid() || image.width() < 1 || image.height() < 1) {
    return Status::invalid_argument(name + ": the page cannot be rendered");
  }
  const cv::Mat view(image.height(), image.width(), CV_8UC3, const_cast<char*>(image.const_data()),  // NOLINT
                     static_cast<std::size_t>(image.bytes_per_row()));
  return view.clone();  // The image's pixels go with it.
}

}  // namespace mixtract
