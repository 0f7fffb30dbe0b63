#include "llm/local_llm.h"

#include <chrono>
#include <mutex>
#include <vector>

#include <dlfcn.h>
#include <ggml-backend.h>
#include <llama.h>

#include "core/elapsed.h"

namespace mixtract {
namespace {

constexpr const char* kLibrary = "libllama.v0.5.0.so";

// The functions of llama.cpp's C API used here, looked up in the library at run time: mixtract runs
// without the library, and needs it only when a model is given.
struct Api {
  decltype(&ggml_backend_load_all_from_path) load_backends = nullptr;
  decltype(&llama_log_set) log_set = nullptr;
  decltype(&llama_backend_init) backend_init = nullptr;
  decltype(&llama_model_default_params) model_default_params = nullptr;
  decltype(&llama_model_load_from_file) model_load = nullptr;
  decltype(&llama_model_free) model_free = nullptr;
  decltype(&llama_model_get_vocab) model_vocab = nullptr;
  decltype(&llama_model_chat_template) model_chat_template = nullptr;
  decltype(&llama_context_default_params) context_default_params = nullptr;
  decltype(&llama_init_from_model) context_new = nullptr;
  decltype(&llama_free) context_free = nullptr;
  decltype(&llama_get_memory) memory = nullptr;
  decltype(&llama_memory_clear) memory_clear = nullptr;
  decltype(&llama_chat_apply_template) apply_template = nullptr;
  decltype(&llama_tokenize) tokenize = nullptr;
  decltype(&llama_token_to_piece) token_to_piece = nullptr;
  decltype(&llama_vocab_is_eog) is_eog = nullptr;
  decltype(&llama_batch_get_one) batch_one = nullptr;
  decltype(&llama_decode) decode = nullptr;
  decltype(&llama_sampler_chain_default_params) chain_default_params = nullptr;
  decltype(&llama_sampler_chain_init) chain_new = nullptr;
  decltype(&llama_sampler_chain_add) chain_add = nullptr;
  decltype(&llama_sampler_init_grammar) grammar = nullptr;
  decltype(&llama_sampler_init_greedy) greedy = nullptr;
  decltype(&llama_sampler_sample) sample = nullptr;
  decltype(&llama_sampler_free) sampler_free = nullptr;
};

template <typename Function>
bool bind(void* library, const char* name, Function& function, std::string& missing) {
  function = reinterpret_cast<Function>(::dlsym(library, name));
  if (function == nullptr) missing += std::string(missing.empty() ? "" : ", ") + name;
  return function != nullptr;
}

// The library, loaded once per process; its backends are loaded from the same folder.
Result<const Api*> load_api(const std::filesystem::path& lib_dir) {
  static std::mutex mutex;
  static Api api;
  static std::string error;
  static bool loaded = false;
  std::lock_guard lock(mutex);
  if (loaded) return error.empty() ? Result<const Api*>(&api) : Result<const Api*>(Status::unavailable(error));
  loaded = true;
  const std::filesystem::path library = lib_dir / kLibrary;
  void* handle = ::dlopen(library.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* why = ::dlerror();
    error = library.string() + ": cannot load llama.cpp (" + (why ? why : "unknown") + "); run scripts/setup.sh";
    return Status::unavailable(error);
  }
  std::string missing;
  bind(handle, "ggml_backend_load_all_from_path", api.load_backends, missing);
  bind(handle, "llama_log_set", api.log_set, missing);
  bind(handle, "llama_backend_init", api.backend_init, missing);
  bind(handle, "llama_model_default_params", api.model_default_params, missing);
  bind(handle, "llama_model_load_from_file", api.model_load, missing);
  bind(handle, "llama_model_free", api.model_free, missing);
  bind(handle, "llama_model_get_vocab", api.model_vocab, missing);
  bind(handle, "llama_model_chat_template", api.model_chat_template, missing);
  bind(handle, "llama_context_default_params", api.context_default_params, missing);
  bind(handle, "llama_init_from_model", api.context_new, missing);
  bind(handle, "llama_free", api.context_free, missing);
  bind(handle, "llama_get_memory", api.memory, missing);
  bind(handle, "llama_memory_clear", api.memory_clear, missing);
  bind(handle, "llama_chat_apply_template", api.apply_template, missing);
  bind(handle, "llama_tokenize", api.tokenize, missing);
  bind(handle, "llama_token_to_piece", api.token_to_piece, missing);
  bind(handle, "llama_vocab_is_eog", api.is_eog, missing);
  bind(handle, "llama_batch_get_one", api.batch_one, missing);
  bind(handle, "llama_decode", api.decode, missing);
  bind(handle, "llama_sampler_chain_default_params", api.chain_default_params, missing);
  bind(handle, "llama_sampler_chain_init", api.chain_new, missing);
  bind(handle, "llama_sampler_chain_add", api.chain_add, missing);
  bind(handle, "llama_sampler_init_grammar", api.grammar, missing);
  bind(handle, "llama_sampler_init_greedy", api.greedy, missing);
  bind(handle, "llama_sampler_sample", api.sample, missing);
  bind(handle, "llama_sampler_free", api.sampler_free, missing);
  if (!missing.empty()) {
    error = library.string() + ": not the llama.cpp version mixtract was built for (missing " + missing + ")";
    return Status::unavailable(error);
  }
  api.log_set([](ggml_log_level, const char*, void*) {}, nullptr);  // Errors come back as statuses.
  api.load_backends(lib_dir.c_str());
  api.backend_init();
  return &api;
}

// A JSON string literal as a GBNF literal: "name" -> "\"name\"".
std::string gbnf_literal(const std::string& text) {
  std::string out = "\"\\\"";
  for (const char c : text) {
    if (c == '"' || c == '\\') out += '\\';
    out += c;
  }
  return out + "\\\"\"";
}

}  // namespace

Result<std::string> json_schema_grammar(const nlohmann::json& schema) {
  if (!schema.is_object() || schema.value("type", "") != "object" || !schema.contains("properties") ||
      !schema["properties"].is_object()) {
    return Status::unsupported("only a JSON schema of an object with string properties can become a grammar");
  }
  std::string root = "root ::= \"{\" ws";
  bool first = true;
  for (const auto& [name, property] : schema["properties"].items()) {
    if (!property.is_object() || property.value("type", "") != "string") {
      return Status::unsupported("property '" + name + "' is not a string: only string properties become a grammar");
    }
    root += std::string(first ? "" : " \",\" ws") + " " + gbnf_literal(name) + " ws \":\" ws string ws";
    first = false;
  }
  root += " \"}\"\n";
  return root +
         "string ::= \"\\\"\" char{0,100} \"\\\"\"\n"
         "char ::= [^\"\\\\\\x00-\\x1f] | \"\\\\\" ([\"\\\\/bfnrt] | \"u\" [0-9a-fA-F] [0-9a-fA-F] [0-9a-fA-F] "
         "[0-9a-fA-F])\n"
         "ws ::= [ \\t\\n]? [ \\t\\n]?\n";
}

struct LocalLlm::State {
  const Api* api = nullptr;
  llama_model* model = nullptr;
  llama_context* context = nullptr;
  std::string chat_template;
  std::string name;
  int context_tokens = 0;
  std::mutex mutex;  // One request at a time.
};

LocalLlm::LocalLlm(std::unique_ptr<State> state) : state_(std::move(state)) {}

LocalLlm::~LocalLlm() {
  if (state_->context != nullptr) state_->api->context_free(state_->context);
  if (state_->model != nullptr) state_->api->model_free(state_->model);
}

Result<std::shared_ptr<LocalLlm>> LocalLlm::load(const LocalLlmOptions& options) {
  std::error_code ec;
  if (!std::filesystem::is_regular_file(options.model, ec)) {
    return Status::not_found(options.model.string() + ": no such model file");
  }
  MIXTRACT_ASSIGN_OR_RETURN(const Api* api, load_api(options.lib_dir));
  auto state = std::make_unique<State>();
  state->api = api;
  state->name = options.model.stem().string();
  state->model = api->model_load(options.model.c_str(), api->model_default_params());
  if (state->model == nullptr) {
    return Status::invalid_argument(options.model.string() + ": not a GGUF model llama.cpp can load");
  }
  std::shared_ptr<LocalLlm> llm(new LocalLlm(std::move(state)));
  State& s = *llm->state_;
  const char* chat_template = api->model_chat_template(s.model, nullptr);
  if (chat_template == nullptr) {
    return Status::invalid_argument(options.model.string() + ": the model has no chat template");
  }
  s.chat_template = chat_template;
  llama_context_params params = api->context_default_params();
  params.n_ctx = static_cast<uint32_t>(options.context);
  params.n_batch = static_cast<uint32_t>(options.context);
  params.n_threads = options.threads;
  params.n_threads_batch = options.threads;
  s.context = api->context_new(s.model, params);
  if (s.context == nullptr) return Status::unavailable(options.model.string() + ": cannot create a context");
  s.context_tokens = options.context;
  return llm;
}

namespace {

// The system and user messages in the model's chat template, ready for the assistant's turn; `model` names
// it in errors.
Result<std::string> chat_prompt(const Api& api, const std::string& chat_template, const std::string& model,
                                const std::string& system, const std::string& user) {
  const llama_chat_message messages[] = {{"system", system.c_str()}, {"user", user.c_str()}};
  std::vector<char> prompt(2 * (system.size() + user.size()) + 256);
  int32_t length =
      api.apply_template(chat_template.c_str(), messages, 2, true, prompt.data(), static_cast<int32_t>(prompt.size()));
  if (length > static_cast<int32_t>(prompt.size())) {
    prompt.resize(static_cast<std::size_t>(length));
    length = api.apply_template(chat_template.c_str(), messages, 2, true, prompt.data(), length);
  }
  if (length < 0) return Status::unsupported(model + ": llama.cpp does not know the model's chat template");
  return std::string(prompt.data(), static_cast<std::size_t>(length));
}

// A sampler that takes the likeliest token (temperature 0), within `grammar` unless it is "". The caller
// frees it.
Result<llama_sampler*> greedy_sampler(const Api& api, const llama_vocab* vocab, const std::string& grammar,
                                      const std::string& model) {
  llama_sampler* sampler = api.chain_new(api.chain_default_params());
  if (!grammar.empty()) {
    llama_sampler* constrained = api.grammar(vocab, grammar.c_str(), "root");
    if (constrained == nullptr) {
      api.sampler_free(sampler);
      return Status::internal(model + ": the reply's grammar does not parse");
    }
    api.chain_add(sampler, constrained);
  }
  api.chain_add(sampler, api.greedy());
  return sampler;
}

}  // namespace

Result<ChatReply> LocalLlm::chat(const ChatRequest& request) const {
  if (!request.image.empty()) {
    return Status::unsupported("the local model " + state_->name + " reads text only, not images");
  }
  const auto start = std::chrono::steady_clock::now();
  State& s = *state_;
  const Api& api = *s.api;
  std::string grammar;
  std::string system = request.system;
  if (!request.reply_schema.is_null()) {
    MIXTRACT_ASSIGN_OR_RETURN(grammar, json_schema_grammar(request.reply_schema));
    system += "\nReply with one JSON object that follows this JSON schema: " + request.reply_schema.dump();
  }
  MIXTRACT_ASSIGN_OR_RETURN(const std::string prompt, chat_prompt(api, s.chat_template, s.name, system, request.user));

  std::lock_guard lock(s.mutex);
  const llama_vocab* vocab = api.model_vocab(s.model);
  const auto length = static_cast<int32_t>(prompt.size());
  const int32_t needed = -api.tokenize(vocab, prompt.data(), length, nullptr, 0, true, true);
  std::vector<llama_token> tokens(static_cast<std::size_t>(std::max(needed, 0)));
  if (needed <= 0 || api.tokenize(vocab, prompt.data(), length, tokens.data(), needed, true, true) != needed) {
    return Status::internal(s.name + ": cannot tokenize the prompt");
  }
  if (needed + request.max_tokens > s.context_tokens) {
    return Status::invalid_argument(s.name + ": the prompt (" + std::to_string(needed) + " tokens) and reply (" +
                                    std::to_string(request.max_tokens) + ") exceed the context of " +
                                    std::to_string(s.context_tokens) + " tokens");
  }
  api.memory_clear(api.memory(s.context), true);
  MIXTRACT_ASSIGN_OR_RETURN(llama_sampler * sampler, greedy_sampler(api, vocab, grammar, s.name));

  ChatReply reply;
  reply.model = s.name;
  reply.prompt_tokens = needed;
  Status status;
  if (api.decode(s.context, api.batch_one(tokens.data(), needed)) != 0) {
    status = Status::internal(s.name + ": decoding the prompt failed");
  }
  for (int i = 0; status.ok() && i < request.max_tokens; ++i) {
    llama_token token = api.sample(sampler, s.context, -1);
    if (api.is_eog(vocab, token)) break;
    char piece[256];
    const int32_t n = api.token_to_piece(vocab, token, piece, sizeof piece, 0, false);
    if (n > 0) reply.content.append(piece, static_cast<std::size_t>(n));
    ++reply.completion_tokens;
    if (api.decode(s.context, api.batch_one(&token, 1)) != 0) status = Status::internal(s.name + ": decoding failed");
  }
  api.sampler_free(sampler);
  MIXTRACT_RETURN_IF_ERROR(status);
  reply.latency_ms = ms_since(start);
  return reply;
}

}  // namespace mixtract
