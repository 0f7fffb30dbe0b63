// BERT token classification's speed: characters/s over texts read from stdin (loading excluded), all
// texts' windows in batches of `--batch`, with 1 and `--threads` ONNX Runtime threads, and the process's
// peak memory.
//   bench_bert --model DIR [--threads N] [--repeat R] [--batch B] [--max-tokens M] < texts.txt
// Prints: threads<TAB>characters<TAB>seconds<TAB>characters/s, one line per thread count.
#include <sys/resource.h>

#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <vector>

#include <CLI/CLI.hpp>

#include "nlp/bert/bert_tagger.h"

int main(int argc, char** argv) {
  CLI::App app("BERT token classification speed");
  std::string model;
  int threads = 2, repeat = 20;
  mixtract::BertOptions options;
  app.add_option("--model", model)->required();
  app.add_option("--threads", threads)->check(CLI::Range(1, 64));
  app.add_option("--repeat", repeat)->check(CLI::Range(1, 10000));
  app.add_option("--batch", options.batch)->check(CLI::Range(1, 4096));
  app.add_option("--max-tokens", options.max_tokens)->check(CLI::Range(3, 4096));
  CLI11_PARSE(app, argc, argv);
  std::vector<std::string> texts;
  std::size_t characters = 0;
  for (std::string line; std::getline(std::cin, line);) {
    if (line.empty()) continue;
    for (int r = 0; r < repeat; ++r) texts.push_back(line);
  }
  for (const int n : {1, threads}) {
    options.threads = n;
    mixtract::Result<mixtract::BertTagger> bert = mixtract::BertTagger::load(model, options);
    if (!bert.ok()) {
      std::cerr << "bench_bert: " << bert.status().message() << "\n";
      return 1;
    }
    (void)bert->entities(texts);  // warm-up
    const auto start = std::chrono::steady_clock::now();
    if (!bert->entities(texts).ok()) return 1;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    if (characters == 0) {  // Unicode characters: the bytes that do not continue one
      for (const std::string& t : texts) {
        for (const char c : t) characters += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      }
    }
    std::printf("%d\t%zu\t%.3f\t%.0f\n", n, characters, seconds, static_cast<double>(characters) / seconds);
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak_rss_mib\t%.0f\n", static_cast<double>(usage.ru_maxrss) / 1024);
  return 0;
}
