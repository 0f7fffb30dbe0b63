#include "core/join.h"
#include "io/results_table.h"
#include "mixtract/persons.h"

namespace mixtract {

Result<std::vector<std::vector<std::string>>> person_table(std::span<const Person> persons,
                                                           const RecordLookup& record_of,
                                                           std::span<const Schema> schemas) {
  const ResultsTable columns(schemas);
  std::vector<std::vector<std::string>> rows{{"人员", "文件数", "依据", "冲突"}};
  rows[0].insert(rows[0].end(), columns.header().begin(), columns.header().end());
  for (const Person& person : persons) {
    std::vector<std::string> row{person.key, std::to_string(person.documents.size()), person.reason,
                                 join(person.conflicts, "; ")};
    std::vector<std::string> chosen(columns.header().size());
    if (person.chosen) {
      MIXTRACT_ASSIGN_OR_RETURN(const Record record, record_of(*person.chosen));
      chosen = columns.row(record);
    }
    row.insert(row.end(), chosen.begin(), chosen.end());
    rows.push_back(std::move(row));
  }
  return rows;
}

}  // namespace mixtract
