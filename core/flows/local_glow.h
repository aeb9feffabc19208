#pragma once
#include "core/flows/glow.h"

namespace glowscope {

/// Local Glow (Fig. 1C, 8x8 patches; docs/flows.md): the image is cut into non-overlapping
/// patchSize x patchSize patches (row-major patch order), each patch goes through ONE single-scale
/// conv Glow, and the image log-likelihood is the sum of the patch log-likelihoods. The single
/// latent is (B, P*D) with the patches' latents concatenated in patch order. Inverse and sampling
/// are per patch.
class LocalGlowImpl : public FlowModelImpl {
 public:
  LocalGlowImpl(const ModelConfig& config, at::Generator& generator);

  FlowOutput forward(const at::Tensor& x) override;
  InverseOutput inverse(const std::vector<at::Tensor>& latents) override;
  std::vector<at::Tensor> sampleLatents(std::int64_t n, double temperature,
                                        std::optional<at::Generator> generator,
                                        std::int64_t classIndex) override;
  std::vector<std::vector<std::int64_t>> latentShapes() const override;
  std::vector<at::Tensor> parametersOfScale(int scale) override;

  std::int64_t numPatches() const;
  GlowImpl& patchModel() { return *patchModel_; }

  /// (B,C,H,W) -> (B*P,C,p,p) in row-major patch order, and back.
  static at::Tensor toPatches(const at::Tensor& images, std::int64_t patchSize);
  static at::Tensor fromPatches(const at::Tensor& patches, std::int64_t height, std::int64_t width);

 private:
  std::shared_ptr<GlowImpl> patchModel_;
};

}  // namespace glowscope
