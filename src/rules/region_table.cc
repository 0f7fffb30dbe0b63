#include "rules/region_table.h"

#include <fstream>

#include <nlohmann/json.hpp>

namespace mixtract {
namespace {

// Reads a JSON array whose entries all have string "code" and "name".
Result<nlohmann::json> read_json_array(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return Status::not_found(path.string() + ": missing; run scripts/setup.sh to fetch the region data");
  nlohmann::json data = nlohmann::json::parse(in, nullptr, /*allow_exceptions=*/false);
  if (!data.is_array()) return Status::invalid_argument(path.string() + ": expected a JSON array of regions");
  for (const nlohmann::json& item : data) {
    if (!item.is_object() || !item.contains("code") || !item.contains("name") || !item["code"].is_string() ||
        !item["name"].is_string()) {
      return Status::invalid_argument(path.string() + ": every entry needs string \"code\" and \"name\"");
    }
  }
  return data;
}

}  // namespace

Result<RegionTable> RegionTable::load(const std::filesystem::path& folder) {
  MIXTRACT_ASSIGN_OR_RETURN(nlohmann::json provinces, read_json_array(folder / "provinces.json"));
  MIXTRACT_ASSIGN_OR_RETURN(nlohmann::json cities, read_json_array(folder / "cities.json"));
  MIXTRACT_ASSIGN_OR_RETURN(nlohmann::json areas, read_json_array(folder / "areas.json"));
  std::map<std::string, std::string> names;
  for (const nlohmann::json* list : {&provinces, &cities}) {
    for (const nlohmann::json& item : *list) names[item["code"].get<std::string>()] = item["name"].get<std::string>();
  }
  RegionTable table;
  for (const nlohmann::json& item : provinces) {
    const std::string code = item["code"].get<std::string>();
    table.provinces_.emplace(code, item["name"].get<std::string>());
  }
  for (const nlohmann::json& item : areas) {
    Region region;
    region.code = item["code"].get<std::string>();
    if (region.code.size() != 6) continue;
    region.county = item["name"].get<std::string>();
    region.province = names[region.code.substr(0, 2)];
    region.city = names[region.code.substr(0, 4)];
    if (region.city == "市辖区" || region.city == "县") region.city.clear();
    table.by_code_.emplace(region.code, table.regions_.size());
    table.regions_.push_back(std::move(region));
  }
  if (table.regions_.empty()) return Status::invalid_argument((folder / "areas.json").string() + ": no regions");
  return table;
}

const Region* RegionTable::find(std::string_view code) const {
  const auto it = by_code_.find(code);
  return it == by_code_.end() ? nullptr : &regions_[it->second];
}

const std::string* RegionTable::province(std::string_view code) const {
  const auto it = provinces_.find(code);
  return it == provinces_.end() ? nullptr : &it->second;
}

}  // namespace mixtract
