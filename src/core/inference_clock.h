// The time the process has spent in model inference, for benchmarks that set it against wall time to
// find the share spent outside inference (decoding, copies, the gate, writing).
#ifndef MIXTRACT_CORE_INFERENCE_CLOCK_H_
#define MIXTRACT_CORE_INFERENCE_CLOCK_H_

namespace mixtract {

// Seconds spent inside ONNX Runtime by every model of the process so far, summed over the threads that
// ran them (two threads inferring for one second count two).
double onnx_inference_seconds();

}  // namespace mixtract

#endif  // MIXTRACT_CORE_INFERENCE_CLOCK_H_
