#include "core/analysis/feature_swap.h"

#include <ATen/ATen.h>
#include <torch/csrc/autograd/grad_mode.h>

#include <algorithm>
#include <string>

#include "core/analysis/model_images.h"
#include "core/util/errors.h"

namespace glowscope::analysis {
namespace {

int resolveFirstHighLatent(const FlowModelImpl& model, int requested) {
  const int latents = model.numScales();
  const int first = requested < 0 ? latents - 1 : requested;
  if (first < 1 || first >= latents) {
    throw ConfigError("first-high-latent", "must be in 1.." + std::to_string(latents - 1) +
                                               " for a model with " + std::to_string(latents) +
                                               " latents");
  }
  return first;
}

std::vector<at::Tensor> combine(const std::vector<at::Tensor>& low,
                                const std::vector<at::Tensor>& high, int firstHigh) {
  std::vector<at::Tensor> latents;
  for (size_t i = 0; i < low.size(); ++i) {
    latents.push_back(static_cast<int>(i) < firstHigh ? low[i] : high[i]);
  }
  return latents;
}

// (a, b, ab, ba) of one batch, interleaved per pair into (4B, C, H, W), and their log p.
void swapBatch(FlowModelImpl& model, const at::Tensor& xa, const at::Tensor& xb, int firstHigh,
               at::Tensor& images, at::Tensor& logLikelihoods) {
  const FlowOutput outA = model.forward(xa);
  const FlowOutput outB = model.forward(xb);
  const InverseOutput ab = model.inverse(combine(outA.latents, outB.latents, firstHigh));
  const InverseOutput ba = model.inverse(combine(outB.latents, outA.latents, firstHigh));
  images = at::stack({xa, xb, ab.images, ba.images}, 1).flatten(0, 1);
  logLikelihoods = at::stack({outA.logLikelihoodNats, outB.logLikelihoodNats, ab.logLikelihoodNats,
                              ba.logLikelihoodNats},
                             1)
                       .flatten();
}

void appendDoubles(std::vector<double>& out, const at::Tensor& values) {
  const at::Tensor cpu = values.detach().to(at::kCPU, at::kDouble).contiguous();
  out.insert(out.end(), cpu.data_ptr<double>(), cpu.data_ptr<double>() + cpu.numel());
}

}  // namespace

FeatureSwapResult swapFeatures(FlowModelImpl& model, const ImageSet& imagesA,
                               const ImageSet& imagesB, const FeatureSwapOptions& options,
                               const TaskControl& control) {
  checkImagesFitModel(model, imagesA);
  checkImagesFitModel(model, imagesB);
  if (imagesA.count != imagesB.count || imagesA.count == 0) {
    throw ConfigError("images", "feature swapping needs two non-empty sets of equal size");
  }
  if (options.batchSize < 1) throw ConfigError("batch-size", "must be at least 1");
  const int firstHigh = resolveFirstHighLatent(model, options.firstHighLatent);
  torch::NoGradGuard noGrad;
  FeatureSwapResult result;
  result.images.name = "feature-swap(" + imagesA.name + ", " + imagesB.name + ")";
  for (int64_t begin = 0; begin < imagesA.count; begin += options.batchSize) {
    control.checkpoint(static_cast<double>(begin) / static_cast<double>(imagesA.count),
                       "swapping " + std::to_string(begin) + "/" + std::to_string(imagesA.count));
    const int64_t end = std::min(imagesA.count, begin + options.batchSize);
    const at::Tensor xa =
        preprocessImages(uint8Batch(imagesA, begin, end, model.device()), options.mode);
    const at::Tensor xb =
        preprocessImages(uint8Batch(imagesB, begin, end, model.device()), options.mode);
    at::Tensor images, logLikelihoods;
    swapBatch(model, xa, xb, firstHigh, images, logLikelihoods);
    appendDoubles(result.logLikelihoodNats, logLikelihoods);
    appendImages(result.images, quantiseModelImages(images, result.images.name));
  }
  ScoringOptions scoring;
  scoring.batchSize = options.batchSize * 4;
  scoring.mode = options.mode;
  result.quantisedLogLikelihoodNats = scoreImages(model, result.images, scoring).logLikelihoodNats;
  control.checkpoint(1.0, "feature swapping done");
  return result;
}

}  // namespace glowscope::analysis
