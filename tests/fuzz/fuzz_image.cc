// libFuzzer target: image bytes as a client uploads them (the header peek, then decoding).
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "core/image_header.h"
#include "mixtract/document.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view bytes(reinterpret_cast<const char*>(data), size);
  const std::optional<mixtract::ImageSize> declared = mixtract::peek_image_size(bytes);
  // As the server does: enormous declared sizes are refused before decoding.
  if (declared && mixtract::pixel_count(*declared) > 4'000'000) return 0;
  (void)mixtract::Document::decode(bytes, "fuzz.jpg");
  return 0;
}
