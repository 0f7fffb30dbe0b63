#include "nlp/lac/paddle_tensor.h"

#include <algorithm>
#include <cstring>
#include <fstream>
#include <string>

namespace mixtract {
namespace {

class Reader {
 public:
  explicit Reader(const std::string& bytes) : bytes_(bytes) {}
  template <class T>
  bool read(T& value) {
    if (bytes_.size() - offset_ < sizeof(T)) return false;
    std::memcpy(&value, bytes_.data() + offset_, sizeof(T));
    offset_ += sizeof(T);
    return true;
  }
  bool skip(std::uint64_t n) {
    if (bytes_.size() - offset_ < n) return false;
    offset_ += static_cast<std::size_t>(n);
    return true;
  }
  bool varint(std::uint64_t& value) {
    value = 0;
    for (int shift = 0; shift < 64; shift += 7) {
      std::uint8_t byte = 0;
      if (!read(byte)) return false;
      value |= static_cast<std::uint64_t>(byte & 0x7F) << shift;
      if (byte < 0x80) return true;
    }
    return false;
  }
  std::size_t offset() const { return offset_; }
  std::size_t left() const { return bytes_.size() - offset_; }

 private:
  const std::string& bytes_;
  std::size_t offset_ = 0;
};

}  // namespace

Result<PaddleTensor> read_paddle_tensor(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary | std::ios::ate);
  if (!in) return Status::not_found("cannot read the model file " + path.string());
  std::string bytes(static_cast<std::size_t>(std::max<std::streamoff>(0, in.tellg())), '\0');
  in.seekg(0);
  if (!in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()))) {
    return Status::io_error("cannot read the model file " + path.string());
  }
  const Status malformed = Status::invalid_argument(path.string() + ": not a Paddle float32 tensor file");
  Reader reader(bytes);
  std::uint32_t version = 0, tensor_version = 0;
  std::uint64_t levels = 0;
  std::int32_t desc_size = 0;
  if (!reader.read(version) || !reader.read(levels) || levels > 16) return malformed;
  for (std::uint64_t i = 0; i < levels; ++i) {
    std::uint64_t size = 0;
    if (!reader.read(size) || !reader.skip(size)) return malformed;
  }
  if (!reader.read(tensor_version) || !reader.read(desc_size) || desc_size < 0 ||
      reader.left() < static_cast<std::size_t>(desc_size)) {
    return malformed;
  }
  PaddleTensor tensor;
  const std::size_t desc_end = reader.offset() + static_cast<std::size_t>(desc_size);
  std::uint64_t data_type = 0;
  while (reader.offset() < desc_end) {
    std::uint64_t key = 0, value = 0;
    if (!reader.varint(key) || (key & 7) != 0 || !reader.varint(value)) return malformed;
    if (key >> 3 == 1) data_type = value;
    if (key >> 3 == 2) tensor.dims.push_back(static_cast<std::int64_t>(value));
  }
  constexpr std::uint64_t kFloat32 = 5;
  std::uint64_t count = 1;
  for (const std::int64_t d : tensor.dims) count *= static_cast<std::uint64_t>(d);
  if (data_type != kFloat32 || tensor.dims.empty() || reader.left() != count * sizeof(float)) return malformed;
  tensor.data.resize(static_cast<std::size_t>(count));
  std::memcpy(tensor.data.data(), bytes.data() + reader.offset(), reader.left());
  return tensor;
}

}  // namespace mixtract
