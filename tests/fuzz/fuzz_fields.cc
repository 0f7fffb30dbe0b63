// libFuzzer target: the field parsers and validators: Chinese dates, ID numbers, graduation and degree
// certificate numbers, base64 of the server.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "rules/certificate_number.h"
#include "rules/date.h"
#include "rules/id_number.h"
#include "server/base64.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)mixtract::parse_date(text);
  (void)mixtract::parse_id_number(text);
  (void)mixtract::parse_graduation_number(text);
  (void)mixtract::parse_degree_number(text);
  (void)mixtract::server::decode_base64(text);
  return 0;
}
