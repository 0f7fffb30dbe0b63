// ScriptedLlmServer: an OpenAI-compatible server for tests, on a free loopback port, answering
// /v1/models and /v1/chat/completions as the test scripts it (a delay, faults, the reply's content),
// and recording what it was sent and how many requests were in flight at once.
#ifndef MIXTRACT_TESTS_SCRIPTED_LLM_SERVER_H_
#define MIXTRACT_TESTS_SCRIPTED_LLM_SERVER_H_

#include <sys/socket.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

#include <arpa/inet.h>
#include <httplib.h>
#include <netinet/in.h>
#include <nlohmann/json.hpp>

namespace mixtract::testing {

class ScriptedLlmServer {
 public:
  // What to answer one chat request with: an HTTP status, and either `content` (wrapped into a chat
  // completion when the status is 200) or a raw `body`.
  struct Answer {
    int status = 200;
    std::string content;
    std::string body;  // Sent as is when not "".
    std::string retry_after;
    int drop_after = -1;  // When >= 0: the connection is closed after this many bytes of the body.
  };
  // A 200 whose message is `content`.
  static Answer reply(std::string content) { return Answer{200, std::move(content), "", ""}; }
  // An error status with an OpenAI-style error body.
  static Answer error(int status, const std::string& message, std::string retry_after = "") {
    return Answer{status, "", nlohmann::json{{"error", {{"message", message}}}}.dump(), std::move(retry_after)};
  }
  // A 200 whose body stops after `bytes` bytes: the connection drops half-way through the reply.
  static Answer dropped(std::string content, int bytes) {
    Answer answer = reply(std::move(content));
    answer.drop_after = bytes;
    return answer;
  }
  // Called for each chat request with its parsed body and its number (from 1).
  using Script = std::function<Answer(const nlohmann::json& request, int number)>;

  explicit ScriptedLlmServer(Script script, std::vector<std::string> models = {"scripted-model"},
                             std::chrono::milliseconds delay = std::chrono::milliseconds(0))
      : script_(std::move(script)), models_(std::move(models)), delay_(delay) {
    server_.new_task_queue = [] { return new httplib::ThreadPool(128); };
    // Connections stay open for as long as the client keeps them.
    server_.set_keep_alive_max_count(100000);
    server_.set_tcp_nodelay(true);
    server_.Get("/v1/models", [this](const httplib::Request&, httplib::Response& response) {
      nlohmann::json data = nlohmann::json::array();
      for (const std::string& id : models_) data.push_back({{"id", id}, {"object", "model"}});
      response.set_content(nlohmann::json{{"object", "list"}, {"data", data}}.dump(), "application/json");
    });
    server_.Post("/v1/chat/completions",
                 [this](const httplib::Request& request, httplib::Response& response) { chat(request, response); });
    port_ = server_.bind_to_any_port("127.0.0.1");
    widen_listen_backlog(port_);
    thread_ = std::thread([this] { server_.listen_after_bind(); });
    while (!server_.is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
  }
  ~ScriptedLlmServer() {
    server_.stop();
    thread_.join();
  }
  ScriptedLlmServer(const ScriptedLlmServer&) = delete;
  ScriptedLlmServer& operator=(const ScriptedLlmServer&) = delete;

  std::string url() const { return "http://127.0.0.1:" + std::to_string(port_); }
  int port() const { return port_; }
  int chat_requests() const { return count_; }
  int most_in_flight() const { return most_in_flight_; }
  // The chat requests' bodies and Authorization headers, in arrival order.
  std::vector<nlohmann::json> bodies() const {
    std::lock_guard lock(mutex_);
    return bodies_;
  }
  std::vector<std::string> authorizations() const {
    std::lock_guard lock(mutex_);
    return authorizations_;
  }

  // A chat completion holding `content`, with usage figures.
  static std::string completion(const std::string& content, const std::string& model) {
    return nlohmann::json{
        {"id", "chatcmpl-1"},
        {"object", "chat.completion"},
        {"model", model},
        {"choices",
         {{{"index", 0}, {"message", {{"role", "assistant"}, {"content", content}}}, {"finish_reason", "stop"}}}},
        {"usage", {{"prompt_tokens", 100}, {"completion_tokens", 20}, {"total_tokens", 120}}}}
        .dump();
  }

 private:
  void chat(const httplib::Request& request, httplib::Response& response) {
    const int now = ++in_flight_;
    for (int most = most_in_flight_; now > most && !most_in_flight_.compare_exchange_weak(most, now);) {
    }
    const int number = ++count_;
    const nlohmann::json body = nlohmann::json::parse(request.body, nullptr, false);
    {
      std::lock_guard lock(mutex_);
      bodies_.push_back(body);
      authorizations_.push_back(request.get_header_value("Authorization"));
    }
    std::this_thread::sleep_for(delay_);
    const Answer answer = script_(body, number);
    response.status = answer.status;
    if (!answer.retry_after.empty()) response.set_header("Retry-After", answer.retry_after);
    const std::string model = body.is_object() && body.contains("model") ? body["model"].get<std::string>() : "";
    std::string sent = answer.body.empty() && answer.status == 200 ? completion(answer.content, model) : answer.body;
    if (answer.drop_after >= 0) {
      const std::size_t length = sent.size();
      sent.resize(std::min(length, static_cast<std::size_t>(answer.drop_after)));
      response.set_content_provider(length, "application/json",
                                    [sent](std::size_t, std::size_t, httplib::DataSink& sink) {
                                      sink.write(sent.data(), sent.size());
                                      return false;  // httplib closes the connection.
                                    });
    } else {
      response.set_content(sent, "application/json");
    }
    --in_flight_;
  }

  // cpp-httplib listens with a backlog of 5: a burst of new connections (64 requests in flight) then
  // waits for the kernel's SYN retries, 1 s, 3 s, 7 s, ... Listening again on the socket bound to
  // `port` widens its backlog (Linux allows listen() on a listening socket).
  static void widen_listen_backlog(int port) {
    for (int fd = 3; fd < 1024; ++fd) {
      sockaddr_in address{};
      socklen_t length = sizeof address;
      int listening = 0;
      socklen_t flag_length = sizeof listening;
      if (::getsockname(fd, reinterpret_cast<sockaddr*>(&address), &length) != 0 || address.sin_family != AF_INET ||
          ntohs(address.sin_port) != port) {
        continue;
      }
      if (::getsockopt(fd, SOL_SOCKET, SO_ACCEPTCONN, &listening, &flag_length) == 0 && listening) ::listen(fd, 1024);
    }
  }

  Script script_;
  std::vector<std::string> models_;
  std::chrono::milliseconds delay_;
  httplib::Server server_;
  std::thread thread_;
  int port_ = 0;
  std::atomic<int> count_{0};
  std::atomic<int> in_flight_{0};
  std::atomic<int> most_in_flight_{0};
  mutable std::mutex mutex_;
  std::vector<nlohmann::json> bodies_;
  std::vector<std::string> authorizations_;
};

}  // namespace mixtract::testing

#endif  // MIXTRACT_TESTS_SCRIPTED_LLM_SERVER_H_
