// libFuzzer target: schema YAML and routes documents (as `--schema FILE`, `--routes FILE` and the
// server's per-request routes read them).
#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "mixtract/schema.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  (void)mixtract::parse_schema(text, "fuzz.yaml");
  static const std::vector<mixtract::Schema> builtin = *mixtract::load_schemas("auto");
  std::vector<mixtract::Schema> schemas = builtin;
  (void)mixtract::apply_routes(text, "fuzz routes", schemas);
  return 0;
}
