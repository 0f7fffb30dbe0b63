#include <nlohmann/json.hpp>

#include "mixtract/writers.h"

namespace mixtract {
namespace {

nlohmann::json cost_to_json(const Cost& cost) {
  return {{"ms", cost.ms}, {"tokens", cost.tokens}};
}

nlohmann::json candidate_to_json(const Candidate& c) {
  nlohmann::json evidence = nlohmann::json::array();
  for (const Evidence& e : c.evidence) {
    nlohmann::json item = {{"source", e.source}, {"text", e.text}};
    if (e.box) {
      nlohmann::json box = nlohmann::json::array();
      for (const Point& p : *e.box) box.push_back({p.x, p.y});
      item["box"] = std::move(box);
    }
    evidence.push_back(std::move(item));
  }
  nlohmann::json out = {{"value", c.value},   {"raw", c.raw},         {"confidence", c.confidence},
                        {"expert", c.expert}, {"evidence", evidence}, {"cost", cost_to_json(c.cost)}};
  if (!c.invalid_reason.empty()) out["invalid_reason"] = c.invalid_reason;
  return out;
}

}  // namespace

nlohmann::json record_to_json(const Record& record) {
  nlohmann::json fields = nlohmann::json::object();
  for (const FieldResult& f : record.fields) {
    nlohmann::json candidates = nlohmann::json::array();
    for (const Candidate& c : f.candidates) candidates.push_back(candidate_to_json(c));
    fields[f.field] = {{"label", f.label},           {"value", f.value},
                       {"confidence", f.confidence}, {"status", field_status_name(f.status)},
                       {"expert", f.expert},         {"candidates", std::move(candidates)}};
  }
  return {{"source", record.source},     {"content_hash", record.content_hash}, {"schema", record.schema},
          {"fields", std::move(fields)}, {"warnings", record.warnings},         {"cost", cost_to_json(record.cost)}};
}

}  // namespace mixtract
