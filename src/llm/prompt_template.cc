#include "llm/prompt_template.h"

#include <charconv>
#include <vector>

#include "core/builtin_texts.h"
#include "core/join.h"

namespace mixtract {

Result<std::string> PromptTemplate::render(const std::map<std::string, std::string, std::less<>>& values) const {
  std::string out;
  std::size_t at = 0;
  for (std::size_t open; (open = text.find("{{", at)) != std::string::npos;) {
    const std::size_t close = text.find("}}", open);
    if (close == std::string::npos) return Status::internal("prompt " + id() + ": a {{ without }}");
    const std::string_view key = std::string_view(text).substr(open + 2, close - open - 2);
    const auto value = values.find(key);
    if (value == values.end())
      return Status::internal("prompt " + id() + ": no value for {{" + std::string(key) + "}}");
    out.append(text, at, open - at);
    out += value->second;
    at = close + 2;
  }
  out.append(text, at);
  return out;
}

Result<PromptTemplate> builtin_prompt(std::string_view name) {
  std::vector<std::string_view> known;
  for (const BuiltinText& file : builtin_prompt_texts()) {
    known.push_back(file.name);
    if (file.name != name) continue;
    PromptTemplate prompt;
    prompt.name = std::string(name);
    std::string_view text = file.text;
    while (text.starts_with("#")) {
      const std::size_t end = text.find('\n');
      const std::string_view line = text.substr(0, end);
      constexpr std::string_view kVersion = "# version: ";
      if (line.starts_with(kVersion)) {
        std::from_chars(line.data() + kVersion.size(), line.data() + line.size(), prompt.version);
      }
      text = end == std::string_view::npos ? std::string_view() : text.substr(end + 1);
    }
    if (prompt.version < 1) return Status::internal("prompts/" + prompt.name + ".txt has no '# version: N' line");
    while (!text.empty() && text.back() == '\n') text.remove_suffix(1);
    prompt.text = std::string(text);
    return prompt;
  }
  return Status::not_found("no prompt template '" + std::string(name) + "'; known: " + join(known));
}

}  // namespace mixtract
