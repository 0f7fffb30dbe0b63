#include "ocr/onnx_session.h"

#include <algorithm>

namespace mixtract {
namespace {

Ort::Env& environment() {
  static Ort::Env env(ORT_LOGGING_LEVEL_ERROR, "mixtract");
  return env;
}

}  // namespace

Result<std::unique_ptr<OnnxModel>> OnnxModel::load(const std::filesystem::path& path, int threads) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(path, ec)) {
    return Status::unavailable(path.string() + ": model file missing; run scripts/setup.sh to fetch the models");
  }
  try {
    Ort::SessionOptions options;
    options.SetIntraOpNumThreads(std::max(1, threads));
    options.SetInterOpNumThreads(1);
    options.SetGraphOptimizationLevel(GraphOptimizationLevel::ORT_ENABLE_ALL);
    // Input shapes change with every page and line batch: an arena or a memory pattern per shape would
    // keep the largest ones forever.
    options.DisableCpuMemArena();
    options.DisableMemPattern();
    auto session = std::make_unique<Ort::Session>(environment(), path.c_str(), options);
    Ort::AllocatorWithDefaultOptions allocator;
    if (session->GetInputCount() != 1 || session->GetOutputCount() < 1) {
      return Status::unavailable(path.string() + ": unexpected model: needs one input and an output");
    }
    std::string input = session->GetInputNameAllocated(0, allocator).get();
    std::string output = session->GetOutputNameAllocated(0, allocator).get();
    return std::unique_ptr<OnnxModel>(new OnnxModel(path.string(), std::move(session), input, output));
  } catch (const Ort::Exception& e) {
    return Status::unavailable(path.string() + ": cannot load the model (" + e.what() +
                               "); the file may be corrupt: delete it and run scripts/setup.sh");
  }
}

Result<OnnxModel::Output> OnnxModel::run(const std::vector<float>& input,
                                         const std::vector<std::int64_t>& shape) const {
  try {
    const Ort::MemoryInfo memory = Ort::MemoryInfo::CreateCpu(OrtArenaAllocator, OrtMemTypeDefault);
    Ort::Value tensor = Ort::Value::CreateTensor<float>(memory, const_cast<float*>(input.data()), input.size(),
                                                        shape.data(), shape.size());
    const char* input_names[] = {input_.c_str()};
    const char* output_names[] = {output_.c_str()};
    std::vector<Ort::Value> outputs = session_->Run(Ort::RunOptions{nullptr}, input_names, &tensor, 1, output_names, 1);
    const Ort::TensorTypeAndShapeInfo info = outputs[0].GetTensorTypeAndShapeInfo();
    Output out;
    out.shape = info.GetShape();
    const float* data = outputs[0].GetTensorData<float>();
    out.data.assign(data, data + info.GetElementCount());
    return out;
  } catch (const Ort::Exception& e) {
    return Status::internal(path_ + ": inference failed: " + e.what());
  }
}

}  // namespace mixtract
