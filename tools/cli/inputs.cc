#include "inputs.h"

#include <algorithm>
#include <array>
#include <cctype>
#include <string_view>

namespace mixtract::cli {
namespace {

bool has_image_extension(const std::filesystem::path& path) {
  static constexpr std::array<std::string_view, 7> kExtensions{".jpg",  ".jpeg", ".png", ".tif",
                                                               ".tiff", ".bmp",  ".webp"};
  std::string ext = path.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  return std::find(kExtensions.begin(), kExtensions.end(), ext) != kExtensions.end();
}

}  // namespace

InputList collect_inputs(const std::vector<std::string>& paths) {
  InputList list;
  for (const std::string& arg : paths) {
    const std::filesystem::path path(arg);
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) {
      const auto options = std::filesystem::directory_options::skip_permission_denied;
      std::filesystem::recursive_directory_iterator it(path, options, ec), end;
      for (; !ec && it != end; it.increment(ec)) {
        if (it->is_regular_file(ec) && has_image_extension(it->path())) list.files.push_back(it->path());
      }
      if (ec) list.problems.push_back(Status::io_error(arg + ": cannot list folder: " + ec.message()));
    } else if (std::filesystem::exists(path, ec)) {
      list.files.push_back(path);
    } else {
      list.problems.push_back(Status::not_found(arg + ": no such file or folder"));
    }
  }
  std::sort(list.files.begin(), list.files.end());
  list.files.erase(std::unique(list.files.begin(), list.files.end()), list.files.end());
  return list;
}

}  // namespace mixtract::cli
