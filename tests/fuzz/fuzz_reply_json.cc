// libFuzzer target: an LLM's reply, read leniently as JSON.
#include <cstddef>
#include <cstdint>
#include <string_view>

#include "llm/llm.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  (void)mixtract::parse_reply_json(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
