#include "run_outputs.h"

#include "io/table_file.h"

namespace mixtract::cli {
namespace {

// Writes `rows` (the header first) to a table of the format the file's extension names.
Status write_table(const std::filesystem::path& path, std::span<const std::vector<std::string>> rows) {
  std::error_code ec;
  if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
  MIXTRACT_ASSIGN_OR_RETURN(std::unique_ptr<TableWriter> table,
                            open_table_writer(path, output_format_of(path), rows.front()));
  for (const std::vector<std::string>& row : rows.subspan(1)) MIXTRACT_RETURN_IF_ERROR(table->write_row(row));
  return table->close();
}

}  // namespace

Result<OutputFormat> chosen_output_format(const std::filesystem::path& output, const std::string& format) {
  if (format.empty()) return output_format_of(output);
  return parse_output_format(format);
}

std::string where_outputs_are(const RunOutputs& outputs, bool errors, std::size_t persons_with_conflicts) {
  std::string lines = "results: " + outputs.output.string() + "\n";
  if (errors) lines += "errors:  " + outputs.error_log().string() + "\n";
  if (outputs.persons_wanted()) {
    lines +=
        "per person: " + (outputs.per_person.empty() ? outputs.output.string() + " (sheet 人员)" : outputs.per_person) +
        ", " + std::to_string(persons_with_conflicts) + " person(s) with conflicts to check\n";
  }
  return lines;
}

Status finish_outputs(RecordWriter& writer, const RunOutputs& outputs, std::span<const DocumentFacts> facts,
                      const RecordLookup& record_of, std::span<const Schema> schemas, ErrorRows& errors,
                      std::size_t& persons_with_conflicts) {
  std::vector<std::vector<std::string>> persons;
  if (outputs.persons_wanted()) {
    const std::vector<Person> grouped = group_by_person(facts);
    for (const Person& person : grouped) {
      persons_with_conflicts += person.conflicts.empty() ? 0u : 1u;
      for (const Disagreement& d : person.disagreements) {
        const DocumentFacts& report = facts[d.report];
        const DocumentFacts& certificate = facts[d.certificate];
        errors.push_back({report.source, "cross-check",
                          d.label + ": " + d.report_value + " here, " + d.certificate_value + " on " +
                              std::filesystem::path(certificate.source).filename().string()});
      }
    }
    MIXTRACT_ASSIGN_OR_RETURN(persons, person_table(grouped, record_of, schemas));
  }
  if (outputs.format == OutputFormat::kXlsx) {
    MIXTRACT_RETURN_IF_ERROR(writer.add_sheet("人员", persons));
    MIXTRACT_RETURN_IF_ERROR(writer.add_sheet("错误", errors));
  }
  MIXTRACT_RETURN_IF_ERROR(writer.close());
  std::error_code ec;
  std::filesystem::remove(outputs.error_log(), ec);
  if (errors.size() > 1) MIXTRACT_RETURN_IF_ERROR(write_table(outputs.error_log(), errors));
  if (!outputs.per_person.empty()) MIXTRACT_RETURN_IF_ERROR(write_table(outputs.per_person, persons));
  return Status();
}

}  // namespace mixtract::cli
