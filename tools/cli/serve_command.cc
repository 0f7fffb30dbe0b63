// `mixtract serve`: the HTTP API (src/server/http_api.h) on the engine, until SIGINT or SIGTERM, which
// finish the requests in flight first.
#include <cstdlib>
#include <iostream>
#include <thread>

#include <pthread.h>
#include <signal.h>

#include "commands.h"
#include "extract_setup.h"
#include "queue/job_stream.h"
#include "server/api_keys.h"
#include "server/http_api.h"
#include "server/queue_jobs.h"
#include "server/review_export.h"

namespace mixtract::cli {
namespace {

struct ServeArgs {
  std::string host = "127.0.0.1";
  int port = 8080;
  std::string state;
  std::string new_key;
  std::string export_review;
  bool no_auth = false;
  int max_upload_mb = 20;
  int max_megapixels = 40;
  int rate_limit = 120;
  int workers = 0;
  int read_timeout = 10;
  int connections_per_client = 16;
  int keep_days = 30;
  bool admin = false;
  std::string queue;
  std::vector<std::string> routes;
  OcrArgs ocr;
  TableArgs tables;
  LlmArgs llm;
};

// ${XDG_DATA_HOME:-~/.local/share}/mixtract/server.sqlite
std::filesystem::path default_state_file() {
  const char* data = std::getenv("XDG_DATA_HOME");
  const char* home = std::getenv("HOME");
  const std::filesystem::path base = data && *data   ? std::filesystem::path(data)
                                     : home && *home ? std::filesystem::path(home) / ".local" / "share"
                                                     : std::filesystem::path(".");
  return base / "mixtract" / "server.sqlite";
}

bool is_loopback(const std::string& host) {
  return host == "127.0.0.1" || host == "::1" || host == "localhost";
}

int fail(const std::string& message, int code) {
  std::cerr << "mixtract serve: " << message << "\n";
  return code;
}

// --new-key: an API key made, stored hashed in `state`, shown once.
int add_key(const ServeArgs& args, const std::filesystem::path& state) {
  std::error_code ec;
  std::filesystem::create_directories(state.parent_path(), ec);
  Result<std::string> key = server::add_api_key(state, args.new_key, args.admin);
  if (!key.ok()) return fail(key.status().message(), kExitUsage);
  std::cout << *key << "\n";
  std::cerr << "mixtract serve: " << (args.admin ? "an admin key" : "a key") << " for " << args.new_key
            << " is stored (hashed) in " << state.string() << "; it is shown only this once\n";
  return kExitOk;
}

// --export-review: the reviewed documents written as labelled data for `tune`.
int export_review(const ServeArgs& args, const std::filesystem::path& state) {
  Result<std::unique_ptr<server::ReviewStore>> store = server::ReviewStore::open(state);
  if (!store.ok()) return fail(store.status().message(), kExitUsage);
  Result<std::size_t> written = server::export_reviewed(**store, args.export_review);
  if (!written.ok()) return fail(written.status().message(), kExitFailure);
  std::cout << *written << " reviewed document(s) written to " << args.export_review
            << " (pages and truth.csv: mixtract tune --truth " << args.export_review << "/truth.csv --docs "
            << args.export_review << ")\n";
  return kExitOk;
}

server::ServerOptions server_options(const ServeArgs& args) {
  server::ServerOptions options;
  options.host = args.host;
  options.port = args.port;
  options.require_keys = !args.no_auth;
  options.max_body_bytes = static_cast<std::size_t>(args.max_upload_mb) << 20;
  options.max_pixels = static_cast<long long>(args.max_megapixels) * 1'000'000;
  options.rate_per_minute = args.rate_limit;
  options.read_timeout_seconds = args.read_timeout;
  options.max_connections_per_address = static_cast<std::size_t>(args.connections_per_client);
  options.keep_days = args.keep_days;
  options.workers = threads_or_cores(args.workers);
  return options;
}

// The extractors of every built-in schema (--routes applied), documents in parallel, one inference thread
// each.
Result<std::unique_ptr<server::ExtractorSet>> make_extractors(const ServeArgs& args, const GlobalOptions& global,
                                                              int workers) {
  OcrArgs ocr = args.ocr;
  ocr.threads = 1;
  MIXTRACT_ASSIGN_OR_RETURN(Engine engine, make_engine(global, ocr, args.llm, args.tables, workers));
  MIXTRACT_ASSIGN_OR_RETURN(std::vector<Schema> schemas, load_schemas("auto"));
  for (const std::string& routes : args.routes) MIXTRACT_RETURN_IF_ERROR(apply_routes_file(routes, schemas));
  return server::ExtractorSet::create(std::move(schemas), std::move(engine));
}

// The job queue at `address`, with the settings fingerprint `mixtract worker` computes from the same
// options (and its default schema).
Result<std::unique_ptr<server::QueueJobs>> open_queue(const QueueAddress& address, const ServeArgs& args,
                                                      const GlobalOptions& global) {
  const ExtractSettings settings{"auto", args.routes, args.tables, args.ocr, args.llm};
  return server::QueueJobs::open(address, settings_fingerprint(settings, global));
}

// Serves until SIGINT or SIGTERM (blocked in every thread, taken by one waiting for them), then finishes the
// requests in flight.
void serve_until_stopped(server::ApiServer& api, const sigset_t& signals) {
  std::thread waiter([&] {
    int received = 0;
    sigwait(&signals, &received);
    std::cerr << "mixtract serve: stopping; finishing the requests in flight" << std::endl;
    api.stop();
  });
  api.serve();
  // serve() also returns when listening fails; wake the waiter so that it ends.
  pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  std::cerr << "mixtract serve: stopped" << std::endl;
}

int run_serve(const ServeArgs& args, const GlobalOptions& global) {
  const std::filesystem::path state = args.state.empty() ? default_state_file() : std::filesystem::path(args.state);
  if (!args.new_key.empty()) return add_key(args, state);
  if (!args.export_review.empty()) return export_review(args, state);
  if (args.no_auth && !is_loopback(args.host)) {
    return fail(
        "--no-auth is only allowed on a loopback address (127.0.0.1, ::1): anyone on the network could "
        "use the service otherwise",
        kExitUsage);
  }
  // SIGINT and SIGTERM are taken by one thread, which stops the server. They are blocked before any
  // other thread starts (OCR, inference), so that none of those receives them.
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::error_code ec;
  std::filesystem::create_directories(state.parent_path(), ec);
  Result<server::ServiceStores> stores = server::open_service_stores(state);
  if (!stores.ok()) return fail(stores.status().message(), kExitUsage);
  if (!args.no_auth && stores->keys.size() == 0) {
    return fail("no API keys in " + state.string() +
                    ": make one with `mixtract serve --new-key NAME`, or start with "
                    "--no-auth on 127.0.0.1",
                kExitUsage);
  }
  const server::ServerOptions options = server_options(args);
  Result<std::unique_ptr<server::ExtractorSet>> extractors = make_extractors(args, global, options.workers);
  if (!extractors.ok()) return fail(extractors.status().message(), kExitUsage);
  std::shared_ptr<server::JobBackend> queue;
  if (!args.queue.empty()) {
    Result<QueueAddress> address = parse_queue_url(args.queue);
    if (!address.ok()) return fail(address.status().message(), kExitUsage);
    Result<std::unique_ptr<server::QueueJobs>> jobs = open_queue(*address, args, global);
    if (!jobs.ok()) return fail(jobs.status().message(), kExitFailure);
    queue = std::move(*jobs);
  }
  server::ApiServer api(std::move(*extractors), std::move(*stores), options, queue);
  Result<int> port = api.bind();
  if (!port.ok()) return fail(port.status().message(), kExitUsage);
  std::cout << "mixtract serve: listening on http://" << args.host << ":" << *port << " ("
            << (args.no_auth ? "no API keys asked for" : "API keys from " + state.string()) << ", " << options.workers
            << " workers" << (queue ? "; batch jobs go to " + args.queue : "") << "); Ctrl-C stops it" << std::endl;
  serve_until_stopped(api, signals);
  return kExitOk;
}

// What one request, client or document may take, and how long the service keeps what it was sent.
void add_limit_options(CLI::App& sub, ServeArgs& args) {
  sub.add_option("--max-upload-mb", args.max_upload_mb, "Largest request body")
      ->default_val(20)
      ->check(CLI::Range(1, 1024));
  sub.add_option("--max-megapixels", args.max_megapixels, "Largest decoded image")
      ->default_val(40)
      ->check(CLI::Range(1, 200));
  sub.add_option("--rate-limit", args.rate_limit, "Requests a minute per key (per address without keys); 0: none")
      ->default_val(120)
      ->check(CLI::Range(0, 1000000));
  sub.add_option("--workers", args.workers, "Documents extracted at once; default one per core")
      ->check(CLI::Range(0, 256));
  sub.add_option("--read-timeout", args.read_timeout,
                 "Seconds a client may take to send a request's headers; its body may take 1 s more per 64 KiB "
                 "(else 408)")
      ->default_val(10)
      ->check(CLI::Range(1, 3600));
  sub.add_option("--keep-days", args.keep_days,
                 "Days review pages and jobs are kept; older ones are deleted (checked hourly); 0: forever")
      ->default_val(30)
      ->check(CLI::Range(0, 36500));
  sub.add_option("--connections-per-client", args.connections_per_client,
                 "Connections one client address may hold at once; more are answered 503")
      ->default_val(16)
      ->check(CLI::Range(1, 10000));
}

}  // namespace

void add_serve_command(CLI::App& app, const GlobalOptions& global, const ConfigValues& config, int& exit_code) {
  auto args = std::make_shared<ServeArgs>();
  CLI::App* sub = app.add_subcommand("serve", "HTTP API for extraction (POST /v1/extract), with API keys and metrics");
  sub->add_option("--host", args->host, "Address to listen on")->default_val("127.0.0.1");
  sub->add_option("--port", args->port, "Port to listen on; 0 picks a free one (printed)")
      ->default_val(8080)
      ->check(CLI::Range(0, 65535));
  sub->add_option("--state", args->state,
                  "The service's SQLite file (API key hashes, the review queue and decisions); default: "
                  "~/.local/share/mixtract/server.sqlite");
  sub->add_option("--new-key", args->new_key,
                  "Make an API key for NAME, print it once and exit; what a key sends (review pages, jobs) is seen "
                  "by keys of that name only");
  sub->add_flag("--admin", args->admin, "With --new-key: the key sees every key's review pages and jobs");
  sub->add_option("--export-review", args->export_review,
                  "Write the reviewed documents' pages and a truth.csv of the people's decisions into DIR, for "
                  "mixtract tune and eval, and exit");
  sub->add_flag("--no-auth", args->no_auth, "Ask for no API key (only on a loopback address)");
  add_limit_options(*sub, *args);
  sub->add_option("--queue", args->queue,
                  "Send batch jobs (POST /v1/jobs) to the workers of this job queue, redis://HOST[:PORT]/STREAM "
                  "(docs/scale-out.md), instead of extracting them here; start the workers with this command's "
                  "--routes, table, model and LLM options");
  add_routes_option(*sub, args->routes);
  add_table_options(*sub, args->tables, config);
  add_bert_model_option(*sub, args->tables, config);
  add_ocr_options(*sub, args->ocr, config);
  add_llm_options(*sub, args->llm, config);
  sub->footer(
      "Routes: GET /healthz, GET /openapi.json, GET /v1/schemas, POST /v1/extract (multipart 'image' [+ 'schema', "
      "'routes'], or JSON {\"image_base64\", \"schema\", \"file_name\", \"routes\"}), POST /v1/jobs and GET "
      "/v1/jobs/ID[/results], GET /review (the review page) and /v1/review/..., GET /metrics (docs/server.md). "
      "Send the key as "
      "'Authorization: Bearer KEY'. Example:\n"
      "  mixtract serve --new-key alice      # prints a key, once\n"
      "  mixtract serve &\n"
      "  curl -H \"Authorization: Bearer $KEY\" -F image=@certificate.jpg http://127.0.0.1:8080/v1/extract");
  sub->callback([args, &global, &exit_code] { exit_code = run_serve(*args, global); });
}

}  // namespace mixtract::cli
