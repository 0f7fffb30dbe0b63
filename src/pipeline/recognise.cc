#include "pipeline/recognise.h"

#include <vector>

#include "core/join.h"

namespace mixtract {
namespace {

// Runs of digits (and X), spaces ignored: the numbers on the page.
std::vector<std::string> number_runs(const std::string& text) {
  std::vector<std::string> runs(1);
  for (char c : text) {
    if (c == ' ') continue;
    if ((c >= '0' && c <= '9') || c == 'X' || c == 'x') {
      runs.back() += c == 'x' ? 'X' : c;
    } else if (!runs.back().empty()) {
      runs.emplace_back();
    }
  }
  if (runs.back().empty()) runs.pop_back();
  return runs;
}

Recognition by_number(const std::string& page_text, std::span<const Schema> schemas, const CheckContext& context) {
  std::vector<std::string> titles;
  for (const Schema& schema : schemas) titles.push_back(schema.title);
  const std::vector<std::string> runs = number_runs(page_text);
  Recognition found;
  std::string evidence;
  for (const Schema& schema : schemas) {
    for (const FieldSpec& field : schema.fields) {
      if (field.validator == Validator::kNone) continue;
      for (const std::string& run : runs) {
        if (!check_field(field, run, context).ok()) continue;
        if (found.schema != nullptr && found.schema != &schema) {
          return {nullptr, "not recognised: none of the words of " + join(titles) + " is on the page, and the number " +
                               run + " fits both " + found.schema->title + " and " + schema.title};
        }
        found.schema = &schema;
        evidence = field.label + " " + run;
      }
    }
  }
  if (found.schema == nullptr) {
    return {nullptr, "not recognised as any of " + join(titles) + ": none of their words is in the page's text"};
  }
  found.reason = "recognised as " + found.schema->title + " by a valid " + evidence + " (none of the words was read)";
  return found;
}

}  // namespace

Recognition recognise_schema(const std::string& page_text, std::span<const Schema> schemas,
                             const CheckContext& context) {
  Recognition best;
  std::vector<std::string> best_words;
  for (const Schema& schema : schemas) {
    std::vector<std::string> found;
    for (const std::string& word : schema.recognise) {
      if (page_text.find(word) != std::string::npos) found.push_back(word);
    }
    if (found.size() > best_words.size()) best.schema = &schema, best_words = std::move(found);
  }
  if (best.schema == nullptr) return by_number(page_text, schemas, context);
  best.reason = "recognised as " + best.schema->title + " by " + join(best_words);
  return best;
}

}  // namespace mixtract
