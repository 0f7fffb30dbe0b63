#include <chrono>
#include <filesystem>
#include <iostream>
#include <map>
#include <set>
#include <thread>

#include "commands.h"
#include "mixtract/persons.h"
#include "mixtract/writers.h"
#include "queue/job_stream.h"
#include "queue_job.h"
#include "run_outputs.h"

namespace mixtract::cli {
namespace {

struct CollectOptions {
  std::string queue;
  std::string job;
  std::string schema;
  std::string output;
  std::string format;
  std::string per_person;
  double wait_s = -1;  // < 0: until every document is done or dead-lettered.
};

std::string fact(const JobStream::Job& job, std::string_view name) {
  for (const auto& [key, value] : job.facts) {
    if (key == name) return value;
  }
  return "";
}

// Where each of a job's documents stands: its record's JSON, or why it was given up.
struct Outcomes {
  std::map<std::string, std::string> records;  // By content hash.
  std::map<std::string, std::string> dead;     // By content hash: the reason.
};

// Reads what is new since `outcomes` was last filled.
Status update(JobStream& stream, const std::string& job_id, const std::string& settings,
              const std::vector<QueuedDocument>& documents, Outcomes& outcomes) {
  MIXTRACT_ASSIGN_OR_RETURN(std::vector<QueueFields> letters, stream.dead_letter_list());
  for (const QueueFields& letter : letters) {
    std::string job, sha256, reason;
    for (const auto& [key, value] : letter) {
      if (key == "job") job = value;
      if (key == "sha256") sha256 = value;
      if (key == "reason") reason = value;
    }
    if (job == job_id) outcomes.dead.emplace(sha256, reason);
  }
  for (const QueuedDocument& document : documents) {
    if (outcomes.records.contains(document.sha256)) continue;
    MIXTRACT_ASSIGN_OR_RETURN(std::optional<std::string> record, stream.result(result_key(document.sha256, settings)));
    if (record) outcomes.records.emplace(document.sha256, std::move(*record));
  }
  return Status();
}

int run_collect(const CollectOptions& options) {
  auto fail = [](const Status& status, int code) {
    std::cerr << "mixtract collect: " << status.message() << "\n";
    return code;
  };
  Result<QueueAddress> address = parse_queue_url(options.queue);
  if (!address.ok()) return fail(address.status(), kExitUsage);
  const std::filesystem::path output(options.output);
  OutputFormat format = output_format_of(output);
  if (!options.format.empty()) {
    Result<OutputFormat> chosen = parse_output_format(options.format);
    if (!chosen.ok()) return fail(chosen.status(), kExitUsage);
    format = *chosen;
  }
  Result<JobStream> stream = JobStream::open(*address);
  if (!stream.ok()) return fail(stream.status(), kExitFailure);
  Result<std::optional<JobStream::Job>> job = stream->job(options.job);
  if (!job.ok()) return fail(job.status(), kExitFailure);
  if (!job->has_value()) {
    return fail(
        Status::not_found("no job " + options.job + " on " + options.queue + " (the id `mixtract submit` printed)"),
        kExitUsage);
  }
  const std::string settings = fact(**job, "settings");
  Result<std::vector<Schema>> schemas = load_schemas(options.schema.empty() ? fact(**job, "schema") : options.schema);
  if (!schemas.ok()) return fail(schemas.status(), kExitUsage);
  std::vector<QueuedDocument> documents;
  for (const std::string& entry : (*job)->documents) {
    Result<QueuedDocument> document = queued_document(entry);
    if (!document.ok()) return fail(document.status(), kExitFailure);
    documents.push_back(std::move(document).value());
  }
  std::set<std::string> contents;
  for (const QueuedDocument& document : documents) contents.insert(document.sha256);

  // Wait until every content has a record or was given up on.
  Outcomes outcomes;
  const auto start = std::chrono::steady_clock::now();
  auto last_report = start;
  for (;;) {
    if (Status status = update(*stream, options.job, settings, documents, outcomes); !status.ok()) {
      return fail(status, kExitFailure);
    }
    std::size_t finished = 0;
    for (const std::string& sha256 : contents) {
      finished += outcomes.records.contains(sha256) || outcomes.dead.contains(sha256) ? 1u : 0u;
    }
    if (finished == contents.size()) break;
    const auto now = std::chrono::steady_clock::now();
    const double waited = std::chrono::duration<double>(now - start).count();
    const std::string progress = std::to_string(finished) + " of " + std::to_string(contents.size()) +
                                 " distinct document(s) done or given up on";
    if (options.wait_s >= 0 && waited >= options.wait_s) {
      return fail(Status::unavailable("job " + options.job + ": " + progress +
                                      "; nothing written: run collect again when the workers are through"),
                  kExitFailure);
    }
    if (now - last_report >= std::chrono::seconds(10)) {
      std::cerr << "mixtract collect: " << progress << "\n";
      last_report = now;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }

  std::error_code ec;
  if (output.has_parent_path()) std::filesystem::create_directories(output.parent_path(), ec);
  Result<std::unique_ptr<RecordWriter>> writer = open_writer(output, format, *schemas);
  if (!writer.ok()) return fail(writer.status(), kExitUsage);
  ErrorRows errors{{"文件", "阶段", "原因"}};
  std::vector<DocumentFacts> facts;
  std::vector<std::string> fact_contents;  // The content hash of each of `facts`.
  std::map<std::string, std::string> first_path;
  std::size_t written = 0, unrecognised = 0, failed = 0, duplicates = 0;
  for (const QueuedDocument& document : documents) {
    const auto [first, added] = first_path.emplace(document.sha256, document.path);
    if (!added) {
      errors.push_back(
          {document.path, "duplicate", "the same content as " + first->second + ": extracted once, as that file"});
      ++duplicates;
      continue;
    }
    if (const auto dead = outcomes.dead.find(document.sha256); !outcomes.records.contains(document.sha256)) {
      errors.push_back({document.path, "worker", dead->second});
      ++failed;
      continue;
    }
    Result<Record> record = record_from_json(outcomes.records.at(document.sha256));
    if (!record.ok()) return fail(record.status(), kExitFailure);
    if (Status status = (*writer)->write(*record); !status.ok()) return fail(status, kExitFailure);
    ++written;
    if (record->schema.empty()) {
      ++unrecognised;
      errors.push_back({record->source, "recognise", record->schema_reason});
    }
    facts.push_back(facts_of(*record, document.person));
    fact_contents.push_back(document.sha256);
  }
  const RecordLookup stored = [&](std::size_t index) {
    return record_from_json(outcomes.records.at(fact_contents[index]));
  };
  const RunOutputs outputs{output, format, options.per_person};
  std::size_t persons_with_conflicts = 0;
  if (Status status = finish_outputs(**writer, outputs, facts, stored, *schemas, errors, persons_with_conflicts);
      !status.ok()) {
    return fail(status, kExitFailure);
  }
  std::cout << "job " << options.job << ": " << written << " document(s) written, " << unrecognised
            << " of an unrecognised kind, " << failed << " given up on by the workers";
  if (duplicates > 0) std::cout << ", " << duplicates << " duplicate(s) of another file, extracted once";
  std::cout << "\nresults: " << output.string() << "\n";
  if (errors.size() > 1) std::cout << "errors:  " << outputs.error_log().string() << "\n";
  if (outputs.persons_wanted()) {
    std::cout << "per person: " << (options.per_person.empty() ? output.string() + " (sheet 人员)" : options.per_person)
              << ", " << persons_with_conflicts << " person(s) with conflicts to check\n";
  }
  return failed + unrecognised == 0 ? kExitOk : kExitFailure;
}

}  // namespace

void add_collect_command(CLI::App& app, const ConfigValues& config, int& exit_code) {
  auto options = std::make_shared<CollectOptions>();
  CLI::App* sub = app.add_subcommand("collect", "Write the results of a job the workers have done");
  add_queue_option(*sub, options->queue);
  sub->add_option("--job", options->job, "The job's id, as `mixtract submit` printed it")->required();
  add_option(*sub, kOutputOption, options->output, config);
  add_option(*sub, kFormatOption, options->format, config);
  sub->add_option("--schema", options->schema,
                  "The schemas whose fields make the CSV and XLSX columns; default: those given to submit");
  sub->add_option("--per-person", options->per_person,
                  "Also write one row per person (format from the extension), as extract does");
  sub->add_option("--wait", options->wait_s,
                  "Seconds to wait for the workers to finish the job (progress every 10 s on stderr); default: "
                  "as long as it takes")
      ->check(CLI::Range(0.0, 1e9));
  sub->footer(
      "Writes the job's records in its input order, in the formats of extract (JSONL, CSV, XLSX with the "
      "sheets 人员 and 错误; <output>.errors.csv), once every document has a result or was given up on "
      "(dead-lettered, with the reason in the error log). A file with the same content as an earlier one "
      "is extracted once, as extract does. Exit code: 0 all written, 1 some given up on or of no known "
      "kind, or --wait ran out (nothing written), 2 bad options or no such job.");
  sub->callback([options, &exit_code] { exit_code = run_collect(*options); });
}

}  // namespace mixtract::cli
