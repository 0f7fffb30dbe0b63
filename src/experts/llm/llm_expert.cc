#include "experts/llm/llm_expert.h"

#include <algorithm>

#include "core/ascii.h"
#include "core/join.h"
#include "mixtract/education.h"
#include "ocr/line_geometry.h"
#include "ocr/ocr_service.h"
#include "rules/date.h"

namespace mixtract {
namespace {

// One line of the prompt per field: its key, its printed name, and the form of its value.
std::string field_line(const FieldSpec& field) {
  std::string form;
  switch (field.kind) {
    case FieldKind::kName: form = "a person's name"; break;
    case FieldKind::kGender: form = "男 or 女"; break;
    case FieldKind::kDate: form = "a date, YYYY-MM-DD"; break;
    case FieldKind::kLevel: form = "one of 专科, 本科, 硕士研究生, 博士研究生"; break;
    case FieldKind::kSchool: form = "the school's full name"; break;
    case FieldKind::kMajor: form = "the major (专业) as printed"; break;
    case FieldKind::kCode:
      form = "the number as printed, without spaces";
      if (field.constraints.min_length && field.constraints.min_length == field.constraints.max_length) {
        form += ", " + std::to_string(*field.constraints.min_length) + " characters";
      }
      break;
    case FieldKind::kAmount: form = "the amount, digits and a decimal point only (1234.50)"; break;
    case FieldKind::kEnum: form = "one of " + join(field.constraints.values); break;
    case FieldKind::kText: form = "as printed"; break;
  }
  return "- \"" + field.name + "\": " + field.label + ", " + form;
}

nlohmann::json reply_schema(std::span<const FieldSpec* const> fields) {
  nlohmann::json properties = nlohmann::json::object();
  nlohmann::json required = nlohmann::json::array();
  for (const FieldSpec* field : fields) {
    properties[field->name] = {{"type", "string"}};
    required.push_back(field->name);
  }
  return {{"type", "object"}, {"properties", properties}, {"required", required}, {"additionalProperties", false}};
}

// The value in the form the field's checks expect; what cannot be put in that form is kept as written
// (the checks then say why it is refused).
std::string normalised(const FieldSpec& field, const std::string& raw) {
  std::string value(trim(raw));
  switch (field.kind) {
    case FieldKind::kDate:
      if (const std::optional<Date> date = parse_date(value)) return to_iso(*date);
      break;
    case FieldKind::kCode: value.erase(std::remove(value.begin(), value.end(), ' '), value.end()); break;
    case FieldKind::kLevel:
      if (const std::optional<EducationLevel> level = find_level(value)) return std::string(level_name(*level));
      break;
    default: break;
  }
  return value;
}

// The page's lines that hold the field's printed label and its value: the label's line, the lines
// beside it on its row, and the next line when nothing follows the label on its row (a value printed
// below it); empty when no label is found.
std::vector<std::size_t> label_lines(const OcrResult& ocr, const FieldSpec& field) {
  for (std::size_t i = 0; i < ocr.lines.size(); ++i) {
    for (const std::string& label : field.hints.labels) {
      const std::size_t at = ocr.lines[i].text.find(label);
      if (at == std::string::npos) continue;
      std::vector<std::size_t> lines{i};
      while (lines.back() + 1 < ocr.lines.size() && same_row(ocr.lines[i], ocr.lines[lines.back() + 1])) {
        lines.push_back(lines.back() + 1);
      }
      std::string_view after = trim(std::string_view(ocr.lines[i].text).substr(at + label.size()));
      for (std::string_view separator : {"：", ":"}) {
        if (after.starts_with(separator)) after = trim(after.substr(separator.size()));
      }
      if (lines.size() == 1 && after.empty() && i + 1 < ocr.lines.size()) lines.push_back(i + 1);
      return lines;
    }
  }
  return {};
}

}  // namespace

BuiltinFactory LlmExpert::factory(Mode mode) {
  return [mode](const ExpertOptions& options) -> Result<std::unique_ptr<Expert>> {
    if (!options.llm) {
      return Status::unavailable("needs an LLM server: give its address with --llm-url (or MIXTRACT_LLM_URL)");
    }
    const bool reads_text = mode.input != Input::kImage;
    if (reads_text && !options.ocr) return Status::unavailable("needs OCR, which is not set up");
    MIXTRACT_ASSIGN_OR_RETURN(PromptTemplate system,
                              builtin_prompt(mode.one_field_per_request ? "system_one_field" : "system"));
    MIXTRACT_ASSIGN_OR_RETURN(PromptTemplate prompt, builtin_prompt(mode.prompt));
    return std::unique_ptr<Expert>(
        new LlmExpert(mode, options.llm, reads_text ? options.ocr : nullptr, std::move(system), std::move(prompt)));
  };
}

Result<std::vector<Candidate>> LlmExpert::propose(const Document& document,
                                                  std::span<const FieldSpec* const> fields) const {
  std::vector<Candidate> candidates;
  std::shared_ptr<const OcrResult> ocr;
  if (ocr_) {
    MIXTRACT_ASSIGN_OR_RETURN(ocr, ocr_->read(document, "ppocr"));
  }
  if (mode_.input == Input::kRegionText) {
    // Only the fields whose label is on the page are asked about: no region, no request. The model is
    // given the region read again, cropped and enlarged, as the reference system's best route for the
    // certificate number did; the reading is the candidates' second evidence.
    for (const FieldSpec* field : fields) {
      const std::vector<std::size_t> lines = label_lines(*ocr, *field);
      if (lines.empty()) continue;
      const Quad region = bounding_quad(*ocr, lines);
      RereadOptions reread;
      reread.extend_right = static_cast<int>(2 * height_of(ocr->lines[lines.front()].box));  // A value's end.
      MIXTRACT_ASSIGN_OR_RETURN(std::shared_ptr<const OcrResult> again,
                                ocr_->reread(document, "ppocr", region, reread));
      const std::size_t first = candidates.size();
      MIXTRACT_RETURN_IF_ERROR(ask(document, std::span(&field, 1), again->text(), candidates));
      for (std::size_t i = first; i < candidates.size(); ++i) {
        candidates[i].evidence.push_back({"reread:ppocr", again->text(), region});
      }
    }
    return candidates;
  }
  const std::string text = ocr ? ocr->text() : "";
  if (mode_.one_field_per_request) {
    for (const FieldSpec* field : fields)
      MIXTRACT_RETURN_IF_ERROR(ask(document, std::span(&field, 1), text, candidates));
  } else {
    MIXTRACT_RETURN_IF_ERROR(ask(document, fields, text, candidates));
  }
  return candidates;
}

Status LlmExpert::ask(const Document& document, std::span<const FieldSpec* const> fields, const std::string& text,
                      std::vector<Candidate>& candidates) const {
  std::vector<std::string> lines;
  for (const FieldSpec* field : fields) lines.push_back(field_line(*field));
  ChatRequest request;
  MIXTRACT_ASSIGN_OR_RETURN(request.system, system_.render({}));
  MIXTRACT_ASSIGN_OR_RETURN(request.user,
                            prompt_.render({{"document", "document"}, {"fields", join(lines, "\n")}, {"text", text}}));
  if (mode_.input == Input::kImage || mode_.input == Input::kImageAndText) request.image = document.image();
  request.reply_schema = reply_schema(fields);
  request.max_tokens = 64 + 64 * static_cast<int>(fields.size());
  MIXTRACT_ASSIGN_OR_RETURN(const ChatReply reply, llm_->chat(request));
  MIXTRACT_ASSIGN_OR_RETURN(const nlohmann::json values, parse_reply_json(reply.content));
  const std::string source = "llm:" + reply.model + ":" + prompt_.id();
  const std::size_t first = candidates.size();
  for (const FieldSpec* field : fields) {
    const auto found = values.find(field->name);
    if (found == values.end() || found->is_null()) continue;
    const std::string raw = found->is_string() ? found->get<std::string>() : found->dump();
    Candidate candidate;
    candidate.field = field->name;
    candidate.raw = raw;
    candidate.value = normalised(*field, raw);
    if (candidate.value.empty()) continue;
    candidate.confidence = kLlmConfidence;
    candidate.evidence.push_back({source, raw, std::nullopt});
    candidates.push_back(std::move(candidate));
  }
  // The request's cost is carried by its first candidate (the extractor sums them per expert).
  if (candidates.size() > first) {
    candidates[first].cost.tokens = reply.prompt_tokens + reply.completion_tokens;
    candidates[first].cost.ms = reply.latency_ms;
  }
  return Status();
}

}  // namespace mixtract
