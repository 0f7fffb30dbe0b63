// Extractor: runs a schema's routes over documents and returns one Record per document.
#ifndef MIXTRACT_EXTRACTOR_H_
#define MIXTRACT_EXTRACTOR_H_

#include <map>
#include <memory>
#include <string>

#include "mixtract/document.h"
#include "mixtract/expert.h"
#include "mixtract/record.h"
#include "mixtract/registry.h"
#include "mixtract/schema.h"
#include "mixtract/status.h"

namespace mixtract {

class Extractor {
 public:
  // Creates every expert the schema's routes name, once. Fails when a route names an unknown expert
  // (the error names the field and lists the known experts) or an expert cannot be created.
  static Result<Extractor> create(Schema schema, const ExpertRegistry& registry, const ExpertOptions& options);

  // Extracts every field of the schema. Never fails as a whole: an expert that errors is recorded in
  // Record::warnings and its fields fall through to the next expert of their route.
  // Thread safety: may be called concurrently.
  Record extract(const Document& document) const;

  const Schema& schema() const { return schema_; }

 private:
  Extractor(Schema schema, std::map<std::string, std::shared_ptr<const Expert>, std::less<>> experts)
      : schema_(std::move(schema)), experts_(std::move(experts)) {}

  Schema schema_;
  std::map<std::string, std::shared_ptr<const Expert>, std::less<>> experts_;
};

}  // namespace mixtract

#endif  // MIXTRACT_EXTRACTOR_H_
