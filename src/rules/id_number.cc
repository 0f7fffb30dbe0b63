#include "rules/id_number.h"

#include <array>
#include <cstdio>

namespace mixtract {

char id_check_character(std::string_view first17) {
  static constexpr std::array<int, 17> kWeights{7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
  static constexpr std::array<char, 11> kCheck{'1', '0', 'X', '9', '8', '7', '6', '5', '4', '3', '2'};
  int sum = 0;
  for (std::size_t i = 0; i < 17; ++i) sum += (first17[i] - '0') * kWeights[i];
  return kCheck[static_cast<std::size_t>(sum % 11)];
}

std::string format_id_number(const IdNumber& id) {
  char buffer[64];
  std::snprintf(buffer, sizeof buffer, "%s%04d%02d%02d%03d", id.region_code.c_str(), id.birth_date.year,
                id.birth_date.month, id.birth_date.day, id.sequence);
  std::string number = buffer;
  return number + id_check_character(number);
}

Result<IdNumber> parse_id_number(std::string_view text) {
  const std::string value(text);
  auto fail = [&](const std::string& why) { return Status::invalid_argument("ID number '" + value + "' " + why); };
  if (text.size() != 18) return fail("has " + std::to_string(text.size()) + " characters, not 18");
  for (std::size_t i = 0; i < 17; ++i) {
    if (text[i] < '0' || text[i] > '9') return fail("has a non-digit at position " + std::to_string(i + 1));
  }
  const char check = id_check_character(text.substr(0, 17));
  if (text[17] != check)
    return fail("has check character '" + std::string(1, text[17]) + "', expected '" + check + "'");
  IdNumber id;
  id.region_code = value.substr(0, 6);
  id.birth_date = {std::stoi(value.substr(6, 4)), std::stoi(value.substr(10, 2)), std::stoi(value.substr(12, 2))};
  if (!is_valid_date(id.birth_date)) return fail("holds an impossible birth date " + value.substr(6, 8));
  id.sequence = std::stoi(value.substr(14, 3));
  return id;
}

}  // namespace mixtract
