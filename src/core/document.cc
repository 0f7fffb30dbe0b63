#include "mixtract/document.h"

#include <fstream>
#include <system_error>

#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

#include "core/image_header.h"
#include "core/sha256.h"

namespace mixtract {
namespace {

constexpr std::string_view kWhatToDo =
    "supported formats are JPEG, PNG, TIFF, BMP and WebP; re-export or re-scan the page";

}  // namespace

Result<Document> Document::load(const std::filesystem::path& path) {
  const std::string name = path.string();
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
                                    " MiB, larger than the 200 MiB limit for one page");
  }
  std::ifstream in(path, std::ios::binary);
  if (!in) return Status::io_error(name + ": cannot open for reading");
  std::string bytes(static_cast<std::size_t>(size), '\0');
  in.read(bytes.data(), static_cast<std::streamsize>(size));
  if (in.gcount() != static_cast<std::streamsize>(size)) return Status::io_error(name + ": read failed");
  return decode(bytes, name);
}

Result<Document> Document::decode(std::string_view bytes, std::string source) {
  if (bytes.empty()) return Status::invalid_argument(source + ": empty file; " + std::string(kWhatToDo));
  if (const std::optional<ImageSize> size = peek_image_size(bytes);
      size && size->width * size->height > kMaxDocumentPixels) {
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
  return doc;
}

}  // namespace mixtract
