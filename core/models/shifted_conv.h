#pragma once
// The causal building blocks of PixelCNN++ (Salimans et al. 2017, Sec. 2 and Fig. 2; the
// two-stream idea is van den Oord et al. 2016's gated PixelCNN): weight-normalised convolutions
// padded so that the output at row r, column c sees
//   Down:      input rows <= r, columns c-(kw-1)/2 .. c+(kw-1)/2 (the "u" stream, above)
//   DownRight: input rows <= r, columns <= c                     (the "ul" stream, above-left)
// and the one-row/one-column shifts that turn "<= r" into "< r" (or "< c").
#include <ATen/ATen.h>
#include <torch/nn/module.h>
#include <torch/nn/pimpl.h>

#include <cstdint>

namespace glowscope {

enum class ShiftKind { Down, DownRight };

/// Shape of one convolution. initScale multiplies the initial gain g (the last convolution of a
/// gated block starts at 0.1, so the block starts close to the identity).
struct ConvShape {
  int inChannels = 1;
  int outChannels = 1;
  int kernelHeight = 1;
  int kernelWidth = 1;
  double initScale = 1.0;
};

/// Weight normalisation (Salimans & Kingma 2016): weight = g * v / ||v|| per output channel.
/// v starts U(-1/sqrt(fan_in), 1/sqrt(fan_in)) from `generator` (CPU), g = initScale * ||v||,
/// bias 0. `transposed` stores v as (in, out, kh, kw) for conv_transpose2d.
class WeightNormImpl : public torch::nn::Module {
 public:
  WeightNormImpl(const ConvShape& shape, bool transposed, at::Generator& generator);
  at::Tensor weight() const;  ///< g * v / ||v||
  const at::Tensor& bias() const { return bias_; }
  const ConvShape& shape() const { return shape_; }

 private:
  ConvShape shape_;
  bool transposed_;
  at::Tensor v_, g_, bias_;
};
TORCH_MODULE(WeightNorm);

/// Shifted convolution with stride 1 or 2 (stride 2 halves H and W, both even).
class ShiftedConv2dImpl : public torch::nn::Module {
 public:
  ShiftedConv2dImpl(ShiftKind kind, const ConvShape& shape, int stride, at::Generator& generator);
  at::Tensor forward(const at::Tensor& x);

 private:
  ShiftKind kind_;
  int stride_;
  WeightNorm weights_{nullptr};
};
TORCH_MODULE(ShiftedConv2d);

/// Shifted stride-2 transposed convolution (doubles H and W) keeping the shift's causality:
/// output row 2i and 2i+1 come from input row i only.
class ShiftedDeconv2dImpl : public torch::nn::Module {
 public:
  ShiftedDeconv2dImpl(ShiftKind kind, const ConvShape& shape, at::Generator& generator);
  at::Tensor forward(const at::Tensor& x);

 private:
  ShiftKind kind_;
  WeightNorm weights_{nullptr};
};
TORCH_MODULE(ShiftedDeconv2d);

/// "Network in network": a weight-normalised 1x1 convolution.
class NetworkInNetworkImpl : public torch::nn::Module {
 public:
  NetworkInNetworkImpl(int inChannels, int outChannels, at::Generator& generator);
  at::Tensor forward(const at::Tensor& x);

 private:
  WeightNorm weights_{nullptr};
};
TORCH_MODULE(NetworkInNetwork);

/// Moves the image one row down (zeros in the first row, the last row dropped).
at::Tensor downShift(const at::Tensor& x);
/// Moves the image one column right (zeros in the first column, the last column dropped).
at::Tensor rightShift(const at::Tensor& x);
/// elu(concat(x, -x)) along channels, the nonlinearity of every block (docs/pixelcnn.md).
at::Tensor concatElu(const at::Tensor& x);

/// While one is alive, every layer above adds its multiply-adds per image (see
/// pixelCnnForwardMultiplyAdds) to it, on this thread. For the bench and its test.
class CountMultiplyAdds {
 public:
  CountMultiplyAdds();
  ~CountMultiplyAdds();
  CountMultiplyAdds(const CountMultiplyAdds&) = delete;
  CountMultiplyAdds& operator=(const CountMultiplyAdds&) = delete;
  std::int64_t perImage() const { return count_; }
  static void add(std::int64_t multiplyAddsPerImage);

 private:
  std::int64_t count_ = 0;
  CountMultiplyAdds* previous_ = nullptr;
};

}  // namespace glowscope
