#include "core/analysis/mixing_scores.h"

#include "core/analysis/correlations.h"

namespace glowscope::analysis {

FourierLikelihoodResult scoreFourierMixing(ModelHandle& handle, const ImageSet& amplitudeSources,
                                           const ImageSet& phaseSources,
                                           const FourierMixOptions& options,
                                           const TaskControl& control) {
  const auto guard = handle.lock();
  return evaluateFourierMixing(handle.model(), amplitudeSources, phaseSources, options,
                               ScoringOptions{}, control);
}

}  // namespace glowscope::analysis
