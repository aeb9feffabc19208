#pragma once
// Supp. S3's evaluation (evaluateFourierMixing) for code that must not include torch headers and
// holds the model as a ModelHandle, such as the GUI's Fourier mixing view.
#include <vector>

#include "core/analysis/fourier_mixing.h"
#include "core/analysis/model_handle.h"
#include "core/analysis/task_control.h"
#include "core/data/image_set.h"

namespace glowscope::analysis {

/// Per pair i: log p (nats) of the amplitude source, of the phase source and of their mix.
struct FourierMixingScores {
  FourierMixResult mix;  ///< image i = amplitudes of amplitudeSources[i], phases of phaseSources[i]
  std::vector<double> amplitudeSourceLogLikelihoodNats;
  std::vector<double> phaseSourceLogLikelihoodNats;
  std::vector<double> mixedLogLikelihoodNats;
  double spearmanWithAmplitudeSource = 0.0;  ///< rho(mixed, amplitude source)
  double spearmanWithPhaseSource = 0.0;      ///< rho(mixed, phase source)
};

/// evaluateFourierMixing on the handle's model, holding its lock for the call; preprocessing
/// PaperEvaluation, as `glowscope-cli analyze fourier`. The sets must have the model's C, H, W
/// and equal counts (ConfigError otherwise); CancelledError through `control`.
FourierMixingScores scoreFourierMixing(ModelHandle& handle, const ImageSet& amplitudeSources,
                                       const ImageSet& phaseSources,
                                       const FourierMixOptions& options = {},
                                       const TaskControl& control = {});

}  // namespace glowscope::analysis
