#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include <spdlog/spdlog.h>

#include "commands.h"
#include "extract_setup.h"
#include "mixtract/batch.h"
#include "mixtract/batch_outputs.h"
#include "mixtract/engine.h"
#include "mixtract/extractor.h"
#include "mixtract/inputs.h"
#include "mixtract/writers.h"
#include "progress.h"
#include "run_outputs.h"
#include "table.h"

namespace mixtract::cli {
namespace {

struct ExtractOptions {
  std::vector<std::string> inputs;
  std::string manifest;
  std::string output;
  std::string format;
  ExtractSettings settings;
  std::string per_person;
  bool resume = false;
};

// Documents shown in the printed table; the results file holds all.
constexpr std::size_t kPrintedRows = 100;

// A table cell: the value, "?" after it when it needs review, "-" when missing.
std::string cell(const FieldResult& field) {
  switch (field.status) {
    case FieldStatus::kAccepted: return field.value;
    case FieldStatus::kNeedsReview: return field.value + "?";
    case FieldStatus::kMissing: break;
  }
  return "-";
}

// The printed row of a record under the results table's header.
std::vector<std::string> printed_row(const Record& record, const std::vector<std::string>& header) {
  std::vector<std::string> row(header.size(), "");
  row[0] = std::filesystem::path(record.source).filename().string();
  for (std::size_t c = 1; c < header.size(); ++c) {
    if (header[c] == "文书类型") row[c] = record.schema_title.empty() ? "?" : record.schema_title;
    for (const FieldResult& field : record.fields) {
      if (field.label == header[c]) row[c] = cell(field);
    }
  }
  return row;
}

// "OCR: 3 page read(s), 5 from the cache\n", or "" when nothing was read.
std::string ocr_summary(const Engine::PageReads& pages) {
  if (pages.read + pages.from_cache == 0) return "";
  return "OCR: " + std::to_string(pages.read) + " page read(s), " + std::to_string(pages.from_cache) +
         " from the cache\n";
}

// The batch beside the results (every result stored as it is handed back; with `resume`, the documents
// stored as done are not read again); a store of other settings is emptied, and the user told.
Result<std::unique_ptr<Batch>> open_batch(const std::filesystem::path& store, bool resume,
                                          const std::string& fingerprint) {
  MIXTRACT_ASSIGN_OR_RETURN(std::unique_ptr<Batch> batch, Batch::open(store, resume, fingerprint));
  if (batch->emptied_for_other_settings()) {
    std::cerr << "mixtract extract: " << store.string()
              << " was written with other settings (version, schema, routes, tables, models or LLM): every "
                 "document is read again\n";
  }
  return batch;
}

// What becomes of each record the batch hands back: counted in the progress line, its warnings logged,
// written (a failure to read logged as a problem instead), its first rows kept for the printed table.
struct Intake {
  BatchOutputs& outputs;
  const BatchPlan& plan;
  Progress& progress;
  std::vector<std::vector<std::string>> table;

  Status take(std::size_t index, Result<Record> record) {
    if (!plan.stored[index]) progress.advance(!record.ok() || record->schema.empty());
    if (!record.ok()) {
      progress.clear();
      std::cerr << "mixtract extract: skipped " << record.status().message() << "\n";
    } else {
      for (const std::string& warning : record->warnings)
        progress.clear(), spdlog::warn("{}: {}", record->source, warning);
      if (table.size() <= kPrintedRows) table.push_back(printed_row(*record, table[0]));
    }
    return outputs.add(plan.documents[index], record);
  }
};

// The closing lines: the first rows, what the marks mean, the counts, OCR's work and where the outputs are.
void print_summary(const Intake& intake, const Extractor& extractor, const Engine::PageReads& pages) {
  const BatchOutputs& outputs = intake.outputs;
  if (intake.table.size() > 1) std::cout << format_table(intake.table) << "\n";
  if (outputs.written() > kPrintedRows) {
    std::cout << "(the first " << kPrintedRows << " documents; all are in the results)\n";
  }
  std::cout << "value? = needs review, - = not found";
  if (extractor.schemas().size() > 1) std::cout << ", 文书类型 ? = kind not recognised";
  std::cout << "\n"
            << outputs.written() << " document(s) extracted, " << outputs.problems("recognise")
            << " of an unrecognised kind, " << outputs.problems("input") + outputs.problems("read") << " failed";
  if (!intake.plan.duplicates.empty()) {
    std::cout << ", " << intake.plan.duplicates.size() << " duplicate(s) of another file, extracted once";
  }
  std::cout << "\n" << ocr_summary(pages) << where_outputs_are(outputs);
}

int run_extract(const ExtractOptions& options, const GlobalOptions& global) {
  auto fail = [](const Status& status, int code) {
    std::cerr << "mixtract extract: " << status.message() << "\n";
    return code;
  };
  const std::filesystem::path output(options.output);
  Result<OutputFormat> format = chosen_output_format(output, options.format);
  if (!format.ok()) return fail(format.status(), kExitUsage);
  Result<InputList> inputs = named_inputs(options.inputs, options.manifest);
  if (!inputs.ok()) return fail(inputs.status(), kExitUsage);
  Result<ExtractorSetup> setup = make_extractor(options.settings, global, inputs->documents.size());
  if (!setup.ok()) return fail(setup.status(), kExitUsage);
  const Extractor& extractor = *setup->extractor;
  for (const Status& problem : inputs->problems) std::cerr << "mixtract extract: " << problem.message() << "\n";
  if (inputs->documents.empty()) {
    return fail(Status::invalid_argument("no documents to read (give image or PDF files, folders holding them, "
                                         "patterns, or a manifest)"),
                kExitUsage);
  }
  Result<std::unique_ptr<BatchOutputs>> outputs =
      BatchOutputs::open({output, *format, options.per_person}, extractor.schemas());
  if (!outputs.ok()) return fail(outputs.status(), kExitUsage);
  const std::filesystem::path store = output.string() + ".job.sqlite";
  Result<std::unique_ptr<Batch>> batch =
      open_batch(store, options.resume, settings_fingerprint(options.settings, global));
  if (!batch.ok()) return fail(batch.status(), kExitUsage);
  // A failure to write loses nothing: what was extracted is in the job store.
  auto fail_keeping_work = [&](const Status& status) {
    return fail(Status::io_error(status.message() + "; the documents extracted so far are kept in " + store.string() +
                                 ": run again with --resume once that is mended"),
                kExitFailure);
  };

  for (const Status& problem : inputs->problems) (*outputs)->add_problem({"", "input", problem.message()});
  Result<BatchPlan> plan = (*batch)->plan(inputs->documents);
  if (!plan.ok()) return fail_keeping_work(plan.status());
  for (const BatchProblem& duplicate : plan->duplicates) (*outputs)->add_problem(duplicate);
  Progress progress(plan->to_extract(), std::cerr, ::isatty(STDERR_FILENO) != 0);
  Intake intake{**outputs, *plan, progress, {results_header(extractor.schemas())}};
  const Status run = (*batch)->run(extractor, *plan, setup->workers, [&](std::size_t index, Result<Record> record) {
    return intake.take(index, std::move(record));
  });
  progress.finish();
  if (!run.ok()) return fail_keeping_work(run);
  const RecordLookup stored = [&](std::size_t index) { return (*batch)->stored((*outputs)->facts()[index].source); };
  if (Status finished = (*outputs)->finish(stored); !finished.ok()) return fail_keeping_work(finished);
  print_summary(intake, extractor, setup->engine->page_reads());
  const std::size_t failed = (*outputs)->problems("input") + (*outputs)->problems("read");
  return failed + (*outputs)->problems("recognise") == 0 ? kExitOk : kExitFailure;
}

}  // namespace

void add_extract_command(CLI::App& app, const GlobalOptions& global, const ConfigValues& config, int& exit_code) {
  auto options = std::make_shared<ExtractOptions>();
  CLI::App* sub = app.add_subcommand("extract", "Extract the fields of documents from their images");
  sub->add_option("inputs", options->inputs,
                  "Image or PDF files (each page a document), folders (searched recursively), or patterns "
                  "such as 'scans/**/*.jpg'");
  sub->add_option("--manifest", options->manifest,
                  "A CSV or XLSX table of the documents: a path column (文件, 路径, path or file; relative to "
                  "the table's folder) and optionally a person column (人员, 姓名, person or name)");
  add_option(*sub, kOutputOption, options->output, config);
  add_option(*sub, kFormatOption, options->format, config);
  add_extract_settings(*sub, options->settings, config);
  sub->add_flag("--resume", options->resume,
                "Go on with the run that wrote the same output file: documents done are taken from its job "
                "store (<output>.job.sqlite), the rest are extracted; files replaced since are read again, and "
                "so is every file when the version, schema, routes, tables, models or LLM differ");
  sub->add_option("--per-person", options->per_person,
                  "Also write one row per person (format from the extension): the document holding the "
                  "person's highest degree, why, and any conflicts");
  sub->footer(
      "Writes every field of every document with its value, confidence, status (accepted, needs_review, "
      "missing), the reason, the expert and its evidence (JSONL), or one row per document (CSV, XLSX: 文件, "
      "文书类型 and the fields' Chinese names; an XLSX workbook adds the sheets 人员, one row per person, and "
      "错误, the errors), and prints the table. A document that cannot be read is reported and skipped, the "
      "others are still written; <output>.errors.csv lists each failure (file, stage, reason). Progress goes "
      "to stderr: a line redrawn on a terminal, else a line every 30 s. Exit code: 0 all extracted, 1 some "
      "failed or were of no known kind, or the output could not be written (what was extracted is kept in "
      "<output>.job.sqlite for --resume), 2 bad options or inputs.");
  sub->callback([options, &global, &exit_code] { exit_code = run_extract(*options, global); });
}

}  // namespace mixtract::cli
