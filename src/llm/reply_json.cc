// parse_reply_json: the JSON object in what a model wrote, read the way a person would.
#include <optional>
#include <string>
#include <string_view>

#include <spdlog/spdlog.h>

#include "llm/llm.h"

namespace mixtract {
namespace {

// Full-width punctuation a model may write for JSON's own, outside strings.
char ascii_for(std::string_view full_width) {
  if (full_width == "｛") return '{';
  if (full_width == "｝") return '}';
  if (full_width == "［") return '[';
  if (full_width == "］") return ']';
  if (full_width == "：") return ':';
  if (full_width == "，") return ',';
  return 0;
}

// The length of the UTF-8 sequence that starts with byte `lead` (1 for a stray continuation byte).
std::size_t sequence_length(unsigned char lead) {
  if (lead >= 0xF0) return 4;
  if (lead >= 0xE0) return 3;
  if (lead >= 0xC0) return 2;
  return 1;
}

// Drops a comma written just before a closing bracket (spaces between allowed).
void drop_trailing_comma(std::string& out) {
  std::size_t end = out.find_last_not_of(" \t\r\n");
  if (end != std::string::npos && out[end] == ',') out.erase(end, 1);
}

// The reply holds the document's values: its text goes to the log at debug level only, never into the
// error, which reaches results files and the default log.
Status unreadable(const std::string& what, std::string_view reply) {
  spdlog::debug("LLM reply ({}): {}", what, reply);
  return Status::invalid_argument(what + " (--log-level debug logs the reply)");
}

// Where the object starts: the first opening brace, ASCII or full-width (code fences and prose before it
// skipped); npos when there is none.
std::size_t object_start(std::string_view reply) {
  for (std::size_t i = 0; i < reply.size(); i += sequence_length(static_cast<unsigned char>(reply[i]))) {
    const std::string_view ch = reply.substr(i, sequence_length(static_cast<unsigned char>(reply[i])));
    if (ch == "{" || ascii_for(ch) == '{') return i;
  }
  return std::string_view::npos;
}

// The object that starts at `start`, up to its closing brace, as plain JSON: a string opened with “ closed
// with ”, full-width punctuation outside strings made ASCII, a comma before a closing bracket dropped;
// whatever follows is left. nullopt when it is cut short.
std::optional<std::string> plain_json_object(std::string_view reply, std::size_t start) {
  std::string out;
  int depth = 0;
  std::string_view closing;  // Of the string being copied; "" = outside strings.
  std::size_t i = start;
  while (i < reply.size()) {
    const std::size_t length = sequence_length(static_cast<unsigned char>(reply[i]));
    const std::string_view ch = reply.substr(i, length);
    i += length;
    if (!closing.empty()) {  // Inside a string.
      if (ch == "\\" && i < reply.size()) {
        out += ch;
        const std::size_t next = sequence_length(static_cast<unsigned char>(reply[i]));
        out += reply.substr(i, next);
        i += next;
      } else if (ch == closing) {
        out += '"';
        closing = {};
      } else if (ch == "\"") {
        out += "\\\"";  // An ASCII quote inside a string opened with “.
      } else {
        out += ch;
      }
      continue;
    }
    if (ch == "\"" || ch == "“") {
      closing = ch == "\"" ? "\"" : "”";
      out += '"';
      continue;
    }
    const char c = ch.size() == 1 ? ch[0] : ascii_for(ch);
    if (c == 0) {
      out += ch;
      continue;
    }
    if (c == '}' || c == ']') {
      drop_trailing_comma(out);
      --depth;
    } else if (c == '{' || c == '[') {
      ++depth;
    }
    out += c;
    if (depth == 0) return out;
  }
  return std::nullopt;
}

}  // namespace

Result<nlohmann::json> parse_reply_json(std::string_view reply) {
  const std::size_t start = object_start(reply);
  if (start == std::string_view::npos) return unreadable("the reply holds no JSON object", reply);
  const std::optional<std::string> object = plain_json_object(reply, start);
  if (!object) {
    return unreadable("the reply's JSON object is cut short after " + std::to_string(reply.size() - start) + " bytes",
                      reply);
  }
  nlohmann::json json = nlohmann::json::parse(*object, nullptr, /*allow_exceptions=*/false);
  if (json.is_discarded() || !json.is_object()) {
    return unreadable("the reply is not valid JSON", reply);
  }
  return json;
}

}  // namespace mixtract
