#include "core/analysis/correlations.h"

#include <algorithm>
#include <numeric>

#include "core/metrics/correlation.h"
#include "core/util/errors.h"

namespace glowscope::analysis {
namespace {

std::vector<double> sumOfLowerScales(const ImageScores& scores) {
  const size_t scales = scores.scaleLogLikelihoodNats.size();
  if (scales < 2) throw ConfigError("model", "splitting off the last scale needs L >= 2");
  std::vector<double> sum(scores.scaleLogLikelihoodNats[0].size(), 0.0);
  for (size_t scale = 0; scale + 1 < scales; ++scale) {
    const std::vector<double>& term = scores.scaleLogLikelihoodNats[scale];
    std::transform(sum.begin(), sum.end(), term.begin(), sum.begin(), std::plus<>());
  }
  return sum;
}

}  // namespace

ModelCorrelations correlateModels(const std::vector<std::string>& modelLabels,
                                  const std::vector<ImageScores>& scores) {
  if (scores.empty()) throw ConfigError("models", "need at least one model");
  ModelCorrelations result;
  std::vector<std::vector<double>> series;
  for (const ImageScores& s : scores) series.push_back(s.logLikelihoodNats);
  result.logLikelihood = spearmanMatrix(modelLabels, series);
  size_t commonScales = scores[0].scaleLogLikelihoodNats.size();
  for (const ImageScores& s : scores) {
    commonScales = std::min(commonScales, s.scaleLogLikelihoodNats.size());
  }
  for (size_t scale = 0; scale < commonScales; ++scale) {
    series.clear();
    for (const ImageScores& s : scores) series.push_back(s.scaleLogLikelihoodNats[scale]);
    result.scaleTerms.push_back(spearmanMatrix(modelLabels, series));
  }
  const bool allMultiScale = std::all_of(scores.begin(), scores.end(), [](const ImageScores& s) {
    return s.scaleLogLikelihoodNats.size() >= 2;
  });
  if (allMultiScale) {
    series.clear();
    for (const ImageScores& s : scores) series.push_back(sumOfLowerScales(s));
    result.lowerScalesSum = spearmanMatrix(modelLabels, series);
  }
  return result;
}

ScaleSplit splitLastScale(const ImageScores& scores) {
  ScaleSplit split;
  split.lowerScalesSumNats = sumOfLowerScales(scores);
  split.lastScaleNats = scores.scaleLogLikelihoodNats.back();
  return split;
}

double pseudoLikelihoodSpearman(const std::vector<double>& pseudoLogLikelihoods,
                                const std::vector<double>& modelLogLikelihoodNats) {
  return spearman(pseudoLogLikelihoods, modelLogLikelihoodNats);
}

FourierLikelihoodResult evaluateFourierMixing(FlowModelImpl& model,
                                              const ImageSet& amplitudeSources,
                                              const ImageSet& phaseSources,
                                              const FourierMixOptions& mixOptions,
                                              const ScoringOptions& scoring,
                                              const TaskControl& control) {
  checkImagesFitModel(model, amplitudeSources);
  checkImagesFitModel(model, phaseSources);
  // Progress: mixing is cheap next to the three scoring passes; give each pass a quarter.
  const auto stage = [&control](double offset) {
    TaskControl part = control;
    if (control.onProgress) {
      part.onProgress = [&control, offset](double fraction, const std::string& text) {
        control.onProgress(offset + 0.25 * fraction, text);
      };
    }
    return part;
  };
  FourierLikelihoodResult result;
  result.mix = mixAmplitudePhase(amplitudeSources, phaseSources, mixOptions, stage(0.0));
  result.amplitudeSourceLogLikelihoodNats =
      scoreImages(model, amplitudeSources, scoring, stage(0.25)).logLikelihoodNats;
  result.phaseSourceLogLikelihoodNats =
      scoreImages(model, phaseSources, scoring, stage(0.5)).logLikelihoodNats;
  result.mixedLogLikelihoodNats =
      scoreImages(model, result.mix.mixed, scoring, stage(0.75)).logLikelihoodNats;
  result.spearmanWithAmplitudeSource =
      spearman(result.mixedLogLikelihoodNats, result.amplitudeSourceLogLikelihoodNats);
  result.spearmanWithPhaseSource =
      spearman(result.mixedLogLikelihoodNats, result.phaseSourceLogLikelihoodNats);
  return result;
}

}  // namespace glowscope::analysis
