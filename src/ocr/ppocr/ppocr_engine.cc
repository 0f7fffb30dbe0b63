// PP-OCRv4 (mobile) on ONNX Runtime: detect text boxes, turn upside-down lines, recognise each line.
#include <algorithm>
#include <chrono>
#include <cmath>
#include <fstream>
#include <numeric>
#include <optional>
#include <semaphore>
#include <span>
#include <sstream>
#include <thread>

#include <opencv2/core.hpp>

#include "core/elapsed.h"
#include "core/onnx_model.h"
#include "core/sha256.h"
#include "ocr/ocr.h"
#include "ocr/ppocr/ctc_decode.h"
#include "ocr/ppocr/db_postprocess.h"
#include "ocr/ppocr/det_preprocess.h"
#include "ocr/ppocr/line_batch.h"
#include "ocr/ppocr/line_crop.h"
#include "ocr/ppocr/ornament.h"

namespace mixtract {
namespace {

using Clock = std::chrono::steady_clock;

constexpr const char* kDetModel = "ch_PP-OCRv4_det_infer.onnx";
constexpr const char* kRecModel = "ch_PP-OCRv4_rec_infer.onnx";
constexpr const char* kClsModel = "ch_ppocr_mobile_v2.0_cls_infer.onnx";
constexpr const char* kKeys = "ppocr_keys_v1.txt";
constexpr int kLineHeight = 48;
constexpr int kClsWidth = 192;
constexpr int kMinRecWidth = 320;
constexpr int kMaxRecWidth = 48 * 50;       // Lines longer than 50 heights are squeezed.
constexpr float kMinLineConfidence = 0.5f;  // Lines read with less are noise (PaddleOCR's drop score).

// A short fingerprint of the model files, so that cached results die with the models that made them.
std::string fingerprint(const std::filesystem::path& dir) {
  std::string digests;
  for (const char* name : {kDetModel, kRecModel, kClsModel, kKeys}) {
    std::ifstream in(dir / name, std::ios::binary);
    std::ostringstream bytes;
    bytes << in.rdbuf();
    digests += sha256_hex(bytes.str());
  }
  return sha256_hex(digests).substr(0, 12);
}

// How many pages the detector reads at once, across threads: half the cores, at least one. Its
// activations are the largest of the three models (tensors of 16 channels at the full 960-pixel input,
// about 80 MB a page) and every detection in flight holds its own in the shared arena, which keeps what
// it once held; the detector is about a third of a page's inference, so the other workers recognise
// meanwhile. Measured on 60 photographed certificates at -j 2 (bench/RESULTS.md, 2026-12-03).
std::ptrdiff_t detections_at_once() {
  return std::max<std::ptrdiff_t>(1, static_cast<std::ptrdiff_t>(std::thread::hardware_concurrency() / 2));
}

// Holds one of a semaphore's places while it lives.
class Place {
 public:
  explicit Place(std::counting_semaphore<>& places) : places_(places) { places_.acquire(); }
  ~Place() { places_.release(); }
  Place(const Place&) = delete;
  Place& operator=(const Place&) = delete;

 private:
  std::counting_semaphore<>& places_;
};

class PpOcrEngine final : public OcrEngine {
 public:
  PpOcrEngine(PpOcrOptions options, std::unique_ptr<OnnxModel> det, std::unique_ptr<OnnxModel> cls,
              std::unique_ptr<OnnxModel> rec, ppocr::Alphabet alphabet, std::string version)
      : options_(std::move(options)),
        det_(std::move(det)),
        cls_(std::move(cls)),
        rec_(std::move(rec)),
        alphabet_(std::move(alphabet)),
        version_(std::move(version)) {}

  std::string_view name() const override { return "ppocr"; }
  const std::string& version() const override { return version_; }

  Result<OcrResult> read(const cv::Mat& bgr) const override { return read_with(bgr, options_.box_threshold); }
  Result<OcrResult> read_faint_lines(const cv::Mat& bgr) const override { return read_with(bgr, kFaintBoxThreshold); }

 private:
  // Reads `bgr`, keeping the detector's boxes whose mean probability reaches `box_threshold`.
  Result<OcrResult> read_with(const cv::Mat& bgr, float box_threshold) const {
    const auto start = Clock::now();
    OcrResult result;
    result.engine = "ppocr";
    result.model_version = version_;
    result.width = bgr.cols;
    result.height = bgr.rows;
    if (bgr.empty() || bgr.type() != CV_8UC3) return Status::invalid_argument("OCR needs a non-empty 8-bit BGR image");

    auto det_start = Clock::now();
    MIXTRACT_ASSIGN_OR_RETURN(std::vector<Quad> boxes, detect(bgr, box_threshold));
    if (const std::optional<cv::Rect> region = ppocr::zoom_region(boxes, bgr.size(), options_.det_max_side)) {
      MIXTRACT_ASSIGN_OR_RETURN(boxes, detect(bgr(*region), box_threshold));
      for (Quad& box : boxes) {
        for (Point& p : box) {
          p.x += static_cast<float>(region->x);
          p.y += static_cast<float>(region->y);
        }
      }
    }
    ppocr::sort_reading_order(boxes);
    result.timings.detect_ms = ms_since(det_start);

    std::vector<cv::Mat> crops;
    crops.reserve(boxes.size());
    for (const Quad& box : boxes) crops.push_back(ppocr::crop_line(bgr, box));
    std::vector<std::size_t> upside_down;
    if (options_.classify_orientation) {
      const auto cls_start = Clock::now();
      MIXTRACT_ASSIGN_OR_RETURN(upside_down, upside_down_lines(crops));
      result.timings.classify_ms = ms_since(cls_start);
    }
    const auto rec_start = Clock::now();
    MIXTRACT_ASSIGN_OR_RETURN(std::vector<ppocr::DecodedLine> decoded, recognise(crops));
    MIXTRACT_RETURN_IF_ERROR(read_turned_where_better(crops, upside_down, decoded));
    result.timings.recognise_ms = ms_since(rec_start);
    for (std::size_t i = 0; i < boxes.size(); ++i) {
      if (decoded[i].text.empty() || decoded[i].confidence < kMinLineConfidence) continue;
      if (ppocr::is_ornament(decoded[i].text)) continue;
      result.lines.push_back(
          {boxes[i], std::move(decoded[i].text), decoded[i].confidence, std::move(decoded[i].char_confidences)});
    }
    result.timings.total_ms = ms_since(start);
    return result;
  }

  // The text boxes of `bgr`, in its coordinates.
  Result<std::vector<Quad>> detect(const cv::Mat& bgr, float box_threshold) const {
    const ppocr::DetInput input = ppocr::prepare_det_input(bgr, options_.det_max_side);
    Result<OnnxModel::Output> detected = [&] {
      const Place place(detections_);
      return det_->run(input.chw, {1, 3, input.height, input.width});
    }();
    MIXTRACT_ASSIGN_OR_RETURN(OnnxModel::Output map, std::move(detected));
    if (map.shape.size() != 4 || map.shape[2] != input.height || map.shape[3] != input.width) {
      return Status::internal(det_->path() + ": unexpected output shape");
    }
    const cv::Mat probability(input.height, input.width, CV_32F, const_cast<float*>(map.data.data()));
    ppocr::DbParams params;
    params.threshold = options_.det_threshold;
    params.box_threshold = box_threshold;
    params.unclip_ratio = options_.unclip_ratio;
    return ppocr::db_postprocess(probability, params, input.scale_x, input.scale_y, bgr.cols, bgr.rows);
  }

  // The crops the classifier finds upside down with confidence above 0.9 (indices, in order).
  Result<std::vector<std::size_t>> upside_down_lines(const std::vector<cv::Mat>& crops) const {
    std::vector<std::size_t> upside_down;
    const std::size_t batch = static_cast<std::size_t>(std::max(1, options_.rec_batch));
    for (std::size_t begin = 0; begin < crops.size(); begin += batch) {
      const std::size_t end = std::min(crops.size(), begin + batch);
      const std::vector<cv::Mat> slice(crops.begin() + static_cast<std::ptrdiff_t>(begin),
                                       crops.begin() + static_cast<std::ptrdiff_t>(end));
      MIXTRACT_ASSIGN_OR_RETURN(OnnxModel::Output scores,
                                cls_->run(ppocr::prepare_line_batch(slice, kLineHeight, kClsWidth),
                                          {static_cast<std::int64_t>(slice.size()), 3, kLineHeight, kClsWidth}));
      if (scores.data.size() != slice.size() * 2) return Status::internal(cls_->path() + ": unexpected output shape");
      for (std::size_t i = 0; i < slice.size(); ++i) {
        if (scores.data[2 * i + 1] > scores.data[2 * i] && scores.data[2 * i + 1] > 0.9f) {
          upside_down.push_back(begin + i);
        }
      }
    }
    return upside_down;
  }

  // The classifier sees a line squeezed to 192 pixels and is wrong on long upright lines (a whole
  // certificate number beside a seal, turned and then read as noise): each line it finds upside down is
  // read turned as well, and the reading with the higher confidence is kept.
  Status read_turned_where_better(const std::vector<cv::Mat>& crops, std::span<const std::size_t> upside_down,
                                  std::vector<ppocr::DecodedLine>& decoded) const {
    if (upside_down.empty()) return Status();
    std::vector<cv::Mat> turned;
    for (std::size_t i : upside_down) {
      turned.emplace_back();
      cv::rotate(crops[i], turned.back(), cv::ROTATE_180);
    }
    MIXTRACT_ASSIGN_OR_RETURN(std::vector<ppocr::DecodedLine> again, recognise(turned));
    for (std::size_t k = 0; k < upside_down.size(); ++k) {
      if (again[k].confidence > decoded[upside_down[k]].confidence) decoded[upside_down[k]] = std::move(again[k]);
    }
    return Status();
  }

  // Recognises crops in batches of similar width (sorted by aspect ratio), each within rec_batch lines
  // and rec_batch_width pixels of padded width, in the crops' order.
  Result<std::vector<ppocr::DecodedLine>> recognise(const std::vector<cv::Mat>& crops) const {
    std::vector<ppocr::DecodedLine> lines(crops.size());
    std::vector<std::size_t> order(crops.size());
    std::iota(order.begin(), order.end(), 0);
    auto ratio = [&](std::size_t i) { return static_cast<double>(crops[i].cols) / std::max(1, crops[i].rows); };
    std::sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return ratio(a) < ratio(b); });
    const std::size_t batch = static_cast<std::size_t>(std::max(1, options_.rec_batch));
    const auto width_of = [&](double widest) {
      return std::clamp(static_cast<int>(std::ceil(kLineHeight * widest)), kMinRecWidth, kMaxRecWidth);
    };
    for (std::size_t begin = 0, end = 0; begin < order.size(); begin = end) {
      // A batch grows while it holds fewer than `batch` lines and its padded width stays within budget.
      double widest = ratio(order[begin]);
      end = begin + 1;
      while (end < order.size() && end - begin < batch &&
             (options_.rec_batch_width <= 0 ||
              static_cast<int>(end - begin + 1) * width_of(std::max(widest, ratio(order[end]))) <=
                  options_.rec_batch_width)) {
        widest = std::max(widest, ratio(order[end]));
        ++end;
      }
      std::vector<cv::Mat> slice;
      for (std::size_t k = begin; k < end; ++k) slice.push_back(crops[order[k]]);
      const int width = width_of(widest);
      MIXTRACT_ASSIGN_OR_RETURN(OnnxModel::Output out,
                                rec_->run(ppocr::prepare_line_batch(slice, kLineHeight, width),
                                          {static_cast<std::int64_t>(slice.size()), 3, kLineHeight, width}));
      if (out.shape.size() != 3 || static_cast<std::size_t>(out.shape[0]) != slice.size() ||
          static_cast<std::size_t>(out.shape[2]) != alphabet_.classes()) {
        return Status::internal(rec_->path() + ": output does not match the character list (" +
                                std::to_string(alphabet_.classes()) + " classes)");
      }
      const int steps = static_cast<int>(out.shape[1]);
      const int classes = static_cast<int>(out.shape[2]);
      for (std::size_t k = 0; k < slice.size(); ++k) {
        lines[order[begin + k]] = ppocr::ctc_greedy_decode(
            out.data.data() + k * static_cast<std::size_t>(steps) * static_cast<std::size_t>(classes), steps, classes,
            alphabet_);
      }
    }
    return lines;
  }

  PpOcrOptions options_;
  std::unique_ptr<OnnxModel> det_;
  mutable std::counting_semaphore<> detections_{detections_at_once()};
  std::unique_ptr<OnnxModel> cls_;
  std::unique_ptr<OnnxModel> rec_;
  ppocr::Alphabet alphabet_;
  std::string version_;
};

}  // namespace

Result<std::unique_ptr<OcrEngine>> create_ppocr_engine(const PpOcrOptions& options) {
  if (options.det_max_side < 32) return Status::invalid_argument("det_max_side must be at least 32");
  MIXTRACT_ASSIGN_OR_RETURN(std::unique_ptr<OnnxModel> det,
                            OnnxModel::load(options.model_dir / kDetModel, options.threads));
  MIXTRACT_ASSIGN_OR_RETURN(std::unique_ptr<OnnxModel> cls,
                            OnnxModel::load(options.model_dir / kClsModel, options.threads));
  MIXTRACT_ASSIGN_OR_RETURN(std::unique_ptr<OnnxModel> rec,
                            OnnxModel::load(options.model_dir / kRecModel, options.threads));
  MIXTRACT_ASSIGN_OR_RETURN(ppocr::Alphabet alphabet, ppocr::Alphabet::load(options.model_dir / kKeys));
  std::ostringstream version;
  version << "PP-OCRv4-mobile/" << fingerprint(options.model_dir) << " side=" << options.det_max_side
          << " thr=" << options.det_threshold << "/" << options.box_threshold << " unclip=" << options.unclip_ratio
          << " cls=" << (options.classify_orientation ? "both_ways" : "0") << " batch_width=" << options.rec_batch_width
          << " ornaments=dropped held=" << ppocr::kStepsOfTwoCharacters << " zoom_at=" << ppocr::kZoomBelow;
  return std::unique_ptr<OcrEngine>(std::make_unique<PpOcrEngine>(options, std::move(det), std::move(cls),
                                                                  std::move(rec), std::move(alphabet), version.str()));
}

}  // namespace mixtract
