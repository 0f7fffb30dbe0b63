// The HTTP service's parts that need no network: base64, the rate limiter, the metrics' text, API keys,
// and requests answered from memory (the fuzz target's way in).
#include <gmock/gmock.h>
#include <gtest/gtest.h>

#include "in_memory_api_server.h"
#include "server/api_keys.h"
#include "server/base64.h"
#include "server/metrics.h"
#include "server/rate_limiter.h"
#include "test_support.h"

namespace mixtract::server {
namespace {

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
  EXPECT_EQ(keys->owner(*alice), "alice");
  EXPECT_EQ(keys->owner(*bob), "bob");
  EXPECT_FALSE(keys->owner(""));
  EXPECT_FALSE(keys->owner(alice->substr(0, 50)));
  EXPECT_EQ(mixtract::testing::read_file(file).find(*alice), std::string::npos);
  EXPECT_FALSE(add_api_key(file, "").ok());
  std::ofstream(dir / "junk.sqlite") << "not a database";
  EXPECT_FALSE(ApiKeys::load(dir / "junk.sqlite").ok());
}

}  // namespace
}  // namespace mixtract::server
