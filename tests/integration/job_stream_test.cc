// The job stream against a real Redis: Debian's redis-server, started on a free loopback port with no
// persistence, one per test suite.
#include "queue/job_stream.h"

#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "redis_server.h"
#include "test_support.h"

namespace mixtract {
namespace {

class JobStreamTest : public ::testing::Test {
 protected:
  static void SetUpTestSuite() {
    redis_ = new testing::RedisServer(
        std::filesystem::path(::testing::TempDir()) / ("mixtract-redis-" + std::to_string(::getpid())), false);
    port_ = redis_->port();
  }
  static void TearDownTestSuite() {
    delete redis_;
    std::filesystem::remove_all(std::filesystem::path(::testing::TempDir()) /
                                ("mixtract-redis-" + std::to_string(::getpid())));
  }
  void SetUp() override {
    ASSERT_TRUE(redis_->running()) << "cannot start redis-server: install it with scripts/setup.sh";
    // Each test its own stream.
    const std::string name = ::testing::UnitTest::GetInstance()->current_test_info()->name();
    Result<QueueAddress> address = parse_queue_url("redis://127.0.0.1:" + std::to_string(port_) + "/" + name);
    ASSERT_TRUE(address.ok()) << address.status().message();
    address_ = *address;
  }
  JobStream open() {
    Result<JobStream> stream = JobStream::open(address_);
    EXPECT_TRUE(stream.ok()) << stream.status().message();
    return std::move(stream).value();
  }

  static inline testing::RedisServer* redis_ = nullptr;
  static inline int port_ = 0;
  QueueAddress address_;
};

TEST(QueueUrlTest, HostPortAndStream) {
  const QueueAddress address = parse_queue_url("redis://10.0.0.5:7000/scans").value();
  EXPECT_EQ(address.host, "10.0.0.5");
  EXPECT_EQ(address.port, 7000);
  EXPECT_EQ(address.stream, "scans");
  EXPECT_EQ(parse_queue_url("redis://queue.local/archive:2026").value().port, 6379);
  for (const char* bad : {"http://h:1/s", "redis://h:1", "redis://h:1/", "redis:///s", "redis://h:0/s",
                          "redis://h:99999/s", "redis://h:x/s", "redis://h/a b"}) {
    const Result<QueueAddress> parsed = parse_queue_url(bad);
    ASSERT_FALSE(parsed.ok()) << bad;
    EXPECT_NE(parsed.status().message().find("redis://HOST[:PORT]/STREAM"), std::string::npos) << bad;
  }
}

TEST(QueueUrlTest, AServerNotThereIsUnavailableAndNamed) {
  const int port = testing::free_port();
  const Result<JobStream> stream = JobStream::open({"127.0.0.1", port, "s"});
  ASSERT_FALSE(stream.ok());
  EXPECT_EQ(stream.status().code(), StatusCode::kUnavailable);
  EXPECT_NE(stream.status().message().find("127.0.0.1:" + std::to_string(port)), std::string::npos);
}

TEST_F(JobStreamTest, AMessageIsDeliveredOnceAndGoneWhenAcknowledged) {
  JobStream producer = open();
  JobStream worker = open();
  const std::string id = producer.add({{"path", "/scans/a.jpg"}, {"sha256", "ab12"}}).value();
  const std::optional<Delivery> got = worker.next("w1", 60000, 100).value();
  ASSERT_TRUE(got.has_value());
  EXPECT_EQ(got->id, id);
  EXPECT_EQ(got->field("path"), "/scans/a.jpg");
  EXPECT_EQ(got->field("sha256"), "ab12");
  EXPECT_EQ(got->field("absent"), "");
  EXPECT_EQ(got->deliveries, 1);
  EXPECT_EQ(producer.pending().value(), 1);
  EXPECT_FALSE(open().next("w2", 60000, 100).value().has_value());  // Taken, not yet idle long enough.
  ASSERT_TRUE(worker.ack(got->id).ok());
  EXPECT_EQ(producer.pending().value(), 0);
  EXPECT_FALSE(worker.next("w1", 0, 100).value().has_value());
  RedisConnection redis = RedisConnection::open("127.0.0.1", port_).value();
  EXPECT_EQ(redis.command({"XLEN", address_.stream}).value().integer, 0);  // Deleted with its bytes.
}

TEST_F(JobStreamTest, AMessageLeftPendingByADeadWorkerIsClaimedByAnother) {
  JobStream producer = open();
  (void)producer.add({{"path", "b.jpg"}}).value();
  {
    JobStream dying = open();
    ASSERT_TRUE(dying.next("dying", 60000, 100).value().has_value());
  }  // Gone without acknowledging.
  JobStream other = open();
  EXPECT_FALSE(other.next("other", 60000, 100).value().has_value());  // Not idle that long.
  std::this_thread::sleep_for(std::chrono::milliseconds(60));
  const std::optional<Delivery> claimed = other.next("other", 50, 100).value();
  ASSERT_TRUE(claimed.has_value());
  EXPECT_EQ(claimed->field("path"), "b.jpg");
  EXPECT_EQ(claimed->deliveries, 2);
}

TEST_F(JobStreamTest, ADeadLetterKeepsTheMessageAndTheReasonAndLeavesNothingPending) {
  JobStream stream = open();
  (void)stream.add({{"path", "poison.jpg"}}).value();
  const Delivery delivery = stream.next("w", 60000, 100).value().value();
  ASSERT_TRUE(stream.dead_letter(delivery, "failed 3 times: not an image").ok());
  EXPECT_EQ(stream.pending().value(), 0);
  EXPECT_EQ(stream.dead_letters().value(), 1);
  const std::vector<QueueFields> letters = stream.dead_letter_list().value();
  ASSERT_EQ(letters.size(), 1u);
  EXPECT_EQ(letters[0], (QueueFields{{"id", delivery.id},
                                     {"reason", "failed 3 times: not an image"},
                                     {"deliveries", "1"},
                                     {"path", "poison.jpg"}}));
}

TEST_F(JobStreamTest, AResultStoredTwiceIsOneResult) {
  JobStream stream = open();
  EXPECT_FALSE(stream.result("ab12|settings").value().has_value());
  EXPECT_FALSE(stream.has_result("ab12|settings").value());
  ASSERT_TRUE(stream.put_result("ab12|settings", R"({"name":"a"})").ok());
  ASSERT_TRUE(stream.put_result("ab12|settings", R"({"name":"a"})").ok());
  EXPECT_EQ(stream.result("ab12|settings").value(), R"({"name":"a"})");
  EXPECT_TRUE(stream.has_result("ab12|settings").value());
  RedisConnection redis = RedisConnection::open("127.0.0.1", port_).value();
  EXPECT_EQ(redis.command({"HLEN", stream.results_hash()}).value().integer, 1);
}

TEST_F(JobStreamTest, ManyResultsAreReadOrCheckedInOneGo) {
  JobStream stream = open();
  ASSERT_TRUE(stream.put_result("a|s", "record a").ok());
  ASSERT_TRUE(stream.put_result("c|s", "record c").ok());
  const std::vector<std::string> keys = {"a|s", "b|s", "c|s"};
  EXPECT_EQ(stream.have_results(keys).value(), (std::vector<bool>{true, false, true}));
  EXPECT_EQ(stream.results(keys).value(),
            (std::vector<std::optional<std::string>>{"record a", std::nullopt, "record c"}));
  EXPECT_TRUE(stream.have_results({}).value().empty());
}

TEST_F(JobStreamTest, DeadLettersAreFoundByJobAndTheLagCountsWhatNoWorkerHasYet) {
  JobStream stream = open();
  (void)stream.add({{"job", "j1"}, {"sha256", "aa"}}).value();
  (void)stream.add({{"job", "j2"}, {"sha256", "bb"}}).value();
  (void)stream.add({{"job", "j1"}, {"sha256", "cc"}}).value();
  EXPECT_EQ(stream.lag().value(), 3);  // Debian 12's Redis 7 reports it.
  ASSERT_TRUE(stream.dead_letter(stream.next("w", 60000, 100).value().value(), "unreadable").ok());
  ASSERT_TRUE(stream.dead_letter(stream.next("w", 60000, 100).value().value(), "other settings").ok());
  EXPECT_EQ(stream.lag().value(), 1);
  EXPECT_EQ(stream.given_up("j1").value(), (std::map<std::string, std::string>{{"aa", "unreadable"}}));
  EXPECT_EQ(stream.given_up("j2").value(), (std::map<std::string, std::string>{{"bb", "other settings"}}));
  EXPECT_TRUE(stream.given_up("j3").value().empty());
}

TEST_F(JobStreamTest, AJobKeepsItsFactsAndItsDocumentsInOrder) {
  JobStream stream = open();
  EXPECT_FALSE(stream.job("j1").value().has_value());
  JobStream::Job job;
  job.facts = {{"settings", "f00d"}};
  for (int i = 0; i < 2500; ++i) job.documents.push_back("doc " + std::to_string(i));
  ASSERT_TRUE(stream.put_job("j1", job).ok());
  const JobStream::Job read = stream.job("j1").value().value();
  EXPECT_EQ(read.documents, job.documents);
  EXPECT_EQ(read.facts, (QueueFields{{"documents", "2500"}, {"settings", "f00d"}}));
}

TEST_F(JobStreamTest, AnErrorReplyNamesTheCommand) {
  RedisConnection redis = RedisConnection::open("127.0.0.1", port_).value();
  const Result<RedisReply> wrong = redis.command({"XACK", "no-such-stream"});
  ASSERT_FALSE(wrong.ok());
  EXPECT_EQ(wrong.status().message().rfind("Redis XACK: ", 0), 0u) << wrong.status().message();
  EXPECT_FALSE(redis.command({}).ok());
}

}  // namespace
}  // namespace mixtract
