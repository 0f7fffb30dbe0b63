// Common Chinese surnames (data/surnames.csv: the single surnames borne by nearly everyone in China and
// the common compound ones), for telling a name from words that stand where a name would.
#ifndef MIXTRACT_RULES_SURNAMES_H_
#define MIXTRACT_RULES_SURNAMES_H_

#include <cstddef>
#include <string_view>

namespace mixtract {

// The number of characters of the common surname `name` starts with (欧阳 before 欧); 0 when it starts
// with none (授予黄刚, a name read from the middle of a sentence, or a rare surname).
std::size_t surname_length(std::string_view name);

}  // namespace mixtract

#endif  // MIXTRACT_RULES_SURNAMES_H_
