// Identifiers that cannot be guessed: API keys, job ids, request id prefixes.
#ifndef MIXTRACT_SERVER_RANDOM_ID_H_
#define MIXTRACT_SERVER_RANDOM_ID_H_

#include <cstddef>
#include <string>

#include "mixtract/status.h"

namespace mixtract::server {

// `bytes` bytes of the system's cryptographic random source as lower-case hex (2 × bytes digits).
Result<std::string> random_hex(std::size_t bytes);

}  // namespace mixtract::server

#endif  // MIXTRACT_SERVER_RANDOM_ID_H_
