#include "server/review_export.h"

#include <fstream>
#include <map>

#include <nlohmann/json.hpp>

#include "mixtract/writers.h"

namespace mixtract::server {

Result<std::size_t> export_reviewed(const ReviewStore& store, const std::filesystem::path& folder) {
  MIXTRACT_ASSIGN_OR_RETURN(std::vector<ReviewDocument> documents, store.all());
  std::erase_if(documents, [](const ReviewDocument& d) { return d.pending() > 0; });
  std::error_code ec;
  std::filesystem::create_directories(folder, ec);
  if (ec) return Status::io_error("cannot create " + folder.string() + ": " + ec.message());

  // Rows as label -> value; the header is every label seen, in order of first sight.
  std::vector<std::string> labels;
  std::vector<std::map<std::string, std::string>> rows;
  for (const ReviewDocument& d : documents) {
    const nlohmann::ordered_json record = nlohmann::ordered_json::parse(d.record_json, nullptr, false);
    if (record.is_discarded()) continue;
    const std::string file = std::to_string(d.id) + "_" + std::filesystem::path(d.source).stem().string() + ".jpg";
    MIXTRACT_ASSIGN_OR_RETURN(std::optional<std::string> page, store.page(d.id, std::nullopt));
    if (!page) continue;
    std::ofstream out(folder / file, std::ios::binary);
    out << *page;
    if (!out.flush()) return Status::io_error("cannot write " + (folder / file).string());
    std::map<std::string, std::string> row = {{"文件", file}, {"文书类型", record.value("schema_title", "")}};
    for (const auto& [name, field] : record["fields"].items()) {
      const std::string label = field.value("label", name);
      if (std::find(labels.begin(), labels.end(), label) == labels.end()) labels.push_back(label);
      const auto decided = d.corrections.find(name);
      row[label] = decided != d.corrections.end() ? decided->second.value : field.value("value", "");
    }
    rows.push_back(std::move(row));
  }
  std::vector<std::string> header = {"文件", "文书类型"};
  header.insert(header.end(), labels.begin(), labels.end());
  MIXTRACT_ASSIGN_OR_RETURN(std::unique_ptr<TableWriter> table,
                            open_table_writer(folder / "truth.csv", OutputFormat::kCsv, header));
  for (const std::map<std::string, std::string>& row : rows) {
    std::vector<std::string> cells;
    for (const std::string& column : header) {
      const auto found = row.find(column);
      cells.push_back(found != row.end() ? found->second : "");
    }
    MIXTRACT_RETURN_IF_ERROR(table->write_row(cells));
  }
  MIXTRACT_RETURN_IF_ERROR(table->close());
  return rows.size();
}

}  // namespace mixtract::server
