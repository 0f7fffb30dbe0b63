#include "io/results_table.h"

#include <algorithm>
#include <filesystem>

#include "mixtract/writers.h"

namespace mixtract {

ResultsTable::ResultsTable(std::span<const Schema> schemas) : with_kind_(schemas.size() > 1) {
  header_.push_back("文件");
  if (with_kind_) header_.push_back("文书类型");
  for (const Schema& schema : schemas) {
    for (const FieldSpec& field : schema.fields) {
      if (std::find(header_.begin(), header_.end(), field.label) == header_.end()) header_.push_back(field.label);
    }
  }
}

std::vector<std::string> ResultsTable::row(const Record& record) const {
  std::vector<std::string> cells(header_.size());
  cells[0] = std::filesystem::path(record.source).filename().string();
  if (with_kind_) cells[1] = record.schema_title;
  for (const FieldResult& field : record.fields) {
    const auto column = std::find(header_.begin(), header_.end(), field.label);
    if (column != header_.end()) cells[static_cast<std::size_t>(column - header_.begin())] = field.value;
  }
  return cells;
}

std::vector<std::string> results_header(std::span<const Schema> schemas) {
  return ResultsTable(schemas).header();
}

}  // namespace mixtract
