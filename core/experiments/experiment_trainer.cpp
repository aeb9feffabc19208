#include "core/experiments/experiment_trainer.h"

#include "core/training/trainer.h"
#include "core/util/errors.h"
#include "core/util/log.h"

namespace glowscope {

ModelTrainer makeModelTrainer(
    std::function<void(const std::string& outputDir, const TrainingProgress&)> onProgress) {
  return [onProgress](const nlohmann::json& json, const std::atomic<bool>* cancel) {
    TrainingConfig config = TrainingConfig::fromJson(json);
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
