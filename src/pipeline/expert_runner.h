// The experts of one document, run for the gate: route policies (route.h) and reconciliation ask it for
// an expert's output, and it runs each expert at most once per document, charging what it costs.
#ifndef MIXTRACT_PIPELINE_EXPERT_RUNNER_H_
#define MIXTRACT_PIPELINE_EXPERT_RUNNER_H_

#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "gate/choose.h"
#include "mixtract/document.h"
#include "mixtract/expert.h"
#include "mixtract/record.h"
#include "mixtract/schema.h"
#include "ocr/ocr_service.h"

namespace mixtract {

using ExpertsByName = std::map<std::string, std::shared_ptr<const Expert>, std::less<>>;

// Runs an expert on first use, asked for every field of the schema whose route names it. Charges the
// record the expert's own time and tokens (Record::cost, Record::expert_costs; a page reading the expert
// set off is the document's, charged by whoever charges `ocr`'s readings); an expert that fails is a
// warning and an output marked failed. Once the schema's document budget is spent (page readings
// included) no further expert runs: their outputs are empty and marked failed, and the record's warnings
// say so once.
// REQUIRES: every expert the schema's routes name is in `experts`; the arguments outlive the runner.
class ExpertRunner final : public ExpertSource {
 public:
  ExpertRunner(const Schema& schema, const Document& document, const ExpertsByName& experts, const OcrService* ocr,
               Record& record)
      : schema_(schema), document_(document), experts_(experts), ocr_(ocr), record_(record) {}

  const ExpertOutput& output_of(std::string_view expert) override;

 private:
  bool budget_spent() const;
  // Milliseconds spent so far reading the document's page.
  double page_reading_ms() const;

  const Schema& schema_;
  const Document& document_;
  const ExpertsByName& experts_;
  const OcrService* ocr_;
  Record& record_;
  std::map<std::string, ExpertOutput, std::less<>> outputs_;
};

}  // namespace mixtract

#endif  // MIXTRACT_PIPELINE_EXPERT_RUNNER_H_
