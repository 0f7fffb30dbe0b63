// LocalLlm: a GGUF model run in this process with llama.cpp's prebuilt libraries (deps/llama-libs, from
// scripts/setup.sh), loaded when first needed, so that a fully offline user can add an LLM expert
// without running a server. Replies that must follow a JSON schema are generated under a grammar
// built from the schema, so they are valid JSON of that shape (or cut short by max_tokens).
#ifndef MIXTRACT_LLM_LOCAL_LLM_H_
#define MIXTRACT_LLM_LOCAL_LLM_H_

#include <filesystem>
#include <memory>

#include "llm/llm.h"

namespace mixtract {

struct LocalLlmOptions {
  std::filesystem::path model;    // The .gguf file.
  std::filesystem::path lib_dir;  // Holding libllama.v0.5.0.so and its ggml backends (deps/llama-libs/lib).
  int threads = 2;                // Inference threads.
  int context = 4096;             // Tokens of prompt and reply together.
};

// Thread-safe; requests are answered one at a time (one model, one context).
class LocalLlm final : public ChatBackend {
 public:
  // Loads the libraries and the model. Errors name the file: missing libraries (run
  // scripts/setup.sh), a file that is not a GGUF model, a model without a chat template.
  static Result<std::shared_ptr<LocalLlm>> load(const LocalLlmOptions& options);
  ~LocalLlm() override;
  LocalLlm(const LocalLlm&) = delete;
  LocalLlm& operator=(const LocalLlm&) = delete;

  // Text only: a request with an image is kUnsupported. The reply's model is the file's stem.
  Result<ChatReply> chat(const ChatRequest& request) const override;

 private:
  struct State;
  explicit LocalLlm(std::unique_ptr<State> state);
  std::unique_ptr<State> state_;
};

// The GBNF grammar (llama.cpp's grammar format) of the JSON objects `schema` describes. Supported: an
// object whose properties are strings, all required, in the order given, each at most 100 characters
// (no field of a certificate is longer; a model rambling on cannot run out of tokens inside one);
// anything else is kUnsupported, naming what.
Result<std::string> json_schema_grammar(const nlohmann::json& schema);

}  // namespace mixtract

#endif  // MIXTRACT_LLM_LOCAL_LLM_H_
