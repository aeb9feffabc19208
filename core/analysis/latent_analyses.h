#pragma once
// Torch-free entry points to the latent analyses of Fig. 3A/B (feature swapping and the fixed-z_L
// optimisation) for the GUI: they take a ModelHandle (forward-declared here, so including this
// header pulls in no torch), bring the images to the model's shape, lock the handle for the call
// and return plain vectors and 8-bit ImageSets. The computations are core's swapFeatures and
// optimiseWithFixedTopLatents (feature_swap.h, latent_optimisation.h).
#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <vector>

#include "core/analysis/task_control.h"
#include "core/data/image_set.h"

namespace glowscope::analysis {

class ModelHandle;

/// What a view shows about a loaded model (ModelHandle's accessors, without its header).
struct ModelSummary {
  std::string description;  ///< ModelHandle::description()
  int numLatents = 0;       ///< L: z_1..z_L
  std::int64_t channels = 0, height = 0, width = 0;
};

ModelSummary summariseModel(ModelHandle& model);
/// The images brought to the model's C x H x W (prepareImagesForModel, as scoring does).
ImageSet prepareForModel(ModelHandle& model, const ImageSet& images);

/// The six images of one pair's feature swap, in this order in PairSwapResult.
enum SwapImageIndex : int {
  kSwapImageA = 0,
  kSwapImageB,
  kSwapReconstructionA,  ///< inverse(forward(a)) = swap(a-low, a-high)
  kSwapReconstructionB,
  kSwapLowAHighB,  ///< inverse(z_1..z_{h-1} of a, z_h..z_L of b)
  kSwapLowBHighA,
  kSwapImageCount
};

/// Fig. 3A for one pair (a, b) with both reconstructions; everything as core's swapFeatures
/// returns it (feature_swap.h): log p of a, b from the forward pass, of the generated images from
/// the inverse pass; the quantised values re-score the 8-bit images by a forward pass.
struct PairSwapResult {
  ImageSet images;  ///< kSwapImageCount images at the model's C x H x W (uint8)
  std::vector<double> logLikelihoodNats;
  std::vector<double> bitsPerDim;  ///< of logLikelihoodNats (core's bitsPerDim)
  std::vector<double> quantisedLogLikelihoodNats;
  std::vector<double> quantisedBitsPerDim;
  int firstHighLatent = 0;  ///< resolved 0-based h (latents h..L-1 came from the other image)
  std::int64_t dimsPerImage = 0;
};

/// `a` and `b`: one image each, any size/channels (prepareImagesForModel brings them to the
/// model). firstHighLatent as FeatureSwapOptions (-1 = the last latent, z_L). Throws
/// ConfigError for bad inputs, CancelledError when cancelled.
PairSwapResult swapPairFeatures(ModelHandle& model, const ImageSet& a, const ImageSet& b,
                                int firstHighLatent = -1, const TaskControl& control = {});

/// Mirrors FixedTopOptimisationOptions (latent_optimisation.h) without its torch types; the
/// start images are always encoded in PreprocessMode::PaperEvaluation.
struct FixedLatentOptimisationOptions {
  enum class Optimiser { Adam, Sgd };
  Optimiser optimiser = Optimiser::Adam;
  int steps = 200;
  double learningRate = 0.01;
  int updateEvery = 1;   ///< keep a snapshot (and report an update) every k steps, 0 and last
  int fixedLatents = 1;  ///< how many of the last latents stay fixed (1 = z_L only)
};

/// One live report of the optimisation, at a snapshot step.
struct FixedLatentOptimisationUpdate {
  int step = 0;     ///< updates done so far (0 = the encoded input)
  ImageSet images;  ///< the images after `step` updates (uint8, model shape)
  /// Trace rows [firstNewStep .. step][image] not reported before (log p in nats).
  int firstNewStep = 0;
  std::vector<std::vector<double>> newTraceRows;
};

struct FixedLatentOptimisationResult {
  std::vector<int> snapshotSteps;  ///< 0, k, 2k, ..., steps
  ImageSet snapshots;              ///< imagesPerSnapshot images per snapshot step, in order
  std::int64_t imagesPerSnapshot = 0;
  std::vector<std::vector<double>> logLikelihoodTrace;  ///< [step 0..steps][image], nats
  std::int64_t dimsPerImage = 0;
};

/// Fig. 3B: every image of `images` (any size/channels, a few at most: one batch) keeps its z_L
/// and log p is maximised over the other latents. `onUpdate` (may be empty) runs on the calling
/// thread at every snapshot step while the model is locked: a slow callback (a paused view)
/// holds the computation there. Throws ConfigError for bad options, CancelledError when
/// cancelled, glowscope::Error when log p becomes non-finite.
FixedLatentOptimisationResult optimiseWithFixedLatents(
    ModelHandle& model, const ImageSet& images, const FixedLatentOptimisationOptions& options,
    const std::function<void(const FixedLatentOptimisationUpdate&)>& onUpdate = {},
    const TaskControl& control = {});

}  // namespace glowscope::analysis
