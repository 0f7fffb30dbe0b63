#include <nlohmann/json.hpp>

#include "io/atomic_file.h"
#include "mixtract/writers.h"

namespace mixtract {
namespace {

class JsonlWriter final : public RecordWriter {
 public:
  explicit JsonlWriter(std::unique_ptr<AtomicFile> file) : file_(std::move(file)) {}

  Status Write(const Record& record) override {
    // Invalid UTF-8 from a file name or an expert is replaced rather than aborting the whole output.
    return file_->Append(RecordToJson(record).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  }
  Status Close() override { return file_->Commit(); }

 private:
  std::unique_ptr<AtomicFile> file_;
};

}  // namespace

Result<std::unique_ptr<RecordWriter>> OpenJsonlWriter(const std::filesystem::path& path) {
  MIXTRACT_ASSIGN_OR_RETURN(std::unique_ptr<AtomicFile> file, AtomicFile::Open(path));
  return std::unique_ptr<RecordWriter>(std::make_unique<JsonlWriter>(std::move(file)));
}

}  // namespace mixtract
