#include "mixtract/document.h"

#include <chrono>
#include <fstream>
#include <system_error>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "core/elapsed.h"
#include "core/image_header.h"
#include "core/pdf.h"
#include "core/sha256.h"
#include "core/text_encoding.h"

namespace mixtract {
namespace {

constexpr std::string_view kWhatToDo =
    "supported formats are JPEG, PNG, TIFF, BMP, WebP and PDF; re-export or re-scan the page";

// The bytes of a file, checked: a regular file within the size limit.
Result<std::string> read_document_file(const std::filesystem::path& path) {
  const std::string name = readable_name(path.string());
  std::error_code ec;
  const auto status = std::filesystem::status(path, ec);
  if (ec || !std::filesystem::exists(status)) {
    return Status::not_found(name + ": no such file");
  }
  if (!std::filesystem::is_regular_file(status)) {
    return Status::invalid_argument(name + ": not a regular file");
  }
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) return Status::io_error(name + ": cannot read size: " + ec.message());
  if (size > kMaxDocumentFileBytes) {
    return Status::invalid_argument(name + ": file is " + std::to_string(size >> 20) +
                                    " MiB, larger than the 200 MiB limit for one document file");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io_error(name + ": cannot open for reading");
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (in.gcount() != static_cast<std::streamsize>(size)) return Status::io_error(name + ": read failed");
  return bytes;
}

// A PDF page's identity: its file's content and the page number.
std::string pdf_page_hash(std::string_view bytes, int page) {
  return sha256_hex(sha256_hex(bytes) + "#page=" + std::to_string(page));
}

// What a document path names, read: the file's bytes, and the PDF page (FILE#page=N, or a PDF of one
// page); no page for an image.
struct DocumentFile {
  std::string bytes;
  std::optional<PdfPage> page;
};

Result<DocumentFile> read_document(const std::filesystem::path& path) {
  DocumentFile file;
  file.page = parse_pdf_page(path.string());
  MIXTRACT_ASSIGN_OR_RETURN(file.bytes, read_document_file(file.page ? file.page->file : path));
  if (file.page || !is_pdf(path)) return file;
  MIXTRACT_ASSIGN_OR_RETURN(const int pages, pdf_page_count(file.bytes, readable_name(path.string())));
  if (pages > 1) {
    return Status::invalid_argument(readable_name(path.string()) + ": the PDF has " + std::to_string(pages) +
                                    " pages; name one as " + pdf_page_path(path, 1) +
                                    ", or give the file to `extract`, which reads every page");
  }
  file.page = PdfPage{path, 1};
  return file;
}

}  // namespace

Result<std::string> content_hash_of(const std::filesystem::path& path) {
  MIXTRACT_ASSIGN_OR_RETURN(const DocumentFile file, read_document(path));
  return file.page ? pdf_page_hash(file.bytes, file.page->page) : sha256_hex(file.bytes);
}

Result<Document> Document::load(const std::filesystem::path& path) {
  const auto start = std::chrono::steady_clock::now();
  MIXTRACT_ASSIGN_OR_RETURN(const DocumentFile file, read_document(path));
  const std::string& bytes = file.bytes;
  const std::optional<PdfPage>& page = file.page;
  const std::string source = readable_name(path.string());
  Document doc;
  if (page) {
    MIXTRACT_ASSIGN_OR_RETURN(doc.image_, render_pdf_page(bytes, page->page, source, kMaxDocumentPixels));
    doc.content_hash_ = pdf_page_hash(bytes, page->page);
    doc.hints_ = parse_file_name(readable_name(page->file.string()));
    doc.source_ = source;
  } else {
    MIXTRACT_ASSIGN_OR_RETURN(doc, decode(bytes, source));
  }
  doc.decode_ms_ = ms_since(start);
  return doc;
}

Result<Document> Document::decode(std::string_view bytes, std::string source) {
  const auto start = std::chrono::steady_clock::now();
  source = readable_name(source);
  if (bytes.empty()) return Status::invalid_argument(source + ": empty file; " + std::string(kWhatToDo));
  if (!image_format(bytes)) {  // Never handed to OpenCV's other decoders.
    return Status::invalid_argument(source + ": not a decodable image; " + std::string(kWhatToDo));
  }
  // The size is checked before any decoding, so that a small file declaring a huge image costs nothing.
  const std::optional<ImageSize> size = peek_image_size(bytes);
  if (!size) {
    return Status::invalid_argument(source + ": not a decodable image (its " + std::string(*image_format(bytes)) +
                                    " header gives no size); " + std::string(kWhatToDo));
  }
  if (pixel_count(*size) > kMaxDocumentPixels) {
    return Status::invalid_argument(source + ": the image declares " + std::to_string(size->width) + "x" +
                                    std::to_string(size->height) + " pixels, over the " +
                                    std::to_string(kMaxDocumentPixels / 1000000) +
                                    " megapixel limit; scan the page at a lower resolution");
  }
  cv::Mat image;
  try {
    const cv::Mat buffer(1, static_cast<int>(bytes.size()), CV_8UC1,
                         const_cast<char*>(bytes.data()));  // NOLINT: imdecode only reads.
    image = cv::imdecode(buffer, cv::IMREAD_COLOR);
  } catch (const cv::Exception& e) {
    return Status::invalid_argument(source + ": cannot decode image (" + e.what() + "); " + std::string(kWhatToDo));
  }
  if (image.empty()) {
    return Status::invalid_argument(source + ": not a decodable image; " + std::string(kWhatToDo));
  }
  if (static_cast<long long>(image.cols) * image.rows > kMaxDocumentPixels) {
    return Status::invalid_argument(source + ": image is " + std::to_string(image.cols) + "x" +
                                    std::to_string(image.rows) + " pixels, over the 200 megapixel limit");
  }
  Document doc;
  doc.content_hash_ = sha256_hex(bytes);
  doc.hints_ = parse_file_name(source);
  doc.source_ = std::move(source);
  doc.image_ = std::move(image);
  doc.decode_ms_ = ms_since(start);
  return doc;
}

}  // namespace mixtract
