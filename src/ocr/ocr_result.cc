#include <nlohmann/json.hpp>

#include "ocr/ocr.h"

namespace mixtract {

std::string OcrResult::text() const {
  std::string out;
  for (const OcrLine& line : lines) {
    if (!out.empty()) out += '\n';
    out += line.text;
  }
  return out;
}

nlohmann::json ocr_result_to_json(const OcrResult& r) {
  nlohmann::json lines = nlohmann::json::array();
  for (const OcrLine& line : r.lines) {
    nlohmann::json box = nlohmann::json::array();
    for (const Point& p : line.box) box.push_back({p.x, p.y});
    lines.push_back({{"box", box},
                     {"text", line.text},
                     {"confidence", line.confidence},
                     {"char_confidences", line.char_confidences}});
  }
  return {{"engine", r.engine},
          {"model_version", r.model_version},
          {"width", r.width},
          {"height", r.height},
          {"lines", lines},
          {"timings",
           {{"detect_ms", r.timings.detect_ms},
            {"classify_ms", r.timings.classify_ms},
            {"recognise_ms", r.timings.recognise_ms},
            {"total_ms", r.timings.total_ms}}}};
}

Result<OcrResult> ocr_result_from_json(const nlohmann::json& j) {
  try {
    OcrResult r;
    r.engine = j.at("engine").get<std::string>();
    r.model_version = j.at("model_version").get<std::string>();
    r.width = j.at("width").get<int>();
    r.height = j.at("height").get<int>();
    for (const nlohmann::json& item : j.at("lines")) {
      OcrLine line;
      const nlohmann::json& box = item.at("box");
      if (!box.is_array() || box.size() != 4) return Status::invalid_argument("OCR line box must have 4 points");
      for (std::size_t i = 0; i < 4; ++i) line.box[i] = {box[i].at(0).get<float>(), box[i].at(1).get<float>()};
      line.text = item.at("text").get<std::string>();
      line.confidence = item.at("confidence").get<float>();
      line.char_confidences = item.at("char_confidences").get<std::vector<float>>();
      r.lines.push_back(std::move(line));
    }
    const nlohmann::json& t = j.at("timings");
    r.timings = {t.at("detect_ms").get<double>(), t.at("classify_ms").get<double>(), t.at("recognise_ms").get<double>(),
                 t.at("total_ms").get<double>()};
    return r;
  } catch (const nlohmann::json::exception& e) {
    return Status::invalid_argument(std::string("malformed OCR result: ") + e.what());
  }
}

}  // namespace mixtract
