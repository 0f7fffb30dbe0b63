#include "mixtract/extractor.h"

#include <chrono>

#include "gate/cascade.h"

namespace mixtract {

Result<Extractor> Extractor::create(Schema schema, const ExpertRegistry& registry, const ExpertOptions& options) {
  std::map<std::string, std::shared_ptr<const Expert>, std::less<>> experts;
  for (const FieldSpec& field : schema.fields) {
    for (const std::string& name : field.route.experts) {
      if (experts.contains(name)) continue;
      Result<std::unique_ptr<Expert>> expert = registry.create(name, options);
      if (!expert.ok()) {
        return expert.status().with_context("schema " + schema.name + ", field " + field.name + " route");
      }
      experts.emplace(name, std::move(expert).value());
    }
  }
  return Extractor(std::move(schema), std::move(experts));
}

Record Extractor::extract(const Document& document) const {
  Record record;
  record.source = document.source();
  record.content_hash = document.content_hash();
  record.schema = schema_.name;

  // Each expert runs at most once per document, for every field whose route names it.
  std::map<std::string, ExpertOutput, std::less<>> outputs;
  auto output_of = [&](std::string_view name) -> const ExpertOutput& {
    if (auto it = outputs.find(name); it != outputs.end()) return it->second;
    std::vector<const FieldSpec*> fields;
    for (const FieldSpec& field : schema_.fields) {
      for (const std::string& expert : field.route.experts) {
        if (expert == name) fields.push_back(&field);
      }
    }
    const Expert& expert = *experts_.find(name)->second;
    const auto start = std::chrono::steady_clock::now();
    Result<std::vector<Candidate>> proposed = expert.propose(document, fields);
    ExpertOutput output;
    output.cost.ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    if (proposed.ok()) {
      output.candidates = std::move(proposed).value();
      for (Candidate& candidate : output.candidates) {
        candidate.expert = std::string(name);
        output.cost.tokens += candidate.cost.tokens;
      }
    } else {
      output.failed = true;
      record.warnings.push_back("expert " + std::string(name) + " failed: " + proposed.status().message());
    }
    record.cost += output.cost;
    record.expert_costs[std::string(name)] = output.cost;
    return outputs.emplace(std::string(name), std::move(output)).first->second;
  };

  for (const FieldSpec& field : schema_.fields) record.fields.push_back(run_cascade(field, output_of));
  return record;
}

}  // namespace mixtract
