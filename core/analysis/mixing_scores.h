#pragma once
// Supp. S3's evaluation (evaluateFourierMixing) for code that must not include torch headers and
// holds the model as a ModelHandle, such as the GUI's Fourier mixing view.
#include <vector>

#include "core/analysis/fourier_mixing.h"
#include "core/analysis/model_handle.h"
#include "core/analysis/task_control.h"
#include "core/data/image_set.h"

namespace glowscope::analysis {

/// evaluateFourierMixing on the handle's model, holding its lock for the call; preprocessing
/// PaperEvaluation, as `glowscope-cli analyze fourier`. The sets must have the model's C, H, W
/// and equal counts (ConfigError otherwise); CancelledError through `control`.
FourierLikelihoodResult scoreFourierMixing(ModelHandle& handle, const ImageSet& amplitudeSources,
                                           const ImageSet& phaseSources,
                                           const FourierMixOptions& options = {},
                                           const TaskControl& control = {});

}  // namespace glowscope::analysis
