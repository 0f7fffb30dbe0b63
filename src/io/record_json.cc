#include "io/record_json.h"

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
  nlohmann::ordered_json analysis_costs = nlohmann::ordered_json::object();
  for (const auto& [name, cost] : record.analysis_costs) analysis_costs[name] = cost_to_json(cost);
  return {{"source", record.source},
          {"content_hash", record.content_hash},
          {"schema", record.schema},
          {"schema_title", record.schema_title},
          {"schema_reason", record.schema_reason},
          {"fields", std::move(fields)},
          {"warnings", record.warnings},
          {"cost", cost_to_json(record.cost)},
          {"expert_costs", expert_costs},
          {"analysis_costs", analysis_costs}};
}

std::string record_to_json_line(const Record& record) {
  return record_to_json(record).dump(-1, ' ', false, nlohmann::ordered_json::error_handler_t::replace);
}

namespace {

Cost cost_from_json(const nlohmann::ordered_json& json) {
  return {json.at("ms").get<double>(), json.at("tokens").get<std::int64_t>()};
}

FieldStatus status_from_name(const std::string& name) {
  for (FieldStatus status : {FieldStatus::kAccepted, FieldStatus::kNeedsReview, FieldStatus::kMissing}) {
    if (field_status_name(status) == name) return status;
  }
  throw nlohmann::ordered_json::other_error::create(501, "unknown field status '" + name + "'", nullptr);
}

Candidate candidate_from_json(const std::string& field, const nlohmann::ordered_json& json) {
  Candidate c;
  c.field = field;
  c.value = json.at("value").get<std::string>();
  c.raw = json.at("raw").get<std::string>();
  c.confidence = json.at("confidence").get<double>();
  c.expert = json.at("expert").get<std::string>();
  for (const nlohmann::ordered_json& item : json.at("evidence")) {
    Evidence evidence{item.at("source").get<std::string>(), item.at("text").get<std::string>(), std::nullopt};
    if (item.contains("box")) {
      Quad box;
      for (std::size_t i = 0; i < box.size(); ++i) {
        box[i] = {item.at("box").at(i).at(0).get<float>(), item.at("box").at(i).at(1).get<float>()};
      }
      evidence.box = box;
    }
    c.evidence.push_back(std::move(evidence));
  }
  c.cost = cost_from_json(json.at("cost"));
  c.invalid_reason = json.value("invalid_reason", "");
  return c;
}

}  // namespace

Result<Record> record_from_json(std::string_view text) {
  try {
    // Ordered: the fields come back in the order written (schema order).
    const nlohmann::ordered_json json = nlohmann::ordered_json::parse(text);
    Record record;
    record.source = json.at("source").get<std::string>();
    record.content_hash = json.at("content_hash").get<std::string>();
    record.schema = json.at("schema").get<std::string>();
    record.schema_title = json.at("schema_title").get<std::string>();
    record.schema_reason = json.at("schema_reason").get<std::string>();
    for (const auto& [name, field] : json.at("fields").items()) {
      FieldResult result;
      result.field = name;
      result.label = field.at("label").get<std::string>();
      result.value = field.at("value").get<std::string>();
      result.confidence = field.at("confidence").get<double>();
      result.status = status_from_name(field.at("status").get<std::string>());
      result.expert = field.at("expert").get<std::string>();
      result.reason = field.value("reason", "");
      for (const auto& candidate : field.at("candidates"))
        result.candidates.push_back(candidate_from_json(name, candidate));
      record.fields.push_back(std::move(result));
    }
    record.warnings = json.at("warnings").get<std::vector<std::string>>();
    record.cost = cost_from_json(json.at("cost"));
    for (const auto& [name, cost] : json.at("expert_costs").items()) record.expert_costs[name] = cost_from_json(cost);
    if (json.contains("analysis_costs")) {  // Records stored before analyses were charged have none.
      for (const auto& [name, cost] : json.at("analysis_costs").items()) {
        record.analysis_costs[name] = cost_from_json(cost);
      }
    }
    return record;
  } catch (const nlohmann::ordered_json::exception& e) {
    return Status::invalid_argument(std::string("not a mixtract record: ") + e.what());
  }
}

}  // namespace mixtract
