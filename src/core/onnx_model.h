// ONNX Runtime sessions: one environment per process, each model loaded once and shared.
#ifndef MIXTRACT_CORE_ONNX_MODEL_H_
#define MIXTRACT_CORE_ONNX_MODEL_H_

#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

#include <onnxruntime_cxx_api.h>

#include "mixtract/status.h"

namespace mixtract {

// A loaded model. run() is safe to call from several threads at once (ONNX Runtime sessions are).
class OnnxModel {
 public:
  // Loads `path` with `threads` intra-op threads. A missing or unreadable model is an error naming the
  // path and ending with `remedy`, what to do about it.
  static Result<std::unique_ptr<OnnxModel>> load(
      const std::filesystem::path& path, int threads,
      const std::string& remedy = "run scripts/setup.sh to fetch the models (delete a damaged one first)");

  // The first output and its shape. `data` points into `tensor`, ONNX Runtime's own buffer (not copied:
  // a recogniser's batch of lines scores 6,625 characters at every step, 16 MB), valid while it lives.
  struct Output {
    std::span<const float> data;
    std::vector<std::int64_t> shape;
    Ort::Value tensor{nullptr};
  };
  // Runs a model of one float input on a tensor of `shape`.
  Result<Output> run(const std::vector<float>& input, const std::vector<std::int64_t>& shape) const;

  // Runs a model of int64 inputs (token ids, masks), all of one shape, given in the order of
  // input_names().
  Result<Output> run(const std::vector<const std::vector<std::int64_t>*>& inputs,
                     const std::vector<std::int64_t>& shape) const;

  const std::string& path() const { return path_; }
  const std::vector<std::string>& input_names() const { return inputs_; }

 private:
  OnnxModel(std::string path, std::unique_ptr<Ort::Session> session, std::vector<std::string> inputs,
            std::string output)
      : path_(std::move(path)), session_(std::move(session)), inputs_(std::move(inputs)), output_(std::move(output)) {}
  // Runs the model on the tensors `make_inputs` gives; any ONNX Runtime error is returned, not thrown.
  Result<Output> run_with(const std::function<std::vector<Ort::Value>()>& make_inputs) const;

  std::string path_;
  std::unique_ptr<Ort::Session> session_;
  std::vector<std::string> inputs_;
  std::string output_;
};

}  // namespace mixtract

#endif  // MIXTRACT_CORE_ONNX_MODEL_H_
