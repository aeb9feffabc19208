#pragma once
#include <ATen/core/Tensor.h>

#include <cstdint>
#include <functional>
#include <vector>

#include "core/analysis/task_control.h"
#include "core/data/image_set.h"
#include "core/flows/flow_model.h"
#include "core/flows/preprocess.h"

namespace glowscope::analysis {

enum class LatentOptimizer { Adam, Sgd };

/// Fig. 3B: keep the last latent(s) of an image fixed and maximise log p(x) over the others
/// through the inverse pass (gradient ascent on the batch's summed log p).
struct FixedTopOptimisationOptions {
  LatentOptimizer optimizer = LatentOptimizer::Adam;
  int steps = 200;
  double learningRate = 0.01;  ///< in latent units (the latents are ~N(0, I) after ActNorm)
  int snapshotEvery = 50;      ///< keep the image after every k steps (and at 0 and the end)
  int fixedLatents = 1;        ///< how many of the last latents stay fixed (1 = z_L only)
  PreprocessMode mode = PreprocessMode::PaperEvaluation;  ///< for encoding the start images
  /// Optional, for live views: called on the calling thread at every snapshot step, right after
  /// the snapshot is taken, with the step, that step's images (uint8, like `snapshots`) and the
  /// trace so far (rows 0..step, as `logLikelihoodTrace`). Exceptions propagate out of the call.
  std::function<void(int step, const ImageSet& images,
                     const std::vector<std::vector<double>>& traceSoFar)>
      onSnapshot;
};

struct FixedTopOptimisationResult {
  std::vector<int> snapshotSteps;  ///< 0, k, 2k, ..., steps
  /// One block of `count` images per snapshot step, in snapshotSteps order (uint8).
  ImageSet snapshots;
  /// [step 0..steps][image]: log p (nats) of the continuous image after that many updates.
  std::vector<std::vector<double>> logLikelihoodTrace;
  /// The latents after the last step (detached; the fixed ones are the encoder's tensors).
  std::vector<at::Tensor> finalLatents;
};

/// Optimises every image of `images` at once (one batch: keep it small). Model parameters are
/// frozen during the call and their requires_grad flags restored afterwards. Throws ConfigError
/// for bad options, glowscope::Error when log p becomes non-finite (lower the learning rate).
FixedTopOptimisationResult optimiseWithFixedTopLatents(
    FlowModelImpl& model, const ImageSet& images, const FixedTopOptimisationOptions& options = {},
    const TaskControl& control = {});

}  // namespace glowscope::analysis
