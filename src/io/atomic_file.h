// A file written under a temporary name and renamed into place on commit().
#ifndef MIXTRACT_IO_ATOMIC_FILE_H_
#define MIXTRACT_IO_ATOMIC_FILE_H_

#include <filesystem>
#include <fstream>
#include <memory>
#include <string_view>

#include "mixtract/status.h"

namespace mixtract {

class AtomicFile {
 public:
  // Opens "<path>.tmp-<pid>" for writing; the folder must exist.
  static Result<std::unique_ptr<AtomicFile>> open(const std::filesystem::path& path);
  // Removes the temporary file unless commit() succeeded.
  ~AtomicFile();

  Status append(std::string_view bytes);
  // Flushes, closes and renames over the destination.
  Status commit();

 private:
  AtomicFile(std::filesystem::path path, std::filesystem::path temp) : path_(std::move(path)), temp_(std::move(temp)) {}

  std::filesystem::path path_;
  std::filesystem::path temp_;
  std::ofstream out_;
  bool committed_ = false;
};

}  // namespace mixtract

#endif  // MIXTRACT_IO_ATOMIC_FILE_H_
