#include <nlohmann/json.hpp>

#include "io/atomic_file.h"
#include "mixtract/writers.h"

namespace mixtract {
namespace {

class JsonlWriter final : public RecordWriter {
 public:
  explicit JsonlWriter(std::unique_ptr<AtomicFile> file) : file_(std::move(file)) {}

  Status write(const Record& record) override {
    // Invalid UTF-8 from a file name or an expert is replaced rather than aborting the whole output.
    return file_->append(record_to_json(record).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace) + "\n");
  }
  Status close() override { return file_->commit(); }

 private:
  std::unique_ptr<AtomicFile> file_;
};

}  // namespace

Result<std::unique_ptr<RecordWriter>> open_jsonl_writer(const std::filesystem::path& path) {
  MIXTRACT_ASSIGN_OR_RETURN(std::unique_ptr<AtomicFile> file, AtomicFile::open(path));
  return std::unique_ptr<RecordWriter>(std::make_unique<JsonlWriter>(std::move(file)));
}

}  // namespace mixtract
