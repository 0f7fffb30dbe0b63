#include <fstream>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "mixtract/lac.h"

namespace mixtract::cli {
namespace {

struct NerArgs {
  std::string text;
  std::string file;
  std::string engine = "lac";
  std::string model;
  bool json = false;
  bool words = false;
};

int run_ner(const NerArgs& args) {
  auto fail = [](const std::string& message, int code) {
    std::cerr << "mixtract ner: " << message << "\n";
    return code;
  };
  if (args.engine != "lac") {
    return fail("engine '" + args.engine + "' is not built yet; built: lac (jieba and bert are planned)",
                kExitNotBuilt);
  }
  if (args.text.empty() == args.file.empty()) return fail("give the text, or --file FILE (one of them)", kExitUsage);
  std::string text = args.text;
  if (!args.file.empty()) {
    std::ifstream in(args.file, std::ios::binary);
    if (!in) return fail("cannot read " + args.file, kExitUsage);
    std::ostringstream all;
    all << in.rdbuf();
    text = all.str();
  }
  Result<Lac> lac = Lac::load(args.model.empty() ? Lac::default_folder() : std::filesystem::path(args.model));
  if (!lac.ok()) return fail(lac.status().message(), kExitUsage);
  nlohmann::ordered_json lines = nlohmann::ordered_json::array();
  std::istringstream paragraphs(text);
  std::string line;
  while (std::getline(paragraphs, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    Result<std::vector<TaggedSpan>> words = lac->analyse(line);
    if (!words.ok()) return fail(words.status().message(), kExitUsage);
    const std::vector<TaggedSpan> shown = args.words ? *words : lac_entities(*words);
    for (const TaggedSpan& w : shown) {
      if (args.json) {
        lines.push_back({{"text", w.text}, {"tag", w.tag}, {"begin", w.begin}, {"length", w.length}});
      } else {
        std::cout << w.text << "\t" << w.tag << "\t" << w.begin << "\n";
      }
    }
  }
  if (args.json) std::cout << lines.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  return kExitOk;
}

}  // namespace

void add_ner_command(CLI::App& app, int& exit_code) {
  auto args = std::make_shared<NerArgs>();
  CLI::App* sub = app.add_subcommand("ner", "Find names, places, organisations and dates in text (LAC)");
  sub->add_option("text", args->text, "The text (or --file)");
  sub->add_option("--file", args->file, "Read the text from a UTF-8 file, line by line");
  sub->add_option("--engine", args->engine, "lac (jieba and bert are planned)")->default_val("lac");
  sub->add_option("--model", args->model, "LAC's folder; default: Debian python3-jieba's jieba/lac_small");
  sub->add_flag("--words", args->words, "Every word with its part of speech, not only the entities");
  sub->add_flag("--json", args->json, "Print a JSON list of {text, tag, begin, length}");
  sub->footer(
      "Prints each entity (PER person, LOC place, ORG organisation, TIME date or time) with its tag and its "
      "first character's position in its line, one per line. Positions count Unicode characters.");
  sub->callback([args, &exit_code] { exit_code = run_ner(*args); });
}

}  // namespace mixtract::cli
