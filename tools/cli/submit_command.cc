#include <chrono>
#include <cstdio>
#include <ctime>
#include <filesystem>
#include <iostream>
#include <random>
#include <set>

#include "commands.h"
#include "core/sha256.h"
#include "extract_setup.h"
#include "io/table_file.h"
#include "mixtract/document.h"
#include "mixtract/inputs.h"
#include "queue/job_stream.h"
#include "queue/queued_document.h"
#include "queue_option.h"

namespace mixtract::cli {
namespace {

struct SubmitOptions {
  std::vector<std::string> inputs;
  std::string manifest;
  std::string queue;
  int inline_kb = 0;
  ExtractSettings settings;
};

// The file's bytes when it is an image of at most `limit_kb` KiB whose content hash is theirs (a page of
// a PDF has a hash of its own, and travels by path); "" otherwise.
std::string inline_bytes(const std::filesystem::path& path, const std::string& sha256, int limit_kb) {
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec || size == 0 || size > static_cast<std::uintmax_t>(limit_kb) * 1024) return "";
  Result<std::string> bytes = read_text_file(path);
  return bytes.ok() && sha256_hex(*bytes) == sha256 ? *bytes : "";
}

// A job id that sorts by time, its random tail telling apart jobs of one second: 20261203-190641-3f9a2c.
std::string new_job_id() {
  const std::time_t now = std::chrono::system_clock::to_time_t(std::chrono::system_clock::now());
  std::tm utc{};
  gmtime_r(&now, &utc);
  char stamp[32];
  std::strftime(stamp, sizeof stamp, "%Y%m%d-%H%M%S", &utc);
  std::random_device random;
  char tail[8];
  std::snprintf(tail, sizeof tail, "%06x", random() & 0xffffffu);
  return std::string(stamp) + "-" + tail;
}

int run_submit(const SubmitOptions& options, const GlobalOptions& global) {
  auto fail = [](const Status& status, int code) {
    std::cerr << "mixtract submit: " << status.message() << "\n";
    return code;
  };
  Result<QueueAddress> address = parse_queue_url(options.queue);
  if (!address.ok()) return fail(address.status(), kExitUsage);
  // The workers build the extractor; a schema or routes file that cannot be read is said here already.
  if (Status schemas = settings_schemas(options.settings).status(); !schemas.ok()) return fail(schemas, kExitUsage);
  Result<InputList> inputs = named_inputs(options.inputs, options.manifest);
  if (!inputs.ok()) return fail(inputs.status(), kExitUsage);
  std::size_t failed = inputs->problems.size();
  for (const Status& problem : inputs->problems) std::cerr << "mixtract submit: " << problem.message() << "\n";
  JobStream::Job job;
  std::vector<QueuedDocument> documents;
  for (const BatchDocument& input : inputs->documents) {
    Result<std::string> hash = content_hash_of(input.path);
    if (!hash.ok()) {
      std::cerr << "mixtract submit: skipped " << hash.status().message() << "\n";
      ++failed;
      continue;
    }
    std::error_code ec;
    const std::filesystem::path absolute = std::filesystem::absolute(input.path, ec);
    documents.push_back({(ec ? input.path : absolute).string(), *hash, input.person});
    job.documents.push_back(entry_of(documents.back()));
  }
  if (documents.empty()) return fail(Status::invalid_argument("no documents to submit"), kExitUsage);

  Result<JobStream> stream = JobStream::open(*address);
  if (!stream.ok()) return fail(stream.status(), kExitFailure);
  const std::string id = new_job_id();
  const std::string settings = settings_fingerprint(options.settings, global);
  job.facts = {{"settings", settings}, {"schema", options.settings.schema}};
  if (Status status = stream->put_job(id, job); !status.ok()) return fail(status, kExitFailure);
  std::set<std::string> queued;  // Each content once: its result serves every file that holds it.
  for (const QueuedDocument& document : documents) {
    if (!queued.insert(document.sha256).second) continue;
    QueueFields message = {{"job", id}, {"path", document.path}, {"sha256", document.sha256}, {"settings", settings}};
    if (options.inline_kb > 0) {
      if (std::string bytes = inline_bytes(document.path, document.sha256, options.inline_kb); !bytes.empty()) {
        message.emplace_back("bytes", std::move(bytes));
      }
    }
    Result<std::string> added = stream->add(message);
    if (!added.ok()) {
      return fail(
          Status::unavailable(added.status().message() + " (job " + id + ": " + std::to_string(queued.size() - 1) +
                              " of " + std::to_string(documents.size()) + " documents queued)"),
          kExitFailure);
    }
  }
  std::cout << "job " << id << ": " << documents.size() << " document(s), " << queued.size() << " distinct, queued on "
            << options.queue << "\n"
            << "collect with: mixtract collect --queue " << options.queue << " --job " << id << " -o results.xlsx\n";
  return failed == 0 ? kExitOk : kExitFailure;
}

}  // namespace

void add_submit_command(CLI::App& app, const GlobalOptions& global, const ConfigValues& config, int& exit_code) {
  auto options = std::make_shared<SubmitOptions>();
  CLI::App* sub = app.add_subcommand("submit", "Queue documents for workers on other machines to extract");
  sub->add_option("inputs", options->inputs,
                  "Image or PDF files, folders (searched recursively), or patterns, on storage every worker "
                  "reads under the same path");
  sub->add_option("--manifest", options->manifest,
                  "A CSV or XLSX table of the documents (as for extract: a path column, optionally a person "
                  "column)");
  add_queue_option(*sub, options->queue);
  sub->add_option("--inline-kb", options->inline_kb,
                  "Images of at most this many KiB travel inside their message, so that workers need not see "
                  "the files (0 = every document by its path on shared storage; pages of PDFs always by path)")
      ->default_val(0)
      ->check(CLI::Range(0, 64 * 1024));
  add_extract_settings(*sub, options->settings, config);
  sub->footer(
      "Records a job (its documents in input order) and queues one message per distinct content: its "
      "path, its content hash and the fingerprint of the settings (version, schema, routes, tables, "
      "models, LLM). Start workers (`mixtract worker`) with the same settings, then `mixtract collect` "
      "writes the results. Prints the job's id. Exit code: 0 all queued, 1 some files could not be read "
      "(the rest are queued) or the queue could not be reached, 2 bad options or inputs.");
  sub->callback([options, &global, &exit_code] { exit_code = run_submit(*options, global); });
}

}  // namespace mixtract::cli
