#include "nlp/lac/lac.h"

#include <algorithm>
#include <fstream>
#include <functional>
#include <map>
#include <numeric>

#include "core/utf8.h"
#include "nlp/lac/kernels.h"
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

// out[rows x cols] = in[rows x inner] * weight[inner x cols] + bias[cols].
std::vector<float> affine(const std::vector<float>& in, std::size_t rows, std::size_t inner, const PaddleTensor& weight,
                          const PaddleTensor& bias) {
  const std::size_t cols = bias.data.size();
  std::vector<float> out(rows * cols);
  for (std::size_t r = 0; r < rows; ++r) std::copy(bias.data.begin(), bias.data.end(), &out[r * cols]);
  lac::multiply_add({out.data(), cols}, {in.data(), inner}, {weight.data.data(), cols}, rows, inner, cols);
  return out;
}

// Texts laid end to end, longest first: text b's characters are rows [begin[b], begin[b + 1]).
struct Rows {
  std::vector<std::size_t> begin;
  std::size_t size(std::size_t b) const { return begin[b + 1] - begin[b]; }
  std::size_t texts() const { return begin.size() - 1; }
};

// Paddle's dynamic_gru over projected inputs [rows x 3H]: gates in the order update, reset, candidate;
// the weight is an [H x 2H] block (update and reset) followed by an [H x H] block (candidate).
// All texts advance one step together (those still going are the first, the texts being longest first),
// so each weight is read once per step for all of them.
// Writes the hidden states into `out` (row stride `stride`, starting at column `column`).
void gru(const std::vector<float>& projected, const Rows& rows, const PaddleTensor& weight, const PaddleTensor& bias,
         bool reverse, std::vector<float>& out, std::size_t stride, std::size_t column) {
  const std::size_t h = kHidden;
  const std::size_t n = rows.texts();
  const float* w_gates = weight.data.data();
  const float* w_candidate = weight.data.data() + 2 * h * h;
  std::vector<float> state(n * h, 0.0f), gates(n * 3 * h), reset_state(n * h);
  std::vector<std::size_t> row_of(n);
  for (std::size_t i = 0, going = n; going > 0; ++i) {
    while (going > 0 && rows.size(going - 1) <= i) --going;
    for (std::size_t b = 0; b < going; ++b) {
      row_of[b] = rows.begin[b] + (reverse ? rows.size(b) - 1 - i : i);
      std::transform(&projected[row_of[b] * 3 * h], &projected[(row_of[b] + 1) * 3 * h], bias.data.begin(),
                     &gates[b * 3 * h], std::plus<>());
    }
    lac::multiply_add({gates.data(), 3 * h}, {state.data(), h}, {w_gates, 2 * h}, going, h, 2 * h);
    for (std::size_t b = 0; b < going; ++b) {
      float* g = &gates[b * 3 * h];
      lac::sigmoid(g, 2 * h);
      for (std::size_t k = 0; k < h; ++k) reset_state[b * h + k] = g[h + k] * state[b * h + k];
    }
    lac::multiply_add({gates.data() + 2 * h, 3 * h}, {reset_state.data(), h}, {w_candidate, h}, going, h, h);
    for (std::size_t b = 0; b < going; ++b) {
      float* s = &state[b * h];
      lac::gru_state(s, &gates[b * 3 * h], &gates[b * 3 * h + 2 * h], h);
      std::copy(s, s + h, &out[row_of[b] * stride + column]);
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

Result<std::vector<std::vector<std::string>>> Lac::tag_characters(const std::vector<std::string>& texts) const {
  const Model& m = *model_;
  std::vector<std::vector<char32_t>> decoded;
  for (std::size_t b = 0; b < texts.size(); ++b) {
    decoded.push_back(utf8::decode(texts[b]));
    if (utf8::encode(decoded.back()) != texts[b]) {
      return Status::invalid_argument("text " + std::to_string(b + 1) + ": the text is not valid UTF-8");
    }
  }
  std::vector<std::size_t> order(texts.size());  // longest first
  std::iota(order.begin(), order.end(), 0);
  std::stable_sort(order.begin(), order.end(),
                   [&](std::size_t a, std::size_t b) { return decoded[a].size() > decoded[b].size(); });
  Rows rows;
  rows.begin.push_back(0);
  std::vector<float> x;
  for (const std::size_t b : order) {
    for (const char32_t c : decoded[b]) {
      const auto it = m.vocabulary.find(utf8::encode({c}));
      const int id = it == m.vocabulary.end() ? m.oov : it->second;
      const auto row = m.embedding.data.begin() + static_cast<std::ptrdiff_t>(id) * kHidden;
      x.insert(x.end(), row, row + kHidden);
    }
    rows.begin.push_back(x.size() / kHidden);
  }
  const std::size_t steps = rows.begin.back();
  std::size_t width = kHidden;
  for (int layer = 0; layer < 2; ++layer) {
    std::vector<float> both(steps * 2 * kHidden);
    for (int direction = 0; direction < 2; ++direction) {
      const int i = 2 * layer + direction;
      const std::vector<float> projected = affine(x, steps, width, m.fc[i], m.fc_bias[i]);
      gru(projected, rows, m.gru[i], m.gru_bias[i], direction == 1, both, 2 * kHidden,
          static_cast<std::size_t>(direction) * kHidden);
    }
    x = std::move(both);
    width = 2 * kHidden;
  }
  const std::vector<float> emission = affine(x, steps, width, m.fc[4], m.fc_bias[4]);
  const std::size_t n_tags = m.fc_bias[4].data.size();
  std::vector<std::vector<std::string>> out(texts.size());
  for (std::size_t b = 0; b < texts.size(); ++b) {
    if (rows.size(b) == 0) continue;
    const std::vector<float> own(emission.begin() + static_cast<std::ptrdiff_t>(rows.begin[b] * n_tags),
                                 emission.begin() + static_cast<std::ptrdiff_t>(rows.begin[b + 1] * n_tags));
    for (const int tag : viterbi(own, rows.size(b), m.crf)) {
      out[order[b]].push_back(m.tags[static_cast<std::size_t>(tag)]);
    }
  }
  return out;
}

Result<std::vector<std::string>> Lac::tag_characters(std::string_view text) const {
  Result<std::vector<std::vector<std::string>>> tags = tag_characters(std::vector<std::string>{std::string(text)});
  if (!tags.ok()) return Status::invalid_argument("the text is not valid UTF-8");
  return std::move(tags->front());
}

Result<std::vector<std::vector<TaggedSpan>>> Lac::analyse(const std::vector<std::string>& texts) const {
  MIXTRACT_ASSIGN_OR_RETURN(const auto tags, tag_characters(texts));
  std::vector<std::vector<TaggedSpan>> out;
  for (std::size_t b = 0; b < texts.size(); ++b) out.push_back(words_of(texts[b], tags[b]));
  return out;
}

Result<std::vector<TaggedSpan>> Lac::analyse(std::string_view text) const {
  MIXTRACT_ASSIGN_OR_RETURN(const std::vector<std::string> tags, tag_characters(text));
  return words_of(text, tags);
}

std::vector<TaggedSpan> Lac::words_of(std::string_view text, const std::vector<std::string>& tags) {
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
