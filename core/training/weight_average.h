#pragma once
// Polyak averaging of the trained weights: an exponential moving average (EMA) of the parameters,
// kept beside the model that the optimiser updates. With the constant learning rate of the
// reference recipe the last weights carry the noise of the last few hundred steps (seed 1 of the
// default experiment: 3.51 bpd on a batch at step 1,470, 3.88 at step 1,500); their average is
// the model that training ends with when optimizer.averageDecay > 0 (docs/training-config.md).
#include <ATen/core/Tensor.h>
#include <torch/nn/module.h>

#include <cstdint>
#include <vector>

namespace glowscope {

class WeightAverage {
 public:
  WeightAverage() = default;
  /// decay in [0, 1); 0 = no averaging (update() and the scope below then do nothing).
  explicit WeightAverage(double decay);

  bool enabled() const { return decay_ > 0; }
  /// True once there is an average to use (after the first update).
  bool ready() const { return !average_.empty(); }
  int64_t updates() const { return updates_; }

  /// The decay of the next update: min(decay, (1 + n) / (10 + n)) after n updates, as
  /// TensorFlow's ExponentialMovingAverage with num_updates, so that the average of a short run
  /// is not dominated by the random initial weights.
  double nextDecay() const;
  /// Folds the model's current parameters in; the first update copies them.
  void update(torch::nn::Module& model);

  /// The averaged parameters, in model.parameters() order (empty before the first update).
  const std::vector<at::Tensor>& parameters() const { return average_; }
  /// Continues an average saved earlier (a checkpoint or a rollback state).
  void restore(std::vector<at::Tensor> parameters, int64_t updates);

 private:
  double decay_ = 0;
  int64_t updates_ = 0;
  std::vector<at::Tensor> average_;
};

/// While alive, `model` holds the averaged weights (when the average is ready); the destructor
/// puts the trained weights back, so evaluation and saving see the average and training does not.
class AveragedWeightsScope {
 public:
  AveragedWeightsScope(torch::nn::Module& model, const WeightAverage& average);
  ~AveragedWeightsScope();
  AveragedWeightsScope(const AveragedWeightsScope&) = delete;
  AveragedWeightsScope& operator=(const AveragedWeightsScope&) = delete;

  /// Whether the model holds the average now.
  bool active() const { return !trained_.empty(); }

 private:
  torch::nn::Module& model_;
  std::vector<at::Tensor> trained_;
};

}  // namespace glowscope
