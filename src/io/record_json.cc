#include <nlohmann/json.hpp>

#include "mixtract/writers.h"

namespace mixtract {
namespace {

nlohmann::ordered_json cost_to_json(const Cost& cost) {
  return {{"ms", cost.ms}, {"tokens", cost.tokens}};
}

nlohmann::ordered_json candidate_to_json(const Candidate& c) {
  nlohmann::ordered_json evidence = nlohmann::ordered_json::array();
  for (const Evidence& e : c.evidence) {
    nlohmann::ordered_json item = {{"source", e.source}, {"text", e.text}};
    if (e.box) {
      nlohmann::ordered_json box = nlohmann::ordered_json::array();
      for (const Point& p : *e.box) box.push_back({p.x, p.y});
      item["box"] = std::move(box);
    }
    evidence.push_back(std::move(item));
  }
  nlohmann::ordered_json out = {{"value", c.value},   {"raw", c.raw},         {"confidence", c.confidence},
                                {"expert", c.expert}, {"evidence", evidence}, {"cost", cost_to_json(c.cost)}};
  if (!c.invalid_reason.empty()) out["invalid_reason"] = c.invalid_reason;
  return out;
}

}  // namespace

nlohmann::ordered_json record_to_json(const Record& record) {
  nlohmann::ordered_json fields = nlohmann::ordered_json::object();
  for (const FieldResult& f : record.fields) {
    nlohmann::ordered_json candidates = nlohmann::ordered_json::array();
    for (const Candidate& c : f.candidates) candidates.push_back(candidate_to_json(c));
    fields[f.field] = {{"label", f.label},           {"value", f.value},
                       {"confidence", f.confidence}, {"status", field_status_name(f.status)},
                       {"expert", f.expert},         {"candidates", std::move(candidates)}};
    if (!f.reason.empty()) fields[f.field]["reason"] = f.reason;
  }
  nlohmann::ordered_json expert_costs = nlohmann::ordered_json::object();
  for (const auto& [name, cost] : record.expert_costs) expert_costs[name] = cost_to_json(cost);
  return {{"source", record.source},
          {"content_hash", record.content_hash},
          {"schema", record.schema},
          {"schema_title", record.schema_title},
          {"schema_reason", record.schema_reason},
          {"fields", std::move(fields)},
          {"warnings", record.warnings},
          {"cost", cost_to_json(record.cost)},
          {"expert_costs", expert_costs}};
}

}  // namespace mixtract
