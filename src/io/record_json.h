// A record as a JSON object, for callers that embed it in a larger document (the HTTP API's answers).
#ifndef MIXTRACT_IO_RECORD_JSON_H_
#define MIXTRACT_IO_RECORD_JSON_H_

#include <nlohmann/json.hpp>

#include "mixtract/record.h"

namespace mixtract {

// The object record_to_json_line (mixtract/writers.h) writes as text.
nlohmann::ordered_json record_to_json(const Record& record);

}  // namespace mixtract

#endif  // MIXTRACT_IO_RECORD_JSON_H_
