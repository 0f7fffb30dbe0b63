// Writing small PDFs for tests: one page per image, the image (JPEG) filling the page, sized so that
// rendering at 200 dpi gives back its pixel size. Real PDFs that poppler reads as any scanner's output.
#ifndef MIXTRACT_TESTS_PDF_FIXTURE_H_
#define MIXTRACT_TESTS_PDF_FIXTURE_H_

#include <string>
#include <vector>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

namespace mixtract::testing {

inline std::string pdf_of_pages(const std::vector<cv::Mat>& pages) {
  std::string pdf = "%PDF-1.4\n";
  std::vector<std::size_t> offsets;  // Of objects 1, 2, ...
  const auto object = [&](const std::string& body) {
    offsets.push_back(pdf.size());
    pdf += std::to_string(offsets.size()) + " 0 obj\n" + body + "\nendobj\n";
  };
  const std::size_t n = pages.size();
  std::string kids;
  for (std::size_t i = 0; i < n; ++i) kids += std::to_string(3 + 3 * i) + " 0 R ";
  object("<< /Type /Catalog /Pages 2 0 R >>");
  object("<< /Type /Pages /Kids [" + kids + "] /Count " + std::to_string(n) + " >>");
  for (std::size_t i = 0; i < n; ++i) {
    std::vector<unsigned char> jpeg;
    cv::imencode(".jpg", pages[i], jpeg, {cv::IMWRITE_JPEG_QUALITY, 95});
    const double width = pages[i].cols * 72.0 / 200.0;
    const double height = pages[i].rows * 72.0 / 200.0;
    const std::string w = std::to_string(width);
    const std::string h = std::to_string(height);
    const std::string image = std::to_string(4 + 3 * i) + " 0 R";
    const std::string content = std::to_string(5 + 3 * i) + " 0 R";
    object("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 " + w + " " + h + "] /Resources << /XObject << /Im0 " + image +
           " >> >> /Contents " + content + " >>");
    object("<< /Type /XObject /Subtype /Image /Width " + std::to_string(pages[i].cols) + " /Height " +
           std::to_string(pages[i].rows) + " /ColorSpace /DeviceRGB /BitsPerComponent 8 /Filter /DCTDecode /Length " +
           std::to_string(jpeg.size()) + " >>\nstream\n" + std::string(jpeg.begin(), jpeg.end()) + "\nendstream");
    const std::string draw = "q " + w + " 0 0 " + h + " 0 0 cm /Im0 Do Q";
    object("<< /Length " + std::to_string(draw.size()) + " >>\nstream\n" + draw + "\nendstream");
  }
  const std::size_t xref = pdf.size();
  pdf += "xref\n0 " + std::to_string(offsets.size() + 1) + "\n0000000000 65535 f \n";
  for (const std::size_t offset : offsets) {
    const std::string digits = std::to_string(offset);
    pdf += std::string(10 - digits.size(), '0') + digits + " 00000 n \n";
  }
  pdf += "trailer\n<< /Size " + std::to_string(offsets.size() + 1) + " /Root 1 0 R >>\nstartxref\n" +
         std::to_string(xref) + "\n%%EOF\n";
  return pdf;
}

}  // namespace mixtract::testing

#endif  // MIXTRACT_TESTS_PDF_FIXTURE_H_
