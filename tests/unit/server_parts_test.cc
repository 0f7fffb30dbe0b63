// The HTTP service's parts that need no network: base64, the rate limiter, the worker slots, the metrics'
// text, API keys, and requests answered from memory (the fuzz target's way in).
#include <chrono>
#include <mutex>
#include <thread>
#include <vector>

#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <opencv2/core.hpp>
#include <opencv2/imgcodecs.hpp>
#include <sqlite3.h>

#include "in_memory_api_server.h"
#include "server/api_keys.h"
#include "server/base64.h"
#include "server/batch_jobs.h"
#include "server/fair_slots.h"
#include "server/metrics.h"
#include "server/rate_limiter.h"
#include "server/review_store.h"
#include "test_support.h"

namespace mixtract::server {
namespace {

using ::testing::ElementsAre;
using ::testing::HasSubstr;

TEST(ApiServerTest, AnswersARawRequestWithoutASocket) {
  Result<std::unique_ptr<ApiServer>> created = mixtract::testing::in_memory_api_server();
  ASSERT_TRUE(created.ok()) << created.status().message();
  ApiServer* server = created->get();
  const std::string health = server->answer("GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n");
  EXPECT_THAT(health, ::testing::StartsWith("HTTP/1.1 200 OK\r\n"));
  EXPECT_THAT(health, HasSubstr("{\"status\":\"ok\"}"));
  // A 1x1 PNG named like a person's certificate: the file_name expert reads the person from the name.
  const std::string body =
      R"({"schema": "graduation_certificate", "file_name": "张三_本科毕业证书.png", "image_base64": )"
      R"("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg=="})";
  const std::string extracted = server->answer(
      "POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Content-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body);
  EXPECT_THAT(extracted, ::testing::StartsWith("HTTP/1.1 200 OK\r\n"));
  EXPECT_THAT(extracted, HasSubstr("\"value\":\"张三\""));
  const std::string garbage = server->answer("\x01\x02 not http\r\n\r\n");
  EXPECT_THAT(garbage, ::testing::StartsWith("HTTP/1.1 400 Bad Request\r\n"));
  EXPECT_THAT(garbage, HasSubstr("\"code\":\"bad_request\""));
}

TEST(ApiServerTest, TheBodyLimitHoldsWhateverTheFraming) {
  Result<std::unique_ptr<ApiServer>> created = mixtract::testing::in_memory_api_server();  // 1 MiB limit.
  ASSERT_TRUE(created.ok()) << created.status().message();
  ApiServer* server = created->get();
  std::string chunked =
      "POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n"
      "Transfer-Encoding: chunked\r\n\r\n";
  const std::string chunk(1 << 20, ' ');
  for (int i = 0; i < 3; ++i) chunked += "100000\r\n" + chunk + "\r\n";
  chunked += "0\r\n\r\n";
  const std::string refused = server->answer(chunked);
  EXPECT_THAT(refused, ::testing::StartsWith("HTTP/1.1 411 Length Required\r\n"));
  EXPECT_THAT(refused, HasSubstr("\"code\":\"length_required\""));
  const std::string gzip = server->answer(
      "POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Encoding: gzip\r\n"
      "Content-Length: 4\r\n\r\nabcd");
  EXPECT_THAT(gzip, ::testing::StartsWith("HTTP/1.1 415 Unsupported Media Type\r\n"));
  EXPECT_THAT(gzip, HasSubstr("\"code\":\"unsupported_encoding\""));
}

TEST(ApiServerTest, DecisionsAreTakenAsJsonFromThisServersOwnPagesOnly) {
  Result<std::unique_ptr<ApiServer>> created = mixtract::testing::in_memory_api_server();
  ASSERT_TRUE(created.ok()) << created.status().message();
  ApiServer* server = created->get();
  // A 1x1 PNG named like a person's certificate: its fields but the name are missing, so it waits for review.
  const std::string upload =
      R"({"schema": "graduation_certificate", "file_name": "张三_本科毕业证书.png", "image_base64": )"
      R"("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAAAAAA6fptVAAAACklEQVR4nGNoAAAAggCBd81ytgAAAABJRU5ErkJggg=="})";
  const std::string extracted =
      server->answer("POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
                     std::to_string(upload.size()) + "\r\n\r\n" + upload);
  const std::size_t at = extracted.find("X-Review-Id: ");
  ASSERT_NE(at, std::string::npos) << extracted;
  const std::string id = extracted.substr(at + 13, extracted.find('\r', at) - at - 13);
  auto decide = [&](const std::string& headers) {
    const std::string body = R"({"field": "name", "action": "accept"})";
    return server->answer("POST /v1/review/documents/" + id + "/decisions HTTP/1.1\r\nHost: x\r\n" + headers +
                          "Content-Length: " + std::to_string(body.size()) + "\r\n\r\n" + body);
  };
  // A plain-text POST, which any web page may send without asking: refused.
  EXPECT_THAT(decide("Content-Type: text/plain\r\n"), ::testing::StartsWith("HTTP/1.1 415 "));
  EXPECT_THAT(decide("Content-Type: application/json\r\nOrigin: http://elsewhere.example\r\n"),
              ::testing::StartsWith("HTTP/1.1 403 "));
  EXPECT_THAT(decide("Content-Type: application/json\r\nSec-Fetch-Site: cross-site\r\n"),
              ::testing::StartsWith("HTTP/1.1 403 "));
  // From the server's own page (same origin), or from a program (no Origin): taken.
  EXPECT_THAT(decide("Content-Type: application/json\r\nOrigin: http://x\r\nSec-Fetch-Site: same-origin\r\n"),
              ::testing::StartsWith("HTTP/1.1 200 "));
  EXPECT_THAT(decide("Content-Type: application/json; charset=utf-8\r\n"), ::testing::StartsWith("HTTP/1.1 200 "));
}

TEST(ApiServerTest, ATiffPixelBombIsRefusedFromItsHeader) {
  Result<std::unique_ptr<ApiServer>> created = mixtract::testing::in_memory_api_server();  // 4 megapixels.
  ASSERT_TRUE(created.ok()) << created.status().message();
  // A 38-byte TIFF whose directory declares 8000 x 8000 pixels (no pixel data).
  const std::string body = R"({"schema": "graduation_certificate", "file_name": "bomb.tif", "image_base64": )"
                           R"("SUkqAAgAAAACAAABBAABAAAAQB8AAAEBBAABAAAAQB8AAAAAAAA="})";
  const std::string answer = created->get()->answer(
      "POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: " +
      std::to_string(body.size()) + "\r\n\r\n" + body);
  EXPECT_THAT(answer, ::testing::StartsWith("HTTP/1.1 413 Payload Too Large\r\n"));
  EXPECT_THAT(answer, HasSubstr("8000 x 8000 pixels"));
}

TEST(Base64Test, DecodesAndRefusesWhatIsNotBase64) {
  EXPECT_EQ(decode_base64("aGVsbG8="), "hello");
  EXPECT_EQ(decode_base64("aGVs\nbG8h"), "hello!");
  EXPECT_EQ(decode_base64("aGk="), "hi");
  EXPECT_EQ(decode_base64("aA=="), "h");
  EXPECT_EQ(decode_base64("data:image/png;base64,aGk="), "hi");
  EXPECT_EQ(decode_base64(""), "");
  EXPECT_FALSE(decode_base64("aGk"));         // length
  EXPECT_FALSE(decode_base64("a=Gk"));        // padding inside
  EXPECT_FALSE(decode_base64("aA==aGk="));    // data after padding
  EXPECT_FALSE(decode_base64("a!k="));        // outside the alphabet
  EXPECT_FALSE(decode_base64("data:,aGk="));  // a data URL that is not base64
}

TEST(RateLimiterTest, AllowsAMinutesRequestsThenRefillsSteadily) {
  RateLimiter limiter(60);  // one a second
  const auto start = RateLimiter::Clock::now();
  int retry = 0;
  for (int i = 0; i < 60; ++i) EXPECT_TRUE(limiter.allow("k", start, retry)) << i;
  EXPECT_FALSE(limiter.allow("k", start, retry));
  EXPECT_EQ(retry, 1);
  EXPECT_TRUE(limiter.allow("other", start, retry));  // per key
  EXPECT_TRUE(limiter.allow("k", start + std::chrono::milliseconds(1000), retry));
  EXPECT_FALSE(limiter.allow("k", start + std::chrono::milliseconds(1500), retry));
  RateLimiter unlimited(0);
  for (int i = 0; i < 1000; ++i) EXPECT_TRUE(unlimited.allow("k", start, retry));
}

TEST(FairSlotsTest, FreeSlotsGoToTheWaitersInTheOrderTheyCame) {
  FairSlots slots(1);
  slots.acquire();
  std::mutex mutex;
  std::vector<int> order;
  std::vector<std::thread> waiters;
  for (int i = 0; i < 5; ++i) {
    waiters.emplace_back([&, i] {
      slots.acquire();
      {
        std::lock_guard lock(mutex);
        order.push_back(i);
      }
      slots.release();
    });
    std::this_thread::sleep_for(std::chrono::milliseconds(50));  // Each in line before the next comes.
  }
  // One that gives up leaves the line without holding up those behind it.
  EXPECT_FALSE(slots.try_acquire_for(std::chrono::milliseconds(20)));
  slots.release();
  for (std::thread& waiter : waiters) waiter.join();
  EXPECT_EQ(order, (std::vector<int>{0, 1, 2, 3, 4}));
  EXPECT_TRUE(slots.try_acquire_for(std::chrono::milliseconds(20)));  // All released: free again.
}

TEST(MetricsTest, RendersCountersHistogramsAndExperts) {
  Metrics metrics;
  metrics.request_done("/v1/extract", 200, 0.3);
  metrics.request_done("/v1/extract", 200, 7);
  metrics.request_done("/v1/extract", 400, 0.001);
  Record record;
  record.expert_costs["ppocr"] = {};
  record.expert_costs["llm_text"] = {};
  record.warnings = {"expert llm_text failed: timeout", "expert file_name said nothing"};
  metrics.record_done(record);
  const std::string text = metrics.render();
  EXPECT_THAT(text, HasSubstr("mixtract_http_requests_total{route=\"/v1/extract\",status=\"200\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("mixtract_http_request_duration_seconds_bucket{route=\"/v1/extract\",le=\"0.005\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("mixtract_http_request_duration_seconds_bucket{route=\"/v1/extract\",le=\"0.5\"} 2\n"));
  EXPECT_THAT(text, HasSubstr("mixtract_http_request_duration_seconds_bucket{route=\"/v1/extract\",le=\"10\"} 3\n"));
  EXPECT_THAT(text, HasSubstr("mixtract_http_request_duration_seconds_count{route=\"/v1/extract\"} 3\n"));
  EXPECT_THAT(text, HasSubstr("mixtract_expert_calls_total{expert=\"ppocr\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("mixtract_expert_errors_total{expert=\"llm_text\"} 1\n"));
  EXPECT_THAT(text, HasSubstr("mixtract_expert_errors_total{expert=\"ppocr\"} 0\n"));
  EXPECT_THAT(text, ::testing::Not(HasSubstr("file_name")));
}

TEST(ApiKeysTest, KeysAreStoredHashedAndRecognised) {
  mixtract::testing::ScratchDir dir;
  const std::filesystem::path file = dir / "server.sqlite";
  EXPECT_EQ(ApiKeys::load(file)->size(), 0u);  // no file: no keys
  Result<std::string> alice = add_api_key(file, "alice");
  Result<std::string> bob = add_api_key(file, "bob");
  ASSERT_TRUE(alice.ok() && bob.ok());
  EXPECT_NE(*alice, *bob);
  EXPECT_EQ(alice->size(), 51u);
  Result<ApiKeys> keys = ApiKeys::load(file);
  ASSERT_TRUE(keys.ok());
  EXPECT_EQ(keys->holder(*alice)->name, "alice");
  EXPECT_FALSE(keys->holder(*alice)->admin);
  EXPECT_EQ(keys->holder(*bob)->name, "bob");
  EXPECT_FALSE(keys->holder(""));
  EXPECT_FALSE(keys->holder(alice->substr(0, 50)));
  Result<std::string> carol = add_api_key(file, "carol", /*admin=*/true);
  ASSERT_TRUE(carol.ok());
  EXPECT_TRUE(ApiKeys::load(file)->holder(*carol)->admin);
  EXPECT_EQ(mixtract::testing::read_file(file).find(*alice), std::string::npos);
  EXPECT_FALSE(add_api_key(file, "").ok());
  std::ofstream(dir / "junk.sqlite") << "not a database";
  EXPECT_FALSE(ApiKeys::load(dir / "junk.sqlite").ok());
}

// Makes rows of `table` matching `where` look `days` days old, as a later run would see them.
void age(const std::filesystem::path& file, const std::string& table, const std::string& where, int days) {
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  const std::string sql =
      "UPDATE " + table + " SET created = datetime('now', '" + std::to_string(-days) + " days') WHERE " + where;
  EXPECT_EQ(sqlite3_exec(db, sql.c_str(), nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
}

// A small white page, as an upload.
Document white_page() {
  std::vector<unsigned char> png;
  cv::imencode(".png", cv::Mat(8, 8, CV_8UC3, cv::Scalar(255, 255, 255)), png);
  return Document::decode(std::string(png.begin(), png.end()), "a.png").value();
}

Record review_record(const std::string& source) {
  Record record;
  record.source = source;
  record.schema = "id_card";
  FieldResult name;
  name.field = "name";
  name.status = FieldStatus::kMissing;
  record.fields.push_back(name);
  return record;
}

TEST(ReviewStoreTest, EachKeySeesTheDocumentsItSentAndAnAdminSeesAll) {
  mixtract::testing::ScratchDir dir;
  Result<std::unique_ptr<ReviewStore>> store = ReviewStore::open(dir / "server.sqlite");
  ASSERT_TRUE(store.ok()) << store.status().message();
  const Document page = white_page();
  const std::int64_t alices = (*store)->add(review_record("a.png"), page, "alice")->value();
  const std::int64_t bobs = (*store)->add(review_record("b.png"), page, "bob")->value();
  EXPECT_EQ((*store)->queue(std::string("alice"))->size(), 1u);
  EXPECT_EQ((*store)->queue(std::string("alice"))->front().id, alices);
  EXPECT_EQ((*store)->queue(std::nullopt)->size(), 2u);
  // Another's document is, to bob, no document: not shown, no page, no decision.
  EXPECT_FALSE((*store)->document(alices, std::string("bob"))->has_value());
  EXPECT_TRUE((*store)->document(bobs, std::string("bob"))->has_value());
  EXPECT_FALSE((*store)->page(alices, std::string("bob"))->has_value());
  EXPECT_TRUE((*store)->page(alices, std::nullopt)->has_value());
  EXPECT_EQ((*store)->decide(alices, std::string("bob"), "name", "edit", "张三", "bob").code(), StatusCode::kNotFound);
  EXPECT_TRUE((*store)->decide(alices, std::string("alice"), "name", "edit", "张三", "alice").ok());
}

TEST(ReviewStoreTest, DocumentsPastTheRetentionPeriodAreDeleted) {
  mixtract::testing::ScratchDir dir;
  const std::filesystem::path file = dir / "server.sqlite";
  Result<std::unique_ptr<ReviewStore>> store = ReviewStore::open(file);
  ASSERT_TRUE(store.ok());
  const Document page = white_page();
  const std::int64_t old = (*store)->add(review_record("old.png"), page, "alice")->value();
  const std::int64_t recent = (*store)->add(review_record("new.png"), page, "alice")->value();
  ASSERT_TRUE((*store)->decide(old, std::nullopt, "name", "accept", "", "alice").ok());
  age(file, "review_documents", "id = " + std::to_string(old), 31);
  EXPECT_EQ((*store)->delete_older_than(30).value(), 1u);
  EXPECT_FALSE((*store)->document(old, std::nullopt)->has_value());
  EXPECT_FALSE((*store)->page(old, std::nullopt)->has_value());
  EXPECT_TRUE((*store)->document(recent, std::nullopt)->has_value());
  EXPECT_EQ((*store)->all()->size(), 1u);
}

TEST(ApiServerTest, ServingDeletesWhatIsPastTheRetentionPeriod) {
  mixtract::testing::ScratchDir dir;
  const std::filesystem::path file = dir / "server.sqlite";
  std::int64_t old = 0;
  {
    Result<std::unique_ptr<ReviewStore>> store = ReviewStore::open(file);
    ASSERT_TRUE(store.ok());
    old = (*store)->add(review_record("old.png"), white_page(), "alice")->value();
  }
  age(file, "review_documents", "id = " + std::to_string(old), 31);
  Result<std::unique_ptr<ApiServer>> created = mixtract::testing::in_memory_api_server(file);  // keep_days 30
  ASSERT_TRUE(created.ok()) << created.status().message();
  ASSERT_TRUE((*created)->bind().ok());
  std::thread serving([&] { (*created)->serve(); });
  Result<std::unique_ptr<ReviewStore>> store = ReviewStore::open(file);
  bool deleted = false;
  for (int i = 0; i < 100 && !deleted; ++i) {
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
    deleted = !(*store)->document(old, std::nullopt)->has_value();
  }
  (*created)->stop();
  serving.join();
  EXPECT_TRUE(deleted);
}

TEST(BatchJobsTest, JobsPastTheRetentionPeriodAreDeleted) {
  mixtract::testing::ScratchDir dir;
  const std::filesystem::path file = dir / "server.sqlite";
  Result<std::unique_ptr<BatchJobs>> jobs = BatchJobs::open(file);
  ASSERT_TRUE(jobs.ok());
  const std::string old = (*jobs)->submit("alice", "auto", {JobImage{"a.png", "bytes"}}).value();
  const std::string recent = (*jobs)->submit("alice", "auto", {JobImage{"b.png", "bytes"}}).value();
  age(file, "batch_jobs", "id = '" + old + "'", 40);
  EXPECT_EQ((*jobs)->delete_older_than(30).value(), 1u);
  EXPECT_FALSE((*jobs)->status(old)->has_value());
  EXPECT_TRUE((*jobs)->status(recent)->has_value());
  const std::optional<JobTask> next = (*jobs)->next_task({}).value();
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->job, recent);  // The old job's images went with it.
  EXPECT_EQ(next->owner, "alice");
}

TEST(BatchJobsTest, ADocumentOfTheSameContentAsAnEarlierOneOfItsJobIsExtractedOnceAndGetsItsResult) {
  mixtract::testing::ScratchDir dir;
  Result<std::unique_ptr<BatchJobs>> jobs = BatchJobs::open(dir / "server.sqlite");
  ASSERT_TRUE(jobs.ok());
  const std::string id =
      (*jobs)
          ->submit("alice", "auto", {JobImage{"a.png", "one"}, JobImage{"b.png", "two"}, JobImage{"c.png", "one"}})
          .value();
  std::vector<std::pair<std::string, std::int64_t>> taken;
  for (std::optional<JobTask> task = (*jobs)->next_task(taken).value(); task;
       task = (*jobs)->next_task(taken).value()) {
    taken.emplace_back(task->job, task->position);
  }
  EXPECT_THAT(taken, ElementsAre(std::pair{id, std::int64_t{0}}, std::pair{id, std::int64_t{1}}));
  ASSERT_TRUE((*jobs)->complete(id, 1, "record of b").ok());
  EXPECT_TRUE((*jobs)->results(id, 0)->empty());  // The first is not done: nothing after it is sent.
  EXPECT_EQ((*jobs)->status(id).value()->done, 1u);
  ASSERT_TRUE((*jobs)->complete(id, 0, "record of a").ok());
  EXPECT_THAT((*jobs)->results(id, 0).value(), ElementsAre("record of a", "record of b", "record of a"));
  EXPECT_TRUE((*jobs)->status(id).value()->finished());
  // Another job of the same content is extracted again: jobs share nothing.
  const std::string other = (*jobs)->submit("bob", "auto", {JobImage{"a.png", "one"}}).value();
  const std::optional<JobTask> next = (*jobs)->next_task({}).value();
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->job, other);
}

TEST(BatchJobsTest, AStateFileOfAnEarlierVersionIsTakenAsItIs) {
  mixtract::testing::ScratchDir dir;
  const std::filesystem::path file = dir / "server.sqlite";
  sqlite3* db = nullptr;
  ASSERT_EQ(sqlite3_open(file.c_str(), &db), SQLITE_OK);
  const char* earlier =  // The tables before documents kept their content hash.
      "CREATE TABLE batch_jobs(id TEXT PRIMARY KEY, owner TEXT NOT NULL, schema TEXT NOT NULL, created TEXT NOT NULL,"
      " documents INTEGER NOT NULL);"
      "CREATE TABLE batch_documents(job TEXT NOT NULL REFERENCES batch_jobs(id), position INTEGER NOT NULL,"
      " file_name TEXT NOT NULL, image BLOB, result TEXT, PRIMARY KEY(job, position));"
      "INSERT INTO batch_jobs VALUES ('00000000000000aa', 'alice', 'auto', datetime('now'), 2);"
      "INSERT INTO batch_documents VALUES ('00000000000000aa', 0, 'a.png', x'01', NULL);"
      "INSERT INTO batch_documents VALUES ('00000000000000aa', 1, 'b.png', x'01', NULL);";
  ASSERT_EQ(sqlite3_exec(db, earlier, nullptr, nullptr, nullptr), SQLITE_OK) << sqlite3_errmsg(db);
  sqlite3_close(db);
  Result<std::unique_ptr<BatchJobs>> jobs = BatchJobs::open(file);
  ASSERT_TRUE(jobs.ok()) << jobs.status().message();
  ASSERT_TRUE((*jobs)->complete("00000000000000aa", 0, "record of a").ok());
  const std::optional<JobTask> next = (*jobs)->next_task({}).value();
  ASSERT_TRUE(next.has_value());
  EXPECT_EQ(next->position, 1);  // Same bytes, but submitted before contents were kept: extracted.
  ASSERT_TRUE((*jobs)->complete("00000000000000aa", 1, "record of b").ok());
  EXPECT_THAT((*jobs)->results("00000000000000aa", 0).value(), ElementsAre("record of a", "record of b"));
}

}  // namespace
}  // namespace mixtract::server
