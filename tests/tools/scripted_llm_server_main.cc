// A scripted OpenAI-compatible server as a program, for CLI tests and benchmarks that run `mixtract`
// as a separate process. It answers every chat request after --delay-ms:
//   --truth FILE (a truth.jsonl of `mixtract synth`): with the values of the document whose values
//     appear most in the request's text (see answer_from_truth), keyed as the prompt's field lines say
//     ("- "name": 姓名, ..."), so that text routes can be checked end to end; requests matching no
//     document get {};
//   with --wrong-share P, a share P of those values (chosen by a hash of field and value, so the same
//   every run) is answered wrong: a last digit changed, or a last character dropped, as a model misreads;
//   otherwise with --content (default {}); with --cut-after N, each answer stops after N bytes (a reply
//   cut short, values and all).
// It writes its port to --port-file once listening, and runs until killed.
//
//   scripted_llm_server --port-file F [--delay-ms N] [--truth truth.jsonl [--wrong-share P]] [--content JSON]
//                       [--cut-after N]
#include <algorithm>
#include <fstream>
#include <functional>
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

// `value` misread: its last digit changed, or else its last character dropped.
std::string misread(std::string value) {
  if (value.empty()) return value;
  char& last = value.back();
  if (last >= '0' && last <= '9') {
    last = static_cast<char>('0' + (last - '0' + 1) % 10);
    return value;
  }
  std::size_t start = value.size() - 1;
  while (start > 0 && (static_cast<unsigned char>(value[start]) & 0xC0) == 0x80) --start;
  return value.substr(0, start);
}

// The truth rows whose values are most in `text` (by the characters of the values found, so that a 男 or
// a 本科 found weighs little), as the JSON the prompt asks for: a value all those rows share, else ""
// (one person's certificates share a name; only the text of one tells its number). Nothing when fewer
// than four characters of values are found: the text cannot be told apart. A share `wrong_share` of the
// values is misread.
std::string answer_from_truth(const std::vector<nlohmann::json>& truth, const std::string& text, double wrong_share) {
  std::vector<const nlohmann::json*> best;
  std::size_t best_found = 4;
  for (const nlohmann::json& row : truth) {
    std::size_t found = 0;
    for (const auto& [column, value] : row.items()) {
      if (column == "文件" || !value.is_string()) continue;
      const std::string& v = value.get_ref<const std::string&>();
      if (!v.empty() && text.find(v) != std::string::npos) {
        found += static_cast<std::size_t>(std::count_if(v.begin(), v.end(), [](char c) { return (c & 0xC0) != 0x80; }));
      }
    }
    if (found > best_found) best.clear(), best_found = found;
    if (found == best_found) best.push_back(&row);
  }
  if (best.empty()) return "{}";
  nlohmann::json answer = nlohmann::json::object();
  static const std::regex kFieldLine(R"re(- "([a-z_]+)": ([^,\n]+),)re");
  for (std::sregex_iterator it(text.begin(), text.end(), kFieldLine), end; it != end; ++it) {
    const std::string label = (*it)[2];
    std::string value = best.front()->value(label, "");
    for (const nlohmann::json* row : best) {
      if (row->value(label, "") != value) value.clear();
    }
    const bool wrong =
        static_cast<double>(std::hash<std::string>{}((*it)[1].str() + value) % 1000) < wrong_share * 1000;
    answer[(*it)[1].str()] = wrong ? misread(value) : value;
  }
  return answer.dump();
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
  double wrong_share = 0;
  app.add_option("--wrong-share", wrong_share, "Share of the truth's values answered wrong")
      ->check(CLI::Range(0.0, 1.0));
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
        const std::string answer =
            truth.empty() ? content : answer_from_truth(truth, request_text(request), wrong_share);
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
