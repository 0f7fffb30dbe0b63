#include <filesystem>
#include <iostream>

#include <spdlog/spdlog.h>

#include "commands.h"
#include "inputs.h"
#include "mixtract/extractor.h"
#include "mixtract/writers.h"
#include "table.h"

namespace mixtract::cli {
namespace {

struct ExtractOptions {
  std::vector<std::string> inputs;
  std::string schema;
  std::string out_dir;
  OcrArgs ocr;
};

// A table cell: the value, "?" after it when it needs review, "-" when missing.
std::string cell(const FieldResult& field) {
  switch (field.status) {
    case FieldStatus::kAccepted: return field.value;
    case FieldStatus::kNeedsReview: return field.value + "?";
    case FieldStatus::kMissing: break;
  }
  return "-";
}

// "OCR: 3 page read(s), 5 from the cache\n", or "" when nothing was read.
std::string ocr_summary(const OcrService& ocr) {
  const OcrService::Counts counts = ocr.counts();
  if (counts.computed + counts.cache_hits == 0) return "";
  return "OCR: " + std::to_string(counts.computed) + " page read(s), " + std::to_string(counts.cache_hits) +
         " from the cache\n";
}

int run_extract(const ExtractOptions& options, const GlobalOptions& global) {
  Result<Schema> schema = load_schema(options.schema);
  if (!schema.ok()) {
    std::cerr << "mixtract extract: " << schema.status().message() << "\n";
    return kExitUsage;
  }
  ExpertOptions expert_options;
  expert_options.deps_dir = global.deps_dir;
  expert_options.threads = options.ocr.threads;
  expert_options.ocr = make_ocr_service(global, options.ocr);
  Result<Extractor> extractor = Extractor::create(*std::move(schema), ExpertRegistry::with_builtins(), expert_options);
  if (!extractor.ok()) {
    std::cerr << "mixtract extract: " << extractor.status().message() << "\n";
    return kExitUsage;
  }

  InputList inputs = collect_inputs(options.inputs);
  for (const Status& problem : inputs.problems) std::cerr << "mixtract extract: " << problem.message() << "\n";
  if (inputs.files.empty()) {
    std::cerr << "mixtract extract: no documents to read (give image files or folders holding images)\n";
    return kExitUsage;
  }

  const std::filesystem::path out_dir(options.out_dir);
  std::error_code ec;
  std::filesystem::create_directories(out_dir, ec);
  if (ec) {
    std::cerr << "mixtract extract: cannot create output folder " << out_dir.string() << ": " << ec.message() << "\n";
    return kExitUsage;
  }
  const std::filesystem::path jsonl_path = out_dir / "results.jsonl";
  const std::filesystem::path csv_path = out_dir / "results.csv";
  Result<std::unique_ptr<RecordWriter>> jsonl = open_jsonl_writer(jsonl_path);
  Result<std::unique_ptr<RecordWriter>> csv = open_csv_writer(csv_path, extractor->schema());
  for (const Status& status : {jsonl.status(), csv.status()}) {
    if (!status.ok()) {
      std::cerr << "mixtract extract: " << status.message() << "\n";
      return kExitUsage;
    }
  }

  std::vector<std::vector<std::string>> table{{"文件"}};
  for (const FieldSpec& field : extractor->schema().fields) table[0].push_back(field.label);
  std::size_t failed = inputs.problems.size();
  std::size_t written = 0;
  for (const std::filesystem::path& file : inputs.files) {
    Result<Document> document = Document::load(file);
    if (!document.ok()) {
      std::cerr << "mixtract extract: skipped " << document.status().message() << "\n";
      ++failed;
      continue;
    }
    const Record record = extractor->extract(*document);
    for (const std::string& warning : record.warnings) spdlog::warn("{}: {}", record.source, warning);
    for (RecordWriter* writer : {jsonl->get(), csv->get()}) {
      if (Status status = writer->write(record); !status.ok()) {
        std::cerr << "mixtract extract: " << status.message() << "\n";
        return kExitFailure;
      }
    }
    ++written;
    std::vector<std::string> row{file.filename().string()};
    for (const FieldResult& field : record.fields) row.push_back(cell(field));
    table.push_back(std::move(row));
  }
  for (RecordWriter* writer : {jsonl->get(), csv->get()}) {
    if (Status status = writer->close(); !status.ok()) {
      std::cerr << "mixtract extract: " << status.message() << "\n";
      return kExitFailure;
    }
  }

  std::cout << format_table(table) << "\n"
            << "value? = needs review, - = not found\n"
            << written << " document(s) extracted, " << failed << " failed\n"
            << ocr_summary(*expert_options.ocr) << "results: " << jsonl_path.string() << "\n"
            << "table:   " << csv_path.string() << "\n";
  return failed == 0 ? kExitOk : kExitFailure;
}

}  // namespace

void add_extract_command(CLI::App& app, const GlobalOptions& global, const ConfigValues& config, int& exit_code) {
  auto options = std::make_shared<ExtractOptions>();
  CLI::App* sub = app.add_subcommand("extract", "Extract the fields of a schema from document images");
  sub->add_option("inputs", options->inputs, "Image files or folders (searched recursively)")->required();
  add_option(*sub, kSchemaOption, options->schema, config);
  add_option(*sub, kOutDirOption, options->out_dir, config);
  add_ocr_options(*sub, options->ocr, config);
  sub->footer(
      "Writes <out>/results.jsonl (every field with confidence, status and evidence) and <out>/results.csv "
      "(one row per document), and prints the table. A document that cannot be read is reported and "
      "skipped; the others are still written. Exit code: 0 all extracted, 1 some failed, 2 bad options.");
  sub->callback([options, &global, &exit_code] { exit_code = run_extract(*options, global); });
}

}  // namespace mixtract::cli
