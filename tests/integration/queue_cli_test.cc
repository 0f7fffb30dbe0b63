// submit, worker and collect as users run them: the real `mixtract` binary, several worker processes on
// one real Redis (Debian's redis-server, with its append-only file, on a free port), killed and restarted
// mid-run; what collect writes is compared with what a single `extract` writes.
#include <sys/wait.h>

#include <chrono>
#include <cstdlib>
#include <map>
#include <random>
#include <thread>

#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <nlohmann/json.hpp>
#include <signal.h>
#include <spawn.h>

#include "queue/job_stream.h"
#include "redis_server.h"
#include "test_support.h"

extern char** environ;

namespace mixtract {
namespace {

using ::testing::HasSubstr;

class QueueCliTest : public ::testing::Test {
 protected:
  void SetUp() override {
    setenv("MIXTRACT_CACHE_DIR", (scratch_ / "cache").c_str(), 1);
    redis_ = std::make_unique<testing::RedisServer>(scratch_ / "redis", true);
    ASSERT_TRUE(redis_->running()) << "cannot start redis-server: install it with scripts/setup.sh";
    queue_ = redis_->url("scans");
    ASSERT_EQ(mixtract("synth --n 6 --seed 5 --out " + path("docs")).first, 0);
  }

  std::string path(const std::string& name) const { return (scratch_ / name).string(); }

  // `mixtract ARGS`: its exit code and its output (stdout and stderr).
  static std::pair<int, std::string> mixtract(const std::string& args) {
    std::string output;
    const int status = testing::run_command(std::string(MIXTRACT_BIN) + " " + args + " 2>&1", output);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, output};
  }

  // The job id `submit` printed.
  std::string submit(const std::string& inputs) {
    const auto [code, output] = mixtract("submit " + inputs + " --queue " + queue_);
    EXPECT_THAT(output, HasSubstr("queued on " + queue_)) << output;
    const std::size_t start = output.find("job ") + 4;
    return output.substr(start, output.find(':', start) - start);
  }

  // A `mixtract worker` process, its output in a file of the scratch folder.
  pid_t start_worker(const std::vector<std::string>& options) {
    std::vector<std::string> args = {MIXTRACT_BIN, "worker", "--queue", queue_, "--no-cache"};
    args.insert(args.end(), options.begin(), options.end());
    std::vector<char*> argv;
    for (std::string& arg : args) argv.push_back(arg.data());
    argv.push_back(nullptr);
    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    const std::string log = path("worker-" + std::to_string(workers_++) + ".log");
    posix_spawn_file_actions_addopen(&actions, STDOUT_FILENO, log.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
    posix_spawn_file_actions_adddup2(&actions, STDOUT_FILENO, STDERR_FILENO);
    pid_t pid = -1;
    EXPECT_EQ(posix_spawn(&pid, MIXTRACT_BIN, &actions, nullptr, argv.data(), environ), 0);
    posix_spawn_file_actions_destroy(&actions);
    return pid;
  }

  // Waits for a worker to exit by itself (--exit-when-idle); killed after two minutes.
  static void wait_for(pid_t pid) {
    for (int i = 0; i < 1200; ++i) {
      if (::waitpid(pid, nullptr, WNOHANG) == pid) return;
      std::this_thread::sleep_for(std::chrono::milliseconds(100));
    }
    ADD_FAILURE() << "a worker did not stop when idle";
    ::kill(pid, SIGKILL);
    ::waitpid(pid, nullptr, 0);
  }

  // A JSONL file's records by source, without what differs from run to run (the time things took).
  static std::map<std::string, std::string> records(const std::string& file) {
    std::map<std::string, std::string> by_source;
    std::istringstream lines(testing::read_file(file));
    for (std::string line; std::getline(lines, line);) {
      nlohmann::json record = nlohmann::json::parse(line);
      for (const char* timing : {"cost", "expert_costs", "analysis_costs"}) record.erase(timing);
      by_source[record["source"]] = record.dump();
    }
    return by_source;
  }

  // One of the rendered documents' images.
  std::string first_image() const {
    for (const auto& entry : std::filesystem::directory_iterator(path("docs"))) {
      if (entry.path().extension() == ".jpg") return entry.path().string();
    }
    ADD_FAILURE() << "synth rendered no image";
    return "";
  }

  long long results_stored() const {
    JobStream stream = JobStream::open(parse_queue_url(queue_).value()).value();
    RedisConnection redis = RedisConnection::open("127.0.0.1", redis_->port()).value();
    return redis.command({"HLEN", stream.results_hash()}).value().integer;
  }

  testing::ScratchDir scratch_;
  std::unique_ptr<testing::RedisServer> redis_;
  std::string queue_;
  int workers_ = 0;
};

TEST_F(QueueCliTest, ThreeWorkersWriteWhatOneExtractWritesAndGiveUpOnAPoisonDocument) {
  std::ofstream(path("docs/poison.jpg")) << "not an image";
  const std::string job = submit(path("docs"));
  std::vector<pid_t> workers;
  for (int i = 0; i < 3; ++i) {
    // --claim-after well above a document's time on a busy machine, so that only the poison is handed out twice.
    workers.push_back(start_worker({"-j", "1", "--max-tries", "2", "--claim-after", "5", "--exit-when-idle", "10"}));
  }
  for (const pid_t worker : workers) wait_for(worker);

  const auto [collected, output] =
      mixtract("collect --queue " + queue_ + " --job " + job + " --wait 10 -o " + path("out/queued.jsonl"));
  EXPECT_EQ(collected, 1) << output;  // The poison document was given up on.
  EXPECT_THAT(output, HasSubstr("6 document(s) written, 0 of an unrecognised kind, 1 given up on by the workers"));
  EXPECT_THAT(testing::read_file(path("out/queued.jsonl.errors.csv")),
              HasSubstr(path("docs/poison.jpg") + ",worker,\"" + path("docs/poison.jpg") + ": not a decodable image"));
  const auto [extracted, extract_output] =
      mixtract("extract " + path("docs") + " --no-cache -o " + path("out/direct.jsonl"));
  EXPECT_EQ(extracted, 1) << extract_output;
  const std::map<std::string, std::string> queued = records(path("out/queued.jsonl"));
  EXPECT_EQ(queued.size(), 6u);
  EXPECT_EQ(queued, records(path("out/direct.jsonl")));
  EXPECT_EQ(results_stored(), 6);
}

TEST_F(QueueCliTest, WorkersKilledAtRandomAndRedisRestartedMidRunLoseNothingAndDoubleNothing) {
  const std::string job = submit(path("docs"));
  const unsigned seed = std::random_device()();
  SCOPED_TRACE("seed " + std::to_string(seed));
  std::mt19937 random(seed);
  const std::vector<std::string> options = {"-j", "1", "--claim-after", "2", "--max-tries", "20"};
  std::vector<pid_t> workers = {start_worker(options), start_worker(options)};
  for (int round = 0; round < 5; ++round) {
    std::this_thread::sleep_for(std::chrono::milliseconds(std::uniform_int_distribution(300, 1500)(random)));
    if (round == 2) {
      redis_->restart();  // Under the workers' feet; its append-only file keeps what was written.
      continue;
    }
    pid_t& victim = workers[random() % workers.size()];
    ::kill(victim, SIGKILL);
    ::waitpid(victim, nullptr, 0);
    victim = start_worker(options);
  }
  for (const pid_t worker : workers) {
    ::kill(worker, SIGKILL);
    ::waitpid(worker, nullptr, 0);
  }
  // The last worker as tolerant of the kills as the others: a document handed out many times above is
  // no poison (the test's slow machines also let --claim-after 2 hand one to a second worker mid-read).
  wait_for(start_worker({"-j", "2", "--claim-after", "2", "--max-tries", "20", "--exit-when-idle", "6"}));

  const auto [collected, output] = mixtract("collect --queue " + queue_ + " --job " + job + " --wait 10 -o " +
                                            path("out/queued.jsonl") + " --per-person " + path("out/persons.csv"));
  EXPECT_EQ(collected, 0) << output;
  EXPECT_EQ(records(path("out/queued.jsonl")).size(), 6u);
  EXPECT_EQ(results_stored(), 6);
  EXPECT_THAT(testing::read_file(path("out/persons.csv")), HasSubstr("姓名"));
}

TEST_F(QueueCliTest, ATerminatedWorkerFinishesTheDocumentInHandFirst) {
  (void)submit(path("docs"));
  const pid_t worker = start_worker({"-j", "1"});
  for (int i = 0; i < 600 && results_stored() == 0; ++i) std::this_thread::sleep_for(std::chrono::milliseconds(100));
  ::kill(worker, SIGTERM);  // Now into its second document.

  int status = 0;
  ::waitpid(worker, &status, 0);
  EXPECT_TRUE(WIFEXITED(status) && WEXITSTATUS(status) == 0);
  EXPECT_EQ(JobStream::open(parse_queue_url(queue_).value()).value().pending().value(), 0);  // None left in hand.
  const long long done = results_stored();
  EXPECT_GT(done, 0);
  EXPECT_LT(done, 6);
  EXPECT_THAT(testing::read_file(path("worker-0.log")), HasSubstr(std::to_string(done) + " document(s) extracted"));
}

TEST_F(QueueCliTest, AWorkerBusierThanItsIdleTimeIsNotIdle) {
  // Each document takes longer than the 0.2 s allowed idle: the worker still takes all six, one by one.
  (void)submit(path("docs"));
  wait_for(start_worker({"-j", "1", "--exit-when-idle", "0.2"}));
  EXPECT_THAT(testing::read_file(path("worker-0.log")), HasSubstr(": 6 document(s) extracted"));
  EXPECT_EQ(results_stored(), 6);
}

TEST_F(QueueCliTest, ADocumentSubmittedAgainIsNotExtractedAgain) {
  const std::string file = first_image();
  (void)submit(file);
  wait_for(start_worker({"--exit-when-idle", "2"}));
  const std::string again = submit(file);
  wait_for(start_worker({"--exit-when-idle", "2"}));
  EXPECT_THAT(testing::read_file(path("worker-0.log")), HasSubstr(": 1 document(s) extracted"));
  EXPECT_THAT(testing::read_file(path("worker-1.log")), HasSubstr(": 0 document(s) extracted"));
  const auto [collected, output] =
      mixtract("collect --queue " + queue_ + " --job " + again + " --wait 5 -o " + path("out/r.jsonl"));
  EXPECT_EQ(collected, 0) << output;
  EXPECT_EQ(records(path("out/r.jsonl")).size(), 1u);
}

TEST_F(QueueCliTest, ImagesSentInsideTheirMessagesNeedNoSharedFiles) {
  const std::string file = first_image();
  const auto [code, output] = mixtract("submit " + file + " --inline-kb 65536 --queue " + queue_);
  ASSERT_EQ(code, 0) << output;
  const std::string job = output.substr(4, output.find(':') - 4);
  const std::string kept = path("kept.jpg");
  std::filesystem::rename(file, kept);  // Gone from where the worker would look.
  wait_for(start_worker({"--exit-when-idle", "2"}));
  const auto [collected, collect_output] =
      mixtract("collect --queue " + queue_ + " --job " + job + " --wait 5 -o " + path("out/r.jsonl"));
  EXPECT_EQ(collected, 0) << collect_output;
  std::filesystem::rename(kept, file);
  mixtract("extract " + file + " --no-cache -o " + path("out/direct.jsonl"));
  EXPECT_EQ(records(path("out/r.jsonl")), records(path("out/direct.jsonl")));
}

TEST_F(QueueCliTest, AFileChangedSinceItWasSubmittedIsGivenUpOnAtOnce) {
  std::filesystem::copy_file(first_image(), path("one.jpg"));
  const std::string job = submit(path("one.jpg"));
  std::ofstream(path("one.jpg"), std::ios::app) << "after the end of the image";  // Still decodes.
  wait_for(start_worker({"--max-tries", "3", "--exit-when-idle", "2"}));
  const auto [collected, output] =
      mixtract("collect --queue " + queue_ + " --job " + job + " --wait 5 -o " + path("out/r.jsonl"));
  EXPECT_EQ(collected, 1) << output;
  EXPECT_THAT(testing::read_file(path("out/r.jsonl.errors.csv")),
              HasSubstr(path("one.jpg") + " changed since it was submitted: submit it again"));
}

TEST_F(QueueCliTest, BadOptionsAreClearErrors) {
  EXPECT_THAT(mixtract("submit " + path("docs") + " --queue http://h/s").second,
              HasSubstr("expected redis://HOST[:PORT]/STREAM"));
  const auto [code, output] = mixtract("collect --queue " + queue_ + " --job nosuchjob -o " + path("r.jsonl"));
  EXPECT_EQ(code, 2);
  EXPECT_THAT(output, HasSubstr("no job nosuchjob on " + queue_));
  const int port = testing::free_port();
  EXPECT_THAT(mixtract("submit " + path("docs") + " --queue redis://127.0.0.1:" + std::to_string(port) + "/s").second,
              HasSubstr("cannot reach Redis at 127.0.0.1:" + std::to_string(port)));
}

}  // namespace
}  // namespace mixtract
