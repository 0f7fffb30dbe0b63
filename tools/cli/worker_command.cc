#include <unistd.h>

#include <atomic>
#include <chrono>
#include <csignal>
#include <iostream>
#include <mutex>
#include <thread>

#include "commands.h"
#include "extract_setup.h"
#include "mixtract/document.h"
#include "mixtract/writers.h"
#include "queue/job_stream.h"
#include "queue/queued_document.h"
#include "queue_option.h"

namespace mixtract::cli {
namespace {

struct WorkerOptions {
  std::string queue;
  ExtractSettings settings;
  int max_tries = 3;
  double claim_after_s = 300;
  double exit_when_idle_s = 0;
};

// Set by SIGTERM and SIGINT, read by every consumer thread between documents.
std::atomic<bool> stop_requested = false;
static_assert(std::atomic<bool>::is_always_lock_free, "a signal handler may only touch lock-free atomics");
extern "C" void request_stop(int) {
  stop_requested = true;
}

using Clock = std::chrono::steady_clock;

class Worker {
 public:
  Worker(const WorkerOptions& options, const QueueAddress& address, std::string settings, const Extractor& extractor)
      : options_(options), address_(address), settings_(std::move(settings)), extractor_(extractor) {}

  // One consumer's loop, until asked to stop or idle for --exit-when-idle.
  void run(const std::string& consumer) {
    std::optional<JobStream> stream;
    while (!stop_requested && !idle_long_enough()) {
      if (!stream) {
        Result<JobStream> opened = JobStream::open(address_);
        if (!opened.ok()) {
          say("waiting for the queue: " + opened.status().message());
          std::this_thread::sleep_for(std::chrono::seconds(1));
          continue;
        }
        stream.emplace(std::move(opened).value());
      }
      const auto claim_ms = static_cast<long long>(options_.claim_after_s * 1000);
      Result<std::optional<Delivery>> next = stream->next(consumer, claim_ms, 1000);
      if (!next.ok()) {
        say(next.status().message());
        stream.reset();  // Reconnect: the server may be restarting.
        continue;
      }
      if (!next->has_value()) continue;
      ++busy_;
      Status status = handle(*stream, **next);
      last_work_ = Clock::now();
      --busy_;
      if (!status.ok()) {
        say(status.message());
        stream.reset();
      }
    }
  }

  std::size_t done() const { return done_; }
  std::size_t dead() const { return dead_; }
  void report_counts() const {
    say(std::to_string(done_) + " document(s) extracted, " + std::to_string(dead_) + " dead-lettered so far");
  }

 private:
  // Extracts one message's document and stores its record, then acknowledges it. A failure is tried again
  // (the message stays pending, and is claimed after --claim-after) until --max-tries, then dead-lettered.
  Status handle(JobStream& stream, const Delivery& delivery) {
    const std::string path = delivery.field("path");
    if (delivery.field("settings") != settings_) {
      return dead_letter(stream, delivery,
                         "submitted with other settings than this worker's (version, schema, routes, tables, "
                         "models or LLM): start workers with the options given to submit (or to serve --queue)");
    }
    const std::string key = result_key(delivery.field("sha256"), settings_);
    MIXTRACT_ASSIGN_OR_RETURN(const bool done_before, stream.has_result(key));
    // Done already: in another job, or by a worker that died between storing and acknowledging.
    if (done_before) return stream.ack(delivery.id);
    if (delivery.deliveries > options_.max_tries) {
      return dead_letter(
          stream, delivery,
          "handed out " + std::to_string(delivery.deliveries) + " times without a result: a worker died or hung on it");
    }
    const std::string bytes = delivery.field("bytes");  // Sent inline by submit --inline-kb.
    Result<Document> document = bytes.empty() ? Document::load(path) : Document::decode(bytes, path);
    if (document.ok() && document->content_hash() != delivery.field("sha256")) {
      return dead_letter(stream, delivery, path + " changed since it was submitted: submit it again");
    }
    Result<Record> record = document.ok() ? extractor_.extract(*document) : Result<Record>(document.status());
    if (!record.ok()) {
      if (delivery.deliveries >= options_.max_tries) return dead_letter(stream, delivery, record.status().message());
      say(record.status().message() + " (try " + std::to_string(delivery.deliveries) + " of " +
          std::to_string(options_.max_tries) + ")");
      return Status();
    }
    MIXTRACT_RETURN_IF_ERROR(stream.put_result(key, record_to_json_line(*record)));
    MIXTRACT_RETURN_IF_ERROR(stream.ack(delivery.id));
    ++done_;
    return Status();
  }

  Status dead_letter(JobStream& stream, const Delivery& delivery, const std::string& reason) {
    say("gave up on " + delivery.field("path") + ": " + reason);
    MIXTRACT_RETURN_IF_ERROR(stream.dead_letter(delivery, reason));
    ++dead_;
    return Status();
  }

  // Idle: no thread has a document in hand, and none finished one for --exit-when-idle seconds.
  bool idle_long_enough() const {
    return options_.exit_when_idle_s > 0 && busy_ == 0 &&
           std::chrono::duration<double>(Clock::now() - last_work_.load()).count() >= options_.exit_when_idle_s;
  }

  void say(const std::string& message) const {
    const std::lock_guard lock(print_);
    std::cerr << "mixtract worker: " << message << "\n";
  }

  const WorkerOptions& options_;
  const QueueAddress& address_;
  const std::string settings_;
  const Extractor& extractor_;
  std::atomic<Clock::time_point> last_work_ = Clock::now();
  std::atomic<int> busy_ = 0;
  std::atomic<std::size_t> done_ = 0;
  std::atomic<std::size_t> dead_ = 0;
  mutable std::mutex print_;
};

int run_worker(const WorkerOptions& options, const GlobalOptions& global) {
  auto fail = [](const Status& status, int code) {
    std::cerr << "mixtract worker: " << status.message() << "\n";
    return code;
  };
  Result<QueueAddress> address = parse_queue_url(options.queue);
  if (!address.ok()) return fail(address.status(), kExitUsage);
  Result<ExtractorSetup> setup = make_extractor(options.settings, global, 0);
  if (!setup.ok()) return fail(setup.status(), kExitUsage);
  std::signal(SIGTERM, request_stop);
  std::signal(SIGINT, request_stop);
  Worker worker(options, *address, settings_fingerprint(options.settings, global), *setup->extractor);
  char host[256] = "host";
  ::gethostname(host, sizeof host - 1);
  const std::string name = std::string(host) + "-" + std::to_string(::getpid());
  std::cerr << "mixtract worker " << name << ": " << setup->workers << " consumer(s) on " << options.queue << "\n";
  std::vector<std::thread> consumers;
  std::atomic<int> running = setup->workers;
  for (int i = 0; i < setup->workers; ++i) {
    consumers.emplace_back([&worker, &running, consumer = name + "-" + std::to_string(i)] {
      worker.run(consumer);
      --running;
    });
  }
  // A line every 30 s while the consumers run, for whoever watches the machine.
  for (auto last = Clock::now(); running > 0; std::this_thread::sleep_for(std::chrono::milliseconds(100))) {
    if (Clock::now() - last < std::chrono::seconds(30)) continue;
    last = Clock::now();
    worker.report_counts();
  }
  for (std::thread& consumer : consumers) consumer.join();
  std::cout << "worker " << name << ": " << worker.done() << " document(s) extracted, " << worker.dead()
            << " dead-lettered\n";
  return kExitOk;
}

}  // namespace

void add_worker_command(CLI::App& app, const GlobalOptions& global, const ConfigValues& config, int& exit_code) {
  auto options = std::make_shared<WorkerOptions>();
  CLI::App* sub = app.add_subcommand("worker", "Extract the documents queued by `mixtract submit`, on this machine");
  add_queue_option(*sub, options->queue);
  add_extract_settings(*sub, options->settings, config);
  sub->add_option("--max-tries", options->max_tries,
                  "Times a document is tried (its worker failing or dying on it) before it goes to the "
                  "dead-letter stream STREAM:dead with the reason")
      ->default_val(3)
      ->check(CLI::Range(1, 100));
  sub->add_option("--claim-after", options->claim_after_s,
                  "Seconds a document may stay with one worker before another takes it over (its worker "
                  "died or hangs); longer than the slowest document takes")
      ->default_val(300)
      ->check(CLI::Range(0.01, 86400.0));
  sub->add_option("--exit-when-idle", options->exit_when_idle_s,
                  "Stop after this many seconds with no document in hand and none in the queue (0 = run until "
                  "stopped)")
      ->default_val(0)
      ->check(CLI::Range(0.0, 1e9));
  sub->footer(
      "Joins the queue's consumer group and extracts one document per thread at a time (-j as for "
      "extract): reads the file at the path submitted, or the image sent inside the message (checking "
      "its content is unchanged), stores the record in STREAM:results under its content hash and "
      "settings, then acknowledges the message, so a document is never lost and, done twice, still gives "
      "one result; a document whose result is stored already is only acknowledged. The settings must be "
      "those given to submit. A line of counts goes to stderr every 30 s. SIGTERM or Ctrl-C: the "
      "documents in hand are finished, then the worker exits. A lost connection is retried every second.");
  sub->callback([options, &global, &exit_code] { exit_code = run_worker(*options, global); });
}

}  // namespace mixtract::cli
