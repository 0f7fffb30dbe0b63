// The LLM client's own cost and the routes' prompt sizes, printed as Markdown for bench/run.sh:
//   - client overhead: median time of a chat request through LlmClient against the same request posted
//     with a bare HTTP client, to a scripted server on the loopback interface that answers at once;
//   - sustained in flight: 640 requests from 128 threads through one client allowing 64 in flight, to
//     a scripted server answering after 100 ms: errors, throughput against the ideal 640 / s;
//   - prompt tokens per document for each of the five LLM routes on the documents of --docs (graduation
//     certificates): the prompts the experts send, counted with a real tokenizer (llama-server's
//     /tokenize at --tokenizer-url, the Qwen2 vocabulary); images come on top for the vision routes.
//
//   bench_llm --docs DIR --tokenizer-url http://127.0.0.1:PORT [--n 10]
#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>
#include <httplib.h>

#include "llm/llm.h"
#include "mixtract/engine.h"
#include "scripted_llm_server.h"

namespace {

using Clock = std::chrono::steady_clock;
using mixtract::testing::ScriptedLlmServer;

double median(std::vector<double> values) {
  if (values.empty()) return 0;
  std::sort(values.begin(), values.end());
  return values[values.size() / 2];
}

double ms_since(Clock::time_point start) {
  return std::chrono::duration<double, std::milli>(Clock::now() - start).count();
}

mixtract::ChatRequest sample_request() {
  mixtract::ChatRequest request;
  request.system = "You read certificates.";
  request.user = std::string(2000, 'x');  // About the size of a page's OCR text.
  request.reply_schema = {{"type", "object"}, {"properties", {{"name", {{"type", "string"}}}}}};
  return request;
}

void overhead_section() {
  ScriptedLlmServer server([](const nlohmann::json&, int) { return ScriptedLlmServer::reply("{\"name\": \"张三\"}"); });
  mixtract::LlmOptions options;
  options.base_url = server.url();
  const auto client = mixtract::LlmClient::create(options).value();
  const mixtract::ChatRequest request = sample_request();
  const std::string body =
      nlohmann::json{{"model", "scripted-model"}, {"messages", {{{"role", "user"}, {"content", request.user}}}}}.dump();
  httplib::Client raw(server.url());
  raw.set_keep_alive(true);
  raw.set_tcp_nodelay(true);
  std::vector<double> through_client, bare;
  for (int i = 0; i < 220; ++i) {
    auto start = Clock::now();
    const bool ok = client->chat(request).ok();
    const double client_ms = ms_since(start);
    start = Clock::now();
    const bool raw_ok = static_cast<bool>(raw.Post("/v1/chat/completions", body, "application/json"));
    const double raw_ms = ms_since(start);
    if (i >= 20 && ok && raw_ok) through_client.push_back(client_ms), bare.push_back(raw_ms);  // After warm-up.
  }
  std::printf("### LLM client overhead (scripted server answering at once, 200 requests, medians)\n\n");
  std::printf("| through LlmClient ms | bare HTTP post ms | client overhead ms |\n|---|---|---|\n");
  std::printf("| %.3f | %.3f | %.3f |\n\n", median(through_client), median(bare),
              median(through_client) - median(bare));
}

void in_flight_section() {
  ScriptedLlmServer server([](const nlohmann::json&, int) { return ScriptedLlmServer::reply("{}"); }, {"m"},
                           std::chrono::milliseconds(100));
  mixtract::LlmOptions options;
  options.base_url = server.url();
  options.max_in_flight = 64;
  const auto client = mixtract::LlmClient::create(options).value();
  std::atomic<int> errors{0};
  const auto start = Clock::now();
  std::vector<std::thread> threads;
  for (int t = 0; t < 128; ++t) {
    threads.emplace_back([&] {
      for (int i = 0; i < 5; ++i) errors += client->chat(sample_request()).ok() ? 0 : 1;
    });
  }
  for (std::thread& thread : threads) thread.join();
  const double seconds = ms_since(start) / 1000;
  std::printf("### LLM requests sustained in flight (64 allowed, server answering after 100 ms)\n\n");
  std::printf("| requests | errors | most in flight at the server | seconds | requests/s | ideal requests/s |\n");
  std::printf("|---|---|---|---|---|---|\n| 640 | %d | %d | %.2f | %.0f | 640 |\n\n", errors.load(),
              server.most_in_flight(), seconds, 640 / seconds);
}

// The number of tokens of `text` by the tokenizer server.
long tokens_of(httplib::Client& tokenizer, const std::string& text) {
  const auto result = tokenizer.Post("/tokenize", nlohmann::json{{"content", text}}.dump(), "application/json");
  if (!result || result->status != 200) return -1;
  return static_cast<long>(nlohmann::json::parse(result->body)["tokens"].size());
}

int tokens_section(const std::string& docs, const std::string& tokenizer_url, int n) {
  std::vector<std::filesystem::path> files;
  for (const auto& entry : std::filesystem::directory_iterator(docs)) {
    if (entry.path().extension() == ".jpg" && entry.path().filename().string().find("毕业证书") != std::string::npos) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  files.resize(std::min(files.size(), static_cast<std::size_t>(n)));
  if (files.empty()) {
    std::cerr << "bench_llm: no graduation certificates (*毕业证书.jpg) in " << docs << "\n";
    return 1;
  }
  httplib::Client tokenizer(tokenizer_url);
  const mixtract::Schema schema = mixtract::load_schemas("graduation_certificate").value().at(0);
  std::vector<const mixtract::FieldSpec*> fields;
  for (const mixtract::FieldSpec& field : schema.fields) fields.push_back(&field);
  std::printf(
      "### Prompt tokens per document by LLM route (%zu graduation certificates, all %zu fields, "
      "Qwen2 tokenizer)\n\n",
      files.size(), fields.size());
  std::printf(
      "| route | requests/doc | prompt text tokens/doc | tokens/request | images/doc |\n|---|---|---|---|---|\n");
  mixtract::EngineOptions options;
  options.deps_dir = MIXTRACT_DEFAULT_DEPS_DIR;
  for (const char* route : {"llm_text", "llm_text_region", "llm_vision", "llm_vision_field", "llm_vision_ocr"}) {
    ScriptedLlmServer server([](const nlohmann::json&, int) { return ScriptedLlmServer::reply("{}"); });
    options.llm.url = server.url();
    // Declared after the server, so that its connections close before the server stops.
    const mixtract::Engine engine = mixtract::Engine::create(options).value();
    const auto expert = engine.registry().create(route).value();
    for (const std::filesystem::path& file : files) {
      if (!expert->propose(mixtract::Document::load(file).value(), fields).ok()) return 1;
    }
    long tokens = 0;
    int images = 0;
    for (const nlohmann::json& body : server.bodies()) {
      for (const nlohmann::json& message : body["messages"]) {
        const nlohmann::json& content = message["content"];
        if (content.is_string()) tokens += tokens_of(tokenizer, content.get<std::string>());
        if (content.is_array()) tokens += tokens_of(tokenizer, content[0]["text"].get<std::string>()), ++images;
      }
    }
    const double docs_count = static_cast<double>(files.size());
    std::printf("| %s | %.1f | %.0f | %.0f | %.1f |\n", route, static_cast<double>(server.chat_requests()) / docs_count,
                static_cast<double>(tokens) / docs_count,
                static_cast<double>(tokens) / std::max(1, server.chat_requests()), images / docs_count);
  }
  std::printf("\n");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("LLM client overhead, requests in flight, and prompt tokens per route");
  std::string docs, tokenizer_url;
  int n = 10;
  app.add_option("--docs", docs, "Synthetic documents (mixtract synth)")->required();
  app.add_option("--tokenizer-url", tokenizer_url, "A llama-server whose /tokenize counts the tokens")->required();
  app.add_option("--n", n, "Graduation certificates to count prompts on");
  CLI11_PARSE(app, argc, argv);
  overhead_section();
  in_flight_section();
  return tokens_section(docs, tokenizer_url, n);
}
