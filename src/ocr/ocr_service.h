// OcrService: the OCR analysis shared by every expert of a run. Engines are created on first use and
// kept; each document's page, and each region of it read again, is read at most once per engine (a
// small in-memory memo, and the persistent AnalysisCache across runs).
#ifndef MIXTRACT_OCR_OCR_SERVICE_H_
#define MIXTRACT_OCR_OCR_SERVICE_H_

#include <deque>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>

#include "io/analysis_cache.h"
#include "mixtract/document.h"
#include "mixtract/status.h"
#include "ocr/ocr.h"

namespace mixtract {

class WorkerPool;

struct OcrServiceOptions {
  std::filesystem::path model_dir;  // PP-OCRv4 models (deps/ppocr-models).
  int threads = 2;                  // Inference threads per engine.
  // > 0: every read (page or region, any engine) runs on a pool of this many threads, the callers
  // waiting their turn. Lets a batch keep more documents in flight than cores (documents waiting on an
  // LLM) while OCR, and the memory it takes, stays with as many threads as there are cores. 0 = reads
  // run on the caller's thread.
  int max_parallel_reads = 0;
  // Persistent cache; null = compute every time (--no-cache).
  std::shared_ptr<AnalysisCache> cache;
};

// Thread-safe.
class OcrService {
 public:
  explicit OcrService(OcrServiceOptions options);

  // The engine named "ppocr" or "tesseract", created on first use. Unknown names list the known ones.
  Result<const OcrEngine*> engine(std::string_view name);

  // The OCR of `document` by the named engine.
  Result<std::shared_ptr<const OcrResult>> read(const Document& document, std::string_view engine_name);

  // `region` of `document`'s page read again by the named engine, cropped and enlarged
  // (reread_region), memoised and cached like the page. Its time is not charged to the page reading:
  // it is the time of the expert that asked first.
  Result<std::shared_ptr<const OcrResult>> reread(const Document& document, std::string_view engine_name,
                                                  const Quad& region, const RereadOptions& options);

  // The whole page read again by the named engine with red ink faded out (a seal over a date or a
  // number), through reread: memoised, cached and charged the same way.
  Result<std::shared_ptr<const OcrResult>> read_without_red(const Document& document, std::string_view engine_name);

  // The whole page read again by the named engine keeping the lines its detector is less sure of
  // (OcrEngine::read_faint_lines: a seal across a whole line), through reread likewise.
  Result<std::shared_ptr<const OcrResult>> read_faint_lines(const Document& document, std::string_view engine_name);

  // Milliseconds spent reading `document`'s page since the account was last taken, per engine: reads
  // computed, not those from the caches. Taking it empties it. The page is a shared analysis: its cost
  // is the document's, not that of the expert that happened to ask first.
  std::map<std::string, double> spent_on(const Document& document) const;
  std::map<std::string, double> take_spent_on(const Document& document);

  // Page readings (not regions).
  struct Counts {
    int computed = 0;
    int cache_hits = 0;   // From the persistent cache.
    int memory_hits = 0;  // From this run.
  };
  Counts counts() const;

 private:
  // The result stored under `key` in the memo or the persistent cache, else `compute()`d and stored;
  // the time computing takes is charged to `document`'s page reading by `engine` when `page` is set.
  Result<std::shared_ptr<const OcrResult>> remembered(const std::string& key, const Document& document,
                                                      const std::function<Result<OcrResult>()>& compute,
                                                      std::string_view engine, bool page);

  OcrServiceOptions options_;
  std::shared_ptr<WorkerPool> read_pool_;  // Null = reads on the caller's thread.
  mutable std::mutex mutex_;
  std::map<std::string, std::unique_ptr<OcrEngine>, std::less<>> engines_;
  std::map<std::string, std::shared_ptr<const OcrResult>, std::less<>> memo_;
  std::deque<std::string> memo_order_;                          // Oldest first, for a bounded memo.
  std::map<std::string, std::map<std::string, double>> spent_;  // Content hash -> engine -> ms.
  Counts counts_;
};

}  // namespace mixtract

#endif  // MIXTRACT_OCR_OCR_SERVICE_H_
