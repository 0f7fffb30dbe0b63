#include "nlp/lac/kernels.h"

#include <cstdint>
#include <cstring>

namespace mixtract::lac {
namespace {

// Eight floats: one AVX2 register (GCC's vector extension; two SSE registers without AVX2).
typedef float Lanes __attribute__((vector_size(32)));
typedef std::int32_t Ints __attribute__((vector_size(32)));
constexpr std::size_t kLanes = 8;

// The helpers take vectors by reference: a vector passed by value would cross a call in the function
// version built without AVX, where 32-byte vectors have no register (clang refuses that).
[[gnu::always_inline]] inline void load(Lanes& v, const float* p) {
  std::memcpy(&v, p, sizeof v);
}
[[gnu::always_inline]] inline void store(float* p, const Lanes& v) {
  std::memcpy(p, &v, sizeof v);
}

// x = e^x: x = n ln 2 + r with |r| <= ln 2 / 2, e^r by Cephes' expf polynomial, 2^n put in the exponent.
[[gnu::always_inline]] inline void exp_lanes(Lanes& x) {
  x = x < 88.0f ? x : 88.0f;
  x = x > -88.0f ? x : -88.0f;
  const Lanes t = x * 1.44269504088896341f + 0.5f;
  Lanes n = __builtin_convertvector(__builtin_convertvector(t, Ints), Lanes);
  n += __builtin_convertvector(n > t, Lanes);  // truncation to floor: -1 where it rounded up
  const Lanes r = x - n * 0.693359375f + n * 2.12194440e-4f;
  Lanes p = r * 1.9875691500e-4f + 1.3981999507e-3f;
  p = p * r + 8.3334519073e-3f;
  p = p * r + 4.1665795894e-2f;
  p = p * r + 1.6666665459e-1f;
  p = p * r + 5.0000001201e-1f;
  p = p * r * r + r + 1.0f;
  const Ints bits = (__builtin_convertvector(n, Ints) + 127) << 23;
  Lanes scale;
  std::memcpy(&scale, &bits, sizeof scale);
  x = p * scale;
}

// x = 1 / (1 + e^-x)
[[gnu::always_inline]] inline void sigmoid_lanes(Lanes& x) {
  x = -x;
  exp_lanes(x);
  x = 1.0f / (1.0f + x);
}

// A tile of R rows x 16 columns of out += in * w, summed in registers over all of inner.
template <std::size_t R>
[[gnu::always_inline]] inline void tile(Matrix out, ConstMatrix in, ConstMatrix w, std::size_t r, std::size_t j,
                                        std::size_t inner) {
  Lanes sum[R][2];
  for (std::size_t a = 0; a < R; ++a) {
    load(sum[a][0], out.data + (r + a) * out.stride + j);
    load(sum[a][1], out.data + (r + a) * out.stride + j + kLanes);
  }
  for (std::size_t k = 0; k < inner; ++k) {
    Lanes w0, w1;
    load(w0, w.data + k * w.stride + j);
    load(w1, w.data + k * w.stride + j + kLanes);
    for (std::size_t a = 0; a < R; ++a) {
      const float v = in.data[(r + a) * in.stride + k];
      sum[a][0] += v * w0;
      sum[a][1] += v * w1;
    }
  }
  for (std::size_t a = 0; a < R; ++a) {
    store(out.data + (r + a) * out.stride + j, sum[a][0]);
    store(out.data + (r + a) * out.stride + j + kLanes, sum[a][1]);
  }
}

}  // namespace

__attribute__((target_clones("arch=x86-64-v3", "default"))) void multiply_add(Matrix out, ConstMatrix in, ConstMatrix w,
                                                                              std::size_t rows, std::size_t inner,
                                                                              std::size_t cols) {
  constexpr std::size_t kRows = 4, kCols = 2 * kLanes;
  const std::size_t tiled_cols = cols - cols % kCols;
  std::size_t r = 0;
  for (; r + kRows <= rows; r += kRows) {
    for (std::size_t j = 0; j < tiled_cols; j += kCols) tile<kRows>(out, in, w, r, j, inner);
  }
  for (; r < rows; ++r) {
    for (std::size_t j = 0; j < tiled_cols; j += kCols) tile<1>(out, in, w, r, j, inner);
  }
  for (std::size_t row = 0; row < rows && tiled_cols < cols; ++row) {  // the last columns
    for (std::size_t k = 0; k < inner; ++k) {
      const float v = in.data[row * in.stride + k];
      for (std::size_t c = tiled_cols; c < cols; ++c) out.data[row * out.stride + c] += v * w.data[k * w.stride + c];
    }
  }
}

__attribute__((target_clones("arch=x86-64-v3", "default"))) void sigmoid(float* x, std::size_t n) {
  Lanes v;
  std::size_t i = 0;
  for (; i + kLanes <= n; i += kLanes) {
    load(v, x + i);
    sigmoid_lanes(v);
    store(x + i, v);
  }
  for (; i < n; ++i) {
    float rest[kLanes] = {x[i]};
    load(v, rest);
    sigmoid_lanes(v);
    store(rest, v);
    x[i] = rest[0];
  }
}

__attribute__((target_clones("arch=x86-64-v3", "default"))) void gru_state(float* state, const float* update,
                                                                           const float* candidate, std::size_t n) {
  Lanes s, u, c;
  // s = (1 - u) s + u tanh(c), tanh(c) = 2 sigmoid(2c) - 1
  auto step = [&] {
    c = 2.0f * c;
    sigmoid_lanes(c);
    s = (1.0f - u) * s + u * (2.0f * c - 1.0f);
  };
  std::size_t i = 0;
  for (; i + kLanes <= n; i += kLanes) {
    load(s, state + i);
    load(u, update + i);
    load(c, candidate + i);
    step();
    store(state + i, s);
  }
  for (; i < n; ++i) {
    float one_s[kLanes] = {state[i]}, one_u[kLanes] = {update[i]}, one_c[kLanes] = {candidate[i]};
    load(s, one_s);
    load(u, one_u);
    load(c, one_c);
    step();
    store(one_s, s);
    state[i] = one_s[0];
  }
}

}  // namespace mixtract::lac
