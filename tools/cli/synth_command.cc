#include <iostream>

#include "commands.h"
#include "families.h"
#include "synth_job.h"

namespace mixtract::cli {
namespace {

struct SynthArgs {
  std::string out_dir;
  int count = 0;
  int seed = 0;
  std::vector<std::string> kinds;
  std::vector<std::string> families;
  std::string difficulty;
  std::string schools;
};

int run_synth_command(const SynthArgs& args, const GlobalOptions& global) {
  synth::SynthOptions options;
  options.out_dir = args.out_dir;
  options.count = args.count;
  options.seed = static_cast<std::uint32_t>(args.seed);
  options.schools_csv = args.schools;
  options.deps_dir = global.deps_dir;
  for (const std::string& kind : args.kinds) options.kinds.insert(*synth::parse_synth_kind(kind));
  options.families.insert(args.families.begin(), args.families.end());
  options.difficulty = args.difficulty == "mix" ? std::nullopt : synth::parse_difficulty(args.difficulty);
  Result<synth::SynthSummary> summary = synth::run_synth(options);
  if (!summary.ok()) {
    std::cerr << "mixtract synth: " << summary.status().message() << "\n";
    return summary.status().code() == StatusCode::kInvalidArgument ? kExitUsage : kExitFailure;
  }
  std::cout << summary->documents << " document(s) of " << summary->persons << " person(s) written to " << args.out_dir
            << " with truth.jsonl, truth.csv and persons.jsonl\n";
  return kExitOk;
}

}  // namespace

void add_synth_command(CLI::App& app, const GlobalOptions& global, const ConfigValues& config, int& exit_code) {
  auto args = std::make_shared<SynthArgs>();
  CLI::App* sub =
      app.add_subcommand("synth", "Render synthetic certificates, ID cards and reports with exact ground truth");
  add_option(*sub, kOutDirOption, args->out_dir, config)->required();
  add_option(*sub, kSynthCountOption, args->count, config);
  add_option(*sub, kSynthSeedOption, args->seed, config);
  sub->add_option("--kinds", args->kinds,
                  "Kinds to render (default graduation, degree and id_card; the verification reports chsi_record "
                  "and degree_report only when named here or by --families)")
      ->delimiter(',')
      ->check(CLI::IsMember({"graduation", "degree", "id_card", "chsi_record", "degree_report"}));
  std::vector<std::string> family_names;
  std::string family_help = "Layout families of certificates, ID cards and reports to render (default all):";
  for (const synth::Family& family : synth::families()) {
    family_names.emplace_back(family.name);
    family_help += std::string(" ") + std::string(family.name) + (family.held_out ? " (held out)" : "");
  }
  sub->add_option("--families", args->families, family_help)->delimiter(',')->check(CLI::IsMember(family_names));
  add_option(*sub, kSynthDifficultyOption, args->difficulty, config)
      ->check(CLI::IsMember({"clean", "photo", "hard", "mix"}));
  add_option(*sub, kSchoolsOption, args->schools, config)->check(CLI::ExistingFile);
  sub->footer(
      "Writes <name>_<level>毕业证书.jpg, <name>_<rank>学位证书.jpg and <name>_身份证.jpg, several per person (and "
      "with the report kinds <name>_<level>学历备案表.jpg and <name>_<rank>学位验证报告.jpg), with "
      "truth.jsonl and truth.csv (Chinese column names) and persons.jsonl (which file holds each person's highest "
      "degree). Certificates are drawn in layout families, each its own wording, layout, numerals and labels, and "
      "ID cards on the page of theirs (the front alone, or both sides photocopied onto A4), reports in the table "
      "layout of theirs with their QR code; the held-out ones were "
      "written after the extraction's cues were last changed, for leave-one-family-out "
      "figures. The same seed and options give the same files.");
  sub->callback([args, &global, &exit_code] { exit_code = run_synth_command(*args, global); });
}

}  // namespace mixtract::cli
