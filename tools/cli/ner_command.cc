#include <fstream>
#include <functional>
#include <iostream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "commands.h"
#include "experts/ner/user_words.h"
#include "nlp/bert/bert_tagger.h"
#include "nlp/jieba/jieba.h"
#include "nlp/lac/lac.h"

namespace mixtract::cli {
namespace {

struct NerArgs {
  std::string text;
  std::string file;
  std::string engine = "lac";
  std::string model;
  std::size_t max_tokens = 512;
  TableArgs tables;
  bool json = false;
  bool words = false;
};

// A tagger's words (or, for BERT, entities) of each line, and the entities among them.
struct Tagger {
  std::function<Result<std::vector<std::vector<TaggedSpan>>>(const std::vector<std::string>&)> analyse;
  std::function<std::vector<TaggedSpan>(const std::vector<TaggedSpan>&)> entities;
};

// Runs `analyse` line by line.
template <typename Analyser>
auto per_line(Analyser analyser) {
  return [analyser](const std::vector<std::string>& lines) -> Result<std::vector<std::vector<TaggedSpan>>> {
    std::vector<std::vector<TaggedSpan>> out;
    for (std::size_t i = 0; i < lines.size(); ++i) {
      Result<std::vector<TaggedSpan>> words = analyser.analyse(lines[i]);
      if (!words.ok())
        return Status::invalid_argument("line " + std::to_string(i + 1) + ": " + words.status().message());
      out.push_back(*std::move(words));
    }
    return out;
  };
}

Result<Tagger> make_tagger(const NerArgs& args, const GlobalOptions& global) {
  if (args.engine == "lac") {
    MIXTRACT_ASSIGN_OR_RETURN(
        Lac lac, Lac::load(args.model.empty() ? Lac::default_folder() : std::filesystem::path(args.model)));
    return Tagger{per_line(std::move(lac)), lac_entities};
  }
  if (args.engine == "jieba") {
    OcrArgs no_ocr;
    no_ocr.no_cache = true;
    MIXTRACT_ASSIGN_OR_RETURN(mixtract::Engine engine, make_engine(global, no_ocr, LlmArgs(), args.tables, 1));
    const ExpertOptions& tables = engine.experts();
    const std::filesystem::path folder =
        args.model.empty() ? Jieba::default_folder(global.deps_dir) : std::filesystem::path(args.model);
    MIXTRACT_ASSIGN_OR_RETURN(Jieba jieba, Jieba::load(folder, user_words_of(*schools_of(tables), *majors_of(tables))));
    return Tagger{per_line(std::move(jieba)), jieba_entities};
  }
  if (args.engine == "bert") {
    if (args.model.empty()) {
      return Status::invalid_argument("--engine bert needs --model DIR (model.onnx, vocab.txt, labels.txt)");
    }
    BertOptions options;
    options.max_tokens = args.max_tokens;
    MIXTRACT_ASSIGN_OR_RETURN(BertTagger bert, BertTagger::load(args.model, options));
    return Tagger{[bert](const std::vector<std::string>& lines) { return bert.entities(lines); },
                  [](const std::vector<TaggedSpan>& entities) { return entities; }};
  }
  return Status::invalid_argument("unknown engine '" + args.engine + "'; choose lac, jieba or bert");
}

int run_ner(const NerArgs& args, const GlobalOptions& global) {
  auto fail = [](const std::string& message, int code) {
    std::cerr << "mixtract ner: " << message << "\n";
    return code;
  };
  if (args.text.empty() == args.file.empty()) return fail("give the text, or --file FILE (one of them)", kExitUsage);
  std::string text = args.text;
  if (!args.file.empty()) {
    std::ifstream in(args.file, std::ios::binary);
    if (!in) return fail("cannot read " + args.file, kExitUsage);
    std::ostringstream all;
    all << in.rdbuf();
    text = all.str();
  }
  std::vector<std::string> lines;
  std::istringstream paragraphs(text);
  for (std::string line; std::getline(paragraphs, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    lines.push_back(std::move(line));
  }
  Result<Tagger> tagger = make_tagger(args, global);
  if (!tagger.ok()) return fail(tagger.status().message(), kExitUsage);
  Result<std::vector<std::vector<TaggedSpan>>> analysed = tagger->analyse(lines);
  if (!analysed.ok()) return fail(analysed.status().message(), kExitUsage);
  nlohmann::ordered_json shown_json = nlohmann::ordered_json::array();
  for (std::size_t i = 0; i < lines.size(); ++i) {
    for (const TaggedSpan& w : args.words ? (*analysed)[i] : tagger->entities((*analysed)[i])) {
      if (args.json) {
        nlohmann::ordered_json item = {
            {"line", i + 1}, {"text", w.text}, {"tag", w.tag}, {"begin", w.begin}, {"length", w.length}};
        if (args.engine == "bert") item["confidence"] = w.confidence;
        shown_json.push_back(std::move(item));
      } else {
        std::cout << w.text << "\t" << w.tag << "\t" << w.begin << "\n";
      }
    }
  }
  if (args.json) std::cout << shown_json.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
  return kExitOk;
}

}  // namespace

void add_ner_command(CLI::App& app, const GlobalOptions& global, const ConfigValues& config, int& exit_code) {
  auto args = std::make_shared<NerArgs>();
  CLI::App* sub = app.add_subcommand("ner", "Find names, places, organisations and dates in text (LAC, jieba, BERT)");
  sub->add_option("text", args->text, "The text (or --file)");
  sub->add_option("--file", args->file, "Read the text from a UTF-8 file, line by line");
  sub->add_option("--engine", args->engine,
                  "lac: Baidu's LAC (words, parts of speech, entities); jieba: cppjieba's words and parts of speech, "
                  "school and major names kept whole; bert: your BERT token classifier (--model)")
      ->check(CLI::IsMember({"lac", "jieba", "bert"}))
      ->default_val("lac");
  sub->add_option("--model", args->model,
                  "The engine's folder. lac: default Debian python3-jieba's jieba/lac_small; jieba: default "
                  "deps/cppjieba/dict; bert: required, holding model.onnx, vocab.txt and labels.txt (or config.json)");
  sub->add_option("--max-tokens", args->max_tokens, "bert: the longest window in tokens (the model's position limit)")
      ->default_val(512)
      ->check(CLI::Range(3, 100000));
  add_table_options(*sub, args->tables, config);
  sub->add_flag("--words", args->words, "Every word with its part of speech, not only the entities (lac, jieba)");
  sub->add_flag("--json", args->json, "Print a JSON list of {line, text, tag, begin, length[, confidence]}");
  sub->footer(
      "Prints each entity (PER person, LOC place, ORG organisation, TIME date or time; BERT: its model's "
      "labels) with its tag and its first character's position in its line, one per line. Positions count "
      "Unicode characters. jieba's user words are the schools and majors of --schools and --majors (built-in "
      "tables by default).");
  sub->callback([args, &global, &exit_code] { exit_code = run_ner(*args, global); });
}

}  // namespace mixtract::cli
