#include "core/analysis/latent_analyses.h"

#include "core/analysis/feature_swap.h"
#include "core/analysis/latent_optimisation.h"
#include "core/analysis/model_handle.h"
#include "core/analysis/model_images.h"
#include "core/flows/preprocess.h"
#include "core/scoring/model_input.h"
#include "core/util/errors.h"

namespace glowscope::analysis {
namespace {

ImageSet oneImage(const ImageSet& images, std::int64_t index, const std::string& name) {
  ImageSet one;
  one.name = name;
  one.count = 1;
  one.channels = images.channels;
  one.height = images.height;
  one.width = images.width;
  one.pixels.assign(images.image(index), images.image(index) + images.imageBytes());
  return one;
}

std::vector<double> bitsPerDimOfAll(const std::vector<double>& nats, std::int64_t dims) {
  std::vector<double> bits;
  for (const double value : nats) bits.push_back(bitsPerDim(value, dims));
  return bits;
}

void requireOneImage(const ImageSet& images, const char* what) {
  if (images.count != 1) throw ConfigError(what, "feature swapping takes exactly one image");
}

}  // namespace

ModelSummary summariseModel(ModelHandle& model) {
  return {model.description(), model.numScales(), model.channels(), model.height(), model.width()};
}

ImageSet prepareForModel(ModelHandle& model, const ImageSet& images) {
  return prepareImagesForModel(images, model.model().config());
}

PairSwapResult swapPairFeatures(ModelHandle& model, const ImageSet& a, const ImageSet& b,
                                int firstHighLatent, const TaskControl& control) {
  requireOneImage(a, "image a");
  requireOneImage(b, "image b");
  const auto guard = model.lock();
  FlowModelImpl& flow = model.model();
  const ImageSet preparedA = prepareImagesForModel(a, flow.config());
  const ImageSet preparedB = prepareImagesForModel(b, flow.config());
  // One call for three pairs: (a, b) gives a, b and both swaps; (a, a) and (b, b) swap an image
  // with itself, which is its reconstruction inverse(forward(x)).
  FeatureSwapOptions options;
  options.firstHighLatent = firstHighLatent;
  const FeatureSwapResult swapped =
      swapFeatures(flow, concatenateImages({&preparedA, &preparedA, &preparedB}),
                   concatenateImages({&preparedB, &preparedA, &preparedB}), options, control);
  // Pair p's four images sit at 4p..4p+3 as (first, second, first-low/second-high, the other).
  const std::int64_t source[kSwapImageCount] = {0, 1, 6, 10, 2, 3};
  PairSwapResult result;
  result.images.name = swapped.images.name;
  result.dimsPerImage = preparedA.imageBytes();
  result.firstHighLatent = firstHighLatent < 0 ? flow.numScales() - 1 : firstHighLatent;
  for (const std::int64_t index : source) {
    appendImages(result.images, oneImage(swapped.images, index, swapped.images.name));
    result.logLikelihoodNats.push_back(swapped.logLikelihoodNats[std::size_t(index)]);
    result.quantisedLogLikelihoodNats.push_back(
        swapped.quantisedLogLikelihoodNats[std::size_t(index)]);
  }
  result.bitsPerDim = bitsPerDimOfAll(result.logLikelihoodNats, result.dimsPerImage);
  result.quantisedBitsPerDim =
      bitsPerDimOfAll(result.quantisedLogLikelihoodNats, result.dimsPerImage);
  return result;
}

FixedLatentOptimisationResult optimiseWithFixedLatents(
    ModelHandle& model, const ImageSet& images, const FixedLatentOptimisationOptions& options,
    const std::function<void(const FixedLatentOptimisationUpdate&)>& onUpdate,
    const TaskControl& control) {
  const auto guard = model.lock();
  FlowModelImpl& flow = model.model();
  const ImageSet prepared = prepareImagesForModel(images, flow.config());
  FixedTopOptimisationOptions core;
  core.optimizer = options.optimiser == FixedLatentOptimisationOptions::Optimiser::Sgd
                       ? LatentOptimizer::Sgd
                       : LatentOptimizer::Adam;
  core.steps = options.steps;
  core.learningRate = options.learningRate;
  core.snapshotEvery = options.updateEvery;
  core.fixedLatents = options.fixedLatents;
  core.mode = PreprocessMode::PaperEvaluation;
  std::size_t rowsReported = 0;
  if (onUpdate) {
    core.onSnapshot = [&](int step, const ImageSet& snapshot,
                          const std::vector<std::vector<double>>& trace) {
      FixedLatentOptimisationUpdate update;
      update.step = step;
      update.images = snapshot;
      update.firstNewStep = static_cast<int>(rowsReported);
      update.newTraceRows.assign(trace.begin() + static_cast<std::ptrdiff_t>(rowsReported),
                                 trace.end());
      rowsReported = trace.size();
      onUpdate(update);
    };
  }
  FixedTopOptimisationResult optimised = optimiseWithFixedTopLatents(flow, prepared, core, control);
  FixedLatentOptimisationResult result;
  result.snapshotSteps = std::move(optimised.snapshotSteps);
  result.snapshots = std::move(optimised.snapshots);
  result.imagesPerSnapshot = prepared.count;
  result.logLikelihoodTrace = std::move(optimised.logLikelihoodTrace);
  result.dimsPerImage = prepared.imageBytes();
  return result;
}

}  // namespace glowscope::analysis
