#pragma once
// A flow model (core/flows) behind the likelihood-model interface, so code written against
// LikelihoodModelImpl handles both families while core/flows stays as it is. The flow is a
// registered submodule: parameters(), train()/eval() and to() reach it.
#include "core/flows/flow_model.h"
#include "core/models/likelihood_model.h"

namespace glowscope {

class FlowLikelihoodModelImpl : public LikelihoodModelImpl {
 public:
  explicit FlowLikelihoodModelImpl(FlowModel flow);

  FlowModelImpl& flow() { return *flow_; }
  const FlowModel& flowPointer() const { return flow_; }

  ModelFamily family() const override { return ModelFamily::Flow; }
  ImageShape imageShape() const override;
  nlohmann::json configJson() const override;
  /// preprocessImages(pixels, options.mode, options.generator).
  at::Tensor inputFromPixels(const at::Tensor& pixels, const LikelihoodOptions& options) override;
  /// The flow's forward pass: log p and the per-scale c_i (FlowOutput).
  LikelihoodOutput logLikelihoodOfInput(const at::Tensor& input) override;
  /// The flow's samples (temperature = prior std factor) as 8-bit images (imagesToUint8).
  at::Tensor sampleImages(std::int64_t n, const SamplingOptions& options = {}) override;
  /// initializeActNorms on the dequantised batch.
  void initializeFromData(const at::Tensor& pixels, const LikelihoodOptions& options) override;
  /// saveFlowModel: the file is an ordinary flow model file.
  void save(const std::filesystem::path& path) override;

 private:
  FlowModel flow_;
};

using FlowLikelihoodModel = std::shared_ptr<FlowLikelihoodModelImpl>;

/// The flow behind `model`, or null when it is of another family.
FlowModelImpl* flowModelOf(LikelihoodModelImpl& model);
/// The flow behind `model`; for another family a ConfigError(field) "<what> is for flow models
/// only: a PixelCNN++ model has no scales or latents".
FlowModelImpl& requireFlowModel(LikelihoodModelImpl& model, const std::string& field,
                                const std::string& what);
/// The message requireFlowModel gives, for code that refuses before it has a model.
std::string flowOnlyMessage(const std::string& what, ModelFamily family);

}  // namespace glowscope
