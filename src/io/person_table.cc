#include "core/join.h"
#include "io/results_table.h"
#include "mixtract/persons.h"

namespace mixtract {

Status write_person_table(const std::filesystem::path& path, OutputFormat format, std::span<const Person> persons,
                          std::span<const Record> records, std::span<const Schema> schemas) {
  const ResultsTable columns(schemas);
  std::vector<std::string> header{"人员", "文件数", "依据", "冲突"};
  header.insert(header.end(), columns.header().begin(), columns.header().end());
  MIXTRACT_ASSIGN_OR_RETURN(std::unique_ptr<TableWriter> table, open_table_writer(path, format, header));
  for (const Person& person : persons) {
    std::vector<std::string> row{person.key, std::to_string(person.documents.size()), person.reason,
                                 join(person.conflicts, "; ")};
    std::vector<std::string> chosen(columns.header().size());
    if (person.chosen) chosen = columns.row(records[*person.chosen]);
    row.insert(row.end(), chosen.begin(), chosen.end());
    MIXTRACT_RETURN_IF_ERROR(table->write_row(row));
  }
  return table->close();
}

}  // namespace mixtract
