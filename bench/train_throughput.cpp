// train_throughput: images/s of a full training step (data, dequantisation, forward, backward,
// NaN checks, Adamax) for the CPU presets at batch 64, with and without the outlier loss, on 1
// and 2 threads. Usage: train_throughput [steps=6] [presets=tiny,small]
#include <ATen/ATen.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <sstream>
#include <string>

#include "bench/bench_training.h"
#include "core/flows/flow_model.h"
#include "core/flows/preprocess.h"
#include "core/runtime/runtime.h"
#include "core/training/trainer.h"
#include "core/util/log.h"

using namespace glowscope;

namespace {

std::filesystem::path saveGeneralModel(const std::string& preset,
                                       const std::filesystem::path& dir) {
  ModelConfig config = modelPreset(preset, FlowType::Conv, 1);
  config.seed = 7;
  FlowModel model = createFlowModel(config);
  const ImageSet images = *bench::randomImages(128, 9);
  at::Tensor batch =
      at::from_blob(const_cast<uint8_t*>(images.pixels.data()), {128, 1, 32, 32}, at::kByte);
  initializeActNorms(*model, preprocessImages(batch.clone(), PreprocessMode::PaperEvaluation));
  const auto path = dir / (preset + "-general.glow");
  saveFlowModel(*model, path);
  return path;
}

double measure(const std::string& preset, int threads, bool outlier, int steps,
               const std::filesystem::path& dir, const std::filesystem::path& general) {
  TrainingConfig config;
  config.model = {{"preset", preset}, {"type", "conv"}, {"channels", 1}};
  config.trainSet = "random";
  config.steps = steps + 2;
  config.batchSize = 64;
  config.outlierBatchSize = 64;
  config.actNormInitImages = 128;
  config.threads = threads;
  config.outputDir = dir / (preset + std::to_string(threads) + (outlier ? "o" : ""));
  if (outlier) {
    config.losses.outlier = true;
    config.generalModel = general;
    config.outlierSet = "random";
  }
  TrainingData data;
  data.train = bench::randomImages(1024, 1);
  data.outlier = bench::randomImages(1024, 2);
  Trainer trainer(config, data);
  trainer.trainStep();  // warm-up: first allocations
  trainer.trainStep();
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < steps; ++i) trainer.trainStep();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  return 64.0 * steps / seconds;
}

}  // namespace

int main(int argc, char** argv) {
  const int steps = argc > 1 ? std::max(1, std::atoi(argv[1])) : 6;
  std::vector<std::string> presets{"tiny", "small"};
  if (argc > 2) {
    presets.clear();
    std::stringstream list(argv[2]);
    for (std::string name; std::getline(list, name, ',');) presets.push_back(name);
  }
  logger()->set_level(spdlog::level::warn);
  const auto dir = std::filesystem::temp_directory_path() / "glowscope-train-throughput";
  std::filesystem::create_directories(dir);
  std::printf("train_throughput: 1x32x32 conv Glow, batch 64, %d timed steps, inlier images/s\n",
              steps);
  std::printf("%-8s %-8s %-14s %-14s\n", "preset", "threads", "likelihood", "+outlier loss");
  for (const std::string& preset : presets) {
    const auto general = saveGeneralModel(preset, dir);
    for (const int threads : {1, 2}) {
      const double plain = measure(preset, threads, false, steps, dir, general);
      const double withOutlier = measure(preset, threads, true, steps, dir, general);
      std::printf("%-8s %-8d %-14.1f %-14.1f\n", preset.c_str(), threads, plain, withOutlier);
      std::fflush(stdout);
    }
  }
  std::printf("(%s)\n", describeRuntime().c_str());
  std::filesystem::remove_all(dir);
  return 0;
}
