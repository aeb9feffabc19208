#pragma once
// The conv coupling net's forward pass without autograd as one fused CPU kernel (docs/flows.md,
// "Performance"): scoring and the frozen general model of the outlier loss run the net a few
// images at a time (one 16x16 image, or as many smaller ones as make 256 pixels), 3x3 conv + bias
// + ReLU, 1x1 conv + bias + ReLU, 3x3 conv + bias, with the hidden activations in the core's own
// cache instead of three passes over memory, on AVX-512 register tiles. The same function as the
// oneDNN route up to float rounding.
#include <ATen/core/Tensor.h>

namespace glowscope {

/// The net's weights with the ActNorms and the output gain folded in (coupling.cpp).
struct FoldedCouplingNet {
  at::Tensor conv1Weight;  ///< (hidden, cin, 3, 3)
  at::Tensor bias1;        ///< (hidden)
  at::Tensor conv2Weight;  ///< (hidden, hidden, 1, 1)
  at::Tensor bias2;        ///< (hidden)
  at::Tensor conv3Weight;  ///< (cout, hidden, 3, 3)
  at::Tensor bias3;        ///< (cout)
};

/// True when the fused kernel can run `input` (B, cin, H, W): float32 on a CPU with AVX-512, no
/// gradient recorded, hidden channels a multiple of 16, and the kernel not switched off.
bool fusedCouplingNetApplies(const at::Tensor& input, std::int64_t hiddenChannels);

/// (B, cin, H, W) -> (B, cout, H, W), contiguous. Requires fusedCouplingNetApplies.
at::Tensor fusedCouplingNet(const at::Tensor& input, const FoldedCouplingNet& net);

/// The affine coupling (coupling.h) with the fused net, x (B, C, H, W) with C = 2*cin:
/// output (x1, (x2 + t) * s) with t = h[:, 0::2], s = sigmoid(h[:, 1::2] + 2), h the net of x1,
/// and logDet (B) the sum of log s. Requires fusedCouplingNetApplies(x).
struct FusedCouplingOutput {
  at::Tensor output;
  at::Tensor logDet;
};
FusedCouplingOutput fusedAffineCoupling(const at::Tensor& x, const FoldedCouplingNet& net);

/// Switches the fused kernel off (for benchmarks and tests that compare it with oneDNN's route);
/// on by default. Process-wide.
void setFusedCouplingNetEnabled(bool enabled);

}  // namespace glowscope
