#include "run_outputs.h"

namespace mixtract::cli {

Result<OutputFormat> chosen_output_format(const std::filesystem::path& output, const std::string& format) {
  if (format.empty()) return output_format_of(output);
  return parse_output_format(format);
}

std::string where_outputs_are(const BatchOutputs& outputs) {
  const BatchFiles& files = outputs.files();
  std::string lines = "results: " + files.output.string() + "\n";
  if (outputs.problems() > 0) lines += "errors:  " + files.error_log().string() + "\n";
  if (files.persons_wanted()) {
    lines += "per person: " +
             (files.per_person.empty() ? files.output.string() + " (sheet 人员)" : files.per_person.string()) + ", " +
             std::to_string(outputs.persons_with_conflicts()) + " person(s) with conflicts to check\n";
  }
  return lines;
}

}  // namespace mixtract::cli
