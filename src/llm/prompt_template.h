// Prompt templates: the text files of prompts/, compiled in. A template opens with comment lines
// ("# ..."), one of them "# version: N"; the rest is the prompt, with {{placeholders}}.
#ifndef MIXTRACT_LLM_PROMPT_TEMPLATE_H_
#define MIXTRACT_LLM_PROMPT_TEMPLATE_H_

#include <map>
#include <string>
#include <string_view>

#include "mixtract/status.h"

namespace mixtract {

struct PromptTemplate {
  std::string name;  // prompts/<name>.txt
  int version = 0;
  std::string text;  // Without the comment lines.

  // "fields_from_text@v1": recorded with every answer, so that results say which prompt gave them.
  std::string id() const { return name + "@v" + std::to_string(version); }
  // The text with each {{key}} replaced by values[key]; a placeholder without a value is an error.
  Result<std::string> render(const std::map<std::string, std::string, std::less<>>& values) const;
};

// The built-in template of that name; errors name the known ones, or what is malformed.
Result<PromptTemplate> builtin_prompt(std::string_view name);

}  // namespace mixtract

#endif  // MIXTRACT_LLM_PROMPT_TEMPLATE_H_
