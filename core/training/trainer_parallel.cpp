// The trainer's data-parallel hooks (docs/scaling-out.md). Every process runs the same Trainer
// on the same global batch order; each takes its own contiguous shard of every global batch
// (after the dequantisation noise of the whole batch is drawn, so noise and images match a
// one-process run), gradients are averaged, the NaN guard and cancellation are decided by all
// processes together, and rank 0 alone writes files. With no group every hook is the
// one-process behaviour.
#include <cmath>

#include "core/training/trainer_impl.h"
#include "core/util/log.h"

namespace glowscope {

/// "cuda" means one GPU per process: the one of its local rank, as torchrun's users expect.
void Trainer::Impl::placeOnLocalDevice() {
  if (group && group->worldSize() > 1 && config.device == "cuda")
    config.device = "cuda:" + std::to_string(group->localRank());
}

void Trainer::Impl::requireShardable() const {
  if (!group || group->worldSize() == 1) return;
  const int world = group->worldSize();
  const auto requireMultiple = [world](int64_t value, const char* field) {
    if (value % world != 0)
      throw ConfigError(field, "must be a multiple of the number of processes (" +
                                   std::to_string(world) + "), got " + std::to_string(value) +
                                   ": every process takes an equal share of each batch");
  };
  requireMultiple(config.batchSize, "batchSize");
  if (config.losses.outlier || config.losses.margin)
    requireMultiple(config.outlierBatchSize, "outlierBatchSize");
  if (data.train->count < config.batchSize)
    throw ConfigError("batchSize", "the training set (" + std::to_string(data.train->count) +
                                       " images) is smaller than one batch; with several "
                                       "processes every batch must be full");
  if (data.outlier && (config.losses.outlier || config.losses.margin) &&
      data.outlier->count < config.outlierBatchSize)
    throw ConfigError("outlierBatchSize",
                      "the outlier set is smaller than one batch; with several processes every "
                      "batch must be full");
}

/// Rank 0 picks the newest checkpoint and sends its bytes to all, so the processes of another
/// machine resume from the same state without a shared folder.
std::optional<TrainingCheckpoint> Trainer::Impl::loadResumeCheckpoint(
    std::filesystem::path& path) const {
  if (!config.resume) return std::nullopt;
  if (!group) {
    const auto existing = listCheckpoints(config.outputDir);
    if (existing.empty()) return std::nullopt;
    path = existing.back();
    return loadTrainingCheckpoint(path);
  }
  std::string bytes;
  if (group->isMain()) {
    const auto existing = listCheckpoints(config.outputDir);
    if (!existing.empty()) {
      path = existing.back();
      bytes = serializeCheckpoint(loadTrainingCheckpoint(path));  // checked before it is sent
    }
  }
  path = group->broadcastBytesFromMain(path.string(), "sending the checkpoint's name");
  bytes = group->broadcastBytesFromMain(bytes, "sending the checkpoint");
  if (bytes.empty()) return std::nullopt;
  return deserializeCheckpoint(bytes, path.string());
}

/// Rank 0's weights, buffers and weight average everywhere: the processes start identical even
/// if their initialisation differed in the last bit.
void Trainer::Impl::synchronizeStart() {
  if (!group || group->worldSize() == 1) return;
  std::vector<at::Tensor> state;
  for (const auto& parameter : model->parameters()) state.push_back(parameter.detach());
  for (const auto& buffer : model->buffers()) state.push_back(buffer.detach());
  for (const auto& tensor : average.parameters()) state.push_back(tensor);
  group->broadcastFromMain(state, "the initial weights");
  logger()->info("rank {} of {}: {} images per step of a global batch of {}", group->rank(),
                 group->worldSize(), config.batchSize / group->worldSize(), config.batchSize);
}

at::Tensor Trainer::Impl::shard(const at::Tensor& globalBatch) const {
  if (!group) return globalBatch;
  return shardRows(globalBatch, group->rank(), group->worldSize());
}

ActNormStatisticsReducer Trainer::Impl::actNormReducer() const {
  if (!group || group->worldSize() == 1) return {};
  return statisticsReducer(*group);
}

/// One small all-reduce per step: whether any process must skip the step (and whether the
/// model itself is broken), and the step's losses averaged over the processes for the report.
void Trainer::Impl::agreeOnStep(std::string& skipReason, bool& modelBroken,
                                TrainingProgress& progress) {
  if (!group || group->worldSize() == 1) return;
  double* reported[] = {&progress.loss,       &progress.likelihoodLoss, &progress.outlierLoss,
                        &progress.marginLoss, &progress.supervisedLoss, &progress.trainBitsPerDim};
  std::vector<double> values{skipReason.empty() ? 0.0 : 1.0, modelBroken ? 1.0 : 0.0};
  for (const double* value : reported) values.push_back(*value);
  values = group->sum(std::move(values), "the step's NaN-guard decision");
  const double world = group->worldSize();
  for (size_t i = 0; i < std::size(reported); ++i) *reported[i] = values[i + 2] / world;
  if (values[0] > 0.5 && skipReason.empty())
    skipReason = "another process skipped this step (it logged why)";
  modelBroken = values[1] > 0.5;
}

void Trainer::Impl::averageGradients() {
  if (group && group->worldSize() > 1) group->averageGradients(trainable);
}

/// Ctrl-C (or the GUI's stop) on any process stops all of them at the same step boundary, each
/// leaving the same state; pausing is a one-process feature (the others would time out).
bool Trainer::Impl::cancelAgreed(TrainingControl* control) {
  const bool local = control != nullptr && control->cancelRequested();
  if (!group || group->worldSize() == 1) return local;
  return group->anyProcess(local, "agreeing on cancellation");
}

}  // namespace glowscope
