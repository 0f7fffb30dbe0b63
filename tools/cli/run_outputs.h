// How a run's outputs end, for `extract` and `collect` alike, once every record has been written.
#ifndef MIXTRACT_TOOLS_CLI_RUN_OUTPUTS_H_
#define MIXTRACT_TOOLS_CLI_RUN_OUTPUTS_H_

#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "mixtract/persons.h"
#include "mixtract/writers.h"

namespace mixtract::cli {

struct RunOutputs {
  std::filesystem::path output;
  OutputFormat format = OutputFormat::kJsonl;
  std::string per_person;  // --per-person's file; "" = none.

  bool persons_wanted() const { return !per_person.empty() || format == OutputFormat::kXlsx; }
  std::filesystem::path error_log() const { return output.string() + ".errors.csv"; }
};

// The output's format: --format when given (`format`), else from the file's extension.
Result<OutputFormat> chosen_output_format(const std::filesystem::path& output, const std::string& format);

// The closing lines naming where the outputs are: results, errors (when `errors`), per person (when
// wanted, with the persons whose documents conflict).
std::string where_outputs_are(const RunOutputs& outputs, bool errors, std::size_t persons_with_conflicts);

// The error log's rows: 文件, 阶段 (stage), 原因 (reason); the header first.
using ErrorRows = std::vector<std::vector<std::string>>;

// The per-person table (when wanted: --per-person or an XLSX output) of the documents `facts` describe,
// their records read through `record_of`; for an XLSX output its sheets 人员 and 错误; then closes the
// writer, writes <output>.errors.csv when there were errors (removes an old one when not) and the
// --per-person file. Persons with conflicts are counted in `persons_with_conflicts`; each disagreement of
// a report with its certificate is added to `errors` (stage cross-check, on the report's file).
Status finish_outputs(RecordWriter& writer, const RunOutputs& outputs, std::span<const DocumentFacts> facts,
                      const RecordLookup& record_of, std::span<const Schema> schemas, ErrorRows& errors,
                      std::size_t& persons_with_conflicts);

}  // namespace mixtract::cli

#endif  // MIXTRACT_TOOLS_CLI_RUN_OUTPUTS_H_
