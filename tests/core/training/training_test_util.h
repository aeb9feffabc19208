#pragma once
// Tiny models and generated images for the training tests (fast: 8x8 grey, K=2, hidden 8).
#include <ATen/ATen.h>
#include <QTemporaryDir>

#include <memory>
#include <random>

#include "core/data/image_set.h"
#include "core/flows/flow_model.h"
#include "core/training/trainer.h"
#include "core/training/training_config.h"

namespace glowscope::testing {

/// Smooth blobs on a dark background (structure a flow can learn quickly); `bright` shifts the
/// whole distribution so two sets differ clearly.
inline std::shared_ptr<ImageSet> makeImages(int64_t count, uint64_t seed, int bright = 0,
                                            int numClasses = 0) {
  auto set = std::make_shared<ImageSet>();
  set->name = "generated:" + std::to_string(seed);
  set->count = count;
  set->channels = 1;
  set->height = 8;
  set->width = 8;
  set->pixels.resize(static_cast<size_t>(count * 64));
  std::mt19937_64 rng(seed);
  std::uniform_real_distribution<double> position(1.5, 6.5);
  for (int64_t i = 0; i < count; ++i) {
    const double cy = position(rng), cx = position(rng);
    for (int y = 0; y < 8; ++y)
      for (int x = 0; x < 8; ++x) {
        const double d2 = (y - cy) * (y - cy) + (x - cx) * (x - cx);
        const double v = bright + 200.0 * std::exp(-d2 / 3.0) + static_cast<double>(rng() % 8);
        set->image(i)[y * 8 + x] = static_cast<uint8_t>(std::clamp(v, 0.0, 255.0));
      }
    if (numClasses > 0) set->labels.push_back(static_cast<int32_t>(i % numClasses));
  }
  set->numClasses = numClasses;
  return set;
}

inline TrainingConfig tinyConfig(const QString& outputDir) {
  TrainingConfig config;
  config.model = {{"type", "conv"}, {"channels", 1},      {"height", 8},         {"width", 8},
                  {"numScales", 2}, {"stepsPerScale", 2}, {"hiddenChannels", 8}, {"seed", 3u}};
  config.trainSet = "generated";
  config.steps = 20;
  config.batchSize = 16;
  config.outlierBatchSize = 16;
  config.actNormInitImages = 64;
  config.threads = 1;
  config.outputDir = outputDir.toStdString();
  config.checkpointEverySteps = 0;
  config.logEverySteps = 1;
  config.optimizer.learningRate = 2e-3;
  return config;
}

/// tinyConfig with a tiny PixelCNN++ (docs/pixelcnn.md) on the same 8x8 images.
inline TrainingConfig tinyPixelCnnConfig(const QString& outputDir, double dropout = 0.0) {
  TrainingConfig config = tinyConfig(outputDir);
  config.model = {{"type", "pixelcnn"}, {"preset", "tiny"},   {"channels", 1}, {"height", 8},
                  {"width", 8},         {"dropout", dropout}, {"seed", 3u}};
  return config;
}

inline TrainingData tinyData(int numClasses = 0) {
  TrainingData data;
  data.train = makeImages(256, 1, 0, numClasses);
  data.test = makeImages(64, 2, 0, numClasses);
  data.outlier = makeImages(128, 3, 60);
  data.oodSets.emplace_back("bright", makeImages(64, 4, 60));
  return data;
}

/// Trains a tiny model from scratch for a few steps and saves it as a model file (a stand-in
/// for the general model, trained on the brighter set, or a model to fine-tune).
inline std::filesystem::path trainAndSaveModel(const QString& dir, const std::string& name,
                                               int steps, bool general) {
  TrainingConfig config = tinyConfig(dir + "/" + QString::fromStdString(name) + "-run");
  config.steps = steps;
  TrainingData data;
  data.train = general ? makeImages(256, 11, 60) : makeImages(256, 1);
  Trainer trainer(config, data);
  for (int i = 0; i < steps; ++i) trainer.trainStep();
  const std::filesystem::path path =
      (dir + "/" + QString::fromStdString(name) + ".glow").toStdString();
  saveFlowModel(trainer.trainedModel(), path);
  return path;
}

/// A run of `config` cancelled after step `cancelAtStep`, then resumed from its checkpoint by a
/// new Trainer (config.resume) and run to the end; each Trainer gets tinyData().
struct InterruptedRun {
  TrainingResult cancelled;      ///< the first Trainer's run() result
  int64_t resumedFromStep = -1;  ///< the second Trainer's step() before its run()
  std::unique_ptr<Trainer> resumed;
};

inline InterruptedRun runCancelledAndResumed(const TrainingConfig& config, int64_t cancelAtStep) {
  InterruptedRun run;
  {
    Trainer first(config, tinyData());
    TrainingControl control;
    run.cancelled = first.run(
        [&](const TrainingProgress& progress) {
          if (progress.step == cancelAtStep) control.requestCancel();
        },
        &control);
  }
  TrainingConfig resumeConfig = config;
  resumeConfig.resume = true;
  run.resumed = std::make_unique<Trainer>(resumeConfig, tinyData());
  run.resumedFromStep = run.resumed->step();
  run.resumed->run();
  return run;
}

inline std::vector<at::Tensor> parameterCopies(torch::nn::Module& model) {
  std::vector<at::Tensor> copies;
  for (const auto& p : model.parameters()) copies.push_back(p.detach().clone());
  return copies;
}

/// Bitwise equality of the model's parameters with `copies` (same order).
inline bool sameParameters(torch::nn::Module& model, const std::vector<at::Tensor>& copies) {
  const std::vector<at::Tensor> parameters = model.parameters();
  if (parameters.size() != copies.size()) return false;
  for (size_t i = 0; i < parameters.size(); ++i)
    if (!at::equal(parameters[i], copies[i])) return false;
  return true;
}

}  // namespace glowscope::testing
