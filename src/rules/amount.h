// Sums of money as receipts print them: 56.00, ¥1,234.50, RMB 56, $12.50, 56.00元, 12,50.
#ifndef MIXTRACT_RULES_AMOUNT_H_
#define MIXTRACT_RULES_AMOUNT_H_

#include <optional>
#include <string>
#include <string_view>

namespace mixtract {

// The amount in `text` as digits with an optional decimal point ("1234.50"): a currency sign or code
// before it (¥ ￥ $ € £, RMB CNY USD EUR HKD) and 元 after it are dropped, thousands separated by commas
// are joined, a comma before exactly two last digits with no point is the decimal mark (12,50).
// Full-width digits and spaces around are allowed. nullopt when the text is not exactly one amount.
std::optional<std::string> parse_amount(std::string_view text);

}  // namespace mixtract

#endif  // MIXTRACT_RULES_AMOUNT_H_
