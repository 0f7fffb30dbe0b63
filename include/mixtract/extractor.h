// Extractor: runs a schema's routes over documents and returns one Record per document. Given several
// schemas (--schema auto), it first recognises which one each document is, from its OCR text.
#ifndef MIXTRACT_EXTRACTOR_H_
#define MIXTRACT_EXTRACTOR_H_

#include <map>
#include <memory>
#include <string>
#include <vector>

#include "mixtract/document.h"
#include "mixtract/expert.h"
#include "mixtract/record.h"
#include "mixtract/registry.h"
#include "mixtract/schema.h"
#include "mixtract/status.h"

namespace mixtract {

class MajorTable;
class OcrService;
class RegionTable;
class SchoolTable;
struct ExpertOptions;

// Made by Engine::extractor (with the engine's experts, plug-ins included).
class Extractor {
 public:
  // With several schemas, the document's kind is recognised first (see recognise_schema()).
  // Extracts every field of the document's schema. Never fails as a whole: an expert that errors is
  // recorded in Record::warnings and its fields fall through to the next expert of their route; a
  // document no schema recognises gets a record with no fields, schema "" and the reason.
  // Thread safety: may be called concurrently.
  Record extract(const Document& document) const;

  const std::vector<Schema>& schemas() const { return schemas_; }

 private:
  friend Result<Extractor> make_extractor(std::vector<Schema> schemas, const ExpertRegistry& registry,
                                          const ExpertOptions& options);  // pipeline/make_extractor.h

  struct Tables {
    std::shared_ptr<const SchoolTable> schools;
    std::shared_ptr<const RegionTable> regions;
    std::shared_ptr<const MajorTable> majors;
  };

  Extractor(std::vector<Schema> schemas, std::map<std::string, std::shared_ptr<const Expert>, std::less<>> experts,
            Tables tables, std::shared_ptr<OcrService> ocr)
      : schemas_(std::move(schemas)), experts_(std::move(experts)), tables_(std::move(tables)), ocr_(std::move(ocr)) {}

  // The schema the document is, and why (record.schema_reason); nullptr when none. Its work on the page's
  // text is charged to the record as the analysis `kind`.
  const Schema* recognise(const Document& document, Record& record) const;
  void extract_fields(const Schema& schema, const Document& document, Record& record) const;

  std::vector<Schema> schemas_;
  std::map<std::string, std::shared_ptr<const Expert>, std::less<>> experts_;
  Tables tables_;
  std::shared_ptr<OcrService> ocr_;
};

}  // namespace mixtract

#endif  // MIXTRACT_EXTRACTOR_H_
