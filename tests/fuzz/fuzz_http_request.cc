// libFuzzer target: raw bytes as an HTTP request to the service, through every route (request line,
// headers, multipart and JSON bodies, base64 images, routes documents, review decisions, job ids).
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string_view>

#include "in_memory_api_server.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static mixtract::server::ApiServer& server = []() -> mixtract::server::ApiServer& {
    auto created = mixtract::testing::in_memory_api_server();
    if (!created.ok()) {
      std::fprintf(stderr, "fuzz_http_request: %s\n", created.status().message().c_str());
      std::abort();
    }
    return *created->release();
  }();
  (void)server.answer(std::string_view(reinterpret_cast<const char*>(data), size));
  return 0;
}
