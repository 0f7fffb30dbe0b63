#include "mixtract/lac.h"

#include <algorithm>
#include <cmath>
#include <fstream>
#include <map>

#include "core/utf8.h"
#include "nlp/lac/paddle_tensor.h"

namespace mixtract {

struct Lac::Model {
  std::map<std::string, int, std::less<>> vocabulary;  // A character -> its row of the embedding.
  int oov = 0;
  std::vector<std::string> tags;
  PaddleTensor embedding;  // [vocabulary, 128]
  PaddleTensor fc[5];      // fc_0..3: the GRUs' input projections [in, 384]; fc_4: emission [256, tags].
  PaddleTensor fc_bias[5];
  PaddleTensor gru[4];  // gru_0/1: layer 1 forward/backward; gru_2/3: layer 2. [128, 384].
  PaddleTensor gru_bias[4];
  PaddleTensor crf;  // [tags + 2, tags]: start, end, then transitions from row to column.
};

namespace {

constexpr int kHidden = 128;

// out[0..n) += v * w[0..n): the kernel every layer spends its time in, built for AVX2 + FMA too and
// chosen when the processor has them.
__attribute__((target_clones("arch=x86-64-v3", "default"))) void add_scaled(float* __restrict out,
                                                                            const float* __restrict w, float v,
                                                                            std::size_t n) {
  for (std::size_t j = 0; j < n; ++j) out[j] += v * w[j];
}

// out[rows x cols] = in[rows x inner] * weight[inner x cols] + bias[cols].
std::vector<float> affine(const std::vector<float>& in, std::size_t rows, std::size_t inner, const PaddleTensor& weight,
                          const PaddleTensor& bias) {
  const std::size_t cols = bias.data.size();
  std::vector<float> out(rows * cols);
  for (std::size_t r = 0; r < rows; ++r) {
    float* o = &out[r * cols];
    std::copy(bias.data.begin(), bias.data.end(), o);
    for (std::size_t k = 0; k < inner; ++k) {
      add_scaled(o, &weight.data[k * cols], in[r * inner + k], cols);
    }
  }
  return out;
}

float sigmoid(float x) {
  return 1.0f / (1.0f + std::exp(-x));
}

// Paddle's dynamic_gru over projected inputs [steps x 3H]: gates in the order update, reset, candidate;
// the weight is an [H x 2H] block (update and reset) followed by an [H x H] block (candidate).
// Writes the hidden states into `out` (row stride `stride`, starting at column `column`).
void gru(const std::vector<float>& projected, std::size_t steps, const PaddleTensor& weight, const PaddleTensor& bias,
         bool reverse, std::vector<float>& out, std::size_t stride, std::size_t column) {
  const std::size_t h = kHidden;
  const float* w_gates = weight.data.data();
  const float* w_candidate = weight.data.data() + 2 * h * h;
  std::vector<float> state(h, 0.0f), gates(3 * h), reset_state(h);
  for (std::size_t i = 0; i < steps; ++i) {
    const std::size_t t = reverse ? steps - 1 - i : i;
    for (std::size_t j = 0; j < 3 * h; ++j) gates[j] = projected[t * 3 * h + j] + bias.data[j];
    for (std::size_t k = 0; k < h; ++k) {
      add_scaled(gates.data(), w_gates + k * 2 * h, state[k], 2 * h);
    }
    for (std::size_t j = 0; j < 2 * h; ++j) gates[j] = sigmoid(gates[j]);
    for (std::size_t k = 0; k < h; ++k) reset_state[k] = gates[h + k] * state[k];
    for (std::size_t k = 0; k < h; ++k) {
      add_scaled(gates.data() + 2 * h, w_candidate + k * h, reset_state[k], h);
    }
    for (std::size_t j = 0; j < h; ++j) {
      const float update = gates[j];
      state[j] = (1 - update) * state[j] + update * std::tanh(gates[2 * h + j]);
      out[t * stride + column + j] = state[j];
    }
  }
}

// The best tag sequence under the CRF: start and end weights, transitions, emissions [steps x tags].
std::vector<int> viterbi(const std::vector<float>& emission, std::size_t steps, const PaddleTensor& crf) {
  const std::size_t n = static_cast<std::size_t>(crf.dims[1]);
  const float* start = crf.data.data();
  const float* end = start + n;
  const float* transition = start + 2 * n;
  std::vector<float> score(start, start + n), next(n);
  for (std::size_t j = 0; j < n; ++j) score[j] += emission[j];
  std::vector<int> back(steps * n, 0);
  for (std::size_t t = 1; t < steps; ++t) {
    for (std::size_t j = 0; j < n; ++j) {
      int best = 0;
      float best_score = score[0] + transition[j];
      for (std::size_t i = 1; i < n; ++i) {
        const float s = score[i] + transition[i * n + j];
        if (s > best_score) best_score = s, best = static_cast<int>(i);
      }
      back[t * n + j] = best;
      next[j] = best_score + emission[t * n + j];
    }
    score.swap(next);
  }
  std::vector<int> path(steps);
  int last = 0;
  for (std::size_t j = 1; j < n; ++j) {
    if (score[j] + end[j] > score[static_cast<std::size_t>(last)] + end[last]) last = static_cast<int>(j);
  }
  for (std::size_t t = steps; t-- > 0;) {
    path[t] = last;
    if (t > 0) last = back[t * n + static_cast<std::size_t>(last)];
  }
  return path;
}

// "id<TAB>key" lines.
Result<std::map<int, std::string>> read_dictionary(const std::filesystem::path& path) {
  std::ifstream in(path);
  if (!in) return Status::not_found("cannot read " + path.string() + " (is python3-jieba installed?)");
  std::map<int, std::string> entries;
  std::string line;
  while (std::getline(in, line)) {
    const std::size_t tab = line.find('\t');
    if (tab == std::string::npos || tab == 0) continue;
    try {
      entries[std::stoi(line.substr(0, tab))] = line.substr(tab + 1);
    } catch (const std::exception&) {
      return Status::invalid_argument(path.string() + ": malformed line '" + line + "'");
    }
  }
  if (entries.empty()) return Status::invalid_argument(path.string() + ": no entries");
  return entries;
}

}  // namespace

std::filesystem::path Lac::default_folder() {
  return "/usr/lib/python3/dist-packages/jieba/lac_small";
}

Result<Lac> Lac::load(const std::filesystem::path& folder) {
  auto model = std::make_shared<Model>();
  MIXTRACT_ASSIGN_OR_RETURN(const auto words, read_dictionary(folder / "word.dic"));
  MIXTRACT_ASSIGN_OR_RETURN(const auto tags, read_dictionary(folder / "tag.dic"));
  for (const auto& [id, word] : words) model->vocabulary[word] = id;
  if (!model->vocabulary.contains("OOV"))
    return Status::invalid_argument((folder / "word.dic").string() + " has no OOV entry");
  model->oov = model->vocabulary["OOV"];
  for (const auto& [id, tag] : tags) {
    if (id != static_cast<int>(model->tags.size()))
      return Status::invalid_argument((folder / "tag.dic").string() + ": tag ids are not 0, 1, 2, ...");
    model->tags.push_back(tag);
  }
  const std::filesystem::path params = folder / "model_baseline";
  MIXTRACT_ASSIGN_OR_RETURN(model->embedding, read_paddle_tensor(params / "word_emb"));
  for (int i = 0; i < 5; ++i) {
    MIXTRACT_ASSIGN_OR_RETURN(model->fc[i], read_paddle_tensor(params / ("fc_" + std::to_string(i) + ".w_0")));
    MIXTRACT_ASSIGN_OR_RETURN(model->fc_bias[i], read_paddle_tensor(params / ("fc_" + std::to_string(i) + ".b_0")));
  }
  for (int i = 0; i < 4; ++i) {
    MIXTRACT_ASSIGN_OR_RETURN(model->gru[i], read_paddle_tensor(params / ("gru_" + std::to_string(i) + ".w_0")));
    MIXTRACT_ASSIGN_OR_RETURN(model->gru_bias[i], read_paddle_tensor(params / ("gru_" + std::to_string(i) + ".b_0")));
  }
  MIXTRACT_ASSIGN_OR_RETURN(model->crf, read_paddle_tensor(params / "crfw"));
  // The shapes the network needs; a mismatch names the file.
  const auto expect = [&](const PaddleTensor& t, std::vector<std::int64_t> dims, const std::string& name) {
    return t.dims == dims ? Status() : Status::invalid_argument((params / name).string() + ": unexpected shape");
  };
  const auto n_tags = static_cast<std::int64_t>(model->tags.size());
  MIXTRACT_RETURN_IF_ERROR(expect(model->embedding, {model->embedding.dims[0], kHidden}, "word_emb"));
  for (const auto& [word, id] : model->vocabulary) {
    if (id < 0 || id >= model->embedding.dims[0]) {
      return Status::invalid_argument((folder / "word.dic").string() + ": id " + std::to_string(id) + " of '" + word +
                                      "' is beyond the embedding");
    }
  }
  for (int i = 0; i < 4; ++i) {
    const std::int64_t in = i < 2 ? kHidden : 2 * kHidden;
    const std::string n = std::to_string(i);
    MIXTRACT_RETURN_IF_ERROR(expect(model->fc[i], {in, 3 * kHidden}, "fc_" + n + ".w_0"));
    MIXTRACT_RETURN_IF_ERROR(expect(model->fc_bias[i], {3 * kHidden}, "fc_" + n + ".b_0"));
    MIXTRACT_RETURN_IF_ERROR(expect(model->gru[i], {kHidden, 3 * kHidden}, "gru_" + n + ".w_0"));
    MIXTRACT_RETURN_IF_ERROR(expect(model->gru_bias[i], {1, 3 * kHidden}, "gru_" + n + ".b_0"));
  }
  MIXTRACT_RETURN_IF_ERROR(expect(model->fc[4], {2 * kHidden, n_tags}, "fc_4.w_0"));
  MIXTRACT_RETURN_IF_ERROR(expect(model->fc_bias[4], {n_tags}, "fc_4.b_0"));
  MIXTRACT_RETURN_IF_ERROR(expect(model->crf, {n_tags + 2, n_tags}, "crfw"));
  return Lac(std::move(model));
}

Result<std::vector<std::string>> Lac::tag_characters(std::string_view text) const {
  const std::vector<char32_t> characters = utf8::decode(text);
  if (utf8::encode(characters) != text) return Status::invalid_argument("the text is not valid UTF-8");
  const std::size_t steps = characters.size();
  if (steps == 0) return std::vector<std::string>{};
  const Model& m = *model_;
  std::vector<float> x(steps * kHidden);
  for (std::size_t t = 0; t < steps; ++t) {
    const auto it = m.vocabulary.find(utf8::encode({characters[t]}));
    const int id = it == m.vocabulary.end() ? m.oov : it->second;
    std::copy_n(m.embedding.data.begin() + static_cast<std::ptrdiff_t>(id) * kHidden, kHidden,
                x.begin() + static_cast<std::ptrdiff_t>(t * kHidden));
  }
  std::size_t width = kHidden;
  for (int layer = 0; layer < 2; ++layer) {
    std::vector<float> both(steps * 2 * kHidden);
    for (int direction = 0; direction < 2; ++direction) {
      const int i = 2 * layer + direction;
      const std::vector<float> projected = affine(x, steps, width, m.fc[i], m.fc_bias[i]);
      gru(projected, steps, m.gru[i], m.gru_bias[i], direction == 1, both, 2 * kHidden,
          static_cast<std::size_t>(direction) * kHidden);
    }
    x = std::move(both);
    width = 2 * kHidden;
  }
  const std::vector<float> emission = affine(x, steps, width, m.fc[4], m.fc_bias[4]);
  std::vector<std::string> tags;
  for (const int tag : viterbi(emission, steps, m.crf)) tags.push_back(m.tags[static_cast<std::size_t>(tag)]);
  return tags;
}

Result<std::vector<TaggedSpan>> Lac::analyse(std::string_view text) const {
  MIXTRACT_ASSIGN_OR_RETURN(const std::vector<std::string> tags, tag_characters(text));
  const std::vector<char32_t> characters = utf8::decode(text);
  std::vector<TaggedSpan> words;
  for (std::size_t i = 0; i < tags.size(); ++i) {
    const std::string& tag = tags[i];
    const bool inside = tag.ends_with("-I") || tag == "O";
    const std::string kind = tag.substr(0, tag.rfind('-'));
    // A word starts at a B tag, or where the kind changes (an I tag after another kind; O after a word):
    // characters tagged O in a row are one word, as LAC's own reader makes them.
    if (words.empty() || !inside || words.back().tag != kind) {
      words.push_back({"", kind, i, 0});
    }
    words.back().text += utf8::encode({characters[i]});
    ++words.back().length;
  }
  return words;
}

std::vector<TaggedSpan> lac_entities(const std::vector<TaggedSpan>& words) {
  std::vector<TaggedSpan> entities;
  for (const TaggedSpan& word : words) {
    if (word.tag == "PER" || word.tag == "LOC" || word.tag == "ORG" || word.tag == "TIME") entities.push_back(word);
  }
  return entities;
}

}  // namespace mixtract
