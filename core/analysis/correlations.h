#pragma once
#include <string>
#include <vector>

#include "core/analysis/fourier_mixing.h"
#include "core/analysis/model_images.h"
#include "core/metrics/correlation.h"

namespace glowscope::analysis {

// CorrelationMatrix and spearmanMatrix: core/metrics/correlation.h.
using glowscope::CorrelationMatrix;
using glowscope::spearmanMatrix;

/// Fig. 1C / 3C,D: correlations between several models' scores on the same images.
struct ModelCorrelations {
  CorrelationMatrix logLikelihood;            ///< log p
  std::vector<CorrelationMatrix> scaleTerms;  ///< [i] = c_{i+1}; only scales all models have
  CorrelationMatrix lowerScalesSum;           ///< c_1 + ... + c_{L-1} (per model's own L)
};

/// `scores[m]` = scoreImages(model m, the same images). Models may differ in L: scale matrices
/// cover the common scales; lowerScalesSum needs L >= 2 everywhere (else it is left empty).
ModelCorrelations correlateModels(const std::vector<std::string>& modelLabels,
                                  const std::vector<ImageScores>& scores);

/// Fig. 3C/D scatter data of one model: per image, c_1 + ... + c_{L-1} and c_L (nats).
struct ScaleSplit {
  std::vector<double> lowerScalesSumNats;
  std::vector<double> lastScaleNats;
};
ScaleSplit splitLastScale(const ImageScores& scores);

/// Fig. 1B: Spearman of pseudo-log-likelihoods against a model's log p on the same images.
double pseudoLikelihoodSpearman(const std::vector<double>& pseudoLogLikelihoods,
                                const std::vector<double>& modelLogLikelihoodNats);

/// Supp. S3: Fourier mixing evaluated under a model (FourierLikelihoodResult: fourier_mixing.h).
FourierLikelihoodResult evaluateFourierMixing(FlowModelImpl& model,
                                              const ImageSet& amplitudeSources,
                                              const ImageSet& phaseSources,
                                              const FourierMixOptions& mixOptions = {},
                                              const ScoringOptions& scoring = {},
                                              const TaskControl& control = {});

}  // namespace glowscope::analysis
