#include <algorithm>
#include <filesystem>
#include <iostream>

#include <nlohmann/json.hpp>
#include <opencv2/freetype.hpp>
#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>

#include "commands.h"
#include "mixtract/document.h"
#include "mixtract/inputs.h"
#include "ocr/ocr.h"
#include "ocr/ocr_service.h"

namespace mixtract::cli {
namespace {

struct OcrCommandArgs {
  std::vector<std::string> inputs;
  std::string engine;
  bool json = false;
  std::string draw;
  OcrArgs ocr;
};

// The drawing's file name in a folder: scan.jpg -> scan.ocr.png, a.pdf#page=2 -> a.pdf-page2.ocr.png.
std::string drawing_name(const std::filesystem::path& document) {
  std::string name = document.filename().string();
  if (const std::size_t mark = name.rfind("#page="); mark != std::string::npos) {
    return name.substr(0, mark) + "-page" + name.substr(mark + 6) + ".ocr.png";
  }
  return document.stem().string() + ".ocr.png";
}

// The page with every line's box in green and its text in blue above it.
cv::Mat draw_lines(const cv::Mat& page, const OcrResult& result) {
  cv::Mat canvas = page.clone();
  static const cv::Ptr<cv::freetype::FreeType2> font = [] {
    cv::Ptr<cv::freetype::FreeType2> f = cv::freetype::createFreeType2();
    try {
      f->loadFontData("/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc", 2);
    } catch (const cv::Exception&) {
      f.release();  // Boxes only.
    }
    return f;
  }();
  for (const OcrLine& line : result.lines) {
    std::vector<cv::Point> polygon;
    for (const Point& p : line.box) polygon.emplace_back(static_cast<int>(p.x), static_cast<int>(p.y));
    cv::polylines(canvas, polygon, true, cv::Scalar(0, 180, 0), 2, cv::LINE_AA);
    if (font) {
      const int height = std::max(
          12, static_cast<int>(std::hypot(line.box[3].x - line.box[0].x, line.box[3].y - line.box[0].y) * 0.6));
      font->putText(canvas, line.text, {polygon[0].x, std::max(height, polygon[0].y - 2)}, height,
                    cv::Scalar(200, 60, 0), -1, cv::LINE_AA, true);
    }
  }
  return canvas;
}

// One JSON line, or the file's name and its lines with their confidence.
void print_reading(const std::filesystem::path& file, const OcrResult& result, bool json) {
  if (json) {
    nlohmann::json j = ocr_result_to_json(result);
    j["source"] = file.string();
    std::cout << j.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    return;
  }
  std::cout << "== " << file.string() << " (" << result.lines.size() << " lines, "
            << static_cast<int>(result.timings.total_ms) << " ms)\n";
  for (const OcrLine& line : result.lines) {
    std::printf("%5.3f  %s\n", static_cast<double>(line.confidence), line.text.c_str());
  }
  std::fflush(stdout);
}

int run_ocr(const OcrCommandArgs& args, const GlobalOptions& global) {
  Result<Engine> engine = make_engine(global, args.ocr, LlmArgs(), TableArgs(), 1);
  if (!engine.ok()) {
    std::cerr << "mixtract ocr: " << engine.status().message() << "\n";
    return kExitUsage;
  }
  OcrService& service = engine->ocr();
  if (Status ready = service.engine(args.engine).status(); !ready.ok()) {
    std::cerr << "mixtract ocr: " << ready.message() << "\n";
    return kExitFailure;
  }
  Result<InputList> collected = collect_inputs(args.inputs);
  if (!collected.ok()) {
    std::cerr << "mixtract ocr: " << collected.status().message() << "\n";
    return kExitUsage;
  }
  const InputList& inputs = *collected;
  for (const Status& problem : inputs.problems) std::cerr << "mixtract ocr: " << problem.message() << "\n";
  const bool draw_into_folder = !args.draw.empty() && std::filesystem::is_directory(args.draw);
  if (!args.draw.empty() && inputs.documents.size() > 1 && !draw_into_folder) {
    std::cerr << "mixtract ocr: --draw " << args.draw << " must be an existing folder when reading several images\n";
    return kExitUsage;
  }
  std::size_t failed = inputs.problems.size();
  for (const BatchDocument& input : inputs.documents) {
    const std::filesystem::path& file = input.path;
    Result<Document> document = Document::load(file);
    Result<std::shared_ptr<const OcrResult>> result =
        document.ok() ? service.read(*document, args.engine) : document.status();
    if (!result.ok()) {
      std::cerr << "mixtract ocr: " << result.status().message() << "\n";
      ++failed;
      continue;
    }
    print_reading(file, **result, args.json);
    if (!args.draw.empty()) {
      const std::filesystem::path out =
          draw_into_folder ? std::filesystem::path(args.draw) / drawing_name(file) : std::filesystem::path(args.draw);
      if (!cv::imwrite(out.string(), draw_lines(document->image(), **result))) {
        std::cerr << "mixtract ocr: cannot write " << out.string() << "\n";
        ++failed;
      }
    }
  }
  if (inputs.documents.empty() && failed == 0) {
    std::cerr << "mixtract ocr: no images or PDFs to read\n";
    return kExitUsage;
  }
  return failed == 0 ? kExitOk : kExitFailure;
}

}  // namespace

void add_ocr_options(CLI::App& sub, OcrArgs& args, const ConfigValues& config) {
  add_option(sub, kThreadsOption, args.threads, config)->check(CLI::Range(0, 256));
  add_flag(sub, kNoCacheOption, args.no_cache, config);
  add_option(sub, kCacheMaxOption, args.cache_max_mb, config)->check(CLI::Range(1, 1 << 20));
}

void add_ocr_command(CLI::App& app, const GlobalOptions& global, const ConfigValues& config, int& exit_code) {
  auto args = std::make_shared<OcrCommandArgs>();
  CLI::App* sub = app.add_subcommand("ocr", "Read the text lines of images with PP-OCRv4 or Tesseract");
  sub->add_option("inputs", args->inputs,
                  "Image or PDF files (each page a document), folders (searched recursively), or patterns")
      ->required();
  sub->add_option("-e,--engine", args->engine, "OCR engine")
      ->check(CLI::IsMember({"ppocr", "tesseract"}))
      ->default_val("ppocr");
  sub->add_flag("--json", args->json, "Print one JSON object per image (lines with boxes and confidences)");
  sub->add_option("--draw", args->draw, "Write the image with boxes and text drawn (a folder for several images)");
  add_ocr_options(*sub, args->ocr, config);
  sub->callback([args, &global, &exit_code] { exit_code = run_ocr(*args, global); });
}

}  // namespace mixtract::cli
