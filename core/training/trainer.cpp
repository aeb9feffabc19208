// Trainer set-up (optimizer, data streams, ActNorm init, resume), checkpoints and the run loop.
// The models are built in trainer_models.cpp; the step itself and the NaN guard are in
// trainer_steps.cpp.
#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Parallel.h>
#include <torch/optim/adam.h>
#include <torch/serialize/archive.h>

#include <chrono>
#include <cmath>
#include <sstream>

#include "core/flows/preprocess.h"
#include "core/models/flow_likelihood.h"
#include "core/runtime/core_share.h"
#include "core/runtime/device.h"
#include "core/runtime/runtime.h"
#include "core/training/adamax.h"
#include "core/training/run_metrics.h"
#include "core/training/trainer_impl.h"
#include "core/util/atomic_file.h"
#include "core/util/errors.h"
#include "core/util/log.h"

namespace glowscope {
namespace {

std::string optimizerToBytes(const torch::optim::Optimizer& optimizer) {
  torch::serialize::OutputArchive archive;
  optimizer.save(archive);
  std::ostringstream stream;
  archive.save_to(stream);
  return stream.str();
}

}  // namespace

void Trainer::Impl::buildOptimizer() {
  const OptimizerConfig& o = config.optimizer;
  if (o.type == "adam") {
    optimizer =
        std::make_unique<torch::optim::Adam>(trainable, torch::optim::AdamOptions(o.learningRate)
                                                            .betas({o.beta1, o.beta2})
                                                            .eps(o.eps)
                                                            .weight_decay(o.weightDecay));
  } else {
    optimizer = std::make_unique<Adamax>(trainable, AdamaxOptions(o.learningRate)
                                                        .beta1(o.beta1)
                                                        .beta2(o.beta2)
                                                        .eps(o.eps)
                                                        .weight_decay(o.weightDecay));
  }
  average = WeightAverage(o.averageDecay);
}

void Trainer::Impl::buildLoaders() {
  BatchOptions options;
  options.batchSize = config.batchSize;
  options.shuffle = true;
  options.dropLast = data.train->count >= config.batchSize;  // the reference drops the last batch
  options.seed = config.dataSeed;
  options.augment.maxTranslatePx = config.maxTranslatePx;
  options.augment.pad = PadMode::Zero;  // the reference's RandomAffine fills with zeros
  options.augment.horizontalFlip = config.horizontalFlip;
  trainLoader = std::make_unique<BatchLoader>(data.train, options);
  if (data.outlier && (config.losses.outlier || config.losses.margin)) {
    BatchOptions outlierOptions = options;
    outlierOptions.batchSize = config.outlierBatchSize;
    outlierOptions.dropLast = data.outlier->count >= config.outlierBatchSize;
    outlierOptions.seed = config.dataSeed + 1;
    const AugmentationConfig outlierAugmentation = config.effectiveOutlierAugmentation();
    outlierOptions.augment.maxTranslatePx = outlierAugmentation.maxTranslatePx;
    outlierOptions.augment.horizontalFlip = outlierAugmentation.horizontalFlip;
    outlierLoader = std::make_unique<BatchLoader>(data.outlier, outlierOptions);
  }
  const int64_t perEpoch = std::max<int64_t>(trainLoader->batchesPerEpoch(), 1);
  totalSteps = config.steps > 0 ? config.steps : config.epochs * perEpoch;
}

/// Data-dependent ActNorm init (docs/flows.md): one no-grad forward over the first
/// actNormInitImages augmented, noised training images (11 batches of 64 in the authors' code),
/// drawn from their own shuffle.
void Trainer::Impl::initializeFromScratch() {
  FlowModelImpl* flow = flowModelOf(*model);  // PixelCNN++ has no data-dependent init
  if (config.actNormInitImages == 0 || !flow) return;
  BatchOptions options;
  options.batchSize = std::min<int64_t>(config.actNormInitImages, data.train->count);
  options.seed = config.dataSeed + 2;
  options.augment.maxTranslatePx = config.maxTranslatePx;
  options.augment.pad = PadMode::Zero;
  options.augment.horizontalFlip = config.horizontalFlip;
  BatchLoader loader(data.train, options);
  loader.startEpoch(0);
  const std::optional<Batch> batch = loader.next();
  if (!batch) throw ConfigError("trainSet", "the training set is empty");
  // Noise for the whole batch on every process (the noise generator lives on the CPU), then
  // this process's shard: the init sees the images of a one-process run (docs/scaling-out.md).
  const at::Tensor x =
      preprocessImages(batch->images, PreprocessMode::TrainingNoise, noise).to(model->device());
  initializeActNorms(*flow, shard(x), actNormReducer());
}

void Trainer::Impl::resumeFrom(const TrainingCheckpoint& checkpoint) {
  optimizer->zero_grad();
  torch::serialize::InputArchive archive;
  std::istringstream stream(checkpoint.optimizerBytes);
  archive.load_from(stream);
  optimizer->load(archive);
  step = checkpoint.step;
  position = checkpoint.data;
  at::Generator global = at::detail::getDefaultCPUGenerator();  // a handle: shares the state
  global.set_state(checkpoint.torchGeneratorState);
  noise.set_state(checkpoint.noiseGeneratorState);
  learningRateFactor = checkpoint.learningRateFactor;
  skippedSteps = checkpoint.skippedSteps;
  droppedSamples = checkpoint.droppedSamples;
  rollbacks = checkpoint.rollbacks;
  bestMetric = checkpoint.bestMetric;
  hasBestMetric = checkpoint.hasBestMetric;
  if (!checkpoint.averagedModelFileBytes.empty()) {
    LikelihoodModel averaged =
        modelFromBytes(checkpoint.averagedModelFileBytes, config.outputDir, "the weight average");
    std::vector<at::Tensor> parameters;
    for (const auto& parameter : averaged->parameters())
      parameters.push_back(parameter.detach().to(model->device()));
    average.restore(std::move(parameters), checkpoint.averageUpdates);
  }
}

namespace {

/// Fields that must not change between a checkpoint and the run resuming it (steps, epochs,
/// evaluation and output settings may).
void requireResumableConfig(const nlohmann::json& saved, const nlohmann::json& current,
                            const std::filesystem::path& path) {
  for (const char* key :
       {"model", "initFrom", "freezeScales", "generalModel", "inDistributionModel", "trainSet",
        "outlierSet", "trainLimit", "maxTranslatePx", "horizontalFlip", "outlierAugmentation",
        "batchSize", "outlierBatchSize", "losses", "optimizer", "seed", "dataSeed"}) {
    if (saved.value(key, nlohmann::json()) != current.value(key, nlohmann::json()))
      throw ConfigError(key, "differs from the checkpoint being resumed (" + path.string() +
                                 "): saved " + saved.value(key, nlohmann::json()).dump() +
                                 ", now " + current.value(key, nlohmann::json()).dump());
  }
}

}  // namespace

TrainingCheckpoint Trainer::Impl::makeCheckpoint() const {
  TrainingCheckpoint checkpoint;
  checkpoint.modelFileBytes = modelToBytes(*model, config.outputDir);
  checkpoint.optimizerBytes = optimizerToBytes(*optimizer);
  if (average.ready()) {
    AveragedWeightsScope averaged(*model, average);
    checkpoint.averagedModelFileBytes = modelToBytes(*model, config.outputDir);
    checkpoint.averageUpdates = average.updates();
  }
  checkpoint.step = step;
  checkpoint.data = position;
  checkpoint.torchGeneratorState = at::detail::getDefaultCPUGenerator().get_state();
  checkpoint.noiseGeneratorState = noise.get_state();
  checkpoint.learningRateFactor = learningRateFactor;
  checkpoint.skippedSteps = skippedSteps;
  checkpoint.droppedSamples = droppedSamples;
  checkpoint.rollbacks = rollbacks;
  checkpoint.bestMetric = bestMetric;
  checkpoint.hasBestMetric = hasBestMetric;
  checkpoint.config = config.toJson();
  checkpoint.dataDescription = data.describe();
  return checkpoint;
}

Batch Trainer::Impl::nextInlierBatch() {
  std::optional<Batch> batch = trainLoader->next();
  if (!batch) {
    ++position.epoch;
    position.batchInEpoch = 0;
    trainLoader->startEpoch(position.epoch);
    batch = trainLoader->next();
    if (!batch) throw Error("the training set yields no batch");
  }
  ++position.batchInEpoch;
  return *batch;
}

Batch Trainer::Impl::nextOutlierBatch() {
  std::optional<Batch> batch = outlierLoader->next();
  if (!batch) {
    ++position.outlierEpoch;
    position.outlierBatchInEpoch = 0;
    outlierLoader->startEpoch(position.outlierEpoch);
    batch = outlierLoader->next();
    if (!batch) throw Error("the outlier set yields no batch");
  }
  ++position.outlierBatchInEpoch;
  return *batch;
}

double Trainer::Impl::currentLearningRate() const {
  return config.scheduledLearningRate(step, totalSteps) * learningRateFactor;
}

Trainer::Trainer(TrainingConfig config) : Trainer(config, loadTrainingData(config)) {}

Trainer::Trainer(TrainingConfig config, TrainingData data)
    : Trainer(std::move(config), std::move(data), nullptr) {}

Trainer::Trainer(TrainingConfig config, std::shared_ptr<DataParallelGroup> group)
    : Trainer(config, loadTrainingData(config), std::move(group)) {}

Trainer::Trainer(TrainingConfig config, TrainingData data, std::shared_ptr<DataParallelGroup> group)
    : impl_(std::make_unique<Impl>()) {
  config.validate();
  if (!data.train || data.train->count == 0)
    throw ConfigError("trainSet", "the training set is empty");
  Impl& s = *impl_;
  s.config = std::move(config);
  s.group = std::move(group);
  s.placeOnLocalDevice();
  requireDeviceAvailable(s.config.device);
  configureThreads(s.config.threads);
  at::Generator global = at::detail::getDefaultCPUGenerator();
  global.set_current_seed(s.config.seed);
  s.noise = at::make_generator<at::CPUGeneratorImpl>(s.config.seed + 0x9e3779b97f4a7c15ULL);
  std::filesystem::path resumePath;
  const std::optional<TrainingCheckpoint> resumeState = s.loadResumeCheckpoint(resumePath);
  if (resumeState)  // normalised, so fields added since it was written compare as defaults
    requireResumableConfig(TrainingConfig::fromJson(resumeState->config).toJson(),
                           s.config.toJson(), resumePath);
  // The data must match the model, whose shape is known only once it is built or loaded; a
  // fresh model's shape comes straight from the config.
  s.data = std::move(data);
  s.buildModels();
  if (resumeState) {
    s.model = modelFromBytes(resumeState->modelFileBytes, s.config.outputDir, resumePath.string());
    s.model->to(at::Device(s.config.device));
    if (s.model->configJson() != s.modelConfig)
      throw ConfigError("resume", "the checkpoint " + resumePath.string() +
                                      " holds another architecture than this configuration builds");
    s.applyFreezing();
  }
  s.data = conformToModel(s.data, s.imageShape);
  s.setUpDropout();
  if (s.config.losses.supervised && !s.data.train->labelled())
    throw ConfigError("trainSet", "the supervised loss needs a labelled training set");
  s.requireShardable();
  s.buildOptimizer();
  s.buildLoaders();
  if (resumeState) {
    s.resumeFrom(*resumeState);
    logger()->info("resuming from {} at step {}", resumePath.string(), s.step);
  } else if (s.config.initFrom.empty() &&
             s.config.losses.trainedModel == TrainedModel::InDistribution) {
    s.initializeFromScratch();  // never when fine-tuning: the ActNorms carry the general model's
  }
  s.trainLoader->startEpoch(s.position.epoch);
  for (int64_t i = 0; i < s.position.batchInEpoch; ++i) s.trainLoader->next();
  if (s.outlierLoader) {
    s.outlierLoader->startEpoch(s.position.outlierEpoch);
    for (int64_t i = 0; i < s.position.outlierBatchInEpoch; ++i) s.outlierLoader->next();
  }
  s.synchronizeStart();
  s.takeGoodState();
  if (!s.writesFiles()) return;
  std::error_code ignored;
  std::filesystem::create_directories(s.config.outputDir, ignored);
  writeFileAtomically(s.config.outputDir / "config.json", s.config.toJson().dump(2) + "\n");
}

Trainer::~Trainer() = default;

TrainingProgress Trainer::trainStep() { return impl_->trainStep(); }
TrainingProgress Trainer::evaluate() { return impl_->evaluate(); }
FlowModelImpl& Trainer::trainedModel() {
  return requireFlowModel(*impl_->model, "model", "Trainer::trainedModel");
}
std::shared_ptr<FlowModelImpl> Trainer::trainedModelPointer() {
  const auto flow = std::dynamic_pointer_cast<FlowLikelihoodModelImpl>(impl_->model);
  if (!flow) requireFlowModel(*impl_->model, "model", "Trainer::trainedModelPointer");  // throws
  return flow->flowPointer();
}
LikelihoodModelImpl& Trainer::likelihoodModel() { return *impl_->model; }
std::shared_ptr<LikelihoodModelImpl> Trainer::likelihoodModelPointer() { return impl_->model; }
const TrainingConfig& Trainer::config() const { return impl_->config; }
int64_t Trainer::step() const { return impl_->step; }
int64_t Trainer::totalSteps() const { return impl_->totalSteps; }
double Trainer::learningRate() const { return impl_->currentLearningRate(); }
const std::vector<NanEvent>& Trainer::events() const { return impl_->events; }
void Trainer::setInlierBatchHook(std::function<void(at::Tensor&)> hook) {
  impl_->inlierHook = std::move(hook);
}

void Trainer::saveCheckpoint(const std::filesystem::path& path) const {
  saveTrainingCheckpoint(impl_->makeCheckpoint(), path);
}

std::filesystem::path Trainer::writeCheckpoint() {
  Impl& s = *impl_;
  const auto path = checkpointPath(s.config.outputDir, s.step);
  // "Best": the test bpd when this step was evaluated, else the mean training bpd since the
  // previous checkpoint.
  double metric =
      s.trainBpdCount > 0 ? s.trainBpdSum / static_cast<double>(s.trainBpdCount) : kNotComputed;
  if (s.lastTestStep == s.step) metric = s.lastTestBitsPerDim;
  const bool best = std::isfinite(metric) && (!s.hasBestMetric || metric < s.bestMetric);
  if (best) {
    s.bestMetric = metric;
    s.hasBestMetric = true;
  }
  s.trainBpdSum = 0;
  s.trainBpdCount = 0;
  if (!s.writesFiles()) {  // rank 0 writes; the others keep the same bookkeeping
    s.takeGoodState();
    return path;
  }
  const std::string bytes = serializeCheckpoint(s.makeCheckpoint());
  std::error_code ignored;
  std::filesystem::create_directories(path.parent_path(), ignored);
  writeFileAtomically(path, bytes);
  if (best) writeFileAtomically(bestCheckpointPath(s.config.outputDir), bytes);
  pruneCheckpoints(s.config.outputDir, s.config.keepLastCheckpoints);
  s.takeGoodState();
  return path;
}

namespace {

void reportEvaluation(TrainingProgress& progress, const TrainingProgress& evaluation) {
  progress.evaluated = true;
  progress.testBitsPerDim = evaluation.testBitsPerDim;
  progress.testNonFiniteCount = evaluation.testNonFiniteCount;
  progress.testBitsPerDimTrainedWeights = evaluation.testBitsPerDimTrainedWeights;
  progress.aurocByOodSet = evaluation.aurocByOodSet;
  progress.ratioAurocByOodSet = evaluation.ratioAurocByOodSet;
}

// Trainings in an experiment's lanes share their threads (core/runtime/core_share.h): between two
// steps a training takes over the threads of a lane with nothing left to do, or gives them back.
void followCoreShare(int64_t step) {
  const int threads = sharedThreadsForThisThread();
  if (threads <= 0 || threads == at::get_num_threads()) return;
  at::set_num_threads(threads);
  logger()->info("step {}: training on {} thread(s), the lanes' threads shared", step, threads);
}

}  // namespace

TrainingResult Trainer::run(const TrainingProgressCallback& onProgress, TrainingControl* control) {
  Impl& s = *impl_;
  // Every report also goes to the run's metrics file (rank 0 of a data-parallel run writes it).
  std::optional<RunMetricsWriter> metrics;
  if (s.writesFiles()) metrics.emplace(s.config.outputDir, s.step);
  const auto report = [&](const TrainingProgress& progress) {
    if (metrics) metrics->append(progress);
    if (onProgress) onProgress(progress);
  };
  TrainingProgress started = s.progressSnapshot();
  started.started = true;
  started.message = s.step > 0 ? "resumed at step " + std::to_string(s.step) : "started";
  report(started);
  try {
    return runSteps(report, control);
  } catch (const std::exception& error) {
    TrainingProgress failed = s.progressSnapshot();
    failed.failed = true;
    failed.message = error.what();
    report(failed);
    throw;
  }
}

TrainingResult Trainer::runSteps(const TrainingProgressCallback& report, TrainingControl* control) {
  Impl& s = *impl_;
  TrainingResult result;
  logger()->info("training {} steps from step {} ({}), lr {:.3g}, output {}", s.totalSteps, s.step,
                 describeRuntime(), s.currentLearningRate(), s.config.outputDir.string());
  TrainingProgress last = s.progressSnapshot();
  while (s.step < s.totalSteps) {
    if (control && control->paused() && !s.group) {
      TrainingProgress paused = s.progressSnapshot();
      paused.paused = true;
      paused.message = "paused";
      report(paused);
      control->waitWhilePaused();
    }
    if (s.cancelAgreed(control)) {
      result.cancelled = true;
      break;
    }
    followCoreShare(s.step);
    last = s.trainStep();
    const bool checkpointDue =
        s.config.checkpointEverySteps > 0 && s.step % s.config.checkpointEverySteps == 0;
    const bool evalDue = s.config.evalEverySteps > 0 && s.step % s.config.evalEverySteps == 0;
    if (evalDue && s.step < s.totalSteps) reportEvaluation(last, s.evaluate());
    const bool writesCheckpoint = checkpointDue && s.step < s.totalSteps;
    // The step's report (and its line in the metrics file) comes before its checkpoint: a run
    // killed in between resumes from the checkpoint with the step's record already kept.
    if (writesCheckpoint)
      last.message = "checkpoint " + checkpointPath(s.config.outputDir, s.step).string();
    if (evalDue || checkpointDue || !last.newEvents.empty() ||
        s.step % std::max<int64_t>(s.config.logEverySteps, 1) == 0 || s.step == s.totalSteps)
      report(last);
    if (writesCheckpoint) result.lastCheckpoint = writeCheckpoint();
  }
  result.lastCheckpoint = writeCheckpoint();
  TrainingProgress final = s.progressSnapshot();
  final.cancelled = result.cancelled;
  final.finished = !result.cancelled;
  if (!result.cancelled) {
    // The last step may just have been evaluated; do not evaluate (and report) it twice.
    if (s.lastTestStep != s.step || !s.data.test) reportEvaluation(final, s.evaluate());
    result.modelFile = s.config.outputDir / "model.glow";
    AveragedWeightsScope averaged(*s.model, s.average);
    if (s.writesFiles()) s.model->save(result.modelFile);
  }
  final.message =
      (result.cancelled ? "cancelled; resumable checkpoint " : "finished; checkpoint ") +
      result.lastCheckpoint.string();
  logger()->info("{}", final.message);
  report(final);
  result.steps = s.step;
  result.lastTrainBitsPerDim = last.trainBitsPerDim;
  result.testBitsPerDim = final.testBitsPerDim;
  result.testNonFiniteCount = final.testNonFiniteCount;
  result.skippedSteps = s.skippedSteps;
  result.droppedSamples = s.droppedSamples;
  result.rollbacks = s.rollbacks;
  return result;
}

}  // namespace glowscope
