#include "core/image_header.h"

#include <cstdint>
#include <cstdlib>
#include <limits>

namespace mixtract {
namespace {

std::uint32_t big_endian(std::string_view b, std::size_t at, int bytes) {
  std::uint32_t value = 0;
  for (int i = 0; i < bytes; ++i)
    value = (value << 8) | static_cast<unsigned char>(b[at + static_cast<std::size_t>(i)]);
  return value;
}

std::int32_t little_endian32(std::string_view b, std::size_t at) {
  std::uint32_t value = 0;
  for (int i = 3; i >= 0; --i) value = (value << 8) | static_cast<unsigned char>(b[at + static_cast<std::size_t>(i)]);
  return static_cast<std::int32_t>(value);
}

std::optional<ImageSize> jpeg_size(std::string_view b) {
  std::size_t at = 2;
  while (at + 9 < b.size()) {
    if (static_cast<unsigned char>(b[at]) != 0xFF) return std::nullopt;
    const unsigned char marker = static_cast<unsigned char>(b[at + 1]);
    if (marker == 0xFF) {  // Fill byte.
      ++at;
      continue;
    }
    const std::uint32_t length = big_endian(b, at + 2, 2);
    // Start-of-frame markers (C0-CF except C4, C8, CC) carry height and width.
    if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
      return ImageSize{big_endian(b, at + 7, 2), big_endian(b, at + 5, 2)};
    }
    if (length < 2) return std::nullopt;
    at += 2 + length;
  }
  return std::nullopt;
}

}  // namespace

std::optional<std::string_view> image_format(std::string_view b) {
  // OpenCV hands a file to the first decoder that claims it; when the format's own decoder declines (a
  // WebP whose header does not parse), a DICOM preamble ("DICM" at byte 128) makes gdcm claim it next.
  if (b.size() >= 132 && b.substr(128, 4) == "DICM") return std::nullopt;
  if (b.starts_with("\xFF\xD8\xFF")) return "JPEG";
  if (b.starts_with("\x89PNG\r\n\x1a\n")) return "PNG";
  if (b.starts_with(std::string_view("II*\0", 4)) || b.starts_with(std::string_view("MM\0*", 4))) return "TIFF";
  if (b.starts_with("BM")) return "BMP";
  if (b.size() >= 12 && b.starts_with("RIFF") && b.substr(8, 4) == "WEBP") return "WebP";
  return std::nullopt;
}

std::optional<ImageSize> peek_image_size(std::string_view b) {
  if (b.size() >= 24 && b.substr(0, 8) == "\x89PNG\r\n\x1a\n" && b.substr(12, 4) == "IHDR") {
    return ImageSize{big_endian(b, 16, 4), big_endian(b, 20, 4)};
  }
  if (b.size() >= 4 && static_cast<unsigned char>(b[0]) == 0xFF && static_cast<unsigned char>(b[1]) == 0xD8) {
    return jpeg_size(b);
  }
  if (b.size() >= 26 && b.substr(0, 2) == "BM") {
    return ImageSize{std::llabs(little_endian32(b, 18)), std::llabs(little_endian32(b, 22))};
  }
  return std::nullopt;
}

long long pixel_count(const ImageSize& size) {
  if (size.width <= 0 || size.height <= 0) return 0;
  if (size.width > std::numeric_limits<long long>::max() / size.height) return std::numeric_limits<long long>::max();
  return size.width * size.height;
}

}  // namespace mixtract
