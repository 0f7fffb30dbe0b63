// The HTTP service: extraction over a REST API on the engine library.
//   GET  /healthz        liveness, no key needed
//   GET  /openapi.json   the API's description (OpenAPI 3), no key needed
//   GET  /v1/schemas     the schemas, their fields and kinds
//   POST /v1/extract     one image (multipart field "image", or JSON {"image_base64": ...}), with an optional
//                        schema ("auto" by default), file_name and routes (tune's format, replacing some
//                        fields' routes for this request); answers the record (as `extract`'s JSONL)
//   GET  /metrics        counters in Prometheus' text format
//   GET  /review         the review page (static; its requests carry the key)
//   GET  /v1/review/queue, GET /v1/review/documents/{id}, GET /v1/review/documents/{id}/page,
//   POST /v1/review/documents/{id}/decisions  {"field", "action": "accept"|"edit", "value"}
//   POST /v1/jobs        several images (multipart parts "image", or JSON {"images": [{"image_base64",
//                        "file_name"}]}) and a schema: 202 with the job's id
//   GET  /v1/jobs/{id}   how far the job is; GET /v1/jobs/{id}/results: its records as JSONL, in order,
//                        streamed as they are extracted
// A document with fields not accepted enters the review queue (X-Review-Id names it).
// Every error is JSON {"error": {"code", "message", "request_id"}} with the fitting 4xx (bad input) or
// 500 (a fault, logged with the request id); handlers never throw out. Each response carries
// X-Request-Id.
#ifndef MIXTRACT_SERVER_HTTP_API_H_
#define MIXTRACT_SERVER_HTTP_API_H_

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <string_view>

#include "mixtract/extractor.h"
#include "mixtract/status.h"
#include "server/api_keys.h"
#include "server/batch_jobs.h"
#include "server/extractor_set.h"
#include "server/job_backend.h"
#include "server/review_store.h"

namespace mixtract::server {

struct ServerOptions {
  std::string host = "127.0.0.1";
  int port = 8080;           // 0: any free port (bind() says which)
  bool require_keys = true;  // false only for a loopback host (the caller checks)
  std::size_t max_body_bytes = 20u << 20;
  long long max_pixels = 40'000'000;  // decoded image size
  int rate_per_minute = 120;          // requests per key; 0: no limit
  int workers = 1;                    // extractions at once
  int max_waiting = 16;               // extractions waiting for a worker; more are refused (503)
  int wait_seconds = 60;              // longest wait for a worker before 503
  int read_timeout_seconds = 10;      // time to send a request's headers (its body: that plus 1 s per 64 KiB)
  std::size_t max_connections_per_address = 16;  // connections one client address may hold at once
  std::size_t max_job_documents = 1000;
  int keep_days = 30;  // review pages and jobs older than this are deleted (checked hourly); 0: kept forever
};

// What the service keeps in its state file: API key hashes, the review queue, batch jobs.
struct ServiceStores {
  ApiKeys keys;
  std::shared_ptr<ReviewStore> review;
  std::shared_ptr<BatchJobs> jobs;
};
Result<ServiceStores> open_service_stores(const std::filesystem::path& state_file);

class ApiServer {
 public:
  // With `queue`, batch jobs go to it (a job queue's workers extract them) instead of the state file.
  ApiServer(std::unique_ptr<ExtractorSet> extractors, ServiceStores stores, ServerOptions options,
            std::shared_ptr<JobBackend> queue = nullptr);
  ~ApiServer();
  ApiServer(const ApiServer&) = delete;
  ApiServer& operator=(const ApiServer&) = delete;

  // Binds the socket; returns the port. Errors say the address is taken or not valid.
  Result<int> bind();
  // Serves until stop(); requests in flight, and the job documents being extracted, are finished
  // before it returns (the job documents not started are extracted on the next start). Meanwhile,
  // at start and hourly, deletes the review documents and jobs older than keep_days.
  void serve();
  // Safe from any thread (a signal-waiting one).
  void stop();
  // The raw response to one raw HTTP request, through the same routes as a connection's, without a
  // socket: for fuzzing. Batch jobs are extracted only while serve() runs.
  std::string answer(std::string_view request);

  struct State;

 private:
  std::unique_ptr<State> state_;
};

}  // namespace mixtract::server

#endif  // MIXTRACT_SERVER_HTTP_API_H_
