#include "server/extractor_set.h"

#include "core/join.h"

namespace mixtract::server {

Result<std::unique_ptr<ExtractorSet>> ExtractorSet::create(std::vector<Schema> schemas, Engine engine) {
  std::unique_ptr<ExtractorSet> set(new ExtractorSet(std::move(schemas), std::move(engine)));
  for (const Schema& schema : set->schemas_) {
    MIXTRACT_ASSIGN_OR_RETURN(set->by_schema_[schema.name], set->build(set->schemas_, schema.name));
  }
  MIXTRACT_ASSIGN_OR_RETURN(set->by_schema_["auto"], set->build(set->schemas_, "auto"));
  return set;
}

Result<std::shared_ptr<const Extractor>> ExtractorSet::build(const std::vector<Schema>& schemas,
                                                             const std::string& schema) const {
  std::vector<Schema> chosen;
  for (const Schema& s : schemas) {
    if (schema == "auto" || s.name == schema) chosen.push_back(s);
  }
  MIXTRACT_ASSIGN_OR_RETURN(Extractor extractor, engine_.extractor(std::move(chosen)));
  return std::make_shared<const Extractor>(std::move(extractor));
}

Result<std::shared_ptr<const Extractor>> ExtractorSet::get(const std::string& schema, const std::string& routes) {
  const auto found = by_schema_.find(schema);
  if (found == by_schema_.end()) {
    std::vector<std::string> known;
    for (const auto& [name, extractor] : by_schema_) known.push_back(name);
    return Status::not_found("unknown schema '" + schema + "'; known: " + join(known));
  }
  if (routes.empty()) return found->second;
  const std::string key = schema + "\n" + routes;
  {
    std::lock_guard lock(mutex_);
    for (auto it = overrides_.begin(); it != overrides_.end(); ++it) {
      if (it->first != key) continue;
      overrides_.splice(overrides_.begin(), overrides_, it);
      return it->second;
    }
  }
  std::vector<Schema> routed = schemas_;
  if (Status applied = apply_routes(routes, "the request's routes", routed); !applied.ok()) {
    return Status::invalid_argument(applied.message());
  }
  Result<std::shared_ptr<const Extractor>> built = build(routed, schema);
  if (!built.ok()) return Status::invalid_argument(built.status().message());
  std::lock_guard lock(mutex_);
  overrides_.emplace_front(key, *built);
  if (overrides_.size() > kKeptOverrides) overrides_.pop_back();
  return *built;
}

}  // namespace mixtract::server
