// Benchmarks one OCR engine on a folder written by `mixtract synth` (with lines.jsonl) and prints one
// tab-separated line for bench/run.sh:
//   engine  set  images  median_ms  median_detect_ms  median_classify_ms  median_recognise_ms
//   overhead_pct  peak_rss_mib  cer_pct  exact_line_pct  numbers_exact  numbers  reread_exact
// overhead_pct is the share of wall time outside model inference (PP-OCR only). CER and exact lines
// compare every printed row with the OCR line closest to it (spaces ignored). Numbers are the
// certificate and ID numbers printed on the pages; reread_exact counts those read exactly after
// re-reading the region of the line that holds their label (the "local crop" route).
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <map>

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include "core/utf8.h"
#include "mixtract/document.h"
#include "ocr/ocr.h"

namespace {

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

std::vector<char32_t> squeeze(const std::string& text) {
  std::vector<char32_t> out;
  for (char32_t c : mixtract::utf8::decode(text)) {
    if (c >= 0xFF01 && c <= 0xFF5E) c -= 0xFEE0;  // Compare ：and : alike.
    if (c != U' ' && c != 0x3000) out.push_back(c);
  }
  return out;
}

std::size_t edit_distance(const std::vector<char32_t>& a, const std::vector<char32_t>& b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diagonal = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t above = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diagonal = above;
    }
  }
  return row[b.size()];
}

bool contains(const std::vector<char32_t>& haystack, const std::vector<char32_t>& needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end()) != haystack.end();
}

// Counts over the pages read: characters wrong (the edit distance of each printed line to the closest
// line read) and printed, lines and lines read exactly, long numbers and those read exactly on the page and
// on a re-read of their label's line.
struct Tally {
  std::size_t errors = 0, truth_chars = 0, lines = 0, exact_lines = 0, numbers = 0, numbers_exact = 0, reread_exact = 0;
};

// Adds one page's reading, against the lines it printed, to `tally`.
void score_page(const nlohmann::json& page, const mixtract::OcrResult& result, const mixtract::Document& document,
                const mixtract::OcrEngine& reread_engine, Tally& tally) {
  std::vector<std::vector<char32_t>> read;
  for (const mixtract::OcrLine& line : result.lines) read.push_back(squeeze(line.text));
  for (const std::string printed : page["lines"]) {
    const std::vector<char32_t> truth = squeeze(printed);
    std::size_t best = truth.size();
    for (const auto& candidate : read) best = std::min(best, edit_distance(truth, candidate));
    tally.errors += best;
    tally.truth_chars += truth.size();
    ++tally.lines;
    tally.exact_lines += best == 0 ? 1 : 0;
    // A long number after its label: 证书编号：N or 公民身份号码 N.
    for (const std::string label : {"证书编号：", "公民身份号码 "}) {
      if (printed.rfind(label, 0) != 0) continue;
      const std::vector<char32_t> number = squeeze(printed.substr(label.size()));
      const std::vector<char32_t> label_chars = squeeze(label.substr(0, label.size() - (label.back() == ' ' ? 1 : 3)));
      ++tally.numbers;
      bool found = false;
      for (const auto& candidate : read) found = found || contains(candidate, number);
      tally.numbers_exact += found ? 1 : 0;
      // Re-read the line that holds the label, as the local-crop route does.
      for (std::size_t i = 0; i < read.size(); ++i) {
        if (!contains(read[i], label_chars)) continue;
        mixtract::Result<mixtract::OcrResult> again =
            mixtract::reread_region(reread_engine, document.image(), result.lines[i].box);
        bool hit = false;
        if (again.ok()) {
          for (const mixtract::OcrLine& line : again->lines) hit = hit || contains(squeeze(line.text), number);
        }
        tally.reread_exact += hit ? 1 : 0;
        break;
      }
    }
  }
}

int run(const std::string& engine_name, const std::string& docs, const std::string& set, const std::string& deps_dir,
        int det_max_side) {
  // PP-OCR is loaded once: it is the engine under test or the re-reader (or both).
  mixtract::PpOcrOptions options;
  options.model_dir = std::filesystem::path(deps_dir) / "ppocr-models";
  options.det_max_side = det_max_side;
  mixtract::Result<std::unique_ptr<mixtract::OcrEngine>> ppocr = mixtract::create_ppocr_engine(options);
  mixtract::Result<std::unique_ptr<mixtract::OcrEngine>> tesseract =
      engine_name == "tesseract" ? mixtract::create_tesseract_engine({}) : mixtract::Status::unsupported("unused");
  if (!ppocr.ok() || (engine_name == "tesseract" && !tesseract.ok())) {
    std::cerr << (ppocr.ok() ? tesseract.status() : ppocr.status()).message() << "\n";
    return 2;
  }
  const mixtract::OcrEngine& engine = engine_name == "ppocr" ? **ppocr : **tesseract;
  const mixtract::OcrEngine& reread_engine = **ppocr;
  std::ifstream lines_file(std::filesystem::path(docs) / "lines.jsonl");
  if (!lines_file) {
    std::cerr << docs << ": no lines.jsonl (render the set with mixtract synth)\n";
    return 2;
  }
  std::vector<double> total_ms, detect_ms, classify_ms, recognise_ms;
  double inference = 0, wall = 0;
  Tally tally;
  for (std::string row; std::getline(lines_file, row);) {
    const nlohmann::json page = nlohmann::json::parse(row);
    mixtract::Result<mixtract::Document> document =
        mixtract::Document::load(std::filesystem::path(docs) / page["文件"].get<std::string>());
    if (!document.ok()) {
      std::cerr << document.status().message() << "\n";
      return 1;
    }
    mixtract::Result<mixtract::OcrResult> result = engine.read(document->image());
    if (!result.ok()) {
      std::cerr << result.status().message() << "\n";
      return 1;
    }
    const mixtract::OcrTimings& t = result->timings;
    total_ms.push_back(t.total_ms);
    detect_ms.push_back(t.detect_ms);
    classify_ms.push_back(t.classify_ms);
    recognise_ms.push_back(t.recognise_ms);
    inference += t.detect_ms + t.classify_ms + t.recognise_ms;
    wall += t.total_ms;
    score_page(page, *result, *document, reread_engine, tally);
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  char overhead[32] = "n/a";  // Tesseract does not separate inference from the rest.
  if (engine_name == "ppocr")
    std::snprintf(overhead, sizeof overhead, "%.1f", 100 * (wall - inference) / std::max(wall, 1e-9));
  std::printf(
      "%s\t%s\t%zu\t%.0f\t%.0f\t%.0f\t%.0f\t%s\t%.0f\t%.2f\t%.1f\t%zu\t%zu\t%zu\n", engine_name.c_str(), set.c_str(),
      total_ms.size(), median(total_ms), median(detect_ms), median(classify_ms), median(recognise_ms), overhead,
      static_cast<double>(usage.ru_maxrss) / 1024.0,
      100.0 * static_cast<double>(tally.errors) / static_cast<double>(std::max<std::size_t>(tally.truth_chars, 1)),
      100.0 * static_cast<double>(tally.exact_lines) / static_cast<double>(std::max<std::size_t>(tally.lines, 1)),
      tally.numbers_exact, tally.numbers, tally.reread_exact);
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("Benchmarks one OCR engine on a folder of synthetic documents", "bench_ocr");
  std::string engine = "ppocr";
  std::string docs;
  std::string set;
  std::string deps_dir = MIXTRACT_DEFAULT_DEPS_DIR;
  app.add_option("--engine", engine, "ppocr or tesseract")->check(CLI::IsMember({"ppocr", "tesseract"}));
  app.add_option("--docs", docs, "Folder written by `mixtract synth` (with lines.jsonl)")->required();
  app.add_option("--set", set, "Name of the set for the table (clean, photo, hard)")->required();
  app.add_option("--deps-dir", deps_dir, "Folder filled by scripts/setup.sh");
  int det_max_side = mixtract::PpOcrOptions{}.det_max_side;
  app.add_option("--det-max-side", det_max_side, "PP-OCR detector input size limit")->check(CLI::Range(64, 4096));
  CLI11_PARSE(app, argc, argv);
  return run(engine, docs, set, deps_dir, det_max_side);
}
