#include <filesystem>
#include <fstream>
#include <iostream>
#include <random>

#include <nlohmann/json.hpp>
#include <opencv2/imgcodecs.hpp>

#include "certificate_renderer.h"
#include "commands.h"

namespace mixtract::cli {
namespace {

struct SynthOptions {
  std::string out_dir;
  int count = 0;
  int seed = 0;
};

int run_synth(const SynthOptions& options) {
  if (options.count < 1 || options.count > 100000) {
    std::cerr << "mixtract synth: --n must be between 1 and 100000, got " << options.count << "\n";
    return kExitUsage;
  }
  Result<std::unique_ptr<synth::CertificateRenderer>> renderer = synth::CertificateRenderer::create();
  if (!renderer.ok()) {
    std::cerr << "mixtract synth: " << renderer.status().message() << "\n";
    return kExitFailure;
  }
  const std::filesystem::path out_dir(options.out_dir);
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) {
    std::cerr << "mixtract synth: cannot create " << out_dir.string() << ": " << ec.message() << "\n";
    return kExitUsage;
  }
  std::ofstream truth(out_dir / "truth.jsonl", std::ios::trunc);
  std::mt19937 rng(static_cast<std::mt19937::result_type>(options.seed));
  for (int i = 0; i < options.count; ++i) {
    const synth::CertificateTruth t = synth::random_certificate(rng);
    char index[16];
    std::snprintf(index, sizeof index, "%04d_", i + 1);
    const std::string file = index + t.name + "_" + std::string(level_name(t.level)) + "毕业证书.jpg";
    const cv::Mat page = (*renderer)->render(t, rng);
    if (!cv::imwrite((out_dir / file).string(), page, {cv::IMWRITE_JPEG_QUALITY, 92})) {
      std::cerr << "mixtract synth: cannot write " << (out_dir / file).string() << "\n";
      return kExitFailure;
    }
    const nlohmann::json row = {{"文件", file},
                                {"姓名", t.name},
                                {"性别", t.gender},
                                {"出生日期", t.birth_date},
                                {"学历层次", level_name(t.level)},
                                {"毕业院校", t.school},
                                {"专业", t.major},
                                {"毕业日期", t.graduation_date},
                                {"证书编号", t.certificate_number}};
    truth << row.dump() << "\n";
  }
  if (!truth.flush()) {
    std::cerr << "mixtract synth: cannot write " << (out_dir / "truth.jsonl").string() << "\n";
    return kExitFailure;
  }
  std::cout << options.count << " certificate(s) and truth.jsonl written to " << out_dir.string() << "\n";
  return kExitOk;
}

}  // namespace

void add_synth_command(CLI::App& app, const ConfigValues& config, int& exit_code) {
  auto options = std::make_shared<SynthOptions>();
  CLI::App* sub = app.add_subcommand("synth", "Render synthetic graduation certificates with exact ground truth");
  add_option(*sub, kOutDirOption, options->out_dir, config)->required();
  add_option(*sub, kSynthCountOption, options->count, config);
  add_option(*sub, kSynthSeedOption, options->seed, config);
  sub->footer(
      "Writes NNNN_<name>_<level>毕业证书.jpg images and truth.jsonl (one object per image, Chinese keys). "
      "Clean, upright pages for now; photo effects, degree certificates and ID cards come later.");
  sub->callback([options, &exit_code] { exit_code = run_synth(*options); });
}

}  // namespace mixtract::cli
