#pragma once
#include <memory>
#include <vector>

#include "core/flows/flow_layer.h"
#include "core/flows/flow_model.h"
#include "core/flows/latent_prior.h"

namespace glowscope {

class InvConvLUImpl;

/// (B,C,H,W) -> (B,4C,H/2,W/2) with new channel index c*4 + 2*di + dj (docs/flows.md).
at::Tensor squeeze2x2(const at::Tensor& x);
/// Exact inverse of squeeze2x2.
at::Tensor unsqueeze2x2(const at::Tensor& x);

/// One scale: squeeze, K flow steps (flattened to vectors for Dense), split off the FIRST half of
/// the channels (all channels at the last scale) as the latent, and its prior.
class FlowScaleImpl : public torch::nn::Module {
 public:
  FlowScaleImpl(const ModelConfig& config, std::vector<std::int64_t> squeezedShape, bool isLast,
                at::Generator& generator);

  const std::vector<std::shared_ptr<FlowLayerImpl>>& layers() const { return layers_; }
  LatentPrior& prior() { return prior_; }
  bool isDense() const { return dense_; }
  bool isLast() const { return isLast_; }
  /// (C,H,W) after the squeeze, and of the latent.
  const std::vector<std::int64_t>& squeezedShape() const { return squeezedShape_; }
  std::vector<std::int64_t> latentShape() const;

  /// Runs the K steps on a squeezed (B,C,H,W) input; adds their log-dets to logDet.
  at::Tensor runSteps(const at::Tensor& squeezed, at::Tensor& logDet);
  at::Tensor invertSteps(const at::Tensor& squeezed, at::Tensor& logDet);

 private:
  std::vector<std::shared_ptr<FlowLayerImpl>> layers_;
  /// Per layer: the LU 1x1 convolution that follows it when the layer is an ActNorm (conv
  /// steps), run as one map with it (InvConvLUImpl::forwardAfter); else null.
  std::vector<InvConvLUImpl*> mixingAfter_;
  LatentPrior prior_{nullptr};
  std::vector<std::int64_t> squeezedShape_;
  bool dense_;
  bool isLast_;
};
TORCH_MODULE(FlowScale);

/// Multi-scale Glow, conv or dense (supp. S2.2; docs/flows.md), with optional class heads.
class GlowImpl : public FlowModelImpl {
 public:
  GlowImpl(const ModelConfig& config, at::Generator& generator);

  FlowOutput forward(const at::Tensor& x) override;
  InverseOutput inverse(const std::vector<at::Tensor>& latents) override;
  std::vector<at::Tensor> sampleLatents(std::int64_t n, double temperature,
                                        std::optional<at::Generator> generator,
                                        std::int64_t classIndex) override;
  std::vector<std::vector<std::int64_t>> latentShapes() const override;
  std::vector<at::Tensor> parametersOfScale(int scale) override;

  FlowScaleImpl& scale(int index) { return *scales_.at(static_cast<std::size_t>(index)); }

 private:
  std::vector<FlowScale> scales_;
};

}  // namespace glowscope
