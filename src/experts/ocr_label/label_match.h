// Where a field's printed label is in a line of text: exactly or with characters misread, letters compared
// without case, and a label that starts or ends with a letter never read inside a word (TOTAL is not in
// SUBTOTAL).
#ifndef MIXTRACT_EXPERTS_OCR_LABEL_LABEL_MATCH_H_
#define MIXTRACT_EXPERTS_OCR_LABEL_LABEL_MATCH_H_

#include <cstddef>
#include <vector>

namespace mixtract {

// Where `label` is printed in `chars` with at most `wrong` characters misread; npos when nowhere.
std::size_t find_label(const std::vector<char32_t>& chars, const std::vector<char32_t>& label, std::size_t wrong);

// Whether `c` parts a label from its value: a colon or a space, half- or full-width, or a tab.
bool is_separator(char32_t c);

}  // namespace mixtract

#endif  // MIXTRACT_EXPERTS_OCR_LABEL_LABEL_MATCH_H_
