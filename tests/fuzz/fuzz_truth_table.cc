// libFuzzer target: truth and prediction tables (CSV, XLSX, JSONL), read from a file as `eval` and
// `tune` read them. The extension is chosen by the first byte.
#include <unistd.h>

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>

#include <spdlog/spdlog.h>

#include "mixtract/eval.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  static const bool quiet = [] {  // A GBK table's warning would otherwise be printed on every run.
    spdlog::set_level(spdlog::level::off);
    return true;
  }();
  (void)quiet;
  if (size == 0) return 0;
  static const char* const kExtensions[] = {".csv", ".xlsx", ".jsonl"};
  const std::filesystem::path file = std::filesystem::temp_directory_path() /
                                     ("mixtract-fuzz-" + std::to_string(::getpid()) + kExtensions[data[0] % 3]);
  std::ofstream(file, std::ios::binary)
      .write(reinterpret_cast<const char*>(data + 1), static_cast<std::streamsize>(size - 1));
  (void)mixtract::read_eval_table(file);
  std::filesystem::remove(file);
  return 0;
}
