// Batch jobs: POST /v1/jobs, GET /v1/jobs/{id}, GET /v1/jobs/{id}/results, and the workers that extract
// the jobs' documents (sharing the extraction slots with POST /v1/extract).
#include <spdlog/spdlog.h>

#include "mixtract/writers.h"
#include "server/api_state.h"
#include "server/base64.h"

namespace mixtract::server {
namespace {

constexpr const char* kJob = "/v1/jobs/{id}";

// The images and schema of a job request, or nullopt with the error written. Every image is decoded
// once here, so that a job holds only documents that can be read.
std::optional<std::pair<std::string, std::vector<JobImage>>> read_job(const ApiServer::State& s, const HttpRequest& req,
                                                                      HttpResponse& res) {
  std::string schema = "auto";
  std::vector<JobImage> images;
  if (req.is_form()) {
    for (FormPart& part : req.form_parts("image")) {
      images.push_back(
          {safe_file_name(part.file_name.empty() ? "image-" + std::to_string(images.size() + 1) : part.file_name),
           std::move(part.content)});
    }
    if (std::optional<FormPart> named = req.form_part("schema")) schema = std::move(named->content);
  } else if (req.header("Content-Type").starts_with("application/json")) {
    const nlohmann::json body = nlohmann::json::parse(req.body(), nullptr, false);
    if (body.is_discarded() || !body.is_object() || !body.contains("images") || !body["images"].is_array() ||
        (body.contains("schema") && !body["schema"].is_string())) {
      send_error(res, 400, "bad_json",
                 "send {\"schema\": NAME, \"images\": [{\"image_base64\": ..., \"file_name\": ...}, ...]}");
      return std::nullopt;
    }
    schema = body.value("schema", "auto");
    for (const nlohmann::json& item : body["images"]) {
      const std::string name = "image " + std::to_string(images.size() + 1);
      if (!item.is_object() || !item.contains("image_base64") || !item["image_base64"].is_string()) {
        send_error(res, 400, "missing_image", name + " has no \"image_base64\"");
        return std::nullopt;
      }
      std::optional<std::string> bytes = decode_base64(item["image_base64"].get_ref<const std::string&>());
      if (!bytes) {
        send_error(res, 400, "bad_base64", name + ": \"image_base64\" is not valid base64");
        return std::nullopt;
      }
      const std::string file_name =
          item.contains("file_name") && item["file_name"].is_string() ? item["file_name"].get<std::string>() : name;
      images.push_back({safe_file_name(file_name), *std::move(bytes)});
    }
  } else {
    send_error(res, 415, "unsupported_media_type",
               "send multipart/form-data with 'image' parts, or application/json with \"images\"");
    return std::nullopt;
  }
  if (images.empty()) {
    send_error(res, 400, "missing_image", "a job needs at least one image");
    return std::nullopt;
  }
  if (images.size() > s.options.max_job_documents) {
    send_error(
        res, 413, "too_many_documents",
        std::to_string(images.size()) + " images; a job holds at most " + std::to_string(s.options.max_job_documents));
    return std::nullopt;
  }
  for (const JobImage& image : images) {  // Judged by their headers: decoded one at a time by the workers.
    if (!check_upload(s, image.bytes, image.file_name, res)) return std::nullopt;
  }
  return std::pair{schema, std::move(images)};
}

void submit(ApiServer::State& s, const HttpRequest& req, HttpResponse& res) {
  auto job = read_job(s, req, res);
  if (!job) return;
  if (!extractor_for(s, job->first, "", res)) return;
  Result<std::string> id = s.jobs->submit(holder_of(s, req).name, job->first, job->second);
  if (!id.ok()) return send_status_error(res, id.status());
  res.set_status(202);
  res.set_header("Location", "/v1/jobs/" + *id);
  send_json(res, {{"id", *id},
                  {"documents", job->second.size()},
                  {"status_url", "/v1/jobs/" + *id},
                  {"results_url", "/v1/jobs/" + *id + "/results"}});
}

// The job of the path, when the caller may see it (its owner, or an admin), or nullopt with a 404 written.
std::optional<JobStatus> visible_job(const ApiServer::State& s, const HttpRequest& req, HttpResponse& res) {
  const std::string id = req.path_part(1);
  Result<std::optional<JobStatus>> status = s.jobs->status(id);
  if (!status.ok()) {
    send_status_error(res, status.status());
    return std::nullopt;
  }
  if (!*status || !may_see(holder_of(s, req), (*status)->owner)) {
    send_error(res, 404, "not_found", "no job " + id);
    return std::nullopt;
  }
  return **status;
}

void job_status(const ApiServer::State& s, const HttpRequest& req, HttpResponse& res) {
  const std::optional<JobStatus> job = visible_job(s, req, res);
  if (!job) return;
  send_json(res, {{"id", job->id},
                  {"schema", job->schema},
                  {"created", job->created},
                  {"documents", job->documents},
                  {"done", job->done},
                  {"state", job->finished() ? "done" : "running"},
                  {"results_url", "/v1/jobs/" + job->id + "/results"}});
}

// The records in document order, each as soon as it and those before it are done; the stream ends with
// the job (or when the server stops).
void job_results(ApiServer::State& s, const HttpRequest& req, HttpResponse& res) {
  const std::optional<JobStatus> job = visible_job(s, req, res);
  if (!job) return;
  res.stream("application/x-ndjson", [&s, id = job->id, documents = static_cast<std::int64_t>(job->documents),
                                      next = std::int64_t{0}](BodySink& sink) mutable {
    while (true) {
      Result<std::vector<std::string>> lines = s.jobs->results(id, next);
      if (!lines.ok()) {
        spdlog::error("job {}: {}", id, lines.status().message());
        return false;
      }
      for (std::string& line : *lines) {
        line += '\n';
        if (!sink.write(line)) return false;
        ++next;
      }
      if (next >= documents || s.stopping) {
        sink.done();
        return true;
      }
      if (!lines->empty()) return true;  // sent; called again
      s.jobs->wait_for_change(500);
      if (!sink.writable()) return false;
    }
  });
}

void work(ApiServer::State& s) {
  while (!s.stopping) {
    std::optional<JobTask> task;
    {
      std::lock_guard lock(s.taken_mutex);
      Result<std::optional<JobTask>> next = s.local_jobs->next_task(s.taken);
      if (!next.ok()) spdlog::error("batch jobs: {}", next.status().message());
      if (next.ok() && *next) {
        task = **next;
        s.taken.emplace_back(task->job, task->position);
      }
    }
    if (!task) {
      s.local_jobs->wait_for_change(500);
      continue;
    }
    std::string line;
    Result<std::shared_ptr<const Extractor>> extractor = s.extractors->get(task->schema, "");
    Result<Document> document = Document::decode(task->bytes, task->file_name);
    if (!extractor.ok() || !document.ok()) {
      line = nlohmann::json{{"source", task->file_name},
                            {"error", (extractor.ok() ? document.status() : extractor.status()).message()}}
                 .dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    } else {
      s.slots.acquire();
      const Extracted extracted = extract_holding_slot(s, **extractor, *document, task->owner, "job " + task->job);
      line = record_to_json_line(extracted.record);
    }
    if (Status stored = s.local_jobs->complete(task->job, task->position, line); !stored.ok()) {
      spdlog::error("batch jobs: {}", stored.message());
    }
    std::lock_guard lock(s.taken_mutex);
    std::erase(s.taken, std::pair{task->job, task->position});
  }
}

}  // namespace

void add_job_routes(ApiServer::State& s) {
  s.http.post("/v1/jobs",
              guarded(s, "/v1/jobs", [&s](const HttpRequest& req, HttpResponse& res) { submit(s, req, res); }));
  s.http.get(R"(/v1/jobs/([0-9a-f]{16}))",
             guarded(s, kJob, [&s](const HttpRequest& req, HttpResponse& res) { job_status(s, req, res); }));
  s.http.get(R"(/v1/jobs/([0-9a-f]{16})/results)",
             guarded(s, kJob, [&s](const HttpRequest& req, HttpResponse& res) { job_results(s, req, res); }));
}

void start_job_workers(ApiServer::State& s) {
  if (s.jobs != s.local_jobs) return;  // The queue's workers extract them.
  for (int i = 0; i < std::max(1, s.options.workers); ++i) s.job_workers.emplace_back([&s] { work(s); });
}

void stop_job_workers(ApiServer::State& s) {
  s.stopping = true;
  s.local_jobs->notify_all();
  for (std::thread& worker : s.job_workers) worker.join();
  s.job_workers.clear();
}

}  // namespace mixtract::server
