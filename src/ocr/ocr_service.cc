#include "ocr/ocr_service.h"

#include <chrono>

#include <nlohmann/json.hpp>
#include <spdlog/fmt/fmt.h>
#include <spdlog/spdlog.h>

#include "core/elapsed.h"
#include "core/worker_pool.h"

namespace mixtract {
namespace {

// Enough for the pages and regions all experts of the documents in flight read.
constexpr std::size_t kMemoEntries = 256;

// An engine whose reads run on the service's worker pool.
class PooledEngine final : public OcrEngine {
 public:
  PooledEngine(std::unique_ptr<OcrEngine> engine, std::shared_ptr<WorkerPool> pool)
      : engine_(std::move(engine)), pool_(std::move(pool)) {}
  std::string_view name() const override { return engine_->name(); }
  const std::string& version() const override { return engine_->version(); }
  Result<OcrResult> read(const cv::Mat& bgr) const override {
    return pool_->run([&] { return engine_->read(bgr); });
  }
  Result<OcrResult> read_faint_lines(const cv::Mat& bgr) const override {
    return pool_->run([&] { return engine_->read_faint_lines(bgr); });
  }

 private:
  std::unique_ptr<OcrEngine> engine_;
  std::shared_ptr<WorkerPool> pool_;
};

// The whole of `document`'s page as a region to read again.
Quad whole_page(const Document& document) {
  const auto width = static_cast<float>(document.image().cols), height = static_cast<float>(document.image().rows);
  return Quad{Point{0, 0}, Point{width, 0}, Point{width, height}, Point{0, height}};
}

}  // namespace

OcrService::OcrService(OcrServiceOptions options) : options_(std::move(options)) {
  if (options_.max_parallel_reads > 0) read_pool_ = std::make_shared<WorkerPool>(options_.max_parallel_reads);
}

Result<const OcrEngine*> OcrService::engine(std::string_view name) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (auto it = engines_.find(name); it != engines_.end()) return static_cast<const OcrEngine*>(it->second.get());
  Result<std::unique_ptr<OcrEngine>> created =
      Status::not_found("unknown OCR engine '" + std::string(name) + "'; known engines: ppocr, tesseract");
  if (name == "ppocr") {
    PpOcrOptions options;
    options.model_dir = options_.model_dir;
    options.threads = options_.threads;
    created = create_ppocr_engine(options);
  } else if (name == "tesseract") {
    created = create_tesseract_engine({});
  }
  if (!created.ok()) return created.status();
  if (read_pool_) created = std::unique_ptr<OcrEngine>(new PooledEngine(std::move(created).value(), read_pool_));
  const OcrEngine* engine = created->get();
  engines_.emplace(std::string(name), std::move(created).value());
  return engine;
}

Result<std::shared_ptr<const OcrResult>> OcrService::read(const Document& document, std::string_view engine_name) {
  MIXTRACT_ASSIGN_OR_RETURN(const OcrEngine* engine, this->engine(engine_name));
  const std::string key = document.content_hash() + "|" + std::string(engine->name()) + "|" + engine->version();
  return remembered(
      key, document, [&] { return engine->read(document.image()); }, engine->name(), true);
}

Result<std::shared_ptr<const OcrResult>> OcrService::reread(const Document& document, std::string_view engine_name,
                                                            const Quad& region, const RereadOptions& options) {
  MIXTRACT_ASSIGN_OR_RETURN(const OcrEngine* engine, this->engine(engine_name));
  std::string key = document.content_hash() + "|" + std::string(engine->name()) + "|" + engine->version() + "|reread";
  for (const Point& p : region) key += fmt::format("|{:.0f},{:.0f}", p.x, p.y);
  key += fmt::format("|{}|{}|{:g}|{:d}|{:d}", options.margin, options.extend_right, options.target_text_height,
                     options.drop_red, options.whiten_faint);
  // Keys from before these options stay.
  if (options.extend_down > 0) key += fmt::format("|down={}", options.extend_down);
  if (options.faint_lines) key += fmt::format("|faint={:g}", kFaintBoxThreshold);
  if (options.flatten_seal) key += "|flattened";
  return remembered(
      key, document, [&] { return reread_region(*engine, document.image(), region, options); }, engine->name(), false);
}

Result<std::shared_ptr<const OcrResult>> OcrService::read_without_red(const Document& document,
                                                                      std::string_view engine_name) {
  RereadOptions options;
  options.margin = 0;
  options.drop_red = true;
  return reread(document, engine_name, whole_page(document), options);
}

Result<std::shared_ptr<const OcrResult>> OcrService::read_faint_lines(const Document& document,
                                                                      std::string_view engine_name) {
  RereadOptions options;
  options.margin = 0;
  options.faint_lines = true;
  return reread(document, engine_name, whole_page(document), options);
}

Result<std::shared_ptr<const OcrResult>> OcrService::remembered(const std::string& key, const Document& document,
                                                                const std::function<Result<OcrResult>()>& compute,
                                                                std::string_view engine, bool page) {
  {
    std::lock_guard<std::mutex> lock(mutex_);
    if (auto it = memo_.find(key); it != memo_.end()) {
      if (page) ++counts_.memory_hits;
      return it->second;
    }
  }
  std::shared_ptr<const OcrResult> result;
  bool from_cache = false;
  if (options_.cache) {
    if (std::optional<std::string> stored = options_.cache->get(key)) {
      nlohmann::json json = nlohmann::json::parse(*stored, nullptr, /*allow_exceptions=*/false);
      Result<OcrResult> parsed = ocr_result_from_json(json);
      if (parsed.ok()) {
        result = std::make_shared<const OcrResult>(std::move(parsed).value());
        from_cache = true;
      } else {
        spdlog::warn("{}: ignoring a malformed cache entry for {}", options_.cache->file().string(), document.source());
      }
    }
  }
  if (!result) {
    const auto start = std::chrono::steady_clock::now();
    MIXTRACT_ASSIGN_OR_RETURN(OcrResult computed, compute());
    const double ms = ms_since(start);
    if (page) {
      std::lock_guard<std::mutex> lock(mutex_);
      spent_[document.content_hash()][std::string(engine)] += ms;
    }
    result = std::make_shared<const OcrResult>(std::move(computed));
    if (options_.cache) {
      if (Status stored = options_.cache->put(key, ocr_result_to_json(*result).dump()); !stored.ok()) {
        spdlog::warn("{}", stored.message());  // The result is still good; only the cache lost it.
      }
    }
  }
  std::lock_guard<std::mutex> lock(mutex_);
  if (page) ++(from_cache ? counts_.cache_hits : counts_.computed);
  if (memo_.emplace(key, result).second) {
    memo_order_.push_back(key);
    if (memo_order_.size() > kMemoEntries) {
      memo_.erase(memo_order_.front());
      memo_order_.pop_front();
    }
  }
  return result;
}

std::map<std::string, double> OcrService::spent_on(const Document& document) const {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto found = spent_.find(document.content_hash());
  return found == spent_.end() ? std::map<std::string, double>() : found->second;
}

std::map<std::string, double> OcrService::take_spent_on(const Document& document) {
  std::lock_guard<std::mutex> lock(mutex_);
  const auto found = spent_.find(document.content_hash());
  if (found == spent_.end()) return {};
  std::map<std::string, double> spent = std::move(found->second);
  spent_.erase(found);
  return spent;
}

OcrService::Counts OcrService::counts() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return counts_;
}

}  // namespace mixtract
