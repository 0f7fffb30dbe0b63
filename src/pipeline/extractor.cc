#include "mixtract/extractor.h"

#include <chrono>

#include "core/elapsed.h"
#include "experts/expert_options.h"
#include "gate/reconcile.h"
#include "gate/route.h"
#include "pipeline/expert_runner.h"
#include "pipeline/make_extractor.h"
#include "pipeline/recognise.h"

namespace mixtract {

Result<Extractor> make_extractor(std::vector<Schema> schemas, const ExpertRegistry& registry,
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
        Result<std::unique_ptr<Expert>> expert = registry.create(name);
        if (!expert.ok()) {
          return expert.status().with_context("schema " + schema.name + ", field " + field.name + " route");
        }
        experts.emplace(name, std::move(expert).value());
      }
    }
  }
  Extractor::Tables tables{schools_of(options), options.regions, majors_of(options)};
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
  const CheckContext context{tables_.schools.get(), tables_.regions.get(), 0, tables_.majors.get()};
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

void Extractor::extract_fields(const Schema& schema, const Document& document, Record& record) const {
  ExpertRunner experts(schema, document, experts_, ocr_.get(), record);
  const CheckContext context{tables_.schools.get(), tables_.regions.get(), 0, tables_.majors.get()};
  for (const FieldSpec& field : schema.fields) record.fields.push_back(run_route(field, experts, context));
  reconcile(schema, context, experts, record);
}

}  // namespace mixtract
