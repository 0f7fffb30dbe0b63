// The table writers of each format, behind open_table_writer().
#ifndef MIXTRACT_IO_TABLE_WRITERS_H_
#define MIXTRACT_IO_TABLE_WRITERS_H_

#include "mixtract/writers.h"

namespace mixtract {

Result<std::unique_ptr<TableWriter>> open_csv_table(const std::filesystem::path& path,
                                                    const std::vector<std::string>& header);
Result<std::unique_ptr<TableWriter>> open_xlsx_table(const std::filesystem::path& path,
                                                     const std::vector<std::string>& header);

}  // namespace mixtract

#endif  // MIXTRACT_IO_TABLE_WRITERS_H_
