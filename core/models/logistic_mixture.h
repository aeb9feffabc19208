#pragma once
// The output distribution of PixelCNN++ (Salimans et al. 2017, Sec. 2.1-2.2): per pixel a mixture
// of K logistics shared by the pixel's C sub-pixels, each logistic discretised to the 256 values
// of a sub-pixel (edge bins 0 and 255 take the tails), with the sub-pixel dependence of Eq. 3:
// the mean of sub-pixel c is mu_c + sum_{c'<c} alpha_{c,c'} x_{c'} (x scaled to [-1, 1]).
// Everything is in nats of the discrete probability of 8-bit values.
#include <ATen/ATen.h>

#include <optional>

namespace glowscope {

/// The mixture parameters at every pixel, split from the network output.
struct LogisticMixture {
  at::Tensor logWeights;    ///< (B,K,H,W) log_softmax of the mixture logits
  at::Tensor means;         ///< (B,K,C,H,W) mu before the sub-pixel dependence
  at::Tensor logScales;     ///< (B,K,C,H,W) log s, clamped below at -7
  at::Tensor coefficients;  ///< (B,K,C(C-1)/2,H,W) alpha = tanh(raw); index c(c-1)/2 + c'
};

/// Network outputs per pixel for C channels and K logistics: K (1 + 2C + C(C-1)/2).
int mixtureOutputChannels(int channels, int logistics);

/// Splits (B, mixtureOutputChannels, H, W) in the order [logits K | means K*C | log-scales K*C |
/// coefficients K*C(C-1)/2] (each k-major). Throws glowscope::Error on a wrong channel count.
LogisticMixture splitMixtureOutput(const at::Tensor& output, int channels, int logistics);

/// Pixel values k (uint8, or floating values rounded to the nearest integer, clamped to
/// 0..255) as the model's inputs x = k/127.5 - 1 (float32).
at::Tensor pixelsToUnitRange(const at::Tensor& pixels);

/// Element-wise log P(value = k) of a logistic(mean, exp(logScale)) discretised to the bins
/// [x_k - 1/255, x_k + 1/255) of x_k = k/127.5 - 1, with bin 0 = (-inf, x_0 + 1/255) and bin
/// 255 = [x_255 - 1/255, inf). `pixels` holds k (integer-valued, any dtype), `means` and
/// `logScales` broadcast against it. Evaluated without cancellation in float32 (the interior
/// bins through log sigma(a) + log(1 - exp(log sigma(b) - log sigma(a))) on the lower half of the
/// logistic), so the 256 probabilities sum to 1 within float rounding for any parameters.
at::Tensor discretizedLogisticLogProb(const at::Tensor& pixels, const at::Tensor& means,
                                      const at::Tensor& logScales);

/// (B,C,H,W) log P(x_{c,h,w} | x_{<c} of the same pixel, the mixture at (h,w)): the mixture's
/// joint log-probability of sub-pixels 0..c minus that of 0..c-1, so summing over c gives the
/// pixel's joint log-probability. `pixels` (B,C,H,W) as for pixelsToUnitRange.
at::Tensor subPixelLogProbabilities(const LogisticMixture& mixture, const at::Tensor& pixels);

/// Draws pixels (B,C,H,W) as uint8 from the mixture at every position: a component k with
/// probability pi_k, then sub-pixel by sub-pixel a logistic value (scale multiplied by
/// `temperature`) around the mean given the already drawn sub-pixels, rounded to its bin.
at::Tensor sampleLogisticMixture(const LogisticMixture& mixture,
                                 const std::optional<at::Generator>& generator,
                                 double temperature = 1.0);

}  // namespace glowscope
