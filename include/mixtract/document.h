// Document: one page image, decoded once, identified by the SHA-256 of its file content.
#ifndef MIXTRACT_DOCUMENT_H_
#define MIXTRACT_DOCUMENT_H_

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <opencv2/core/mat.hpp>

#include "mixtract/education.h"
#include "mixtract/status.h"

namespace mixtract {

// What a file name such as 张三_本科毕业证书.jpg says about its document. Any part may be missing.
struct FileNameHints {
  std::string person;                   // "张三": the leading CJK run before a separator; "" if none.
  std::optional<EducationLevel> level;  // From 博士/硕士/本科/专科/... in the name.
  std::optional<DocumentKind> kind;     // From 毕业证/学位证/身份证 in the name.
};

// Parses the hints from a file name (with or without folder and extension).
FileNameHints parse_file_name(std::string_view file_name);

// Largest file Document::Load reads, and largest decoded image it accepts.
inline constexpr std::uintmax_t kMaxDocumentFileBytes = 200u << 20;  // 200 MiB
inline constexpr int kMaxDocumentPixels = 200'000'000;

// The content hash Document::load gives the document at `path`, from reading the file without decoding
// it: two paths with the same hash are the same document. Errors as Document::load's.
Result<std::string> content_hash_of(const std::filesystem::path& path);

// An immutable decoded page. Copies share the pixels; safe to read from several threads.
class Document {
 public:
  // Reads and decodes a document: an image file (JPEG, PNG, TIFF, BMP, WebP), applying EXIF
  // orientation, or a page of a PDF, rendered at 200 dpi: FILE.pdf#page=N (N from 1), or FILE.pdf when
  // it has one page. Errors name the file: missing, not a regular file, empty, too large, not a
  // decodable image, not a readable PDF, no such page.
  static Result<Document> load(const std::filesystem::path& path);

  // Decodes image bytes already in memory; `source` names them in errors and in results.
  static Result<Document> decode(std::string_view bytes, std::string source);

  // The file's name as given, always UTF-8: a GBK/GB18030 name (archives from Chinese Windows) decoded,
  // other bytes that are not UTF-8 written as \xNN. Errors name the file the same way.
  const std::string& source() const { return source_; }
  // Lower-case hex SHA-256 of the file content (for a PDF page, of the file's hash and the page
  // number): the cache key of everything derived from it.
  const std::string& content_hash() const { return content_hash_; }
  // 8-bit BGR pixels.
  const cv::Mat& image() const { return image_; }
  const FileNameHints& file_name_hints() const { return hints_; }
  // Milliseconds spent reading the file and decoding (or rendering) the page: the record's `decode`
  // analysis.
  double decode_ms() const { return decode_ms_; }

 private:
  Document() = default;

  std::string source_;
  std::string content_hash_;
  cv::Mat image_;
  FileNameHints hints_;
  double decode_ms_ = 0;
};

}  // namespace mixtract

#endif  // MIXTRACT_DOCUMENT_H_
