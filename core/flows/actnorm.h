#pragma once
#include <functional>

#include "core/flows/flow_layer.h"

namespace glowscope {

struct ActNormOptions {
  std::int64_t numFeatures = 1;  ///< channels (4-D input) or dimensions (2-D input)
  /// 0: scale = exp(s), log-det = sum s (flow steps, coupling nets). >0: scale = exp(s) + eps,
  /// log-det = sum log(scale) (latent priors use 1e-8).
  double scaleEps = 0.0;
  /// Whether initializeActNorms() data-initialises this ActNorm (false for class heads).
  bool dataInit = true;
};

/// Sums a tensor of statistics over every process of a data-parallel group, in place
/// (core/training/distributed.h), so that data init sees the images of all processes.
using ActNormStatisticsReducer = std::function<void(at::Tensor& sums)>;

/// y = scale * (x + b), per channel for (B,C,H,W) input and per dimension for (B,D) input.
/// Data init (when armed): b = -mean, s = log(1 / max(unbiased std, 1e-6)) over (B[,H,W]).
class ActNormImpl : public FlowLayerImpl {
 public:
  explicit ActNormImpl(ActNormOptions options);
  FlowResult forward(const at::Tensor& x) override;
  FlowResult inverse(const at::Tensor& y) override;

  /// Arms the data init: the next forward sets b and s from its input, then disarms. With a
  /// reducer, from the statistics of the inputs of every process.
  void armDataInit(ActNormStatisticsReducer reducer = {}) {
    armed_ = true;
    reducer_ = std::move(reducer);
  }
  void disarmDataInit() {
    armed_ = false;
    reducer_ = nullptr;
  }
  bool armed() const { return armed_; }
  bool initialized() const;
  void markInitialized();
  const ActNormOptions& options() const { return options_; }

  /// Per-feature scale exp(s) (+ scaleEps), (F): for folding this ActNorm into a neighbouring
  /// linear map (docs/flows.md, "Performance").
  at::Tensor scale() const;
  /// Sum over features of log(scale), a scalar: the log-det per position.
  at::Tensor logScaleSum() const;

  at::Tensor bias;      ///< (F)
  at::Tensor logScale;  ///< (F)

 private:
  void initializeFrom(const at::Tensor& x);
  void initializeFromAllProcesses(const at::Tensor& x);
  at::Tensor scaleShaped(const at::Tensor& like) const;
  at::Tensor logDetPerExample(const at::Tensor& x) const;

  ActNormOptions options_;
  at::Tensor initializedFlag_;  ///< persisted buffer: 1 once data-initialised
  bool armed_ = false;
  ActNormStatisticsReducer reducer_;
};
TORCH_MODULE(ActNorm);

class FlowModelImpl;
/// initializeActNorms (core/flows/flow_model.h) for data-parallel training: every ActNorm takes
/// the statistics of the batches of all processes, reduced by `reducer`.
void initializeActNorms(FlowModelImpl& model, const at::Tensor& batch,
                        const ActNormStatisticsReducer& reducer);

}  // namespace glowscope
