#include <nlohmann/json.hpp>

#include "mixtract/writers.h"

namespace mixtract {
namespace {

nlohmann::json CostToJson(const Cost& cost) {
  return {{"ms", cost.ms}, {"tokens", cost.tokens}};
}

nlohmann::json CandidateToJson(const Candidate& c) {
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
                        {"expert", c.expert}, {"evidence", evidence}, {"cost", CostToJson(c.cost)}};
  if (!c.invalid_reason.empty()) out["invalid_reason"] = c.invalid_reason;
  return out;
}

}  // namespace

nlohmann::json RecordToJson(const Record& record) {
  nlohmann::json fields = nlohmann::json::object();
  for (const FieldResult& f : record.fields) {
    nlohmann::json candidates = nlohmann::json::array();
    for (const Candidate& c : f.candidates) candidates.push_back(CandidateToJson(c));
    fields[f.field] = {{"label", f.label},           {"value", f.value},
                       {"confidence", f.confidence}, {"status", FieldStatusName(f.status)},
                       {"expert", f.expert},         {"candidates", std::move(candidates)}};
  }
  return {{"source", record.source},     {"content_hash", record.content_hash}, {"schema", record.schema},
          {"fields", std::move(fields)}, {"warnings", record.warnings},         {"cost", CostToJson(record.cost)}};
}

}  // namespace mixtract
