// The extractors the service runs: one per schema and "auto" over all of them, built at start; and those
// of requests that bring their own routes, built on first use and kept (the most recent few), since
// building one creates its experts.
// Thread safety: get() may be called from any thread.
#ifndef MIXTRACT_SERVER_EXTRACTOR_SET_H_
#define MIXTRACT_SERVER_EXTRACTOR_SET_H_

#include <list>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <utility>
#include <vector>

#include "mixtract/engine.h"
#include "mixtract/extractor.h"
#include "mixtract/schema.h"

namespace mixtract::server {

class ExtractorSet {
 public:
  // The extractors of `schemas` on `engine`. Errors: a route naming an unknown expert, an expert that
  // cannot be created.
  static Result<std::unique_ptr<ExtractorSet>> create(std::vector<Schema> schemas, Engine engine);

  // `schema`: a schema's name or "auto"; `routes`: "" or a routes document in `mixtract tune`'s format
  // (YAML or JSON) replacing some fields' routes for this request. Errors: an unknown schema
  // (kNotFound, listing the known ones), bad routes or an unknown expert (kInvalidArgument).
  Result<std::shared_ptr<const Extractor>> get(const std::string& schema, const std::string& routes);

  const std::vector<Schema>& schemas() const { return schemas_; }

  static constexpr std::size_t kKeptOverrides = 8;

 private:
  ExtractorSet(std::vector<Schema> schemas, Engine engine) : schemas_(std::move(schemas)), engine_(std::move(engine)) {}
  // The extractor of `schemas` ("auto": all of them; else the one named).
  Result<std::shared_ptr<const Extractor>> build(const std::vector<Schema>& schemas, const std::string& schema) const;

  std::vector<Schema> schemas_;
  Engine engine_;
  std::map<std::string, std::shared_ptr<const Extractor>> by_schema_;
  std::mutex mutex_;
  std::list<std::pair<std::string, std::shared_ptr<const Extractor>>> overrides_;  // most recent first
};

}  // namespace mixtract::server

#endif  // MIXTRACT_SERVER_EXTRACTOR_SET_H_
