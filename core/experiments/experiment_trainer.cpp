#include "core/experiments/experiment_trainer.h"

#include "core/training/trainer.h"
#include "core/util/errors.h"
#include "core/util/log.h"

namespace glowscope {
namespace {

// A run interrupted earlier (cancel, power loss) left checkpoints in its folder; continuing from
// them is exactly equivalent to an uninterrupted run, so the experiment resumes instead of
// throwing that work away.
bool hasCheckpoint(const std::filesystem::path& outputDir) {
  std::error_code ec;
  const auto folder = outputDir / "checkpoints";
  if (!std::filesystem::is_directory(folder, ec)) return false;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
    if (entry.path().extension() == ".ckpt") return true;
  return false;
}

}  // namespace

ModelTrainer makeModelTrainer(
    std::function<void(const std::string& outputDir, const TrainingProgress&)> onProgress) {
  return [onProgress](const nlohmann::json& json, const std::atomic<bool>* cancel) {
    TrainingConfig config = TrainingConfig::fromJson(json);
    config.resume = hasCheckpoint(config.outputDir);
    if (config.resume)
      logger()->info("resuming the interrupted run in {}", config.outputDir.string());
    Trainer trainer(config);
    TrainingControl control;
    const std::string outputDir = config.outputDir.string();
    const TrainingResult result = trainer.run(
        [&](const TrainingProgress& progress) {
          if (cancel != nullptr && cancel->load()) control.requestCancel();
          if (onProgress) onProgress(outputDir, progress);
        },
        &control);
    if (result.cancelled) throw CancelledError();
    return result.modelFile;
  };
}

}  // namespace glowscope
