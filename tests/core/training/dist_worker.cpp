// One process of a data-parallel test run (tst_distributed starts two of them with torchrun's
// variables). Usage: dist_worker <mode> <outDir> [generalModel]
//   init     build the Trainer (ActNorm init over the group) and write the parameters
//   ml       20 steps, maximum likelihood, global batch 64; parameters and the rows seen
//   outlier  the same with the outlier loss (needs generalModel)
//   pixelcnn the same as ml with a tiny PixelCNN++ (docs/pixelcnn.md) instead of a Glow
//   run      30 steps, a checkpoint every 5, resumable (DIST_RESUME=1); DIST_DIE_RANK and
//            DIST_DIE_AT_STEP make that rank kill itself (SIGKILL) after that step
// Writes <outDir>/rank<r>.params (raw float32 of every parameter, in order) and, for ml and
// outlier, <outDir>/rank<r>.rows (per step, the sum of each image this rank trained on).
#include <ATen/ATen.h>
#include <signal.h>

#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <string>

#include "core/models/likelihood_model.h"
#include "core/training/distributed.h"
#include "core/training/trainer.h"
#include "core/util/errors.h"
#include "training_test_util.h"

using namespace glowscope;
using namespace glowscope::testing;

namespace {

int environmentInt(const char* name, int fallback) {
  const char* value = std::getenv(name);
  return value ? std::atoi(value) : fallback;
}

void writeParameters(torch::nn::Module& model, const std::string& path) {
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  for (const auto& parameter : model.parameters()) {
    const at::Tensor values = parameter.detach().to(at::kFloat).contiguous();
    out.write(reinterpret_cast<const char*>(values.data_ptr<float>()),
              static_cast<std::streamsize>(values.numel() * sizeof(float)));
  }
}

TrainingConfig workerConfig(const std::string& mode, const std::string& outDir,
                            const std::string& general) {
  const QString runDir = QString::fromStdString(outDir + "/run");
  TrainingConfig config = mode == "pixelcnn" ? tinyPixelCnnConfig(runDir) : tinyConfig(runDir);
  config.batchSize = 64;
  config.outlierBatchSize = 64;
  config.steps = mode == "run" ? 30 : 20;
  config.maxTranslatePx = 1;
  if (mode == "outlier") {
    config.losses.outlier = true;
    config.generalModel = general;
    config.outlierSet = "generated-bright";
  }
  if (mode == "run") {
    config.checkpointEverySteps = 5;
    config.optimizer.averageDecay = 0.9;
    config.resume = std::getenv("DIST_RESUME") != nullptr;
  }
  return config;
}

int runWorker(const std::string& mode, const std::string& outDir, const std::string& general) {
  const auto environment = ProcessGroupEnvironment::fromEnvironment();
  auto group =
      environment ? DataParallelGroup::join(*environment, "cpu", collectiveTimeoutFromEnvironment())
                  : nullptr;
  const int rank = group ? group->rank() : 0;
  const std::string prefix = outDir + "/rank" + std::to_string(rank);
  Trainer trainer(workerConfig(mode, outDir, general), tinyData(), group);
  if (mode == "ml" || mode == "outlier" || mode == "pixelcnn") {
    std::ofstream rows(prefix + ".rows");
    trainer.setInlierBatchHook([&rows](at::Tensor& x) {
      const at::Tensor sums = x.flatten(1).to(at::kDouble).sum(1).contiguous();
      for (int64_t i = 0; i < sums.numel(); ++i) rows << sums.data_ptr<double>()[i] << ' ';
      rows << '\n';
    });
    rows.precision(17);
    for (int step = 0; step < 20; ++step) trainer.trainStep();
  } else if (mode == "run") {
    const int dieRank = environmentInt("DIST_DIE_RANK", -1);
    const int dieAt = environmentInt("DIST_DIE_AT_STEP", -1);
    trainer.run([&](const TrainingProgress& progress) {
      if (rank == dieRank && progress.step == dieAt) ::raise(SIGKILL);
    });
  }
  writeParameters(trainer.likelihoodModel(), prefix + ".params");
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3) {
    std::fprintf(stderr,
                 "usage: dist_worker init|ml|outlier|pixelcnn|run <outDir> [generalModel]\n");
    return 2;
  }
  try {
    return runWorker(argv[1], argv[2], argc > 3 ? argv[3] : "");
  } catch (const ConfigError& error) {
    std::fprintf(stderr, "error: %s\n", error.what());
    return 2;
  } catch (const std::exception& error) {
    std::fprintf(stderr, "error: %s\n", error.what());
    return 1;
  }
}
