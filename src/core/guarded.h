// guarded(file, step): what `step` returns, or an internal error naming `file` when it throws, so that
// one document's failure is reported as that document's and never unwinds past a batch's threads.
#ifndef MIXTRACT_CORE_GUARDED_H_
#define MIXTRACT_CORE_GUARDED_H_

#include <exception>
#include <filesystem>

#include "core/text_encoding.h"
#include "mixtract/status.h"

namespace mixtract {

template <typename Step>
auto guarded(const std::filesystem::path& file, Step&& step) -> decltype(step()) {
  try {
    return step();
  } catch (const std::exception& e) {
    return Status::internal(readable_name(file.string()) + ": unexpected error: " + e.what());
  } catch (...) {
    return Status::internal(readable_name(file.string()) + ": unexpected error");
  }
}

}  // namespace mixtract

#endif  // MIXTRACT_CORE_GUARDED_H_
