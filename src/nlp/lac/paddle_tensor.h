// Paddle's parameter files (LoDTensor): version, LoD levels, a TensorDesc protobuf (data type, dims),
// then the data. Only float32 tensors are read.
#ifndef MIXTRACT_NLP_LAC_PADDLE_TENSOR_H_
#define MIXTRACT_NLP_LAC_PADDLE_TENSOR_H_

#include <cstdint>
#include <filesystem>
#include <vector>

#include "mixtract/status.h"

namespace mixtract {

struct PaddleTensor {
  std::vector<std::int64_t> dims;
  std::vector<float> data;  // Row-major, as stored.
};

// Errors name the file: unreadable, truncated, not float32, or data not matching the dims.
Result<PaddleTensor> read_paddle_tensor(const std::filesystem::path& path);

}  // namespace mixtract

#endif  // MIXTRACT_NLP_LAC_PADDLE_TENSOR_H_
