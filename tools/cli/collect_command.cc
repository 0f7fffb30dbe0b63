#include <chrono>
#include <filesystem>
#include <functional>
#include <iostream>
#include <map>
#include <thread>

#include "commands.h"
#include "mixtract/batch.h"
#include "mixtract/batch_outputs.h"
#include "mixtract/writers.h"
#include "queue/job_stream.h"
#include "queue/queued_document.h"
#include "queue_option.h"
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

// Waits until every document has a record or was given up on, the documents checked in input order
// (the order the workers take them in), each once it is seen done. nullopt when --wait ran out.
Result<std::optional<std::map<std::string, std::string>>> wait_for_job(JobStream& stream, const CollectOptions& options,
                                                                       const std::string& settings,
                                                                       const std::vector<QueuedDocument>& documents) {
  std::map<std::string, std::string> dead;
  const auto start = std::chrono::steady_clock::now();
  auto last_report = start;
  for (std::size_t next = 0; next < documents.size();) {
    const std::string& sha256 = documents[next].sha256;
    MIXTRACT_ASSIGN_OR_RETURN(const bool done, stream.has_result(result_key(sha256, settings)));
    if (done || dead.contains(sha256)) {
      ++next;
      continue;
    }
    MIXTRACT_ASSIGN_OR_RETURN(dead, stream.given_up(options.job));
    if (dead.contains(sha256)) continue;
    const auto now = std::chrono::steady_clock::now();
    const std::string progress =
        std::to_string(next) + " of " + std::to_string(documents.size()) + " document(s) done or given up on";
    if (options.wait_s >= 0 && std::chrono::duration<double>(now - start).count() >= options.wait_s) {
      std::cerr << "mixtract collect: job " << options.job << ": " << progress
                << "; nothing written: run collect again when the workers are through\n";
      return std::optional<std::map<std::string, std::string>>();
    }
    if (now - last_report >= std::chrono::seconds(10)) {
      std::cerr << "mixtract collect: " << progress << "\n";
      last_report = now;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(500));
  }
  MIXTRACT_ASSIGN_OR_RETURN(dead, stream.given_up(options.job));
  for (auto letter = dead.begin(); letter != dead.end();) {  // Done after all: a record beats a dead letter.
    MIXTRACT_ASSIGN_OR_RETURN(const bool done, stream.has_result(result_key(letter->first, settings)));
    letter = done ? dead.erase(letter) : std::next(letter);
  }
  return std::optional(std::move(dead));
}

using RecordOf = std::function<Result<Record>(const std::string& sha256)>;

// Writes the job's records in input order, as extract does: each content once (a later file with the
// same bytes goes to the error log as a duplicate), the documents given up on (`dead`) to the error log.
Status write_job(BatchOutputs& outputs, const std::vector<QueuedDocument>& documents,
                 const std::map<std::string, std::string>& dead, const RecordOf& record_of) {
  std::vector<std::string> hashes;
  for (const QueuedDocument& document : documents) hashes.push_back(document.sha256);
  const std::vector<std::size_t> first = first_of_each(hashes);
  std::vector<std::string> written;  // The content hash of each record written.
  for (std::size_t i = 0; i < documents.size(); ++i) {
    const QueuedDocument& document = documents[i];
    if (first[i] != i) {
      outputs.add_problem({document.path, "duplicate",
                           "the same content as " + documents[first[i]].path + ": extracted once, as that file"});
    } else if (const auto reason = dead.find(document.sha256); reason != dead.end()) {
      outputs.add_problem({document.path, "worker", reason->second});
    } else {
      MIXTRACT_ASSIGN_OR_RETURN(Record record, record_of(document.sha256));
      MIXTRACT_RETURN_IF_ERROR(outputs.add({document.path, document.person}, record));
      written.push_back(document.sha256);
    }
  }
  return outputs.finish([&](std::size_t index) { return record_of(written[index]); });
}

int run_collect(const CollectOptions& options) {
  auto fail = [](const Status& status, int code) {
    std::cerr << "mixtract collect: " << status.message() << "\n";
    return code;
  };
  Result<QueueAddress> address = parse_queue_url(options.queue);
  if (!address.ok()) return fail(address.status(), kExitUsage);
  const std::filesystem::path output(options.output);
  Result<OutputFormat> format = chosen_output_format(output, options.format);
  if (!format.ok()) return fail(format.status(), kExitUsage);
  Result<JobStream> stream = JobStream::open(*address);
  if (!stream.ok()) return fail(stream.status(), kExitFailure);
  Result<std::optional<JobStream::Job>> job = stream->job(options.job);
  if (!job.ok()) return fail(job.status(), kExitFailure);
  if (!job->has_value()) {
    return fail(
        Status::not_found("no job " + options.job + " on " + options.queue + " (the id `mixtract submit` printed)"),
        kExitUsage);
  }
  const std::string settings = field_of((*job)->facts, "settings");
  Result<std::vector<Schema>> schemas =
      load_schemas(options.schema.empty() ? field_of((*job)->facts, "schema") : options.schema);
  if (!schemas.ok()) return fail(schemas.status(), kExitUsage);
  std::vector<QueuedDocument> documents;
  for (const std::string& entry : (*job)->documents) {
    Result<QueuedDocument> document = queued_document(entry);
    if (!document.ok()) return fail(document.status(), kExitFailure);
    documents.push_back(std::move(document).value());
  }
  Result<std::optional<std::map<std::string, std::string>>> dead = wait_for_job(*stream, options, settings, documents);
  if (!dead.ok()) return fail(dead.status(), kExitFailure);
  if (!dead->has_value()) return kExitFailure;
  const RecordOf record_of = [&](const std::string& sha256) -> Result<Record> {
    MIXTRACT_ASSIGN_OR_RETURN(std::optional<std::string> json, stream->result(result_key(sha256, settings)));
    if (!json) return Status::unavailable("the result of " + sha256 + " vanished from " + options.queue);
    return record_from_json(*json);
  };
  Result<std::unique_ptr<BatchOutputs>> outputs = BatchOutputs::open({output, *format, options.per_person}, *schemas);
  if (!outputs.ok()) return fail(outputs.status(), kExitFailure);
  if (Status written = write_job(**outputs, documents, **dead, record_of); !written.ok()) {
    return fail(written, kExitFailure);
  }
  const BatchOutputs& out = **outputs;
  const std::size_t failed = out.problems("worker");
  std::cout << "job " << options.job << ": " << out.written() << " document(s) written, " << out.problems("recognise")
            << " of an unrecognised kind, " << failed << " given up on by the workers";
  if (out.problems("duplicate") > 0) {
    std::cout << ", " << out.problems("duplicate") << " duplicate(s) of another file, extracted once";
  }
  std::cout << "\n" << where_outputs_are(out);
  return failed + out.problems("recognise") == 0 ? kExitOk : kExitFailure;
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
