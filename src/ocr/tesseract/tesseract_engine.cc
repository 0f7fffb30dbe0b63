// Tesseract 5 through its C++ API. One TessBaseAPI, used under a lock: the API is not thread-safe and
// loading chi_sim takes long enough that one instance per call would dominate.
#include <chrono>
#include <mutex>

#include <opencv2/imgproc.hpp>
#include <tesseract/baseapi.h>

#include "core/elapsed.h"
#include "core/utf8.h"
#include "ocr/ocr.h"

namespace mixtract {
namespace {

class TesseractEngine final : public OcrEngine {
 public:
  TesseractEngine(std::unique_ptr<tesseract::TessBaseAPI> api, std::string version)
      : api_(std::move(api)), version_(std::move(version)) {}
  ~TesseractEngine() override { api_->End(); }

  std::string_view name() const override { return "tesseract"; }
  const std::string& version() const override { return version_; }

  Result<OcrResult> read(const cv::Mat& bgr) const override {
    const auto start = std::chrono::steady_clock::now();
    if (bgr.empty() || bgr.type() != CV_8UC3) return Status::invalid_argument("OCR needs a non-empty 8-bit BGR image");
    cv::Mat rgb;
    cv::cvtColor(bgr, rgb, cv::COLOR_BGR2RGB);
    OcrResult result;
    result.engine = "tesseract";
    result.model_version = version_;
    result.width = bgr.cols;
    result.height = bgr.rows;
    std::lock_guard<std::mutex> lock(mutex_);
    api_->SetImage(rgb.data, rgb.cols, rgb.rows, 3, static_cast<int>(rgb.step));
    if (api_->Recognize(nullptr) != 0) return Status::internal("tesseract: recognition failed");
    std::unique_ptr<tesseract::ResultIterator> it(api_->GetIterator());
    if (it) {
      do {
        std::unique_ptr<char[]> text(it->GetUTF8Text(tesseract::RIL_TEXTLINE));
        if (!text) continue;
        std::string line_text = text.get();
        // Tesseract separates Chinese characters with spaces and ends lines with a newline.
        std::string cleaned;
        for (char32_t c : utf8::decode(line_text)) {
          if (c == U'\n' || c == U'\r') continue;
          utf8::append(c, cleaned);
        }
        int left = 0, top = 0, right = 0, bottom = 0;
        it->BoundingBox(tesseract::RIL_TEXTLINE, &left, &top, &right, &bottom);
        OcrLine line;
        line.text = collapse_han_spaces(cleaned);
        if (line.text.empty()) continue;
        line.confidence = it->Confidence(tesseract::RIL_TEXTLINE) / 100.0f;
        line.box = {Point{static_cast<float>(left), static_cast<float>(top)},
                    Point{static_cast<float>(right), static_cast<float>(top)},
                    Point{static_cast<float>(right), static_cast<float>(bottom)},
                    Point{static_cast<float>(left), static_cast<float>(bottom)}};
        line.char_confidences.assign(utf8::length(line.text), line.confidence);
        result.lines.push_back(std::move(line));
      } while (it->Next(tesseract::RIL_TEXTLINE));
    }
    api_->Clear();
    result.timings.recognise_ms = ms_since(start);
    result.timings.total_ms = result.timings.recognise_ms;
    return result;
  }

 private:
  // Removes spaces next to Han characters (Tesseract puts one between every pair) and trims the ends.
  static std::string collapse_han_spaces(const std::string& text) {
    const std::vector<char32_t> chars = utf8::decode(text);
    std::vector<char32_t> out;
    for (std::size_t i = 0; i < chars.size(); ++i) {
      if (chars[i] == U' ') {
        const bool han_before = !out.empty() && (utf8::is_han(out.back()) || out.back() > 0x2FFF);
        const bool han_after = i + 1 < chars.size() && (utf8::is_han(chars[i + 1]) || chars[i + 1] > 0x2FFF);
        if (out.empty() || han_before || han_after || i + 1 == chars.size()) continue;
      }
      out.push_back(chars[i]);
    }
    return utf8::encode(out);
  }

  mutable std::mutex mutex_;
  std::unique_ptr<tesseract::TessBaseAPI> api_;
  std::string version_;
};

}  // namespace

Result<std::unique_ptr<OcrEngine>> create_tesseract_engine(const TesseractOptions& options) {
  auto api = std::make_unique<tesseract::TessBaseAPI>();
  if (api->Init(options.tessdata_dir.c_str(), options.languages.c_str(), tesseract::OEM_LSTM_ONLY) != 0) {
    return Status::unavailable("tesseract: cannot load languages '" + options.languages + "' from " +
                               options.tessdata_dir.string() +
                               "; install Debian's tesseract-ocr-chi-sim and tesseract-ocr-eng (scripts/setup.sh)");
  }
  api->SetVariable("debug_file", "/dev/null");  // Tesseract's chatter ("Estimating resolution as ...").
  api->SetPageSegMode(static_cast<tesseract::PageSegMode>(options.page_segmentation_mode));
  if (!options.whitelist.empty()) api->SetVariable("tessedit_char_whitelist", options.whitelist.c_str());
  const std::string version = std::string("tesseract-") + tesseract::TessBaseAPI::Version() + "/" + options.languages +
                              " psm=" + std::to_string(options.page_segmentation_mode) +
                              (options.whitelist.empty() ? "" : " whitelist=" + options.whitelist);
  return std::unique_ptr<OcrEngine>(std::make_unique<TesseractEngine>(std::move(api), version));
}

}  // namespace mixtract
