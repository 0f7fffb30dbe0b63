// Writes N small, distinct page images named like an HR archive (张一二_本科毕业证书.png: three documents
// per person, 专科, 本科 and 硕士研究生), for measuring the batch machinery on many documents without the
// cost of reading them: bench/run.sh runs `extract` over them with the file-name route.
// With --from, writes N copies of the images of a folder instead, taken in turn, each with its index
// appended after the image data: the same pixels in distinct files, so a long batch reads every page
// afresh (no duplicate is skipped, no reading reused) at the cost of real ones.
//
//   bench_pages --n N --out DIR [--from DIR]
#include <algorithm>
#include <array>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>

namespace {

// 张 followed by the digits of n as Chinese numerals: 12 -> 张一二.
std::string person_name(int n) {
  static constexpr std::array<const char*, 10> kDigits{"零", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
  std::string name = "张";
  for (const char digit : std::to_string(n)) name += kDigits[static_cast<std::size_t>(digit - '0')];
  return name;
}

// Copies the images of `from` in turn until `count` are written, each named <stem>-<index><extension>.
int copy_pages(const std::filesystem::path& from, int count, const std::filesystem::path& out) {
  std::vector<std::filesystem::path> images;
  for (const auto& entry : std::filesystem::directory_iterator(from)) {
    std::string extension = entry.path().extension().string();
    std::transform(extension.begin(), extension.end(), extension.begin(),
                   [](unsigned char c) { return std::tolower(c); });
    if (extension == ".jpg" || extension == ".jpeg" || extension == ".png") images.push_back(entry.path());
  }
  if (images.empty()) {
    std::cerr << "bench_pages: no .jpg or .png images in " << from.string() << "\n";
    return 1;
  }
  std::sort(images.begin(), images.end());
  for (int i = 0; i < count; ++i) {
    const std::filesystem::path& image = images[static_cast<std::size_t>(i) % images.size()];
    const std::filesystem::path target =
        out / (image.stem().string() + "-" + std::to_string(i) + image.extension().string());
    std::ifstream in(image, std::ios::binary);
    std::ofstream copy(target, std::ios::binary);
    copy << in.rdbuf() << "\n" << i << "\n";  // Decoders stop at the image's end marker.
    if (!in || !copy) {
      std::cerr << "bench_pages: cannot copy " << image.string() << " to " << target.string() << "\n";
      return 1;
    }
  }
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("Writes small distinct page images named by person and level");
  int count = 1000;
  std::string out;
  app.add_option("--n", count, "Number of pages")->check(CLI::PositiveNumber);
  app.add_option("--out", out, "Folder to write them to")->required();
  std::string from;
  app.add_option("--from", from, "Copy the images of this folder in turn instead, each with distinct bytes")
      ->check(CLI::ExistingDirectory);
  CLI11_PARSE(app, argc, argv);
  std::filesystem::create_directories(out);
  if (!from.empty()) return copy_pages(from, count, out);
  static constexpr std::array<const char*, 3> kLevels{"专科", "本科", "硕士研究生"};
  for (int i = 0; i < count; ++i) {
    cv::Mat page(48, 64, CV_8UC3, cv::Scalar(255, 255, 255));
    // The index in the first pixels, so that no two pages have the same bytes.
    for (int bit = 0; bit < 24; ++bit) page.at<cv::Vec3b>(0, bit) = cv::Vec3b::all((i >> bit) & 1 ? 0 : 255);
    const std::string name = person_name(i / 3) + "_" + kLevels[static_cast<std::size_t>(i % 3)] + "毕业证书.png";
    if (!cv::imwrite((std::filesystem::path(out) / name).string(), page)) {
      std::cerr << "bench_pages: cannot write " << name << " in " << out << "\n";
      return 1;
    }
  }
  return 0;
}
