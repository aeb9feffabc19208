#include "core/flows/coupling.h"

#include <ATen/core/grad_mode.h>

#include <cmath>

#include "core/flows/coupling_convs.h"
#include "core/flows/coupling_net_cpu.h"
#include "core/flows/profile_scope.h"

namespace glowscope {
namespace {

at::Tensor normalWeight(at::IntArrayRef shape, double std, at::Generator& generator) {
  return at::normal(0.0, std, shape, generator, at::TensorOptions().dtype(at::kFloat));
}

// PyTorch's default nn.Linear init: kaiming_uniform(a=sqrt(5)) gives bound 1/sqrt(fan_in) for
// the weight, and the bias uses the same bound.
at::Tensor uniformDefault(at::IntArrayRef shape, std::int64_t fanIn, at::Generator& generator) {
  const double bound = 1.0 / std::sqrt(static_cast<double>(fanIn));
  return at::empty(shape, at::TensorOptions().dtype(at::kFloat)).uniform_(-bound, bound, generator);
}

struct ShiftAndScale {
  at::Tensor shift;
  at::Tensor scale;
  at::Tensor logDet;  // (B): sum of log scale over the transformed half
};

ShiftAndScale splitNetOutput(const at::Tensor& h) {
  at::Tensor shift = h.slice(1, 0, c10::nullopt, 2);
  at::Tensor raw = h.slice(1, 1, c10::nullopt, 2) + 2.0;
  return {shift, at::sigmoid(raw), at::log_sigmoid(raw).flatten(1).sum(1)};
}

}  // namespace

ConvCouplingNetImpl::ConvCouplingNetImpl(std::int64_t channels, std::int64_t hidden,
                                         at::Generator& generator) {
  conv1Weight = register_parameter("conv1Weight",
                                   normalWeight({hidden, channels / 2, 3, 3}, 0.05, generator));
  actNorm1 = register_module("actNorm1", ActNorm(ActNormOptions{hidden, 0.0, true}));
  conv2Weight =
      register_parameter("conv2Weight", normalWeight({hidden, hidden, 1, 1}, 0.05, generator));
  actNorm2 = register_module("actNorm2", ActNorm(ActNormOptions{hidden, 0.0, true}));
  zeroWeight = register_parameter("zeroWeight", at::zeros({channels, hidden, 3, 3}));
  zeroBias = register_parameter("zeroBias", at::zeros({channels}));
  zeroLogs = register_parameter("zeroLogs", at::zeros({channels, 1, 1}));
}

// The hidden activations stay channels-last (NHWC) from the first conv to the last: oneDNN
// convolves NHWC directly, whereas each NCHW conv converts its input and output to a blocked
// layout and back; those conversions of the 128-channel tensors took a third of oneDNN's time in
// a CPU training run (DNNL_VERBOSE=1), and NHWC trains the small preset 20-30% faster here
// (docs/training-config.md, throughput). Only the thin input and output are converted.
//
// Each ActNorm follows a bias-free convolution and folds into it:
// (conv(x, W) + b) * s = conv(x, s*W) + s*b, and so does the output gain g = exp(3*logs):
// (conv(x, W) + bias) * g = conv(x, g*W) + g*bias. The same function up to float rounding, with
// the ActNorm passes over the hidden activations gone, forward and backward; only the small
// weights are rescaled. The biases and ReLUs then run in place on the convolution outputs, which
// the convolutions' backward does not need, and the thin 3x3 convolutions take the shapes oneDNN
// runs fastest (coupling_convs.h; docs/flows.md, "Performance"). Without autograd, on float32 and
// an AVX-512 CPU, the folded net runs as one fused kernel instead (coupling_net_cpu.h), and the
// affine coupling's elementwise part with it. A data-initialising forward takes the plain path:
// the ActNorms must see their inputs.
at::Tensor ConvCouplingNetImpl::forward(const at::Tensor& conditioningHalf) {
  GLOWSCOPE_PROFILE_SCOPE("net");
  constexpr auto nhwc = at::MemoryFormat::ChannelsLast;
  if (actNorm1->armed() || actNorm2->armed()) {
    const at::Tensor gain = (zeroLogs * 3.0).exp().view({1, -1, 1, 1});
    at::Tensor h =
        at::conv2d(conditioningHalf.contiguous(nhwc), conv1Weight.contiguous(nhwc), {}, 1, 1);
    h = at::relu(actNorm1->forward(h).output);
    h = at::conv2d(h, conv2Weight.contiguous(nhwc));
    h = at::relu(actNorm2->forward(h).output);
    h = at::conv2d(h, zeroWeight.contiguous(nhwc), zeroBias, 1, 1);
    return (h * gain).contiguous();
  }
  if (auto net = foldedForFusedKernel(conditioningHalf))
    return fusedCouplingNet(conditioningHalf, *net);
  const FoldedCouplingNet net = folded();
  at::Tensor h = conv3x3Same(conditioningHalf, net.conv1Weight, net.bias1);
  h.relu_();
  h = conv1x1(h.contiguous(nhwc), net.conv2Weight, net.bias2);
  h.relu_();
  return conv3x3Same(h, net.conv3Weight, net.bias3).contiguous();
}

FoldedCouplingNet ConvCouplingNetImpl::folded() const {
  auto scaledRows = [](const at::Tensor& weight, const at::Tensor& rowScale) {
    return weight * rowScale.view({-1, 1, 1, 1});
  };
  const at::Tensor scale1 = actNorm1->scale(), scale2 = actNorm2->scale();
  const at::Tensor gain = (zeroLogs * 3.0).exp().view({-1});
  return {scaledRows(conv1Weight, scale1), actNorm1->bias * scale1,
          scaledRows(conv2Weight, scale2), actNorm2->bias * scale2,
          scaledRows(zeroWeight, gain),    zeroBias * gain};
}

std::optional<FoldedCouplingNet> ConvCouplingNetImpl::foldedForFusedKernel(
    const at::Tensor& input) const {
  if (actNorm1->armed() || actNorm2->armed() ||
      !fusedCouplingNetApplies(input, conv2Weight.size(0)))
    return std::nullopt;
  return folded();
}

MlpCouplingNetImpl::MlpCouplingNetImpl(std::int64_t dims, std::int64_t hidden,
                                       at::Generator& generator) {
  const std::int64_t half = dims / 2;
  weight1 = register_parameter("weight1", uniformDefault({hidden, half}, half, generator));
  bias1 = register_parameter("bias1", uniformDefault({hidden}, half, generator));
  weight2 = register_parameter("weight2", uniformDefault({hidden, hidden}, hidden, generator));
  bias2 = register_parameter("bias2", uniformDefault({hidden}, hidden, generator));
  weight3 = register_parameter("weight3", uniformDefault({dims, hidden}, hidden, generator));
  bias3 = register_parameter("bias3", uniformDefault({dims}, hidden, generator));
}

at::Tensor MlpCouplingNetImpl::forward(const at::Tensor& conditioningHalf) {
  GLOWSCOPE_PROFILE_SCOPE("net");
  at::Tensor h = at::relu(at::linear(conditioningHalf, weight1, bias1));
  h = at::relu(at::linear(h, weight2, bias2));
  return at::linear(h, weight3, bias3);
}

AffineCouplingImpl::AffineCouplingImpl(std::shared_ptr<CouplingNetImpl> net)
    : net_(register_module("net", std::move(net))) {}

FlowResult AffineCouplingImpl::forward(const at::Tensor& x) {
  GLOWSCOPE_PROFILE_SCOPE("coupling");
  if (auto* conv = dynamic_cast<ConvCouplingNetImpl*>(net_.get()))
    if (auto folded = conv->foldedForFusedKernel(x)) {
      auto [output, logDet] = fusedAffineCoupling(x, *folded);
      return {output, logDet};
    }
  auto halves = x.chunk(2, 1);
  auto [shift, scale, logDet] = splitNetOutput(net_->forward(halves[0]));
  at::Tensor y2 = (halves[1] + shift) * scale;
  return {at::cat({halves[0], y2}, 1), logDet};
}

FlowResult AffineCouplingImpl::inverse(const at::Tensor& y) {
  auto halves = y.chunk(2, 1);
  auto [shift, scale, logDet] = splitNetOutput(net_->forward(halves[0]));
  at::Tensor x2 = halves[1] / scale - shift;
  return {at::cat({halves[0], x2}, 1), logDet};
}

}  // namespace glowscope
