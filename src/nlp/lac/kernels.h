// The arithmetic LAC's layers spend their time in, vectorised (AVX2 + FMA where the processor has them,
// chosen at run time; SSE2 otherwise).
#ifndef MIXTRACT_NLP_LAC_KERNELS_H_
#define MIXTRACT_NLP_LAC_KERNELS_H_

#include <cstddef>

namespace mixtract::lac {

// A matrix of floats in memory: row r starts at data + r * stride.
struct Matrix {
  float* data;
  std::size_t stride;
};
struct ConstMatrix {
  const float* data;
  std::size_t stride;
};

// out[rows x cols] += in[rows x inner] * w[inner x cols].
void multiply_add(Matrix out, ConstMatrix in, ConstMatrix w, std::size_t rows, std::size_t inner, std::size_t cols);

// x[i] = 1 / (1 + e^-x[i]), i < n. Within 2e-7 of the exact value.
void sigmoid(float* x, std::size_t n);

// state[i] = (1 - update[i]) * state[i] + update[i] * tanh(candidate[i]), i < n: a GRU's new state.
void gru_state(float* state, const float* update, const float* candidate, std::size_t n);

}  // namespace mixtract::lac

#endif  // MIXTRACT_NLP_LAC_KERNELS_H_
