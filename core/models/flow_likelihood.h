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
  /// preprocessImages(pixels, options.mode, options.generator) through the flow: log p and the
  /// per-scale c_i (FlowOutput).
  LikelihoodOutput logLikelihood(const at::Tensor& pixels,
                                 const LikelihoodOptions& options = {}) override;
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

}  // namespace glowscope
