// Base64 (RFC 4648, standard alphabet) decoding of images sent in JSON.
#ifndef MIXTRACT_SERVER_BASE64_H_
#define MIXTRACT_SERVER_BASE64_H_

#include <optional>
#include <string>
#include <string_view>

namespace mixtract::server {

// The bytes, or nullopt when `text` is not base64: characters outside the alphabet, a length that is
// not a multiple of 4 (after removing whitespace), or padding inside. A data URL's
// "data:image/...;base64," prefix is accepted.
std::optional<std::string> decode_base64(std::string_view text);

}  // namespace mixtract::server

#endif  // MIXTRACT_SERVER_BASE64_H_
