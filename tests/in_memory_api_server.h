// An ApiServer for tests and fuzzing: the built-in schemas with every field routed to the file_name expert
// alone (PP-OCRv4 only tells the kinds apart, for schema "auto"), its stores in memory (or in `state`),
// no keys and no rate limit. Requests go to answer(). Needs MIXTRACT_DEFAULT_DEPS_DIR defined.
#ifndef MIXTRACT_TESTS_IN_MEMORY_API_SERVER_H_
#define MIXTRACT_TESTS_IN_MEMORY_API_SERVER_H_

#include <filesystem>
#include <memory>
#include <utility>
#include <vector>

#include "mixtract/engine.h"
#include "mixtract/schema.h"
#include "mixtract/status.h"
#include "server/http_api.h"

namespace mixtract::testing {

inline Result<std::unique_ptr<server::ApiServer>> in_memory_api_server(
    const std::filesystem::path& state = ":memory:") {
  MIXTRACT_ASSIGN_OR_RETURN(std::vector<Schema> schemas, load_schemas("auto"));
  for (Schema& schema : schemas) {
    for (FieldSpec& field : schema.fields) {
      field.route = Route();
      field.route.experts = {"file_name"};
    }
  }
  EngineOptions engine_options;
  engine_options.deps_dir = MIXTRACT_DEFAULT_DEPS_DIR;
  engine_options.threads = 1;
  MIXTRACT_ASSIGN_OR_RETURN(Engine engine, Engine::create(engine_options));
  MIXTRACT_ASSIGN_OR_RETURN(std::unique_ptr<server::ExtractorSet> extractors,
                            server::ExtractorSet::create(std::move(schemas), std::move(engine)));
  MIXTRACT_ASSIGN_OR_RETURN(server::ServiceStores stores, server::open_service_stores(state));
  server::ServerOptions options;
  options.port = 0;
  options.require_keys = false;
  options.rate_per_minute = 0;
  options.max_body_bytes = 1u << 20;
  options.max_pixels = 4'000'000;
  return std::make_unique<server::ApiServer>(std::move(extractors), std::move(stores), options);
}

}  // namespace mixtract::testing

#endif  // MIXTRACT_TESTS_IN_MEMORY_API_SERVER_H_
