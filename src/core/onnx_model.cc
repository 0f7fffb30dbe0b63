#include "core/onnx_model.h"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdlib>
#include <functional>

#include "core/inference_clock.h"

namespace mixtract {
namespace {

// ONNX Runtime's own log stays quiet: every error it reports reaches the caller as a Status. Every
// session allocates from one CPU arena registered here (ONNX Runtime's defaults for its growth) rather
// than one arena each: what the detector freed serves the recogniser. Measured one run after the other
// on 60 photographed certificates at -j 2 (bench/RESULTS.md, 2026-12-03): peak RSS 534 -> 411 MiB,
// 2.72 -> 2.80 documents/s.
Ort::Env& environment() {
  static Ort::Env env = [] {
    // This ONNX Runtime build carries Microsoft's telemetry client: unless told not to before the
    // environment exists, it records events (process, models, timings) in
    // ~/.cache/Microsoft/DeveloperTools/.onnxruntime for upload and leaves a $TMPDIR/mat-debug-<pid>.log.
    // mixtract reads personal documents offline: nothing of the kind, ever.
    ::setenv("ORT_DISABLE_TELEMETRY", "1", 1);
    Ort::Env made(ORT_LOGGING_LEVEL_FATAL, "mixtract");
    made.DisableTelemetryEvents();
    const Ort::MemoryInfo cpu = Ort::MemoryInfo::CreateCpu(OrtArenaAllocator, OrtMemTypeDefault);
    made.CreateAndRegisterAllocator(cpu, Ort::ArenaCfg(0, -1, -1, -1));
    return made;
  }();
  return env;
}

const Ort::MemoryInfo& cpu_memory() {
  static const Ort::MemoryInfo memory = Ort::MemoryInfo::CreateCpu(OrtArenaAllocator, OrtMemTypeDefault);
  return memory;
}

std::atomic<std::int64_t> inference_ns{0};

}  // namespace

double onnx_inference_seconds() {
  return static_cast<double>(inference_ns.load(std::memory_order_relaxed)) / 1e9;
}

Result<std::unique_ptr<OnnxModel>> OnnxModel::load(const std::filesystem::path& path, int threads,
                                                   const std::string& remedy) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::unavailable(path.string() + ": model file missing; " + remedy);
  }
  try {
    Ort::SessionOptions options;
    options.SetIntraOpNumThreads(std::max(1, threads));
    options.SetInterOpNumThreads(1);
    options.SetGraphOptimizationLevel(GraphOptimizationLevel::ORT_ENABLE_ALL);
    // Input shapes change with every page and line batch: a memory pattern per shape would keep each
    // one. The CPU arena stays: a run reuses what its earlier layers freed. Measured on three certificates
    // (2026-12-02): the same time and peak memory as without it (about 4.4 s, 650 MB), and 15x faster
    // under AddressSanitizer, whose allocator is slow for ONNX Runtime's many large short-lived tensors.
    // (Returning the arena's memory after every run cut the peak by a quarter but cost a fifth more time.)
    options.DisableMemPattern();
    options.AddConfigEntry("session.use_env_allocators", "1");  // The shared arena above.
    auto session = std::make_unique<Ort::Session>(environment(), path.c_str(), options);
    Ort::AllocatorWithDefaultOptions allocator;
    if (session->GetInputCount() < 1 || session->GetOutputCount() < 1) {
      return Status::unavailable(path.string() + ": unexpected model: needs an input and an output");
    }
    std::vector<std::string> inputs;
    for (std::size_t i = 0; i < session->GetInputCount(); ++i) {
      inputs.emplace_back(session->GetInputNameAllocated(i, allocator).get());
    }
    std::string output = session->GetOutputNameAllocated(0, allocator).get();
    return std::unique_ptr<OnnxModel>(new OnnxModel(path.string(), std::move(session), std::move(inputs), output));
  } catch (const Ort::Exception& e) {
    return Status::unavailable(path.string() + ": cannot load the model (" + e.what() + "); the file may be damaged; " +
                               remedy);
  }
}

Result<OnnxModel::Output> OnnxModel::run(const std::vector<float>& input,
                                         const std::vector<std::int64_t>& shape) const {
  if (inputs_.size() != 1)
    return Status::internal(path_ + ": the model takes " + std::to_string(inputs_.size()) + " inputs, not one");
  return run_with([&] {
    std::vector<Ort::Value> tensors;
    tensors.push_back(Ort::Value::CreateTensor<float>(cpu_memory(), const_cast<float*>(input.data()), input.size(),
                                                      shape.data(), shape.size()));
    return tensors;
  });
}

Result<OnnxModel::Output> OnnxModel::run(const std::vector<const std::vector<std::int64_t>*>& inputs,
                                         const std::vector<std::int64_t>& shape) const {
  if (inputs.size() != inputs_.size()) {
    return Status::internal(path_ + ": the model takes " + std::to_string(inputs_.size()) + " inputs, given " +
                            std::to_string(inputs.size()));
  }
  return run_with([&] {
    std::vector<Ort::Value> tensors;
    for (const std::vector<std::int64_t>* input : inputs) {
      tensors.push_back(Ort::Value::CreateTensor<std::int64_t>(cpu_memory(), const_cast<std::int64_t*>(input->data()),
                                                               input->size(), shape.data(), shape.size()));
    }
    return tensors;
  });
}

Result<OnnxModel::Output> OnnxModel::run_with(const std::function<std::vector<Ort::Value>()>& make_inputs) const {
  try {
    std::vector<Ort::Value> inputs = make_inputs();
    std::vector<const char*> input_names;
    for (const std::string& name : inputs_) input_names.push_back(name.c_str());
    const char* output_names[] = {output_.c_str()};
    const auto start = std::chrono::steady_clock::now();
    std::vector<Ort::Value> outputs =
        session_->Run(Ort::RunOptions{nullptr}, input_names.data(), inputs.data(), inputs.size(), output_names, 1);
    inference_ns.fetch_add(
        std::chrono::duration_cast<std::chrono::nanoseconds>(std::chrono::steady_clock::now() - start).count(),
        std::memory_order_relaxed);
    const Ort::TensorTypeAndShapeInfo info = outputs[0].GetTensorTypeAndShapeInfo();
    if (info.GetElementType() != ONNX_TENSOR_ELEMENT_DATA_TYPE_FLOAT) {
      return Status::internal(path_ + ": the model's output " + output_ + " is not float32");
    }
    Output out;
    out.shape = info.GetShape();
    out.data = {outputs[0].GetTensorData<float>(), info.GetElementCount()};
    out.tensor = std::move(outputs[0]);
    return out;
  } catch (const Ort::Exception& e) {
    return Status::internal(path_ + ": inference failed: " + e.what());
  }
}

}  // namespace mixtract
