// Every expert built into mixtract, registered by name: adding an expert adds one line to kBuiltins.
#include <cassert>

#include "experts/certificate_text/certificate_text_expert.h"
#include "experts/expert_options.h"
#include "experts/file_name/file_name_expert.h"
#include "experts/llm/llm_expert.h"
#include "experts/major_table/major_table_expert.h"
#include "experts/ner/ner_expert.h"
#include "experts/ocr_label/ocr_label_expert.h"
#include "experts/page_pattern/page_pattern_expert.h"
#include "experts/qr_code/qr_code_expert.h"
#include "experts/school_table/school_table_expert.h"

namespace mixtract {
namespace {

struct BuiltinExpert {
  const char* name;
  const char* description;
  BuiltinFactory factory;
};

}  // namespace

ExpertRegistry builtin_experts(const ExpertOptions& options) {
  const BuiltinExpert builtins[] = {
      {"file_name", "person and level written in the file name (张三_本科毕业证书.jpg)", &FileNameExpert::create},
      {"certificate_text", "each field of a certificate body found by the cues that mark it in the PP-OCRv4 text",
       CertificateTextExpert::factory()},
      {"certificate_text_without_red",
       "certificate_text on the page read again with red ink faded out (a date or a number under a seal)",
       CertificateTextExpert::factory(true)},
      {"ppocr", "PP-OCRv4 (ONNX Runtime) page reading, values after their printed labels",
       OcrLabelExpert::factory("ppocr")},
      {"ppocr_reread", "PP-OCRv4 again on each field's label lines, cropped and enlarged (the local-crop route)",
       OcrLabelExpert::factory("ppocr", true)},
      {"page_pattern", "a field's value found anywhere in the PP-OCRv4 text by its form (dates, codes by pattern)",
       &PagePatternExpert::create},
      {"qr_code", "the QR codes on the page decoded (zbar): a field's value is the piece of a code's text of its form",
       &QrCodeExpert::create},
      {"school_table", "school names of the school table found in the page text, OCR errors corrected",
       &SchoolTableExpert::create},
      {"major_table", "the one name of the table of majors found in the page text, whatever wording marks it",
       &MajorTableExpert::create},
      {"lac_ner", "LAC's persons, schools (organisations) and majors in the PP-OCRv4 page text",
       NerExpert::factory(NerEngine::kLac)},
      {"jieba_ner", "jieba's persons, schools and majors (the tables' names kept whole) in the PP-OCRv4 page text",
       NerExpert::factory(NerEngine::kJieba)},
      {"bert_ner", "your BERT token classifier's (--bert-model) persons, schools and majors in the PP-OCRv4 page text",
       NerExpert::factory(NerEngine::kBert)},
      {"tesseract", "Tesseract 5 (chi_sim+eng) page reading, values after their printed labels",
       OcrLabelExpert::factory("tesseract")},
      {"llm_text", "text LLM over the page's OCR text, all fields in one request",
       LlmExpert::factory({"llm_text", LlmExpert::Input::kPageText, false, "fields_from_text"})},
      {"llm_text_region", "text LLM over each field's label region read again by PP-OCRv4, cropped and enlarged",
       LlmExpert::factory({"llm_text_region", LlmExpert::Input::kRegionText, true, "field_from_region"})},
      {"llm_vision", "vision LLM over the page image, all fields in one request",
       LlmExpert::factory({"llm_vision", LlmExpert::Input::kImage, false, "fields_from_image"})},
      {"llm_vision_field", "vision LLM over the page image, one request per field",
       LlmExpert::factory({"llm_vision_field", LlmExpert::Input::kImage, true, "fields_from_image"})},
      {"llm_vision_ocr", "vision LLM over the page image with its OCR text in the prompt, all fields",
       LlmExpert::factory({"llm_vision_ocr", LlmExpert::Input::kImageAndText, false, "fields_from_image_and_text"})},
  };
  ExpertRegistry registry;
  for (const BuiltinExpert& expert : builtins) {
    [[maybe_unused]] const Status status =
        registry.add(expert.name, expert.description, [factory = expert.factory, options] { return factory(options); });
    assert(status.ok() && "built-in expert names are valid and unique");
  }
  return registry;
}

}  // namespace mixtract
