// SHA-256 of a byte string, as lower-case hex.
#ifndef MIXTRACT_CORE_SHA256_H_
#define MIXTRACT_CORE_SHA256_H_

#include <string>
#include <string_view>

namespace mixtract {

std::string sha256_hex(std::string_view bytes);

}  // namespace mixtract

#endif  // MIXTRACT_CORE_SHA256_H_
