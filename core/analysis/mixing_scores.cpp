#include "core/analysis/mixing_scores.h"

#include "core/analysis/correlations.h"

namespace glowscope::analysis {

FourierMixingScores scoreFourierMixing(ModelHandle& handle, const ImageSet& amplitudeSources,
                                       const ImageSet& phaseSources,
                                       const FourierMixOptions& options,
                                       const TaskControl& control) {
  const auto guard = handle.lock();
  FourierLikelihoodResult result = evaluateFourierMixing(
      handle.model(), amplitudeSources, phaseSources, options, ScoringOptions{}, control);
  FourierMixingScores scores;
  scores.mix = std::move(result.mix);
  scores.amplitudeSourceLogLikelihoodNats = std::move(result.amplitudeSourceLogLikelihoodNats);
  scores.phaseSourceLogLikelihoodNats = std::move(result.phaseSourceLogLikelihoodNats);
  scores.mixedLogLikelihoodNats = std::move(result.mixedLogLikelihoodNats);
  scores.spearmanWithAmplitudeSource = result.spearmanWithAmplitudeSource;
  scores.spearmanWithPhaseSource = result.spearmanWithPhaseSource;
  return scores;
}

}  // namespace glowscope::analysis
