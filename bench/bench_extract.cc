// Benchmarks one route configuration (a schema file) on a folder of synthetic documents and prints a
// Markdown section: throughput, median milliseconds per document for each stage, peak memory and
// accuracy per field against the folder's truth.csv. bench/run.sh runs it once per route, each in its
// own process so that peak memory is the route's own.
//
//   bench_extract --schema bench/routes/file_name.yaml --docs DIR --name "file name only"
//   bench_extract --schema auto --schools universities_moe2017.csv --docs DIR --name "built-in schemas"
#include <sys/resource.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <map>
#include <vector>

#include <CLI/CLI.hpp>

#include "core/inference_clock.h"
#include "mixtract/batch.h"
#include "mixtract/engine.h"
#include "mixtract/eval.h"
#include "mixtract/extractor.h"
#include "mixtract/writers.h"

namespace {

using Clock = std::chrono::steady_clock;

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  const std::size_t mid = values.size() / 2;
  return values.size() % 2 == 1 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
}

double peak_rss_mib() {
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  return static_cast<double>(usage.ru_maxrss) / 1024.0;  // ru_maxrss is in KiB on Linux.
}

// The extractor of the schemas at `schema_path` on the built-in experts; with `workers` > 0, one
// inference thread each and no analysis cache, else the analysis cache (bench/run.sh points
// MIXTRACT_CACHE_DIR at an empty folder, so every page is read afresh).
mixtract::Result<mixtract::Extractor> make_extractor(const std::string& schema_path, const std::string& schools,
                                                     const std::string& deps_dir, int workers) {
  MIXTRACT_ASSIGN_OR_RETURN(std::vector<mixtract::Schema> schemas, mixtract::load_schemas(schema_path));
  mixtract::EngineOptions options;
  options.deps_dir = deps_dir;
  options.schools_csv = schools;
  if (workers > 0) {
    options.threads = 1;
  } else {
    options.cache_file = mixtract::default_cache_file();
  }
  MIXTRACT_ASSIGN_OR_RETURN(mixtract::Engine engine, mixtract::Engine::create(options));
  return engine.extractor(std::move(schemas));
}

// The batch runner on `workers` threads, printing one tab-separated line: workers, documents, seconds,
// docs/s, peak RSS MiB, and the share of the workers' time spent outside model inference (%).
int run_batch_mode(const mixtract::Extractor& extractor, const std::vector<std::filesystem::path>& files, int workers) {
  const auto start = Clock::now();
  int failed = 0;
  const mixtract::Status status =
      mixtract::run_batch(extractor, files, workers, [&](std::size_t, mixtract::Result<mixtract::Record> record) {
        failed += record.ok() ? 0 : 1;
        return mixtract::Status();
      });
  const double seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (!status.ok() || failed > 0) {
    std::cerr << "batch failed: " << status.message() << ", " << failed << " unreadable\n";
    return 1;
  }
  const double outside_inference = 100 * (1 - mixtract::onnx_inference_seconds() / (seconds * workers));
  std::printf("%d\t%zu\t%.1f\t%.2f\t%.0f\t%.1f\n", workers, files.size(), seconds,
              static_cast<double>(files.size()) / seconds, peak_rss_mib(), outside_inference);
  return 0;
}

// Milliseconds per document spent decoding, in each expert and page read, and in all; the seconds of the run.
struct Timings {
  std::vector<double> decode_ms;
  std::vector<double> total_ms;
  std::map<std::string, std::vector<double>> expert_ms;
  double seconds = 0;
};

// The markdown tables of one route's run: timings, accuracy and acceptance, and accuracy per field.
void print_report(const std::string& name, const std::string& schema_path, std::size_t documents,
                  const Timings& timings, const mixtract::EvalReport& report) {
  std::printf("### Route: %s (`%s`)\n\n", name.c_str(), schema_path.c_str());
  std::printf("| documents | docs/s | median ms/doc: decode | ");
  for (const auto& [expert, ms] : timings.expert_ms) std::printf("%s | ", expert.c_str());
  std::printf("total | peak RSS MiB | field accuracy | docs all correct | accepted | accepted precision |\n|");
  for (std::size_t i = 0; i < 9 + timings.expert_ms.size(); ++i) std::printf("---|");
  std::printf("\n| %zu | %.1f | %.2f | ", documents, static_cast<double>(documents) / timings.seconds,
              median(timings.decode_ms));
  for (const auto& [expert, ms] : timings.expert_ms) std::printf("%.3f | ", median(ms));
  const auto share = [](int part, int whole) { return whole == 0 ? 0.0 : 100.0 * part / whole; };
  std::printf("%.2f | %.0f | %.2f%% | %d/%d | %.2f%% | %.2f%% (%d/%d) |\n\n", median(timings.total_ms), peak_rss_mib(),
              100 * report.accuracy(), report.documents_all_correct, report.documents,
              share(report.accepted, report.total), share(report.accepted_correct, report.accepted),
              report.accepted_correct, report.accepted);
  std::printf("| field | correct | total | accuracy |\n|---|---|---|---|\n");
  for (const mixtract::FieldScore& field : report.fields) {
    std::printf("| %s | %d | %d | %.2f%% |\n", field.field.c_str(), field.correct, field.total, 100 * field.accuracy());
  }
  std::printf("\n");
}

// With `workers` > 0: run_batch_mode. Else one document after another, each timed, then scored against
// the folder's truth.csv: print_report.
int run(const std::string& schema_path, const std::string& schools, const std::string& docs_dir,
        const std::string& name, const std::string& deps_dir, int workers) {
  mixtract::Result<mixtract::Extractor> extractor = make_extractor(schema_path, schools, deps_dir, workers);
  if (!extractor.ok()) {
    std::cerr << extractor.status().message() << "\n";
    return 2;
  }
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(docs_dir)) {
    if (entry.path().extension() == ".jpg") files.push_back(entry.path());
  }
  std::sort(files.begin(), files.end());
  if (files.empty()) {
    std::cerr << docs_dir << ": no .jpg documents\n";
    return 2;
  }
  if (workers > 0) return run_batch_mode(*extractor, files, workers);

  const std::filesystem::path results =
      std::filesystem::temp_directory_path() / ("mixtract-bench-" + std::to_string(::getpid()) + ".jsonl");
  auto writer = mixtract::open_writer(results, mixtract::OutputFormat::kJsonl, {});
  if (!writer.ok()) {
    std::cerr << writer.status().message() << "\n";
    return 1;
  }
  Timings timings;
  const auto start = Clock::now();
  for (const std::filesystem::path& file : files) {
    const auto begin = Clock::now();
    mixtract::Result<mixtract::Document> document = mixtract::Document::load(file);
    timings.decode_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - begin).count());
    if (!document.ok()) {
      std::cerr << document.status().message() << "\n";
      return 1;
    }
    const mixtract::Record record = extractor->extract(*document);
    timings.total_ms.push_back(std::chrono::duration<double, std::milli>(Clock::now() - begin).count());
    for (const auto& [expert, cost] : record.expert_costs) timings.expert_ms[expert].push_back(cost.ms);
    for (const auto& [engine, cost] : record.analysis_costs)
      timings.expert_ms[std::string("page read by ").append(engine)].push_back(cost.ms);
    if (!(*writer)->write(record).ok()) return 1;
  }
  timings.seconds = std::chrono::duration<double>(Clock::now() - start).count();
  if (!(*writer)->close().ok()) return 1;

  mixtract::Result<mixtract::EvalTable> truth =
      mixtract::read_eval_table(std::filesystem::path(docs_dir) / "truth.csv");
  mixtract::Result<mixtract::EvalTable> predictions = mixtract::read_eval_table(results);
  std::filesystem::remove(results);
  if (!truth.ok() || !predictions.ok()) {
    std::cerr << (truth.ok() ? predictions.status() : truth.status()).message() << "\n";
    return 1;
  }
  print_report(name, schema_path, files.size(), timings, mixtract::evaluate(*truth, *predictions));
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("Benchmarks one route configuration on a folder of synthetic documents", "bench_extract");
  std::string schema;
  std::string docs;
  std::string name;
  std::string schools;
  std::string deps_dir = MIXTRACT_DEFAULT_DEPS_DIR;
  app.add_option("--schema", schema, "auto, a built-in schema name or a schema file holding the routes to measure")
      ->required();
  app.add_option("--schools", schools, "Schools CSV added to the built-in table (the Ministry's 2,631 schools)");
  app.add_option("--docs", docs, "Folder written by `mixtract synth` (with truth.csv)")->required();
  app.add_option("--name", name, "Route name for the table")->required();
  app.add_option("--deps-dir", deps_dir, "Folder filled by scripts/setup.sh");
  int workers = 0;
  app.add_option("--workers", workers, "Measure the batch runner on this many threads instead (one line)")
      ->check(CLI::Range(1, 256));
  CLI11_PARSE(app, argc, argv);
  return run(schema, schools, docs, name, deps_dir, workers);
}
