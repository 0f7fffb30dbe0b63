// LAC's speed: characters/s over sentences read from stdin (loading excluded), one sentence at a time and
// in batches of `--batch` (Lac's batch API), on 1 thread and on `--threads` threads taking sentences or
// batches in parallel, and the process's peak memory.
//   bench_lac [--threads N] [--repeat R] [--batch B] < sentences.txt
// Prints: threads<TAB>batch<TAB>characters<TAB>seconds<TAB>characters/s, one line per run.
#include <sys/resource.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>

#include "nlp/lac/lac.h"

int main(int argc, char** argv) {
  CLI::App app("LAC speed");
  int threads = 2, repeat = 20;
  std::size_t batch = 32;
  app.add_option("--threads", threads)->check(CLI::Range(1, 64));
  app.add_option("--batch", batch)->check(CLI::Range(1, 4096));
  app.add_option("--repeat", repeat)->check(CLI::Range(1, 10000));
  CLI11_PARSE(app, argc, argv);
  mixtract::Result<mixtract::Lac> lac = mixtract::Lac::load(mixtract::Lac::default_folder());
  if (!lac.ok()) {
    std::cerr << "bench_lac: " << lac.status().message() << "\n";
    return 1;
  }
  std::vector<std::string> sentences;
  std::size_t characters = 0;
  for (std::string line; std::getline(std::cin, line);) {
    if (line.empty()) continue;
    for (int r = 0; r < repeat; ++r) sentences.push_back(line);
  }
  for (const std::string& s : sentences) characters += (*lac->tag_characters(s)).size();  // Warm-up and count.
  std::vector<std::vector<std::string>> batches;
  for (std::size_t i = 0; i < sentences.size(); i += batch) {
    batches.emplace_back(sentences.begin() + static_cast<std::ptrdiff_t>(i),
                         sentences.begin() + static_cast<std::ptrdiff_t>(std::min(sentences.size(), i + batch)));
  }
  for (const std::size_t size : {std::size_t{1}, batch}) {
    for (const int n : {1, threads}) {
      std::atomic<std::size_t> next{0};
      const auto start = std::chrono::steady_clock::now();
      std::vector<std::thread> workers;
      for (int t = 0; t < n; ++t) {
        workers.emplace_back([&] {
          if (size == 1) {
            for (std::size_t i; (i = next++) < sentences.size();) (void)lac->tag_characters(sentences[i]);
          } else {
            for (std::size_t i; (i = next++) < batches.size();) (void)lac->tag_characters(batches[i]);
          }
        });
      }
      for (std::thread& w : workers) w.join();
      const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
      std::printf("%d\t%zu\t%zu\t%.3f\t%.0f\n", n, size, characters, seconds,
                  static_cast<double>(characters) / seconds);
    }
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  std::printf("peak_rss_mib\t%.0f\n", static_cast<double>(usage.ru_maxrss) / 1024);
  return 0;
}
