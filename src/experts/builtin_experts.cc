// Every expert built into mixtract, registered by name: adding an expert adds one line to kBuiltins.
#include <cassert>

#include "experts/certificate_text/certificate_text_expert.h"
#include "experts/file_name/file_name_expert.h"
#include "experts/ocr_label/ocr_label_expert.h"
#include "experts/school_table/school_table_expert.h"
#include "mixtract/registry.h"

namespace mixtract {
namespace {

struct BuiltinExpert {
  const char* name;
  const char* description;
  ExpertFactory factory;
};

}  // namespace

ExpertRegistry ExpertRegistry::with_builtins() {
  const BuiltinExpert builtins[] = {
      {"file_name", "person and level written in the file name (张三_本科毕业证书.jpg)", &FileNameExpert::create},
      {"certificate_text", "the official sentence of a certificate body, read from the PP-OCRv4 text",
       &CertificateTextExpert::create},
      {"ppocr", "PP-OCRv4 (ONNX Runtime) page reading, values after their printed labels",
       OcrLabelExpert::factory("ppocr")},
      {"ppocr_reread", "PP-OCRv4 again on each field's label lines, cropped and enlarged (the local-crop route)",
       OcrLabelExpert::factory("ppocr", true)},
      {"school_table", "school names of the school table found in the page text, OCR errors corrected",
       &SchoolTableExpert::create},
      {"tesseract", "Tesseract 5 (chi_sim+eng) page reading, values after their printed labels",
       OcrLabelExpert::factory("tesseract")},
  };
  ExpertRegistry registry;
  for (const BuiltinExpert& expert : builtins) {
    [[maybe_unused]] const Status status = registry.add(expert.name, expert.description, expert.factory);
    assert(status.ok() && "built-in expert names are valid and unique");
  }
  return registry;
}

}  // namespace mixtract
