#include "io/atomic_file.h"

#include <unistd.h>

#include <memory>
#include <string>
#include <system_error>

namespace mixtract {

Result<std::unique_ptr<AtomicFile>> AtomicFile::open(const std::filesystem::path& path) {
  std::filesystem::path temp = path;
  temp += ".tmp-" + std::to_string(::getpid());
  std::unique_ptr<AtomicFile> file(new AtomicFile(path, temp));
  file->out_.open(temp, std::ios::binary | std::ios::trunc);
  if (!file->out_) {
    return Status::io_error(path.string() +
                            ": cannot create output file; check that the folder exists and is writable");
  }
  return file;
}

AtomicFile::~AtomicFile() {
  if (committed_) return;
  out_.close();
  std::error_code ec;
  std::filesystem::remove(temp_, ec);
}

Status AtomicFile::append(std::string_view bytes) {
  out_.write(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  if (!out_) return Status::io_error(path_.string() + ": write failed (disk full?)");
  return Status();
}

Status AtomicFile::commit() {
  out_.flush();
  out_.close();
  if (!out_) return Status::io_error(path_.string() + ": write failed (disk full?)");
  std::error_code ec;
  std::filesystem::rename(temp_, path_, ec);
  if (ec) return Status::io_error(path_.string() + ": cannot move the finished file into place: " + ec.message());
  committed_ = true;
  return Status();
}

}  // namespace mixtract
