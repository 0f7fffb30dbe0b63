// Text that arrives in a Chinese Windows encoding: file names unpacked from archives and tables saved by
// Excel are often GBK or GB18030, not UTF-8. These helpers turn such bytes into UTF-8 for people, JSON
// and the parsers, and say which encoding was read.
#ifndef MIXTRACT_CORE_TEXT_ENCODING_H_
#define MIXTRACT_CORE_TEXT_ENCODING_H_

#include <optional>
#include <string>
#include <string_view>

namespace mixtract {

bool is_valid_utf8(std::string_view bytes);

// The bytes decoded from GB18030 (a superset of GBK and GB2312) as UTF-8, or nothing when any byte
// sequence in them is not GB18030.
std::optional<std::string> decode_gb18030(std::string_view bytes);

// Text as UTF-8, whatever encoding it came in.
struct DecodedText {
  std::string text;
  std::string encoding;  // "UTF-8" or "GB18030".
};
// UTF-8 (a leading byte-order mark dropped) or GB18030; nothing when the bytes are neither.
std::optional<DecodedText> decode_utf8_or_gb18030(std::string_view bytes);

// A file name or path as people should see it, always valid UTF-8: unchanged when it is UTF-8, decoded
// when it reads cleanly as GB18030, else with each byte that is not UTF-8 written as \xNN.
std::string readable_name(std::string_view bytes);

}  // namespace mixtract

#endif  // MIXTRACT_CORE_TEXT_ENCODING_H_
