// PDF pages as page images, rendered with poppler. A page of a PDF is named FILE#page=N (N from 1)
// wherever a document path is expected.
#ifndef MIXTRACT_CORE_PDF_H_
#define MIXTRACT_CORE_PDF_H_

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <opencv2/core/mat.hpp>

#include "mixtract/status.h"

namespace mixtract {

// Pages are rendered at this resolution, or lower where that would exceed the pixel limit given.
inline constexpr double kPdfRenderDpi = 200.0;

// True for a .pdf file name (any case).
bool is_pdf(const std::filesystem::path& path);

// A document path split into its file and page: "a.pdf#page=3" -> {"a.pdf", 3}; nullopt for any other
// path (a page number must be 1 or more).
struct PdfPage {
  std::filesystem::path file;
  int page = 1;
};
std::optional<PdfPage> parse_pdf_page(std::string_view document_path);
std::string pdf_page_path(const std::filesystem::path& file, int page);

// The number of pages of the PDF held in `bytes`; errors name `source` (not a PDF, encrypted, no pages).
Result<int> pdf_page_count(std::string_view bytes, std::string_view source);
// The same for a PDF file; errors name the file (also: missing, unreadable).
Result<int> pdf_file_page_count(const std::filesystem::path& file);

// Renders page `page` (from 1) of the PDF in `bytes` as 8-bit BGR on white, at kPdfRenderDpi or the
// highest resolution that keeps it within `max_pixels`.
Result<cv::Mat> render_pdf_page(std::string_view bytes, int page, std::string_view source, long long max_pixels);

}  // namespace mixtract

#endif  // MIXTRACT_CORE_PDF_H_
