// Writes N small, distinct page images named like an HR archive (张一二_本科毕业证书.png: three documents
// per person, 专科, 本科 and 硕士研究生), for measuring the batch machinery on many documents without the
// cost of reading them: bench/run.sh runs `extract` over them with the file-name route.
//
//   bench_pages --n N --out DIR
#include <array>
#include <filesystem>
#include <iostream>
#include <string>

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

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("Writes small distinct page images named by person and level");
  int count = 1000;
  std::string out;
  app.add_option("--n", count, "Number of pages")->check(CLI::PositiveNumber);
  app.add_option("--out", out, "Folder to write them to")->required();
  CLI11_PARSE(app, argc, argv);
  static constexpr std::array<const char*, 3> kLevels{"专科", "本科", "硕士研究生"};
  std::filesystem::create_directories(out);
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
