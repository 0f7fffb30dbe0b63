// How an extractor is made on an engine's parts: Engine::extractor's way, and the tests' with their own
// registries.
#ifndef MIXTRACT_PIPELINE_MAKE_EXTRACTOR_H_
#define MIXTRACT_PIPELINE_MAKE_EXTRACTOR_H_

#include <vector>

#include "experts/expert_options.h"
#include "mixtract/extractor.h"
#include "mixtract/registry.h"
#include "mixtract/schema.h"
#include "mixtract/status.h"

namespace mixtract {

// Creates every expert the schemas' routes name, once, from `registry`. `options` are the engine's parts
// the extractor itself uses: the tables its checks read, the OCR that recognises the kind, the LLM whose
// presence adds the LLM experts to the routes. Fails when a route names an unknown expert (the error names
// the field and lists the known experts) or an expert cannot be created. With more than one schema, each
// needs recognise words and options.ocr must be able to read with PP-OCRv4.
Result<Extractor> make_extractor(std::vector<Schema> schemas, const ExpertRegistry& registry,
                                 const ExpertOptions& options);

}  // namespace mixtract

#endif  // MIXTRACT_PIPELINE_MAKE_EXTRACTOR_H_
