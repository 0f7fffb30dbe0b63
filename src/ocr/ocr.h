// OCR: text lines read from a page image by an engine (PP-OCRv4 on ONNX Runtime, or Tesseract 5).
#ifndef MIXTRACT_OCR_OCR_H_
#define MIXTRACT_OCR_OCR_H_

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json_fwd.hpp>
#include <opencv2/core/mat.hpp>

#include "mixtract/candidate.h"
#include "mixtract/status.h"

namespace mixtract {

struct OcrLine {
  Quad box;  // In page pixels: top-left, top-right, bottom-right, bottom-left of the text.
  std::string text;
  float confidence = 0;                 // In [0, 1]: mean of the character confidences.
  std::vector<float> char_confidences;  // One per Unicode character of text.
};

// Milliseconds spent in each stage; model inference is detect + classify + recognise.
struct OcrTimings {
  double detect_ms = 0;
  double classify_ms = 0;
  double recognise_ms = 0;
  double total_ms = 0;  // Wall time of the whole read, pre- and post-processing included.
};

struct OcrResult {
  std::string engine;         // "ppocr", "tesseract".
  std::string model_version;  // Changes whenever the models or settings that shape the output change.
  int width = 0;              // Of the image read.
  int height = 0;
  std::vector<OcrLine> lines;  // In reading order: top to bottom, left to right within a row.
  OcrTimings timings;

  // The lines' text joined with '\n'.
  std::string text() const;
};

nlohmann::json ocr_result_to_json(const OcrResult& result);
// The inverse of ocr_result_to_json; errors say which key is missing or malformed.
Result<OcrResult> ocr_result_from_json(const nlohmann::json& json);

// An OCR engine. Implementations are created once and are safe to call from several threads.
class OcrEngine {
 public:
  virtual ~OcrEngine() = default;
  virtual std::string_view name() const = 0;
  virtual const std::string& version() const = 0;
  // Reads an 8-bit BGR image. Fails only when the engine cannot run; an image without text gives no lines.
  virtual Result<OcrResult> read(const cv::Mat& bgr) const = 0;
  // Reads it keeping the lines its detector is less sure of as well (a seal across a line lowers the
  // detector's score along all of it): PP-OCR keeps boxes down to kFaintBoxThreshold. An engine without
  // such a setting reads as read() does.
  virtual Result<OcrResult> read_faint_lines(const cv::Mat& bgr) const { return read(bgr); }
};

// The mean probability a PP-OCR box needs in read_faint_lines (PpOcrOptions::box_threshold otherwise).
inline constexpr float kFaintBoxThreshold = 0.5f;

struct PpOcrOptions {
  // Holds ch_PP-OCRv4_det_infer.onnx, ch_PP-OCRv4_rec_infer.onnx, ch_ppocr_mobile_v2.0_cls_infer.onnx and
  // ppocr_keys_v1.txt (deps/ppocr-models after scripts/setup.sh).
  std::filesystem::path model_dir;
  int threads = 2;                   // ONNX Runtime intra-op threads per inference.
  int det_max_side = 960;            // The detector sees the page scaled down to at most this many pixels.
  float det_threshold = 0.3f;        // Probability above which a pixel is text.
  float box_threshold = 0.6f;        // Mean probability a box needs to be kept.
  float unclip_ratio = 1.5f;         // How far boxes grow around the detected text core.
  bool classify_orientation = true;  // Read lines found upside down turned too; the surer reading wins.
  int rec_batch = 6;                 // Lines recognised together (grouped by similar width).
  // The most a batch may hold of lines times its padded width (pixels at height 48); 0 = no bound. A
  // batch of wide lines costs far more than its lines one by one (6 lines of 2,400 px took 13.8 s, one
  // 89 ms); 4,800 cut recognition by a third on certificates (bench/RESULTS.md, 2026-12-02).
  int rec_batch_width = 4800;
};

Result<std::unique_ptr<OcrEngine>> create_ppocr_engine(const PpOcrOptions& options);

struct TesseractOptions {
  std::filesystem::path tessdata_dir = "/usr/share/tesseract-ocr/5/tessdata";
  std::string languages = "chi_sim+eng";
  // Only these characters may be read ("" = any): "0123456789X" for long numbers.
  std::string whitelist;
  int page_segmentation_mode = 3;  // Tesseract's --psm: 3 = automatic page layout, 7 = one text line.
};

Result<std::unique_ptr<OcrEngine>> create_tesseract_engine(const TesseractOptions& options);

// Re-reading a region, the "local crop" route: crop `region` with a margin, scale it so that text is
// about 48 pixels high (at most 4x), optionally keep only the red channel (a red seal over black text
// fades out) and whiten what the seal leaves there, read it with `engine`, and map the boxes back to page
// coordinates.
struct RereadOptions {
  int margin = 8;        // Pixels added around the region.
  int extend_right = 0;  // More pixels on the right, where a line's end may have been missed.
  int extend_down = 0;   // More pixels below, where running text may go on in a line not found.
  double target_text_height = 48;
  bool drop_red = false;
  bool whiten_faint = false;  // faint_whitened(): a seal's trace across a digit gone too.
  bool flatten_seal = false;  // seal_flattened(): a seal's solid parts made paper, print under them kept.
  bool faint_lines = false;   // Read with OcrEngine::read_faint_lines.
};

// The page with red ink faded out: its red channel, in which a red seal is as light as the paper and
// black print stays dark, as an 8-bit BGR image.
cv::Mat red_faded(const cv::Mat& bgr);

// `bgr` with every pixel within 15% of the paper's brightness (what the brightest tenth of the pixels
// reach) made white and the rest stretched to match: on a red-faded crop, the light grey a seal's ring
// leaves across a digit (read with it as 货) goes, and print stays dark.
cv::Mat faint_whitened(const cv::Mat& bgr);

// `bgr`'s green channel (where red ink and black print are both dark) divided by its background, the
// channel closed with a disc about a third of `text_height` across: strokes thinner than that (print, and a
// seal's ring too) stay dark; a seal's solid star is background and turns to paper, and a digit under it,
// darker than the star around it, shows grey. Red print under a red star is the case: fading red ink
// (red_faded) takes the digits with it.
cv::Mat seal_flattened(const cv::Mat& bgr, double text_height);

Result<OcrResult> reread_region(const OcrEngine& engine, const cv::Mat& page, const Quad& region,
                                const RereadOptions& options = {});

}  // namespace mixtract

#endif  // MIXTRACT_OCR_OCR_H_
