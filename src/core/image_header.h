// Reading an image's pixel size from its header, without decoding it, so that decompression bombs
// (a small file claiming an enormous image) are refused before any memory is spent on them.
#ifndef MIXTRACT_CORE_IMAGE_HEADER_H_
#define MIXTRACT_CORE_IMAGE_HEADER_H_

#include <optional>
#include <string_view>

namespace mixtract {

struct ImageSize {
  long long width = 0;
  long long height = 0;
};

// The format of an image in one of the formats mixtract reads (JPEG, PNG, TIFF, BMP, WebP), told by its
// first bytes; nullopt for anything else, and for any file with a DICOM preamble. Only these reach
// OpenCV: it has decoders for more formats, and DICOM's (gdcm) aborts the process on a crafted file.
std::optional<std::string_view> image_format(std::string_view bytes);

// The size the header of a JPEG, PNG, TIFF (its first image), BMP or WebP declares; nullopt for other
// formats and for headers that cannot be read.
std::optional<ImageSize> peek_image_size(std::string_view bytes);

// width x height, or LLONG_MAX when that does not fit (headers may declare anything).
long long pixel_count(const ImageSize& size);

}  // namespace mixtract

#endif  // MIXTRACT_CORE_IMAGE_HEADER_H_
