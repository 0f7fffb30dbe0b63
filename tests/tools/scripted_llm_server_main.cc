// A scripted OpenAI-compatible server as a program, for CLI tests and benchmarks that run `mixtract`
// as a separate process. It answers every chat request after --delay-ms:
//   --truth FILE (a truth.jsonl of `mixtract synth`): with the values of the document most of whose
//     values appear in the request's text, keyed as the prompt's field lines say ("- "name": 姓名, ..."),
//     so that text routes can be checked end to end; requests matching no document get {};
//   otherwise with --content (default {}); with --cut-after N, each answer stops after N bytes (a reply
//   cut short, values and all).
// It writes its port to --port-file once listening, and runs until killed.
//
//   scripted_llm_server --port-file F [--delay-ms N] [--truth truth.jsonl] [--content JSON] [--cut-after N]
#include <fstream>
#include <iostream>
#include <regex>
#include <string>
#include <thread>
#include <vector>

#include <CLI/CLI.hpp>

#include "scripted_llm_server.h"

namespace {

using mixtract::testing::ScriptedLlmServer;

// The text of all messages of a chat request.
std::string request_text(const nlohmann::json& request) {
  std::string text;
  if (!request.contains("messages")) return text;
  for (const nlohmann::json& message : request["messages"]) {
    const nlohmann::json content = message.value("content", nlohmann::json());
    if (content.is_string()) text += content.get<std::string>() + "\n";
    for (const nlohmann::json& part : content.is_array() ? content : nlohmann::json::array()) {
      text += part.value("text", "") + "\n";
    }
  }
  return text;
}

// The truth row most of whose values are in `text`, as the JSON the prompt asks for.
std::string answer_from_truth(const std::vector<nlohmann::json>& truth, const std::string& text) {
  const nlohmann::json* best = nullptr;
  int best_found = 0;
  for (const nlohmann::json& row : truth) {
    int found = 0;
    for (const auto& [column, value] : row.items()) {
      if (column != "文件" && value.is_string() && !value.get<std::string>().empty()) {
        found += text.find(value.get<std::string>()) != std::string::npos ? 1 : 0;
      }
    }
    if (found > best_found) best = &row, best_found = found;
  }
  if (best != nullptr) {
    const nlohmann::json& row = *best;
    nlohmann::json answer = nlohmann::json::object();
    static const std::regex kFieldLine(R"re(- "([a-z_]+)": ([^,\n]+),)re");
    for (std::sregex_iterator it(text.begin(), text.end(), kFieldLine), end; it != end; ++it) {
      const std::string label = (*it)[2];
      answer[(*it)[1].str()] = row.value(label, "");
    }
    return answer.dump();
  }
  return "{}";
}

}  // namespace

int main(int argc, char** argv) {
  CLI::App app("A scripted OpenAI-compatible server for tests and benchmarks");
  std::string port_file;
  std::string truth_file;
  std::string content = "{}";
  int delay_ms = 0;
  std::size_t cut_after = std::string::npos;
  app.add_option("--port-file", port_file, "Where to write the port once listening")->required();
  app.add_option("--delay-ms", delay_ms, "Delay before each chat answer");
  app.add_option("--truth", truth_file, "truth.jsonl to answer text requests from");
  app.add_option("--content", content, "The answer otherwise");
  app.add_option("--cut-after", cut_after, "Each answer stops after this many bytes");
  CLI11_PARSE(app, argc, argv);
  std::vector<nlohmann::json> truth;
  if (!truth_file.empty()) {
    std::ifstream in(truth_file);
    for (std::string line; std::getline(in, line);) truth.push_back(nlohmann::json::parse(line));
  }
  ScriptedLlmServer server(
      [&](const nlohmann::json& request, int) {
        const std::string answer = truth.empty() ? content : answer_from_truth(truth, request_text(request));
        return ScriptedLlmServer::reply(answer.substr(0, cut_after));
      },
      {"scripted-model"}, std::chrono::milliseconds(delay_ms));
  {
    std::ofstream out(port_file + ".tmp");
    out << server.port() << "\n";
  }
  std::rename((port_file + ".tmp").c_str(), port_file.c_str());
  for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
}
