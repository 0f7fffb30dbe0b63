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

// The first image of a TIFF: tags 256 (width) and 257 (height) of the first directory, SHORT or LONG.
std::optional<ImageSize> tiff_size(std::string_view b) {
  if (b.size() < 8) return std::nullopt;
  const bool little = b[0] == 'I';
  auto number = [&](std::size_t at, int bytes) -> std::uint32_t {
    if (!little) return big_endian(b, at, bytes);
    std::uint32_t value = 0;
    for (int i = bytes - 1; i >= 0; --i)
      value = (value << 8) | static_cast<unsigned char>(b[at + static_cast<std::size_t>(i)]);
    return value;
  };
  const std::size_t directory = number(4, 4);
  if (directory + 2 > b.size()) return std::nullopt;
  const std::size_t entries = number(directory, 2);
  std::optional<long long> width;
  std::optional<long long> height;
  for (std::size_t i = 0; i < entries; ++i) {
    const std::size_t at = directory + 2 + 12 * i;
    if (at + 12 > b.size()) return std::nullopt;
    const std::uint32_t tag = number(at, 2);
    const std::uint32_t type = number(at + 2, 2);
    if (tag != 256 && tag != 257) continue;
    if (type != 3 && type != 4) return std::nullopt;
    const long long value = type == 3 ? number(at + 8, 2) : number(at + 8, 4);
    (tag == 256 ? width : height) = value;
  }
  if (!width || !height) return std::nullopt;
  return ImageSize{*width, *height};
}

// The canvas of a WebP: the VP8X header, or the frame of a lone VP8 (lossy) or VP8L (lossless) image.
std::optional<ImageSize> webp_size(std::string_view b) {
  auto le = [&](std::size_t at, int bytes) {
    std::uint32_t value = 0;
    for (int i = bytes - 1; i >= 0; --i)
      value = (value << 8) | static_cast<unsigned char>(b[at + static_cast<std::size_t>(i)]);
    return value;
  };
  if (b.size() < 30) return std::nullopt;
  const std::string_view chunk = b.substr(12, 4);
  if (chunk == "VP8X") return ImageSize{le(24, 3) + 1LL, le(27, 3) + 1LL};
  if (chunk == "VP8 " && b.substr(23, 3) == "\x9D\x01\x2A") {
    return ImageSize{le(26, 2) & 0x3FFF, le(28, 2) & 0x3FFF};
  }
  if (chunk == "VP8L" && static_cast<unsigned char>(b[20]) == 0x2F) {
    const std::uint32_t bits = le(21, 4);
    return ImageSize{(bits & 0x3FFF) + 1LL, ((bits >> 14) & 0x3FFF) + 1LL};
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
  const std::optional<std::string_view> format = image_format(b);
  if (format == "TIFF") return tiff_size(b);
  if (format == "WebP") return webp_size(b);
  return std::nullopt;
}

long long pixel_count(const ImageSize& size) {
  if (size.width <= 0 || size.height <= 0) return 0;
  if (size.width > std::numeric_limits<long long>::max() / size.height) return std::numeric_limits<long long>::max();
  return size.width * size.height;
}

}  // namespace mixtract
