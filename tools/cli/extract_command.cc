#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <iostream>

#include <spdlog/spdlog.h>

#include "commands.h"
#include "core/text_encoding.h"
#include "extract_setup.h"
#include "io/inputs.h"
#include "io/job_store.h"
#include "mixtract/batch.h"
#include "mixtract/extractor.h"
#include "mixtract/persons.h"
#include "mixtract/writers.h"
#include "ocr/ocr_service.h"
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
std::string ocr_summary(const OcrService& ocr) {
  const OcrService::Counts counts = ocr.counts();
  if (counts.computed + counts.cache_hits == 0) return "";
  return "OCR: " + std::to_string(counts.computed) + " page read(s), " + std::to_string(counts.cache_hits) +
         " from the cache\n";
}

// The documents to extract: each content once. A document with the same content as an earlier one is
// left out and listed in `errors` (file, stage, reason).
std::vector<InputDocument> without_duplicates(const std::vector<InputDocument>& documents,
                                              std::vector<std::vector<std::string>>& errors) {
  std::vector<std::filesystem::path> paths;
  for (const InputDocument& document : documents) paths.push_back(document.path);
  const std::vector<std::size_t> first = first_with_same_content(paths);
  std::vector<InputDocument> unique;
  for (std::size_t i = 0; i < documents.size(); ++i) {
    if (first[i] == i) {
      unique.push_back(documents[i]);
    } else {
      errors.push_back({paths[i].string(), "duplicate",
                        "the same content as " + paths[first[i]].string() + ": extracted once, as that file"});
    }
  }
  return unique;
}

// What the closing lines report.
struct Counts {
  std::size_t written = 0;
  std::size_t unrecognised = 0;
  std::size_t failed = 0;
  std::size_t duplicates = 0;
  std::size_t persons_with_conflicts = 0;
};

// The results file, its folder made first when missing.
Result<std::unique_ptr<RecordWriter>> open_output(const std::filesystem::path& output, OutputFormat format,
                                                  std::span<const Schema> schemas) {
  std::error_code ec;
  if (output.has_parent_path()) std::filesystem::create_directories(output.parent_path(), ec);
  if (ec) return Status::io_error("cannot create the folder of " + output.string() + ": " + ec.message());
  return open_writer(output, format, schemas);
}

// The job store beside the results (every result stored as it is handed back; with `resume`, the documents
// stored as done are not read again); a store of other settings is emptied, and the user told.
Result<std::unique_ptr<JobStore>> open_job_store(const std::filesystem::path& file, bool resume,
                                                 const std::string& fingerprint) {
  MIXTRACT_ASSIGN_OR_RETURN(std::unique_ptr<JobStore> store, JobStore::open(file, !resume, fingerprint));
  if (store->emptied_for_other_settings()) {
    std::cerr << "mixtract extract: " << file.string()
              << " was written with other settings (version, schema, routes, tables, models or LLM): every "
                 "document is read again\n";
  }
  return store;
}

// The documents to read: each content once. The inputs' problems and the duplicates left out are counted
// and listed in `errors`.
std::vector<InputDocument> documents_to_read(const InputList& inputs, Counts& counts, ErrorRows& errors) {
  counts.failed = inputs.problems.size();
  for (const Status& problem : inputs.problems) errors.push_back({"", "input", problem.message()});
  std::vector<InputDocument> documents = without_duplicates(inputs.documents, errors);
  counts.duplicates = inputs.documents.size() - documents.size();
  return documents;
}

// The record of the document `facts[index]` tells of, as the job store holds it.
RecordLookup lookup_in(const JobStore& store, const std::vector<DocumentFacts>& facts) {
  return [&store, &facts](std::size_t index) -> Result<Record> {
    MIXTRACT_ASSIGN_OR_RETURN(std::optional<std::string> json, store.done(facts[index].source));
    if (!json) return Status::internal("a result vanished from the job store: " + facts[index].source);
    return record_from_json(*json);
  };
}

// What becomes of each record a batch hands back: written, counted, its failure or unknown kind logged as
// an error row, its first rows kept for the printed table and its facts for the per-person table.
struct Intake {
  RecordWriter& writer;
  const std::vector<InputDocument>& documents;
  const std::vector<bool>& stored;  // Done before this run (--resume): no progress to show for them.
  Progress& progress;
  Counts& counts;
  ErrorRows& errors;
  std::vector<std::vector<std::string>> table;
  std::vector<DocumentFacts> facts;  // A few strings per document.

  Status take(std::size_t index, Result<Record> record) {
    if (!stored[index]) progress.advance(!record.ok() || record->schema.empty());
    if (!record.ok()) {
      progress.clear();
      std::cerr << "mixtract extract: skipped " << record.status().message() << "\n";
      ++counts.failed;
      errors.push_back({readable_name(documents[index].path.string()), "read", record.status().message()});
      return Status();
    }
    for (const std::string& warning : record->warnings)
      progress.clear(), spdlog::warn("{}: {}", record->source, warning);
    MIXTRACT_RETURN_IF_ERROR(writer.write(*record));
    ++counts.written;
    if (record->schema.empty()) {
      ++counts.unrecognised;
      errors.push_back({record->source, "recognise", record->schema_reason});
    }
    if (table.size() <= kPrintedRows) table.push_back(printed_row(*record, table[0]));
    facts.push_back(facts_of(*record, documents[index].person));
    return Status();
  }
};

// The closing lines: the first rows, what the marks mean, the counts, OCR's work and where the outputs are.
void print_summary(const Intake& intake, const Extractor& extractor, const OcrService& ocr, const RunOutputs& outputs) {
  const Counts& counts = intake.counts;
  if (intake.table.size() > 1) std::cout << format_table(intake.table) << "\n";
  if (counts.written > kPrintedRows) {
    std::cout << "(the first " << kPrintedRows << " documents; all are in the results)\n";
  }
  std::cout << "value? = needs review, - = not found";
  if (extractor.schemas().size() > 1) std::cout << ", 文书类型 ? = kind not recognised";
  std::cout << "\n"
            << counts.written << " document(s) extracted, " << counts.unrecognised << " of an unrecognised kind, "
            << counts.failed << " failed";
  if (counts.duplicates > 0) std::cout << ", " << counts.duplicates << " duplicate(s) of another file, extracted once";
  std::cout << "\n"
            << ocr_summary(ocr) << where_outputs_are(outputs, intake.errors.size() > 1, counts.persons_with_conflicts);
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
  Result<std::unique_ptr<RecordWriter>> writer = open_output(output, *format, extractor.schemas());
  if (!writer.ok()) return fail(writer.status(), kExitUsage);
  const std::filesystem::path store_file = output.string() + ".job.sqlite";
  Result<std::unique_ptr<JobStore>> store =
      open_job_store(store_file, options.resume, settings_fingerprint(options.settings, global));
  if (!store.ok()) return fail(store.status(), kExitUsage);
  // A failure to write loses nothing: what was extracted is in the job store.
  auto fail_keeping_work = [&](const Status& status) {
    return fail(Status::io_error(status.message() + "; the documents extracted so far are kept in " +
                                 store_file.string() + ": run again with --resume once that is mended"),
                kExitFailure);
  };

  Counts counts;
  ErrorRows errors{{"文件", "阶段", "原因"}};
  const std::vector<InputDocument> documents = documents_to_read(*inputs, counts, errors);
  std::vector<std::filesystem::path> files;
  for (const InputDocument& document : documents) files.push_back(document.path);
  Result<std::vector<bool>> stored = options.resume ? held_in(**store, files) : std::vector<bool>(files.size());
  if (!stored.ok()) return fail_keeping_work(stored.status());
  Progress progress(static_cast<std::size_t>(std::count(stored->begin(), stored->end(), false)), std::cerr,
                    ::isatty(STDERR_FILENO) != 0);
  Intake intake{**writer, documents, *stored, progress, counts, errors, {results_header(extractor.schemas())}, {}};
  const Status batch =
      run_batch(extractor, files, *stored, setup->workers, **store,
                [&](std::size_t index, Result<Record> record) { return intake.take(index, std::move(record)); });
  progress.finish();
  if (!batch.ok()) return fail_keeping_work(batch);

  const RunOutputs outputs{output, *format, options.per_person};
  if (Status status = finish_outputs(**writer, outputs, intake.facts, lookup_in(**store, intake.facts),
                                     extractor.schemas(), errors, counts.persons_with_conflicts);
      !status.ok()) {
    return fail_keeping_work(status);
  }
  print_summary(intake, extractor, setup->engine->ocr(), outputs);
  return counts.failed + counts.unrecognised == 0 ? kExitOk : kExitFailure;
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
