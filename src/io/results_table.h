// The flat table of results shared by the CSV and XLSX writers: one row per document, the chosen values.
#ifndef MIXTRACT_IO_RESULTS_TABLE_H_
#define MIXTRACT_IO_RESULTS_TABLE_H_

#include <span>
#include <string>
#include <vector>

#include "mixtract/record.h"
#include "mixtract/schema.h"

namespace mixtract {

class ResultsTable {
 public:
  // Columns: 文件, then 文书类型 (the schema's title) when there are several schemas, then each field
  // label once, in schema order, so that the table lines up with a spreadsheet of verified values.
  explicit ResultsTable(std::span<const Schema> schemas);

  const std::vector<std::string>& header() const { return header_; }
  // The record's cells under header(): the file name (no folders), the title, the values ("" = missing).
  std::vector<std::string> row(const Record& record) const;

 private:
  std::vector<std::string> header_;
  bool with_kind_ = false;
};

}  // namespace mixtract

#endif  // MIXTRACT_IO_RESULTS_TABLE_H_
