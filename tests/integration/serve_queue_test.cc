// `mixtract serve --queue`: the HTTP service's batch jobs extracted by `mixtract worker` processes on a
// real Redis (Debian's redis-server on a free port), read back over HTTP, with the queue's gauges on
// /metrics.
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <sstream>
#include <thread>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <nlohmann/json.hpp>

#include "redis_server.h"
#include "server_process.h"
#include "test_support.h"

namespace mixtract {
namespace {

using nlohmann::json;
using ::testing::HasSubstr;

class ServeQueueTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("MIXTRACT_CACHE_DIR", (scratch_ / "cache").c_str(), 1);
    redis_ = std::make_unique<testing::RedisServer>(scratch_ / "redis", false);
    ASSERT_TRUE(redis_->running()) << "cannot start redis-server: install it with scripts/setup.sh";
    queue_ = redis_->url("web");
    ASSERT_EQ(mixtract("synth --n 3 --seed 8 --out " + path("docs")).first, 0);
    for (const auto& entry : std::filesystem::directory_iterator(path("docs"))) {
      if (entry.path().extension() == ".jpg") images_.push_back(entry.path());
    }
    std::sort(images_.begin(), images_.end());
    ASSERT_EQ(images_.size(), 3u);
    server_ = std::make_unique<testing::ServerProcess>(std::vector<std::string>{
        "serve", "--port", "0", "--no-auth", "--state", path("server.sqlite"), "--queue", queue_, "--no-cache"});
    ASSERT_GT(server_->port(), 0) << server_->first_line();
    EXPECT_THAT(server_->first_line(), HasSubstr("batch jobs go to " + queue_));
    client_ = std::make_unique<httplib::Client>("127.0.0.1", server_->port());
    client_->set_read_timeout(120, 0);
  }

  std::string path(const std::string& name) const { return (scratch_ / name).string(); }

  static std::pair<int, std::string> mixtract(const std::string& args) {
    std::string output;
    const int status = testing::run_command(std::string(MIXTRACT_BIN) + " " + args + " 2>&1", output);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
  }

  // POST /v1/jobs with `images`: the job's id.
  std::string post_job(const std::vector<std::filesystem::path>& images, const std::string& schema = "") {
    httplib::MultipartFormDataItems form;
    for (const std::filesystem::path& image : images) {
      form.push_back({"image", testing::read_file(image), image.filename().string(), "image/jpeg"});
    }
    if (!schema.empty()) form.push_back({"schema", schema, "", ""});
    httplib::Result posted = client_->Post("/v1/jobs", form);
    EXPECT_TRUE(posted);
    if (!posted) return "";
    EXPECT_EQ(posted->status, 202) << posted->body;
    return json::parse(posted->body).value("id", "");
  }

  json job_status(const std::string& id) { return json::parse(client_->Get("/v1/jobs/" + id)->body); }

  // The job's result lines, streamed until it is done.
  std::vector<json> job_results(const std::string& id) {
    httplib::Result results = client_->Get("/v1/jobs/" + id + "/results");
    EXPECT_TRUE(results);
    std::vector<json> lines;
    if (!results) return lines;
    std::istringstream text(results->body);
    for (std::string line; std::getline(text, line);) lines.push_back(json::parse(line));
    return lines;
  }

  // The value of a gauge on /metrics; -1 when it is not there.
  long long gauge(const std::string& name) {
    const std::string text = client_->Get("/metrics")->body;
    const std::size_t at = text.find("\n" + name + " ");
    return at == std::string::npos ? -1 : std::stoll(text.substr(at + name.size() + 2));
  }

  // Runs `mixtract worker` until it has been idle for two seconds.
  void run_worker(const std::string& options) {
    const auto [code, output] = mixtract("worker --queue " + queue_ + " --no-cache --exit-when-idle 2 " + options);
    EXPECT_EQ(code, 0) << output;
  }

  // A record without what differs from run to run (timings) or by how the file was named (its folder).
  static std::string comparable(json record) {
    for (const char* timing : {"cost", "expert_costs", "analysis_costs"}) record.erase(timing);
    record["source"] = std::filesystem::path(record["source"].get<std::string>()).filename().string();
    return record.dump();
  }

  testing::ScratchDir scratch_;
  std::unique_ptr<testing::RedisServer> redis_;
  std::string queue_;
  std::vector<std::filesystem::path> images_;
  std::unique_ptr<testing::ServerProcess> server_;
  std::unique_ptr<httplib::Client> client_;
};

TEST_F(ServeQueueTest, AJobsDocumentsAreExtractedByTheQueuesWorkersAsExtractWouldAndStreamedInOrder) {
  // The first image twice: one message for its content, its record given for both.
  const std::string id = post_job({images_[0], images_[1], images_[2], images_[0]});
  ASSERT_EQ(id.size(), 16u);
  EXPECT_EQ(job_status(id)["done"], 0);
  EXPECT_EQ(gauge("mixtract_job_queue_up"), 1);
  EXPECT_EQ(gauge("mixtract_job_queue_lag"), 3);  // Queued, none handed out yet.
  EXPECT_EQ(gauge("mixtract_job_queue_pending"), 0);

  run_worker("-j 2");
  const json status = job_status(id);
  EXPECT_EQ(status["state"], "done");
  EXPECT_EQ(status["done"], 4);
  EXPECT_EQ(gauge("mixtract_job_queue_lag"), 0);
  const std::vector<json> lines = job_results(id);
  ASSERT_EQ(lines.size(), 4u);
  const auto [code, output] = mixtract("extract " + path("docs") + " --no-cache -o " + path("direct.jsonl"));
  ASSERT_EQ(code, 0) << output;
  std::map<std::string, std::string> direct;
  std::istringstream text(testing::read_file(path("direct.jsonl")));
  for (std::string line; std::getline(text, line);) {
    const json record = json::parse(line);
    direct[std::filesystem::path(record["source"].get<std::string>()).filename().string()] = comparable(record);
  }
  for (std::size_t i = 0; i < lines.size(); ++i) {
    const std::string name = images_[i % 3].filename().string();
    EXPECT_EQ(comparable(lines[i]), direct[name]) << "document " << i << ", " << name;
  }
}

TEST_F(ServeQueueTest, ADocumentGivenUpOnByTheWorkersIsAnErrorLineAndADeadLetter) {
  const std::string id = post_job({images_[0]});
  // A worker started with other settings than the service's refuses the document.
  run_worker("--schema id_card --max-tries 1");
  const std::vector<json> lines = job_results(id);
  ASSERT_EQ(lines.size(), 1u);
  EXPECT_EQ(lines[0]["source"], images_[0].filename().string());
  EXPECT_THAT(lines[0].value("error", ""), HasSubstr("other settings"));
  EXPECT_EQ(job_status(id)["state"], "done");
  EXPECT_EQ(gauge("mixtract_job_queue_dead_letters"), 1);
}

TEST_F(ServeQueueTest, AJobNamingASchemaIsRefusedSinceTheWorkersRecogniseEachDocument) {
  httplib::MultipartFormDataItems form = {
      {"image", testing::read_file(images_[0]), images_[0].filename().string(), "image/jpeg"},
      {"schema", "id_card", "", ""}};
  httplib::Result refused = client_->Post("/v1/jobs", form);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 400);
  EXPECT_THAT(refused->body, HasSubstr("auto"));
}

TEST_F(ServeQueueTest, AnUnreachableQueueIsSaidAtStartAndAsAGaugeWhileRunning) {
  const auto [code, output] = mixtract("serve --port 0 --no-auth --state " + path("other.sqlite") +
                                       " --queue redis://127.0.0.1:" + std::to_string(testing::free_port()) + "/web");
  EXPECT_EQ(code, 1);
  EXPECT_THAT(output, HasSubstr("127.0.0.1"));
  redis_.reset();  // The running service's queue goes away.
  EXPECT_EQ(gauge("mixtract_job_queue_up"), 0);
  httplib::MultipartFormDataItems form = {
      {"image", testing::read_file(images_[0]), images_[0].filename().string(), "image/jpeg"}};
  httplib::Result refused = client_->Post("/v1/jobs", form);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 503) << refused->body;
}

}  // namespace
}  // namespace mixtract
