#include "core/experiments/experiment_trainer.h"

#include <thread>

#include "core/training/distributed.h"
#include "core/training/trainer.h"
#include "core/util/errors.h"
#include "core/util/log.h"

namespace glowscope {
namespace {

std::string jobKey(int64_t index) { return "training-job/" + std::to_string(index); }
constexpr const char* kNoMoreJobs = "done";
/// Jobs rank 0 has handed out; one experiment runs per process, so one counter suffices.
std::atomic<int64_t> gPublishedJobs{0};

std::filesystem::path trainOne(const nlohmann::json& json, const std::atomic<bool>* cancel,
                               const std::shared_ptr<DataParallelGroup>& group,
                               const std::function<void(const std::string&,
                                                        const TrainingProgress&)>& onProgress) {
  TrainingConfig config = TrainingConfig::fromJson(json);
  if (config.resume)
    logger()->info("resuming the interrupted run in {}", config.outputDir.string());
  Trainer trainer(config, group);
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
}

}  // namespace

ModelTrainer makeModelTrainer(
    std::function<void(const std::string& outputDir, const TrainingProgress&)> onProgress,
    std::shared_ptr<DataParallelGroup> group) {
  return [onProgress, group](const nlohmann::json& json, const std::atomic<bool>* cancel) {
    // Rank 0 hands the same config to the other processes, then trains its share.
    if (group && group->worldSize() > 1) group->publish(jobKey(gPublishedJobs++), json.dump());
    return trainOne(json, cancel, group, onProgress);
  };
}

void finishTrainingJobs(DataParallelGroup& group) {
  if (!group.isMain() || group.worldSize() == 1) return;
  group.publish(jobKey(gPublishedJobs), kNoMoreJobs);
  // Rank 0 serves the store: it stays until every process has read that there is no more.
  for (int rank = 1; rank < group.worldSize(); ++rank)
    if (!group.waitForKey("training-jobs-read/" + std::to_string(rank), group.timeout()))
      logger()->warn("rank {} did not confirm the end of the trainings", rank);
}

void serveTrainingJobs(const std::shared_ptr<DataParallelGroup>& group,
                       const std::atomic<bool>* cancel) {
  for (int64_t index = 0;; ++index) {
    std::optional<std::string> job;
    while (!job)  // rank 0 may score for a long while between two trainings
      job = group->waitForKey(jobKey(index), std::chrono::seconds(5));
    if (*job == kNoMoreJobs) {
      group->publish("training-jobs-read/" + std::to_string(group->rank()), "");
      return;
    }
    logger()->info("rank {}: training job {}", group->rank(), index);
    trainOne(nlohmann::json::parse(*job), cancel, group, {});
  }
}

}  // namespace glowscope
