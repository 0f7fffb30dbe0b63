// ONNX Runtime sessions: one environment per process, each model loaded once and shared.
#ifndef MIXTRACT_OCR_ONNX_SESSION_H_
#define MIXTRACT_OCR_ONNX_SESSION_H_

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include <onnxruntime_cxx_api.h>

#include "mixtract/status.h"

namespace mixtract {

// A loaded model. run() is safe to call from several threads at once (ONNX Runtime sessions are).
class OnnxModel {
 public:
  // Loads `path` with `threads` intra-op threads. A missing or unreadable model is an error naming the
  // path and saying to run scripts/setup.sh.
  static Result<std::unique_ptr<OnnxModel>> load(const std::filesystem::path& path, int threads);

  // Runs the model on one float tensor of `shape`; returns the first output and its shape.
  struct Output {
    std::vector<float> data;
    std::vector<std::int64_t> shape;
  };
  Result<Output> run(const std::vector<float>& input, const std::vector<std::int64_t>& shape) const;

  const std::string& path() const { return path_; }

 private:
  OnnxModel(std::string path, std::unique_ptr<Ort::Session> session, std::string input, std::string output)
      : path_(std::move(path)), session_(std::move(session)), input_(std::move(input)), output_(std::move(output)) {}

  std::string path_;
  std::unique_ptr<Ort::Session> session_;
  std::string input_;
  std::string output_;
};

}  // namespace mixtract

#endif  // MIXTRACT_OCR_ONNX_SESSION_H_
