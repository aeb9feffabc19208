#include "core/models/logistic_mixture.h"

#include <vector>

#include "core/flows/flow_layer.h"
#include "core/util/errors.h"

namespace glowscope {
namespace {

constexpr double kHalfBin = 1.0 / 255.0;  // half the width 2/255 of a bin in [-1, 1]
constexpr double kMinLogScale = -7.0;     // keeps 1/s finite (Salimans et al.'s code does too)

int coefficientCount(int channels) { return channels * (channels - 1) / 2; }

// k as float32 integers 0..255.
at::Tensor pixelValues(const at::Tensor& pixels) {
  if (at::isFloatingType(pixels.scalar_type()))
    return pixels.to(at::kFloat).round().clamp(0.0, 255.0);
  return pixels.to(at::kFloat);
}

// log(sigma(a) - sigma(b)) for a = b + w, w > 0, when (a + b)/2 <= 0. With d = log sigma(b) -
// log sigma(a) = -w + log1p(sigma(b) * expm1(w)) no step subtracts nearly equal numbers.
at::Tensor logSigmoidDifference(const at::Tensor& a, const at::Tensor& b, const at::Tensor& w) {
  const at::Tensor d = -w + at::log1p(at::sigmoid(b) * at::expm1(w));
  // -expm1(d) only reaches 0 when w underflows (log s above ~88); keep the log finite there.
  return -at::softplus(-a) + at::log((-at::expm1(d)).clamp_min(1e-30));
}

// Mean of every sub-pixel given the earlier sub-pixels x (B,C,H,W) of its pixel: (B,K,C,H,W).
at::Tensor dependentMeans(const LogisticMixture& mixture, const at::Tensor& x) {
  const int channels = static_cast<int>(mixture.means.size(2));
  std::vector<at::Tensor> means;
  for (int c = 0; c < channels; ++c) {
    at::Tensor mean = mixture.means.select(2, c);
    for (int earlier = 0; earlier < c; ++earlier)
      mean = mean + mixture.coefficients.select(2, c * (c - 1) / 2 + earlier) *
                        x.select(1, earlier).unsqueeze(1);
    means.push_back(mean);
  }
  return at::stack(means, 2);
}

// The parameters of one component per pixel, chosen by `oneHot` (B,K,1,H,W): (B,n,H,W).
at::Tensor selectComponent(const at::Tensor& perComponent, const at::Tensor& oneHot) {
  return (perComponent * oneHot).sum(1);
}

}  // namespace

int mixtureOutputChannels(int channels, int logistics) {
  return logistics * (1 + 2 * channels + coefficientCount(channels));
}

LogisticMixture splitMixtureOutput(const at::Tensor& output, int channels, int logistics) {
  if (output.dim() != 4 || output.size(1) != mixtureOutputChannels(channels, logistics))
    throw Error("splitMixtureOutput: expected (B, " +
                std::to_string(mixtureOutputChannels(channels, logistics)) + ", H, W) parameters");
  const std::int64_t b = output.size(0), h = output.size(2), w = output.size(3);
  const std::int64_t k = logistics, kc = std::int64_t{logistics} * channels;
  const std::int64_t q = coefficientCount(channels);
  LogisticMixture mixture;
  mixture.logWeights = at::log_softmax(output.narrow(1, 0, k), 1);
  mixture.means = output.narrow(1, k, kc).reshape({b, k, channels, h, w});
  mixture.logScales =
      output.narrow(1, k + kc, kc).reshape({b, k, channels, h, w}).clamp_min(kMinLogScale);
  mixture.coefficients = at::tanh(output.narrow(1, k + 2 * kc, k * q).reshape({b, k, q, h, w}));
  return mixture;
}

at::Tensor pixelsToUnitRange(const at::Tensor& pixels) { return pixelValues(pixels) / 127.5 - 1.0; }

at::Tensor discretizedLogisticLogProb(const at::Tensor& pixels, const at::Tensor& means,
                                      const at::Tensor& logScales) {
  const at::Tensor k = pixelValues(pixels);
  const at::Tensor centered = (k / 127.5 - 1.0) - means;
  const at::Tensor inverseScale = at::exp(-logScales);
  const at::Tensor plusIn = inverseScale * (centered + kHalfBin);
  const at::Tensor minusIn = inverseScale * (centered - kHalfBin);
  const at::Tensor logCdfPlus = -at::softplus(-plusIn);        // bin 0: P(X < x_0 + 1/255)
  const at::Tensor logSurvivalMinus = -at::softplus(minusIn);  // bin 255: P(X >= x_255 - 1/255)
  // sigma(a) - sigma(b) = sigma(-b) - sigma(-a): evaluate on the half where both are small.
  const at::Tensor upper = centered > 0;
  const at::Tensor interior =
      logSigmoidDifference(at::where(upper, -minusIn, plusIn), at::where(upper, -plusIn, minusIn),
                           inverseScale * (2.0 * kHalfBin));
  return at::where(k == 0, logCdfPlus, at::where(k == 255, logSurvivalMinus, interior));
}

at::Tensor subPixelLogProbabilities(const LogisticMixture& mixture, const at::Tensor& pixels) {
  const at::Tensor x = pixelsToUnitRange(pixels);
  const at::Tensor perComponent = discretizedLogisticLogProb(
      pixels.unsqueeze(1), dependentMeans(mixture, x), mixture.logScales);  // (B,K,C,H,W)
  // log P(x_0..x_c) = logsumexp_k [log pi_k + sum_{c' <= c} log P_k(x_c' | x_<c')].
  const at::Tensor joint =
      at::logsumexp(mixture.logWeights.unsqueeze(2) + perComponent.cumsum(2), 1);  // (B,C,H,W)
  const at::Tensor before =
      at::cat({at::zeros_like(joint.narrow(1, 0, 1)), joint.narrow(1, 0, joint.size(1) - 1)}, 1);
  return joint - before;
}

at::Tensor sampleLogisticMixture(const LogisticMixture& mixture,
                                 const std::optional<at::Generator>& generator,
                                 double temperature) {
  if (!(temperature > 0.0)) throw Error("sampleLogisticMixture: temperature must be positive");
  const auto gen = toC10Generator(generator);
  const at::Tensor& logWeights = mixture.logWeights;
  // Gumbel-max: argmax_k (log pi_k + G_k) is component k with probability pi_k.
  const at::Tensor gumbel =
      -at::log(-at::log(at::rand(logWeights.sizes(), gen, logWeights.options())));
  const at::Tensor chosen = (logWeights + gumbel).argmax(1, true);
  const at::Tensor oneHot = at::zeros_like(logWeights).scatter_(1, chosen, 1.0).unsqueeze(2);
  const at::Tensor means = selectComponent(mixture.means, oneHot);
  const at::Tensor scales = at::exp(selectComponent(mixture.logScales, oneHot)) * temperature;
  const at::Tensor coefficients = selectComponent(mixture.coefficients, oneHot);
  std::vector<at::Tensor> values, drawn;  // x in [-1, 1] of each drawn bin, and the bin k
  for (std::int64_t c = 0; c < means.size(1); ++c) {
    at::Tensor mean = means.select(1, c);
    for (std::int64_t earlier = 0; earlier < c; ++earlier)
      mean = mean + coefficients.select(1, c * (c - 1) / 2 + earlier) * values[earlier];
    const at::Tensor u = at::rand(mean.sizes(), gen, mean.options());
    const at::Tensor logistic = mean + scales.select(1, c) * (at::log(u) - at::log1p(-u));
    // The bins of x_k are [x_k - 1/255, x_k + 1/255): rounding (x + 1) * 127.5 finds k; the
    // clamp gives the tails to the edge bins, as the probabilities above do.
    const at::Tensor k = ((logistic + 1.0) * 127.5).round().clamp(0.0, 255.0);
    drawn.push_back(k);
    values.push_back(k / 127.5 - 1.0);
  }
  return at::stack(drawn, 1).to(at::kByte);
}

}  // namespace glowscope
