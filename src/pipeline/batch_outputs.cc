#include "mixtract/batch_outputs.h"

#include <algorithm>

#include "core/text_encoding.h"
#include "io/table_file.h"

namespace mixtract {
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

// The error log's rows, header first.
std::vector<std::vector<std::string>> error_rows(std::span<const BatchProblem> problems) {
  std::vector<std::vector<std::string>> rows{{"文件", "阶段", "原因"}};
  for (const BatchProblem& problem : problems) rows.push_back({problem.file, problem.stage, problem.reason});
  return rows;
}

}  // namespace

Result<std::unique_ptr<BatchOutputs>> BatchOutputs::open(const BatchFiles& files, std::span<const Schema> schemas) {
  std::error_code ec;
  if (files.output.has_parent_path()) std::filesystem::create_directories(files.output.parent_path(), ec);
  if (ec) return Status::io_error("cannot create the folder of " + files.output.string() + ": " + ec.message());
  MIXTRACT_ASSIGN_OR_RETURN(std::unique_ptr<RecordWriter> writer, open_writer(files.output, files.format, schemas));
  return std::unique_ptr<BatchOutputs>(new BatchOutputs(files, std::move(writer), schemas));
}

Status BatchOutputs::add(const BatchDocument& document, const Result<Record>& record) {
  if (!record.ok()) {
    add_problem({readable_name(document.path.string()), "read", record.status().message()});
    return Status();
  }
  MIXTRACT_RETURN_IF_ERROR(writer_->write(*record));
  if (record->schema.empty()) add_problem({record->source, "recognise", record->schema_reason});
  facts_.push_back(facts_of(*record, document.person));
  return Status();
}

Result<std::vector<std::vector<std::string>>> BatchOutputs::persons(const RecordLookup& record_of) {
  const std::vector<Person> grouped = group_by_person(facts_);
  for (const Person& person : grouped) {
    persons_with_conflicts_ += person.conflicts.empty() ? 0u : 1u;
    for (const Disagreement& d : person.disagreements) {
      add_problem({facts_[d.report].source, "cross-check",
                   d.label + ": " + d.report_value + " here, " + d.certificate_value + " on " +
                       std::filesystem::path(facts_[d.certificate].source).filename().string()});
    }
  }
  return person_table(grouped, record_of, schemas_);
}

Status BatchOutputs::finish(const RecordLookup& record_of) {
  std::vector<std::vector<std::string>> persons_rows;
  if (files_.persons_wanted()) {
    MIXTRACT_ASSIGN_OR_RETURN(persons_rows, persons(record_of));
  }
  const std::vector<std::vector<std::string>> errors = error_rows(problems_);
  if (files_.format == OutputFormat::kXlsx) {
    MIXTRACT_RETURN_IF_ERROR(writer_->add_sheet("人员", persons_rows));
    MIXTRACT_RETURN_IF_ERROR(writer_->add_sheet("错误", errors));
  }
  MIXTRACT_RETURN_IF_ERROR(writer_->close());
  std::error_code ec;
  std::filesystem::remove(files_.error_log(), ec);
  if (!problems_.empty()) MIXTRACT_RETURN_IF_ERROR(write_table(files_.error_log(), errors));
  if (!files_.per_person.empty()) MIXTRACT_RETURN_IF_ERROR(write_table(files_.per_person, persons_rows));
  return Status();
}

std::size_t BatchOutputs::problems(const std::string& stage) const {
  if (stage.empty()) return problems_.size();
  return static_cast<std::size_t>(
      std::count_if(problems_.begin(), problems_.end(), [&](const BatchProblem& p) { return p.stage == stage; }));
}

}  // namespace mixtract
