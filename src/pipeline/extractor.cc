#include "mixtract/extractor.h"

#include <algorithm>
#include <chrono>

#include "core/elapsed.h"
#include "gate/choose.h"
#include "gate/reconcile.h"
#include "gate/route.h"
#include "pipeline/recognise.h"

namespace mixtract {

Result<Extractor> Extractor::create(std::vector<Schema> schemas, const ExpertRegistry& registry,
                                    const ExpertOptions& options) {
  if (schemas.empty()) return Status::invalid_argument("no schema to extract");
  if (schemas.size() > 1) {
    for (const Schema& schema : schemas) {
      if (schema.recognise.empty()) {
        return Status::invalid_argument("schema " + schema.name +
                                        " has no recognise words, so it cannot be told apart from the others");
      }
    }
    if (!options.ocr) return Status::unavailable("recognising the document kind needs OCR, which is not set up");
    MIXTRACT_RETURN_IF_ERROR(options.ocr->engine("ppocr").status());
  }
  if (options.llm) {
    for (Schema& schema : schemas) schema.add_llm_experts();
  }
  std::map<std::string, std::shared_ptr<const Expert>, std::less<>> experts;
  for (const Schema& schema : schemas) {
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
  }
  Tables tables{schools_of(options), options.regions};
  return Extractor(std::move(schemas), std::move(experts), std::move(tables), options.ocr);
}

const Schema* Extractor::recognise(const Document& document, Record& record) const {
  if (schemas_.size() == 1) {
    record.schema_reason = "given";
    return &schemas_.front();
  }
  Result<std::shared_ptr<const OcrResult>> ocr = ocr_->read(document, "ppocr");
  if (!ocr.ok()) {
    record.schema_reason = "cannot recognise the document kind: " + ocr.status().message();
    return nullptr;
  }
  const auto start = std::chrono::steady_clock::now();
  const CheckContext context{tables_.schools.get(), tables_.regions.get(), 0};
  Recognition recognition = recognise_schema((*ocr)->text(), schemas_, context);
  record.schema_reason = std::move(recognition.reason);
  const double ms = ms_since(start);
  record.analysis_costs["kind"].ms += ms;
  record.cost.ms += ms;
  return recognition.schema;
}

Record Extractor::extract(const Document& document) const {
  Record record;
  record.source = document.source();
  record.content_hash = document.content_hash();
  record.analysis_costs["decode"].ms = document.decode_ms();
  record.cost.ms = document.decode_ms();
  const Schema* schema = recognise(document, record);
  if (schema == nullptr) {
    record.warnings.push_back(record.schema_reason);
  } else {
    record.schema = schema->name;
    record.schema_title = schema->title;
    extract_fields(*schema, document, record);
  }
  // The page's reading is charged once, to the document, whoever asked for it first.
  if (ocr_) {
    for (const auto& [engine, ms] : ocr_->take_spent_on(document)) {
      record.analysis_costs[engine].ms += ms;
      record.cost.ms += ms;
    }
  }
  return record;
}

double Extractor::page_reading_ms(const Document& document) const {
  double ms = 0;
  if (ocr_) {
    for (const auto& [engine, spent] : ocr_->spent_on(document)) ms += spent;
  }
  return ms;
}

void Extractor::extract_fields(const Schema& schema, const Document& document, Record& record) const {
  // Each expert runs at most once per document, for every field whose route names it, and none once the
  // document's budget is spent.
  std::map<std::string, ExpertOutput, std::less<>> outputs;
  const ExpertOutput over_budget{{}, {}, true};
  auto output_of = [&](std::string_view name) -> const ExpertOutput& {
    if (auto it = outputs.find(name); it != outputs.end()) return it->second;
    const CostBudget& budget = schema.budget;
    if ((budget.ms > 0 && record.cost.ms + page_reading_ms(document) >= budget.ms) ||
        (budget.tokens > 0 && record.cost.tokens >= budget.tokens)) {
      const std::string warning = "the document's budget is spent: experts not run from then on";
      if (std::find(record.warnings.begin(), record.warnings.end(), warning) == record.warnings.end()) {
        record.warnings.push_back(warning);
      }
      return over_budget;
    }
    std::vector<const FieldSpec*> fields;
    for (const FieldSpec& field : schema.fields) {
      for (const std::string& expert : field.route.experts) {
        if (expert == name) fields.push_back(&field);
      }
    }
    const Expert& expert = *experts_.find(name)->second;
    const double reading_before = page_reading_ms(document);
    const auto start = std::chrono::steady_clock::now();
    Result<std::vector<Candidate>> proposed = expert.propose(document, fields);
    ExpertOutput output;
    // The expert's own time: a page reading it set off is the document's (analysis_costs).
    output.cost.ms = std::max(0.0, ms_since(start) - (page_reading_ms(document) - reading_before));
    if (proposed.ok()) {
      output.candidates = std::move(proposed).value();
      stamp_candidates(name, expert, output.candidates);
      for (const Candidate& candidate : output.candidates) output.cost.tokens += candidate.cost.tokens;
    } else {
      output.failed = true;
      record.warnings.push_back("expert " + std::string(name) + " failed: " + proposed.status().message());
    }
    record.cost += output.cost;
    record.expert_costs[std::string(name)] = output.cost;
    return outputs.emplace(std::string(name), std::move(output)).first->second;
  };

  const CheckContext context{tables_.schools.get(), tables_.regions.get(), 0};
  for (const FieldSpec& field : schema.fields) record.fields.push_back(run_route(field, output_of, context));

  // A disputed field asks the experts of its route the cascade did not reach.
  const EscalateFn escalate = [&](const FieldSpec& field, FieldResult& result) {
    bool added = false;
    for (const std::string& name : field.route.experts) {
      const bool asked = std::any_of(result.candidates.begin(), result.candidates.end(),
                                     [&](const Candidate& c) { return c.expert == name; });
      if (asked) continue;
      const std::size_t before = result.candidates.size();
      add_candidates(field, output_of(name), context, result);
      added = added || result.candidates.size() > before;
    }
    return added;
  };
  reconcile(schema, context, escalate, record);
}

}  // namespace mixtract
