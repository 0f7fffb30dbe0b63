// The LLM experts: one class asking an OpenAI-compatible model in the five ways the reference system
// compared (../shared/DOMAIN.md), each registered under its own name:
//   llm_text          text LLM over the whole page's OCR text, all fields in one request;
//   llm_text_region   text LLM over the region of each field's printed label (its line, the lines
//                     beside it, the line below when the value is printed there) read again by
//                     PP-OCRv4, cropped and enlarged: the local-crop route, one request per field,
//                     none where the label is not found;
//   llm_vision        vision LLM over the page image, all fields in one request;
//   llm_vision_field  vision LLM over the page image, one request per field;
//   llm_vision_ocr    vision LLM over the page image with its OCR text in the prompt, all fields.
// Prompts are the templates of prompts/ (their id is kept in each candidate's evidence); the one-field
// experts send a shorter system prompt, since they send it once per field. Replies are
// read leniently (parse_reply_json); values are normalised by the field's kind (dates to YYYY-MM-DD,
// codes without spaces) and left to the gate's checks, which reject what the field cannot be. A
// model gives no calibrated confidence: every value gets kLlmConfidence, so that an LLM alone leaves a
// field for review unless the route accepts less or another expert agrees.
#ifndef MIXTRACT_EXPERTS_LLM_LLM_EXPERT_H_
#define MIXTRACT_EXPERTS_LLM_LLM_EXPERT_H_

#include <memory>
#include <string>
#include <string_view>

#include "experts/expert_options.h"
#include "llm/llm.h"
#include "llm/prompt_template.h"
#include "mixtract/expert.h"

namespace mixtract {

inline constexpr double kLlmConfidence = 0.7;

class LlmExpert final : public Expert {
 public:
  enum class Input { kPageText, kRegionText, kImage, kImageAndText };
  struct Mode {
    std::string_view name;  // The registry name.
    Input input;
    bool one_field_per_request;
    std::string_view prompt;  // The template in prompts/.
  };
  // Fails to create without an LLM client in the options (or without OCR for the text inputs).
  static BuiltinFactory factory(Mode mode);

  std::string_view name() const override { return mode_.name; }
  std::vector<std::string> page_reads() const override {
    return mode_.input == Input::kImage ? std::vector<std::string>{} : std::vector<std::string>{"ppocr"};
  }
  Result<std::vector<Candidate>> propose(const Document& document,
                                         std::span<const FieldSpec* const> fields) const override;

 private:
  LlmExpert(Mode mode, std::shared_ptr<ChatBackend> llm, std::shared_ptr<OcrService> ocr, PromptTemplate system,
            PromptTemplate prompt)
      : mode_(mode),
        llm_(std::move(llm)),
        ocr_(std::move(ocr)),
        system_(std::move(system)),
        prompt_(std::move(prompt)) {}

  // One request for `fields`, with `text` for the {{text}} placeholder; candidates appended.
  Status ask(const Document& document, std::span<const FieldSpec* const> fields, const std::string& text,
             std::vector<Candidate>& candidates) const;

  Mode mode_;
  std::shared_ptr<ChatBackend> llm_;
  std::shared_ptr<OcrService> ocr_;
  PromptTemplate system_;
  PromptTemplate prompt_;
};

}  // namespace mixtract

#endif  // MIXTRACT_EXPERTS_LLM_LLM_EXPERT_H_
