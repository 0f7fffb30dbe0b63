#include "nlp/bert/bert_tagger.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <span>

#include <nlohmann/json.hpp>

#include "core/onnx_model.h"
#include "core/utf8.h"
#include "nlp/bert/entity_decoding.h"
#include "nlp/bert/wordpiece.h"

namespace mixtract {

struct BertTagger::Model {
  bert::WordPiece vocabulary;
  std::unique_ptr<OnnxModel> network;
  std::vector<std::string> labels;
  BertOptions options;
};

namespace {

enum class Input { kIds, kMask, kTypes };

Result<std::vector<std::string>> read_labels(const std::filesystem::path& folder) {
  std::vector<std::string> labels;
  if (std::ifstream in(folder / "labels.txt"); in) {
    std::string line;
    while (std::getline(in, line)) {
      if (!line.empty() && line.back() == '\r') line.pop_back();
      if (!line.empty()) labels.push_back(line);
    }
    if (labels.empty()) return Status::invalid_argument((folder / "labels.txt").string() + ": no labels");
    return labels;
  }
  const std::filesystem::path config = folder / "config.json";
  std::ifstream in(config);
  if (!in) {
    return Status::unavailable(folder.string() +
                               ": no labels.txt (one label per line) and no config.json with id2label");
  }
  const nlohmann::json json = nlohmann::json::parse(in, nullptr, false);
  if (json.is_discarded() || !json.contains("id2label") || !json["id2label"].is_object()) {
    return Status::invalid_argument(config.string() + ": no id2label object");
  }
  const nlohmann::json& id2label = json["id2label"];
  labels.resize(id2label.size());
  for (auto it = id2label.begin(); it != id2label.end(); ++it) {
    std::size_t id = labels.size();
    try {
      id = std::stoul(it.key());
    } catch (const std::exception&) {
    }
    if (id >= labels.size() || !it.value().is_string() || !labels[id].empty()) {
      return Status::invalid_argument(config.string() + ": id2label must map 0 .. " +
                                      std::to_string(labels.size() - 1) + " to label names; entry '" + it.key() +
                                      "' does not fit");
    }
    labels[id] = it.value().get<std::string>();
  }
  return labels;
}

// Windows [begin, end) of at most `content` pieces, each starting half a window after the one before.
std::vector<std::pair<std::size_t, std::size_t>> windows(std::size_t count, std::size_t content) {
  if (count <= content) return {{0, count}};
  const std::size_t stride = std::max<std::size_t>(1, content / 2);
  std::vector<std::pair<std::size_t, std::size_t>> spans;
  for (std::size_t begin = 0;; begin += stride) {
    spans.emplace_back(begin, std::min(count, begin + content));
    if (begin + content >= count) return spans;
  }
}

struct Window {
  std::size_t text = 0;
  std::size_t begin = 0;
  std::size_t end = 0;
};

// The most likely label of `logits` and its softmax probability.
bert::PieceLabel best_label(const float* logits, std::size_t count) {
  const std::size_t best = static_cast<std::size_t>(std::max_element(logits, logits + count) - logits);
  double sum = 0;
  for (std::size_t i = 0; i < count; ++i) sum += std::exp(static_cast<double>(logits[i] - logits[best]));
  return {best, 1.0 / sum};
}

// The network's scores for a batch of windows: [rows, width, labels], each row [CLS] + the window's pieces
// + [SEP], padded to the widest.
struct BatchLogits {
  OnnxModel::Output logits;
  std::size_t width = 0;
};
Result<BatchLogits> batch_logits(const bert::WordPiece& vocabulary, OnnxModel& network, std::size_t labels,
                                 std::span<const Window> batch, const std::vector<bert::Tokens>& tokens) {
  const std::size_t rows = batch.size();
  std::size_t width = 0;
  for (const Window& w : batch) width = std::max(width, w.end - w.begin + 2);
  std::vector<std::int64_t> ids(rows * width, vocabulary.padding()), mask(rows * width, 0), types(rows * width, 0);
  for (std::size_t r = 0; r < rows; ++r) {
    const Window& w = batch[r];
    std::int64_t* row = &ids[r * width];
    row[0] = vocabulary.begin_marker();
    std::copy(tokens[w.text].ids.begin() + static_cast<std::ptrdiff_t>(w.begin),
              tokens[w.text].ids.begin() + static_cast<std::ptrdiff_t>(w.end), row + 1);
    row[w.end - w.begin + 1] = vocabulary.end_marker();
    std::fill_n(&mask[r * width], w.end - w.begin + 2, 1);
  }
  std::vector<const std::vector<std::int64_t>*> inputs;
  for (const std::string& name : network.input_names()) {
    inputs.push_back(name == "input_ids" ? &ids : name == "attention_mask" ? &mask : &types);
  }
  Result<OnnxModel::Output> out =
      network.run(inputs, {static_cast<std::int64_t>(rows), static_cast<std::int64_t>(width)});
  if (!out.ok()) {
    return Status::internal(out.status().message() + " (a window of " + std::to_string(width) +
                            " tokens: if the model allows fewer positions, lower max_tokens)");
  }
  if (out->shape.size() != 3 || out->shape[0] != static_cast<std::int64_t>(rows) ||
      out->shape[1] != static_cast<std::int64_t>(width) || out->shape[2] != static_cast<std::int64_t>(labels)) {
    std::string shape;
    for (std::int64_t d : out->shape) shape += (shape.empty() ? "" : ", ") + std::to_string(d);
    return Status::invalid_argument(network.path() + ": the output is [" + shape + "], expected [" +
                                    std::to_string(rows) + ", " + std::to_string(width) + ", " +
                                    std::to_string(labels) + "] for " + std::to_string(labels) +
                                    " labels; do the labels match the model?");
  }
  return BatchLogits{std::move(out).value(), width};
}

}  // namespace

Result<BertTagger> BertTagger::load(const std::filesystem::path& folder, const BertOptions& options) {
  if (options.max_tokens < 3) return Status::invalid_argument("max_tokens must be at least 3 ([CLS], a piece, [SEP])");
  auto model = std::make_shared<Model>();
  model->options = options;
  model->options.batch = std::max<std::size_t>(1, options.batch);
  MIXTRACT_ASSIGN_OR_RETURN(model->vocabulary, bert::WordPiece::load(folder / "vocab.txt"));
  MIXTRACT_ASSIGN_OR_RETURN(model->labels, read_labels(folder));
  MIXTRACT_ASSIGN_OR_RETURN(model->network,
                            OnnxModel::load(folder / "model.onnx", options.threads,
                                            "a BERT model folder holds model.onnx, vocab.txt and labels.txt"));
  for (const std::string& name : model->network->input_names()) {
    if (name != "input_ids" && name != "attention_mask" && name != "token_type_ids") {
      return Status::invalid_argument((folder / "model.onnx").string() + ": input '" + name +
                                      "' is not one of input_ids, attention_mask, token_type_ids");
    }
  }
  BertTagger tagger(model);
  // One short run checks that the model runs and gives one score per label.
  MIXTRACT_RETURN_IF_ERROR(tagger.entities(std::string_view("a")).status());
  return tagger;
}

const std::vector<std::string>& BertTagger::labels() const {
  return model_->labels;
}

Result<std::vector<TaggedSpan>> BertTagger::entities(std::string_view text) const {
  MIXTRACT_ASSIGN_OR_RETURN(auto all, entities(std::vector<std::string>{std::string(text)}));
  return std::move(all.front());
}

Result<std::vector<std::vector<TaggedSpan>>> BertTagger::entities(const std::vector<std::string>& texts) const {
  const Model& m = *model_;
  std::vector<bert::Tokens> tokens(texts.size());
  std::vector<Window> all_windows;
  for (std::size_t t = 0; t < texts.size(); ++t) {
    Result<bert::Tokens> tokenised = m.vocabulary.tokenise(texts[t]);
    if (!tokenised.ok())
      return Status::invalid_argument("text " + std::to_string(t + 1) + ": " + tokenised.status().message());
    tokens[t] = std::move(*tokenised);
    if (tokens[t].ids.empty()) continue;
    for (auto [begin, end] : windows(tokens[t].ids.size(), m.options.max_tokens - 2))
      all_windows.push_back({t, begin, end});
  }
  // Per text and piece: the label, and how far the piece sat from its window's edge.
  std::vector<std::vector<bert::PieceLabel>> labels(texts.size());
  std::vector<std::vector<std::ptrdiff_t>> margins(texts.size());
  for (std::size_t t = 0; t < texts.size(); ++t) margins[t].assign(tokens[t].ids.size(), -1);
  for (std::size_t t = 0; t < texts.size(); ++t) labels[t].resize(tokens[t].ids.size());

  for (std::size_t first = 0; first < all_windows.size(); first += m.options.batch) {
    const std::size_t rows = std::min(m.options.batch, all_windows.size() - first);
    const std::span<const Window> batch(all_windows.data() + first, rows);
    MIXTRACT_ASSIGN_OR_RETURN(const BatchLogits out,
                              batch_logits(m.vocabulary, *m.network, m.labels.size(), batch, tokens));
    const std::size_t width = out.width;
    for (std::size_t r = 0; r < rows; ++r) {
      const Window& w = all_windows[first + r];
      for (std::size_t piece = w.begin; piece < w.end; ++piece) {
        const auto margin = static_cast<std::ptrdiff_t>(std::min(piece - w.begin, w.end - 1 - piece));
        if (margin <= margins[w.text][piece]) continue;
        margins[w.text][piece] = margin;
        const float* logits = &out.logits.data[(r * width + piece - w.begin + 1) * m.labels.size()];
        labels[w.text][piece] = best_label(logits, m.labels.size());
      }
    }
  }

  std::vector<std::vector<TaggedSpan>> result(texts.size());
  for (std::size_t t = 0; t < texts.size(); ++t) {
    const std::vector<char32_t> decoded = utf8::decode(texts[t]);
    result[t] = bert::decode_entities(std::u32string(decoded.begin(), decoded.end()), tokens[t], m.labels, labels[t]);
  }
  return result;
}

}  // namespace mixtract
