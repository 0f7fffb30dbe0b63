// The HTTP service as users reach it: the real `mixtract serve` process on a free loopback port, called
// over HTTP with cpp-httplib's client.
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <fcntl.h>
#include <gmock/gmock.h>
#include <gtest/gtest.h>
#include <httplib.h>
#include <netinet/in.h>
#include <nlohmann/json.hpp>
#include <signal.h>
#include <spawn.h>

#include "server_process.h"
#include "test_support.h"

extern char** environ;

namespace {

using nlohmann::json;
using ::testing::HasSubstr;

class ServerTest : public ::testing::Test {
 protected:
  void SetUp() override {
    // Each test has its own analysis cache: pages are read afresh (and extraction takes its real time).
    setenv("MIXTRACT_CACHE_DIR", (scratch_ / "cache").c_str(), 1);
    key_ = new_key("tester");
    ASSERT_EQ(key_.rfind("mx_", 0), 0u) << key_;
  }

  std::string state() const { return (scratch_ / "server.sqlite").string(); }

  // The review of document `id` (李四_身份证.jpg, its first field edited to 张三), exported as labelled data
  // for tune.
  void expect_exported_for_tune(const std::string& id) const {
    const std::filesystem::path out = scratch_ / "labelled";
    std::string output;
    ASSERT_EQ(mixtract::testing::run_command(std::string(MIXTRACT_BIN) + " serve --state " + state() +
                                                 " --export-review " + out.string() + " 2>&1",
                                             output),
              0)
        << output;
    EXPECT_THAT(output, HasSubstr("1 reviewed document(s)"));
    const std::string table = mixtract::testing::read_file(out / "truth.csv");
    EXPECT_THAT(table, HasSubstr("文件,文书类型,"));
    EXPECT_THAT(table, HasSubstr(id + "_李四_身份证.jpg,身份证,"));
    EXPECT_THAT(table, HasSubstr("张三"));
    EXPECT_TRUE(std::filesystem::exists(out / (id + "_李四_身份证.jpg")));
  }

  // A new API key in the service's state; `args`: its name, and --admin for an admin's.
  std::string new_key(const std::string& args) const {
    std::string output;
    EXPECT_EQ(
        mixtract::testing::run_command(
            std::string(MIXTRACT_BIN) + " serve --state " + state() + " --new-key " + args + " 2>/dev/null", output),
        0);
    return output.substr(0, output.find('\n'));
  }

  // Starts the server with `extra` options; fails the test when it does not say where it listens.
  std::unique_ptr<mixtract::testing::ServerProcess> start(std::vector<std::string> extra = {}) {
    std::vector<std::string> args = {"serve", "--port", "0", "--state", state(), "--workers", "1"};
    args.insert(args.end(), extra.begin(), extra.end());
    auto server = std::make_unique<mixtract::testing::ServerProcess>(args);
    EXPECT_GT(server->port(), 0) << server->first_line();
    return server;
  }

  httplib::Headers auth() const { return bearer(key_); }
  static httplib::Headers bearer(const std::string& key) { return {{"Authorization", "Bearer " + key}}; }

  // A rendered graduation certificate and its truth.
  std::filesystem::path certificate(json& truth) {
    std::string output;
    const std::string docs = (scratch_ / "docs").string();
    EXPECT_EQ(mixtract::testing::run_command(
                  std::string(MIXTRACT_BIN) + " synth --n 1 --seed 11 --out " + docs + " 2>&1", output),
              0)
        << output;
    std::ifstream lines(scratch_ / "docs" / "truth.jsonl");
    for (std::string line; std::getline(lines, line);) {
      truth = json::parse(line);
      if (truth.value("文书类型", "") == "毕业证书") return scratch_ / "docs" / truth["文件"].get<std::string>();
    }
    ADD_FAILURE() << "synth wrote no 毕业证书";
    return {};
  }

  // The service lists its schemas and describes its API.
  void expect_described(httplib::Client& client) const {
    httplib::Result schemas = client.Get("/v1/schemas", auth());
    ASSERT_TRUE(schemas);
    ASSERT_EQ(schemas->status, 200);
    EXPECT_THAT(schemas->body, HasSubstr("\"graduation_certificate\""));
    httplib::Result openapi = client.Get("/openapi.json");
    ASSERT_TRUE(openapi);
    EXPECT_TRUE(json::parse(openapi->body)["paths"].contains("/v1/extract"));
  }

  static std::string field_value(const json& record, const std::string& name) {
    return record["fields"].contains(name) ? record["fields"][name]["value"].get<std::string>() : "(no " + name + ")";
  }

  mixtract::testing::ScratchDir scratch_;
  std::string key_;
};

TEST_F(ServerTest, ExtractsAnUploadedCertificate) {
  json truth;
  const std::filesystem::path file = certificate(truth);
  const std::string image = mixtract::testing::read_file(file);
  auto server = start();
  httplib::Client client("127.0.0.1", server->port());
  client.set_read_timeout(120, 0);

  httplib::MultipartFormDataItems form = {{"image", image, file.filename().string(), "image/jpeg"}};
  httplib::Result multipart = client.Post("/v1/extract", auth(), form);
  ASSERT_TRUE(multipart) << httplib::to_string(multipart.error());
  ASSERT_EQ(multipart->status, 200) << multipart->body;
  EXPECT_FALSE(multipart->get_header_value("X-Request-Id").empty());
  const json record = json::parse(multipart->body);
  EXPECT_EQ(record["schema"], "graduation_certificate");
  EXPECT_EQ(record["source"], file.filename().string());
  EXPECT_EQ(field_value(record, "name"), truth["姓名"].get<std::string>());
  EXPECT_EQ(field_value(record, "certificate_number"), truth["证书编号"].get<std::string>());

  // The same as JSON with base64; a path in the file name is cut to the name.
  std::string encoded;
  ASSERT_EQ(mixtract::testing::run_command("base64 -w0 '" + file.string() + "'", encoded), 0);
  const json body = {
      {"image_base64", encoded}, {"schema", "graduation_certificate"}, {"file_name", "../../x/证书.jpg"}};
  httplib::Result as_json = client.Post("/v1/extract", auth(), body.dump(), "application/json");
  ASSERT_TRUE(as_json);
  ASSERT_EQ(as_json->status, 200) << as_json->body;
  const json second = json::parse(as_json->body);
  EXPECT_EQ(second["source"], "证书.jpg");
  EXPECT_EQ(field_value(second, "name"), truth["姓名"].get<std::string>());

  // Routes for this request only: the name from the file name, as the file_name expert reads it.
  json routed = body;
  routed["file_name"] = "王五_本科毕业证书.jpg";
  routed["routes"] = {{"schema", "graduation_certificate"},
                      {"fields", {{"name", {{"route", {{"experts", {"file_name"}}}}}}}}};
  httplib::Result overridden = client.Post("/v1/extract", auth(), routed.dump(), "application/json");
  ASSERT_TRUE(overridden);
  ASSERT_EQ(overridden->status, 200) << overridden->body;
  const json third = json::parse(overridden->body);
  EXPECT_EQ(field_value(third, "name"), "王五");
  EXPECT_EQ(third["fields"]["name"]["expert"], "file_name");
  EXPECT_EQ(field_value(third, "certificate_number"), truth["证书编号"].get<std::string>());
  routed["routes"]["fields"]["name"]["route"]["experts"] = {"gpt9"};
  httplib::Result unknown_expert = client.Post("/v1/extract", auth(), routed.dump(), "application/json");
  ASSERT_TRUE(unknown_expert);
  EXPECT_EQ(unknown_expert->status, 400);
  EXPECT_THAT(unknown_expert->body, HasSubstr("bad_routes"));
  EXPECT_THAT(unknown_expert->body, HasSubstr("gpt9"));

  // The schemas, the description, the metrics.
  expect_described(client);
  httplib::Result metrics = client.Get("/metrics", auth());
  ASSERT_TRUE(metrics);
  EXPECT_THAT(metrics->body, HasSubstr("mixtract_http_requests_total{route=\"/v1/extract\",status=\"200\"} 3"));
  EXPECT_THAT(metrics->body, HasSubstr("mixtract_http_requests_total{route=\"/v1/extract\",status=\"400\"} 1"));
  EXPECT_THAT(metrics->body, HasSubstr("mixtract_expert_calls_total{expert=\"ppocr\"} 3"));
  EXPECT_THAT(metrics->body, HasSubstr("mixtract_queue_depth 0"));
}

TEST_F(ServerTest, KeysAreRequiredAndChecked) {
  auto server = start();
  httplib::Client client("127.0.0.1", server->port());
  httplib::Result health = client.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
  httplib::Result none = client.Get("/v1/schemas");
  ASSERT_TRUE(none);
  EXPECT_EQ(none->status, 401);
  EXPECT_EQ(json::parse(none->body)["error"]["code"], "unauthorized");
  httplib::Result wrong = client.Get("/v1/schemas", {{"X-API-Key", "mx_0000"}});
  ASSERT_TRUE(wrong);
  EXPECT_EQ(wrong->status, 401);
  EXPECT_THAT(wrong->body, HasSubstr("the API key is not valid"));
  // Only the key's hash is stored.
  EXPECT_EQ(mixtract::testing::read_file(state()).find(key_), std::string::npos);
  // No keys at all: on loopback, where anyone may call.
  auto open_server = start({"--no-auth"});
  httplib::Client open_client("127.0.0.1", open_server->port());
  httplib::Result open = open_client.Get("/v1/schemas");
  ASSERT_TRUE(open);
  EXPECT_EQ(open->status, 200);
  std::string output;
  EXPECT_NE(mixtract::testing::run_command(std::string(MIXTRACT_BIN) + " serve --no-auth --host 0.0.0.0 2>&1", output),
            0);
  EXPECT_THAT(output, HasSubstr("--no-auth is only allowed on a loopback address"));
}

TEST_F(ServerTest, BadRequestsGetTheRight4xxAndTheServerGoesOn) {
  auto server = start({"--max-upload-mb", "1", "--max-megapixels", "1"});
  httplib::Client client("127.0.0.1", server->port());
  auto error_of = [&](httplib::Result r) {
    return r ? std::to_string(r->status) + " " + json::parse(r->body)["error"]["code"].get<std::string>()
             : std::string("no answer");
  };
  EXPECT_EQ(error_of(client.Post("/v1/extract", auth(), "{not json", "application/json")), "400 bad_json");
  EXPECT_EQ(error_of(client.Post("/v1/extract", auth(), "{}", "application/json")), "400 missing_image");
  EXPECT_EQ(error_of(client.Post("/v1/extract", auth(), R"({"image_base64": "@@@@"})", "application/json")),
            "400 bad_base64");
  EXPECT_EQ(error_of(client.Post("/v1/extract", auth(), R"({"image_base64": "aGVsbG8=", "schema": "passport"})",
                                 "application/json")),
            "400 unknown_schema");
  EXPECT_EQ(error_of(client.Post("/v1/extract", auth(), R"({"image_base64": "aGVsbG8="})", "application/json")),
            "422 not_an_image");
  EXPECT_EQ(error_of(client.Post("/v1/extract", auth(), "hello", "text/plain")), "415 unsupported_media_type");
  EXPECT_EQ(error_of(client.Post("/v1/extract", auth(), std::string(2u << 20, 'x'), "application/json")),
            "413 too_large");
  // A PNG header claiming 2000 x 1000 pixels: refused before decoding.
  std::string png = std::string("\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x07\xd0\0\0\x03\xe8\x08\x02\0\0\0", 29);
  EXPECT_EQ(error_of(client.Post("/v1/extract", auth(),
                                 httplib::MultipartFormDataItems{{"image", png, "big.png", "image/png"}})),
            "413 image_too_large");
  EXPECT_EQ(error_of(client.Post("/v1/extract", auth(), httplib::MultipartFormDataItems{{"schema", "auto", "", ""}})),
            "400 missing_image");
  EXPECT_EQ(error_of(client.Get("/v2/nothing", auth())), "404 not_found");
  httplib::Result health = client.Get("/healthz");
  ASSERT_TRUE(health);
  EXPECT_EQ(health->status, 200);
}

TEST_F(ServerTest, RateLimitsPerKey) {
  auto server = start({"--rate-limit", "3"});
  httplib::Client client("127.0.0.1", server->port());
  for (int i = 0; i < 3; ++i) {
    httplib::Result r = client.Get("/v1/schemas", auth());
    ASSERT_TRUE(r);
    EXPECT_EQ(r->status, 200) << i;
  }
  httplib::Result limited = client.Get("/v1/schemas", auth());
  ASSERT_TRUE(limited);
  EXPECT_EQ(limited->status, 429);
  EXPECT_GE(std::stoi(limited->get_header_value("Retry-After")), 1);
}

TEST_F(ServerTest, SlowAndManyClientsDoNotStopOthers) {
  // 32 clients at once from one address: more than the default cap on connections per address (tested
  // on its own below), so the cap is raised here.
  auto server = start({"--read-timeout", "1", "--rate-limit", "0", "--connections-per-client", "64"});
  // A client that sends half a request and waits.
  const int slow = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(server->port()));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  ASSERT_EQ(connect(slow, reinterpret_cast<sockaddr*>(&address), sizeof address), 0);
  const std::string half = "GET /v1/schemas HTTP/1.1\r\nHost: x\r\n";
  ASSERT_EQ(send(slow, half.data(), half.size(), 0), static_cast<ssize_t>(half.size()));
  // 32 clients at once, while it waits.
  std::vector<std::future<int>> answers;
  for (int i = 0; i < 32; ++i) {
    answers.push_back(std::async(std::launch::async, [&] {
      httplib::Client client("127.0.0.1", server->port());
      httplib::Result r = client.Get("/v1/schemas", auth());
      return r ? r->status : -1;
    }));
  }
  for (auto& answer : answers) EXPECT_EQ(answer.get(), 200);
  // The slow client has been cut off: after at most an error status, its connection reads end of file
  // (not the 3 s receive timeout).
  timeval timeout{3, 0};
  setsockopt(slow, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  std::string answer;
  char buffer[512];
  ssize_t n = 0;
  while ((n = recv(slow, buffer, sizeof buffer, 0)) > 0) answer.append(buffer, static_cast<std::size_t>(n));
  EXPECT_EQ(n, 0) << "the connection is still open";
  EXPECT_EQ(answer.find("200 OK"), std::string::npos) << answer;
  close(slow);
}

// A connection to the server on the loopback address, or -1.
int connect_to(int port) {
  const int fd = socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_port = htons(static_cast<uint16_t>(port));
  inet_pton(AF_INET, "127.0.0.1", &address.sin_addr);
  if (connect(fd, reinterpret_cast<sockaddr*>(&address), sizeof address) != 0) {
    close(fd);
    return -1;
  }
  return fd;
}

// What the server sends on `fd` until it closes it, waiting at most `seconds`.
std::string answer_on(int fd, int seconds) {
  timeval timeout{seconds, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  std::string answer;
  char buffer[512];
  for (ssize_t n; (n = recv(fd, buffer, sizeof buffer, 0)) > 0;) answer.append(buffer, static_cast<std::size_t>(n));
  return answer;
}

TEST_F(ServerTest, SlowDripClientsNeitherHoldTheServerNorOutlastTheirDeadline) {
  // The cap on connections per address is tested on its own below: raised here, where the drips and the
  // health checks come from one address.
  auto server = start({"--read-timeout", "3", "--rate-limit", "0", "--connections-per-client", "64"});
  // Twelve connections sending one byte of a request every 0.4 s (they would take 20 s in all), with
  // no key: the reported attack.
  const std::string request = "GET /v1/schemas HTTP/1.1\r\nHost: x\r\nX-Padding: " + std::string(12, 'p') + "\r\n\r\n";
  std::vector<int> drips;
  for (int i = 0; i < 12; ++i) drips.push_back(connect_to(server->port()));
  std::atomic<bool> dripping{true};
  std::thread dripper([&] {
    for (std::size_t sent = 0; dripping && sent < request.size(); ++sent) {
      for (int fd : drips) send(fd, request.data() + sent, 1, MSG_NOSIGNAL);
      std::this_thread::sleep_for(std::chrono::milliseconds(400));
    }
  });
  // Meanwhile /healthz and /metrics answer, well before the drips' deadline.
  httplib::Client client("127.0.0.1", server->port());
  client.set_read_timeout(2, 0);
  for (int i = 0; i < 5; ++i) {
    httplib::Result health = client.Get("/healthz");
    ASSERT_TRUE(health) << i;
    EXPECT_EQ(health->status, 200);
    httplib::Result metrics = client.Get("/metrics", auth());
    ASSERT_TRUE(metrics) << i;
    EXPECT_EQ(metrics->status, 200);
    std::this_thread::sleep_for(std::chrono::milliseconds(300));
  }
  // Each drip is answered 408 once its 3 s are out, though it was still sending.
  for (int fd : drips) {
    const std::string answer = answer_on(fd, 5);
    EXPECT_THAT(answer, HasSubstr("HTTP/1.1 408 ")) << answer;
    EXPECT_THAT(answer, HasSubstr(R"("code":"timeout")"));
  }
  dripping = false;
  dripper.join();
  for (int fd : drips) close(fd);
}

// The next answer on `fd`: its status line and headers, and its body as long as Content-Length says.
std::string next_answer_on(int fd) {
  timeval timeout{5, 0};
  setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &timeout, sizeof timeout);
  std::string answer;
  char c;
  while (answer.find("\r\n\r\n") == std::string::npos && recv(fd, &c, 1, 0) == 1) answer += c;
  const std::size_t length_at = answer.find("Content-Length: ");
  std::size_t length = length_at == std::string::npos ? 0 : std::stoul(answer.substr(length_at + 16));
  while (length > 0 && recv(fd, &c, 1, 0) == 1) answer += c, --length;
  return answer;
}

TEST_F(ServerTest, AConnectionCarriesRequestsUntilTheClientClosesIt) {
  auto server = start({"--rate-limit", "0", "--read-timeout", "2"});
  const std::string health = "GET /healthz HTTP/1.1\r\nHost: x\r\n\r\n";
  const int fd = connect_to(server->port());
  for (int i = 0; i < 3; ++i) {  // Three requests, one after the other, on one connection.
    ASSERT_EQ(send(fd, health.data(), health.size(), MSG_NOSIGNAL), static_cast<ssize_t>(health.size()));
    const std::string answer = next_answer_on(fd);
    EXPECT_THAT(answer, HasSubstr("HTTP/1.1 200 ")) << i << answer;
    EXPECT_THAT(answer, HasSubstr("Keep-Alive: timeout=2")) << i;
  }
  // Idle past the read timeout: closed, with no answer.
  EXPECT_EQ(answer_on(fd, 5), "");
  close(fd);
  // A request that asks to close is answered, then its connection closed.
  const int once = connect_to(server->port());
  const std::string closing = "GET /healthz HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n";
  send(once, closing.data(), closing.size(), MSG_NOSIGNAL);
  const std::string answer = answer_on(once, 5);
  EXPECT_THAT(answer, HasSubstr("HTTP/1.1 200 "));
  EXPECT_THAT(answer, HasSubstr("Connection: close"));
  close(once);
  // A body the server does not take (chunked) is refused, and its connection not kept: what follows is
  // the body, not a request to answer.
  const int chunked = connect_to(server->port());
  const std::string post =
      "POST /v1/extract HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nTransfer-Encoding: chunked\r\n\r\n"
      "5\r\nhello\r\n0\r\n\r\n";
  send(chunked, post.data(), post.size(), MSG_NOSIGNAL);
  const std::string refused = answer_on(chunked, 5);
  EXPECT_THAT(refused, HasSubstr("HTTP/1.1 411 "));
  EXPECT_EQ(refused.find("HTTP/1.1 ", 1), std::string::npos) << refused;  // One answer only.
  close(chunked);
}

TEST_F(ServerTest, OneAddressHoldsABoundedNumberOfConnections) {
  auto server = start({"--connections-per-client", "4", "--rate-limit", "0"});
  std::vector<int> idle;
  for (int i = 0; i < 4; ++i) idle.push_back(connect_to(server->port()));
  std::this_thread::sleep_for(std::chrono::milliseconds(300));  // Taken up by the server, in that order.
  // The fifth is answered 503 at once.
  const int fifth = connect_to(server->port());
  const std::string refused = answer_on(fifth, 2);
  EXPECT_THAT(refused, HasSubstr("HTTP/1.1 503 ")) << refused;
  EXPECT_THAT(refused, HasSubstr("connections to the server, its most"));
  close(fifth);
  // Once one closes, a new connection is served.
  close(idle.back());
  idle.pop_back();
  httplib::Client client("127.0.0.1", server->port());
  int status = 0;
  for (int i = 0; i < 50 && status != 200; ++i) {  // As soon as the server has seen it closed.
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    httplib::Result health = client.Get("/healthz");
    status = health ? health->status : -1;
  }
  EXPECT_EQ(status, 200);
  for (int fd : idle) close(fd);
}

TEST_F(ServerTest, StoppingFinishesTheRequestInFlight) {
  json truth;
  const std::filesystem::path file = certificate(truth);
  const std::string image = mixtract::testing::read_file(file);
  auto server = start();
  auto in_flight = std::async(std::launch::async, [&] {
    httplib::Client client("127.0.0.1", server->port());
    client.set_read_timeout(120, 0);
    httplib::Result r =
        client.Post("/v1/extract", auth(), httplib::MultipartFormDataItems{{"image", image, "c.jpg", "image/jpeg"}});
    return r ? r->status : -1;
  });
  // Stopped while the document is being extracted.
  httplib::Client watcher("127.0.0.1", server->port());
  bool running = false;
  for (int i = 0; i < 2000 && !running; ++i) {
    httplib::Result metrics = watcher.Get("/metrics", auth());
    running = metrics && metrics->body.find("mixtract_extractions_running 1") != std::string::npos;
    if (!running) std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
  ASSERT_TRUE(running) << "the extraction was never seen running";
  EXPECT_EQ(server->terminate(), 0);
  EXPECT_EQ(in_flight.get(), 200);
}

// The review document `id` is its sender's: to `other` it does not exist (nor its `field`); `admin` sees it.
void expect_senders_own(httplib::Client& client, const std::string& id, const std::string& field,
                        const httplib::Headers& other, const httplib::Headers& admin) {
  EXPECT_EQ(json::parse(client.Get("/v1/review/queue", other)->body).size(), 0u);
  EXPECT_EQ(client.Get("/v1/review/documents/" + id, other)->status, 404);
  EXPECT_EQ(client.Get("/v1/review/documents/" + id + "/page", other)->status, 404);
  EXPECT_EQ(client
                .Post("/v1/review/documents/" + id + "/decisions", other,
                      json{{"field", field}, {"action", "accept"}}.dump(), "application/json")
                ->status,
            404);
  EXPECT_EQ(json::parse(client.Get("/v1/review/queue", admin)->body).size(), 1u);
  EXPECT_EQ(client.Get("/v1/review/documents/" + id + "/page", admin)->status, 200);
}

TEST_F(ServerTest, ReviewDecisionsAreKeptWithWhoAndWhenAndExported) {
  json truth;
  const std::filesystem::path file = certificate(truth);
  // Another key holder, and an admin.
  const httplib::Headers other = bearer(new_key("other"));
  const httplib::Headers admin = bearer(new_key("boss --admin"));
  auto server = start();
  httplib::Client client("127.0.0.1", server->port());
  client.set_read_timeout(120, 0);
  // A graduation certificate read as an ID card: its fields are missing, so it waits for review.
  httplib::Result extracted = client.Post(
      "/v1/extract", auth(),
      httplib::MultipartFormDataItems{{"image", mixtract::testing::read_file(file), "李四_身份证.jpg", "image/jpeg"},
                                      {"schema", "id_card", "", ""}});
  ASSERT_TRUE(extracted);
  ASSERT_EQ(extracted->status, 200) << extracted->body;
  const std::string id = extracted->get_header_value("X-Review-Id");
  ASSERT_FALSE(id.empty());

  httplib::Result queue = client.Get("/v1/review/queue", auth());
  ASSERT_TRUE(queue);
  const json queued = json::parse(queue->body);
  ASSERT_EQ(queued.size(), 1u);
  EXPECT_EQ(queued[0]["source"], "李四_身份证.jpg");
  const json document = json::parse(client.Get("/v1/review/documents/" + id, auth())->body);
  const std::vector<std::string> to_review = document["to_review"];
  ASSERT_GE(to_review.size(), 2u);
  EXPECT_EQ(document["record"]["schema"], "id_card");
  httplib::Result page = client.Get("/v1/review/documents/" + id + "/page", auth());
  ASSERT_TRUE(page);
  EXPECT_EQ(page->get_header_value("Content-Type"), "image/jpeg");
  EXPECT_EQ(page->body.substr(0, 3), "\xFF\xD8\xFF");
  expect_senders_own(client, id, to_review[0], other, admin);

  auto decide = [&](const json& body, const std::string& on) {
    httplib::Result r =
        client.Post("/v1/review/documents/" + on + "/decisions", auth(), body.dump(), "application/json");
    return r ? r->status : -1;
  };
  EXPECT_EQ(decide({{"field", to_review[0]}, {"action", "edit"}, {"value", "张三"}}, id), 200);
  EXPECT_EQ(decide({{"field", to_review[0]}, {"action", "delete"}}, id), 400);
  EXPECT_EQ(decide({{"field", to_review[0]}, {"action", "edit"}, {"value", ""}}, id), 400);
  EXPECT_EQ(decide({{"field", "no_such_field"}, {"action", "accept"}}, id), 404);
  EXPECT_EQ(decide({{"action", "accept"}}, id), 400);
  EXPECT_EQ(decide({{"field", "name"}, {"action", "accept"}}, "999"), 404);
  for (std::size_t i = 1; i < to_review.size(); ++i)
    EXPECT_EQ(decide({{"field", to_review[i]}, {"action", "accept"}}, id), 200);

  const json decided = json::parse(client.Get("/v1/review/documents/" + id, auth())->body);
  EXPECT_EQ(decided["pending"], 0);
  const json& first = decided["decisions"][to_review[0]];
  EXPECT_EQ(first["action"], "edit");
  EXPECT_EQ(first["value"], "张三");
  EXPECT_EQ(first["who"], "tester");
  EXPECT_EQ(first["at"].get<std::string>().size(), 19u);  // YYYY-MM-DD HH:MM:SS
  EXPECT_EQ(json::parse(client.Get("/v1/review/queue", auth())->body).size(), 0u);
  EXPECT_EQ(server->terminate(), 0);

  expect_exported_for_tune(id);
}

// The sources of job `id`'s records as its results stream them (each a record, none an error).
std::vector<std::string> streamed_sources(httplib::Client& client, const std::string& id,
                                          const httplib::Headers& auth) {
  std::string streamed;
  httplib::Result results = client.Get("/v1/jobs/" + id + "/results", auth, [&](const char* data, std::size_t size) {
    streamed.append(data, size);
    return true;
  });
  EXPECT_TRUE(results && results->status == 200);
  if (!results) return {};
  EXPECT_EQ(results->get_header_value("Content-Type"), "application/x-ndjson");
  std::istringstream lines(streamed);
  std::vector<std::string> sources;
  for (std::string line; std::getline(lines, line);) {
    const json record = json::parse(line);
    EXPECT_FALSE(record.contains("error")) << line;
    sources.push_back(record["source"]);
  }
  return sources;
}

TEST_F(ServerTest, BatchJobsStreamTheirRecordsInOrderAndSurviveARestart) {
  std::string rendered;
  ASSERT_EQ(mixtract::testing::run_command(
                std::string(MIXTRACT_BIN) + " synth --n 2 --seed 12 --out " + (scratch_ / "batch").string() + " 2>&1",
                rendered),
            0)
      << rendered;
  httplib::MultipartFormDataItems form;
  std::vector<std::string> names;
  for (const auto& entry : std::filesystem::directory_iterator(scratch_ / "batch")) {
    if (entry.path().extension() != ".jpg") continue;
    names.push_back(entry.path().filename().string());
    form.push_back({"image", mixtract::testing::read_file(entry.path()), names.back(), "image/jpeg"});
  }
  ASSERT_GE(names.size(), 2u);
  const std::string other_key = new_key("other");

  // Submitted, then the server stopped at once: what was not extracted is extracted after a restart.
  std::string id;
  {
    auto server = start();
    httplib::Client client("127.0.0.1", server->port());
    httplib::Result submitted = client.Post("/v1/jobs", auth(), form);
    ASSERT_TRUE(submitted);
    ASSERT_EQ(submitted->status, 202) << submitted->body;
    const json job = json::parse(submitted->body);
    id = job["id"];
    EXPECT_EQ(job["documents"], names.size());
    EXPECT_EQ(server->terminate(), 0);
  }
  auto server = start();
  httplib::Client client("127.0.0.1", server->port());
  client.set_read_timeout(300, 0);
  EXPECT_EQ(streamed_sources(client, id, auth()), names);  // every document once, in the order sent
  const json status = json::parse(client.Get("/v1/jobs/" + id, auth())->body);
  EXPECT_EQ(status["state"], "done");
  EXPECT_EQ(status["done"], names.size());
  // Another key does not see the job; a job with an unreadable image is refused whole.
  httplib::Result foreign = client.Get("/v1/jobs/" + id, {{"X-API-Key", other_key}});
  ASSERT_TRUE(foreign);
  EXPECT_EQ(foreign->status, 404);
  form.push_back({"image", "not an image", "broken.jpg", "image/jpeg"});
  httplib::Result refused = client.Post("/v1/jobs", auth(), form);
  ASSERT_TRUE(refused);
  EXPECT_EQ(refused->status, 422);
  EXPECT_THAT(refused->body, HasSubstr("broken.jpg"));
  httplib::Result empty = client.Post("/v1/jobs", auth(), R"({"images": []})", "application/json");
  ASSERT_TRUE(empty);
  EXPECT_EQ(empty->status, 400);
}

}  // namespace
