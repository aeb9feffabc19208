// One training step with every selected loss, the NaN/Inf guard with rollback
// (docs/training-config.md, `guard`), and the periodic evaluation.
#include <c10/core/InferenceMode.h>
#include <torch/serialize/archive.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <sstream>

#include "core/flows/bits_per_dim.h"
#include "core/metrics/ood_metrics.h"
#include "core/models/flow_likelihood.h"
#include "core/scoring/model_scores.h"
#include "core/training/finite_check.h"
#include "core/training/losses.h"
#include "core/training/trainer_impl.h"
#include "core/util/errors.h"
#include "core/util/log.h"

namespace glowscope {
namespace {

double value(const at::Tensor& tensor) {
  return tensor.defined() ? tensor.item<double>() : kNotComputed;
}

/// Samples whose input holds NaN/Inf cannot be trained on; they say nothing about the model.
at::Tensor finiteInputMask(const at::Tensor& x) { return at::isfinite(x).flatten(1).all(1); }

/// Log-likelihoods of the trained model, or (B,K) class log-likelihoods for the supervised loss.
struct Forward {
  at::Tensor logLikelihood;       ///< (B) mixture or plain log p
  at::Tensor classLogLikelihood;  ///< (B,K) or undefined
  at::Tensor finite;              ///< (B) bool
};

Forward forwardTrained(LikelihoodModelImpl& model, const at::Tensor& x, bool classes) {
  Forward forward;
  if (classes) {  // class heads: flows only (the Trainer refuses them for other families)
    FlowOutput output =
        requireFlowModel(model, "losses.supervised", "the supervised loss").forward(x);
    forward.logLikelihood = output.logLikelihoodNats;
    forward.classLogLikelihood = output.classLogLikelihoodNats;
  } else {
    forward.logLikelihood = model.logLikelihoodOfInput(x).logLikelihoodNats;
  }
  forward.finite = at::isfinite(forward.logLikelihood.detach());
  if (classes)
    forward.finite = forward.finite & at::isfinite(forward.classLogLikelihood.detach()).all(1);
  return forward;
}

/// Whether the frozen model scores the 8-bit pixels rather than the trained model's input x:
/// only a frozen model of the other family does (frozenLogLikelihood).
bool frozenNeedsPixels(const Trainer::Impl& s) {
  return s.frozen && s.frozen->family() != s.model->family();
}

/// This process's shard of a batch's 8-bit images on the model's device when a loss of the pass
/// (`frozenUsed`) asks the frozen model and that model needs them, else undefined: a copy per step
/// that a frozen model of the same family never reads.
at::Tensor pixelsForFrozen(const Trainer::Impl& s, const at::Tensor& images, bool frozenUsed) {
  return frozenUsed && frozenNeedsPixels(s) ? s.shard(images).to(s.model->device()) : at::Tensor();
}

/// The frozen model's log p of the rows the trained model sees as `x`: of x itself when both are
/// of one family (the same dequantisation noise, as the reference), else of their 8-bit `pixels`
/// scored as in evaluation (a flow: +1/512), which needs no random numbers.
at::Tensor frozenLogLikelihood(LikelihoodModelImpl& trained, LikelihoodModelImpl& frozen,
                               const at::Tensor& x, const at::Tensor& pixels) {
  const bool ofPixels = frozen.family() != trained.family();
  if (ofPixels && !pixels.defined())
    throw Error("internal: a frozen model of the other family needs the 8-bit pixels");
  at::Tensor logLikelihood;
  {
    c10::InferenceMode inference;  // no autograd records, no version counters
    logLikelihood =
        ofPixels ? frozen.logLikelihood(pixels, {PreprocessMode::PaperEvaluation, std::nullopt})
                       .logLikelihoodNats
                 : frozen.logLikelihoodOfInput(x).logLikelihoodNats;
  }
  return logLikelihood.clone();  // a normal tensor again: the losses may keep it
}

bool gradientsFinite(const std::vector<at::Tensor>& parameters) {
  std::vector<at::Tensor> gradients;
  for (const auto& parameter : parameters) gradients.push_back(parameter.grad());
  return allFinite(gradients);
}

/// Scales the gradients so that their total L2 norm is at most maxNorm (torch's clip_grad_norm_).
void clipGradientNorm(const std::vector<at::Tensor>& parameters, double maxNorm) {
  at::NoGradGuard noGrad;
  double squared = 0;
  for (const auto& parameter : parameters)
    if (parameter.grad().defined()) squared += parameter.grad().pow(2).sum().item<double>();
  const double total = std::sqrt(squared);
  if (total <= maxNorm) return;
  const double scale = maxNorm / (total + 1e-6);
  for (const auto& parameter : parameters)
    if (parameter.grad().defined()) parameter.grad().mul_(scale);
}

bool parametersFinite(torch::nn::Module& model) { return allFinite(model.parameters()); }

}  // namespace

void Trainer::Impl::recordEvent(NanEvent::Kind kind, const std::string& detail) {
  NanEvent event{kind, step, detail};
  logger()->warn("step {}: {}: {}", step, nanEventKindName(kind), detail);
  events.push_back(event);
  pendingEvents.push_back(event);
}

void Trainer::Impl::takeGoodState() {
  at::NoGradGuard noGrad;
  goodState.tensors.clear();
  for (const auto& parameter : model->parameters())
    goodState.tensors.push_back(parameter.detach().clone());
  for (const auto& buffer : model->buffers()) goodState.tensors.push_back(buffer.detach().clone());
  goodState.averageTensors.clear();
  for (const auto& tensor : average.parameters())
    goodState.averageTensors.push_back(tensor.clone());
  goodState.averageUpdates = average.updates();
  torch::serialize::OutputArchive archive;
  optimizer->save(archive);
  std::ostringstream stream;
  archive.save_to(stream);
  goodState.optimizerBytes = stream.str();
  goodState.step = step;
}

void Trainer::Impl::rollBack(const std::string& reason) {
  if (rollbacks >= config.guard.maxRollbacks)
    throw Error("training diverged at step " + std::to_string(step) + " (" + reason + ") after " +
                std::to_string(rollbacks) + " rollbacks; lower optimizer.learningRate or raise " +
                "optimizer.warmupSteps");
  {
    at::NoGradGuard noGrad;
    size_t i = 0;
    for (auto& parameter : model->parameters()) parameter.copy_(goodState.tensors[i++]);
    for (auto& buffer : model->buffers()) buffer.copy_(goodState.tensors[i++]);
    std::vector<at::Tensor> averageTensors;
    for (const auto& tensor : goodState.averageTensors) averageTensors.push_back(tensor.clone());
    average.restore(std::move(averageTensors), goodState.averageUpdates);
  }
  torch::serialize::InputArchive archive;
  std::istringstream stream(goodState.optimizerBytes);
  archive.load_from(stream);
  optimizer->load(archive);
  ++rollbacks;
  consecutiveSkips = 0;
  learningRateFactor *= config.guard.learningRateBackoff;
  recordEvent(NanEvent::Kind::Rollback,
              reason + "; restored the weights of step " + std::to_string(goodState.step) +
                  ", learning rate now " + std::to_string(currentLearningRate()));
}

TrainingProgress Trainer::Impl::progressSnapshot() const {
  TrainingProgress progress;
  progress.step = step;
  progress.totalSteps = totalSteps;
  progress.epoch = position.epoch;
  progress.learningRate = currentLearningRate();
  progress.imagesPerSecond = imagesPerSecond;  // the global batch: every process's images
  progress.processes = group ? group->worldSize() : 1;
  progress.etaSeconds =
      secondsPerStep > 0 ? secondsPerStep * static_cast<double>(totalSteps - step) : kNotComputed;
  progress.skippedSteps = skippedSteps;
  progress.droppedSamples = droppedSamples;
  progress.rollbacks = rollbacks;
  return progress;
}

namespace {

at::Tensor selectRows(const at::Tensor& tensor, const at::Tensor& mask) {
  if (!tensor.defined() || tensor.numel() == 0) return tensor;
  return tensor.index_select(0, mask.nonzero().squeeze(1));
}

/// What a pass (inlier or outlier) hands on: a reason to skip the step, or nothing.
struct PassOutcome {
  std::string skipReason;
  bool modelBroken = false;  ///< finite inputs but no finite log p at all: the weights are bad
};

}  // namespace

/// Maximum likelihood / the supervised loss (Sec. 3.2) on the inlier batch, backward included.
/// `nllInlier` receives the detached per-sample NLLs for the margin loss.
static PassOutcome inlierPass(Trainer::Impl& s, at::Tensor x, at::Tensor pixels, at::Tensor labels,
                              TrainingProgress& progress, at::Tensor& nllInlier) {
  const int64_t dims = s.imageShape.dims();
  const int64_t batchSize = x.size(0);
  const at::Tensor inputOk = finiteInputMask(x);
  const int64_t okCount = inputOk.sum().item<int64_t>();
  if (okCount < batchSize) {
    if (okCount * 4 <= batchSize)
      return {"non-finite input in " + std::to_string(batchSize - okCount) + " of " +
                  std::to_string(batchSize) + " inlier images",
              false};
    x = selectRows(x, inputOk);
    pixels = selectRows(pixels, inputOk);
    labels = selectRows(labels, inputOk);
    s.droppedSamples += batchSize - okCount;
    s.recordEvent(NanEvent::Kind::DroppedSamples,
                  std::to_string(batchSize - okCount) + " inlier images with non-finite input");
  }
  const bool supervised = s.config.losses.supervised;
  Forward forward = forwardTrained(*s.model, x, supervised);
  const int64_t finiteCount = forward.finite.sum().item<int64_t>();
  if (finiteCount < x.size(0)) {
    if (finiteCount * 4 <= batchSize)
      return {"log p is non-finite for " + std::to_string(x.size(0) - finiteCount) + " of " +
                  std::to_string(x.size(0)) + " inlier images",
              finiteCount == 0};
    s.droppedSamples += x.size(0) - finiteCount;
    s.recordEvent(NanEvent::Kind::DroppedSamples,
                  std::to_string(x.size(0) - finiteCount) + " inlier images with non-finite log p");
    x = selectRows(x, forward.finite);
    pixels = selectRows(pixels, forward.finite);
    labels = selectRows(labels, forward.finite);
    forward = forwardTrained(*s.model, x, supervised);  // the reference recomputes on the subset
  }
  nllInlier = negativeLogLikelihoodNats(forward.logLikelihood.detach(), dims);
  progress.trainBitsPerDim = bitsPerDim(forward.logLikelihood.detach().mean().item<double>(), dims);
  at::Tensor loss;
  if (supervised) {
    OutlierLossOptions options{s.config.losses.outlierWeight, s.config.losses.outlierTemperature};
    const SupervisedLossParts parts =
        supervisedLoss(forward.classLogLikelihood, labels,
                       frozenLogLikelihood(*s.model, *s.frozen, x, pixels), dims, options);
    loss = parts.wrongClassTerm;
    if (s.config.losses.likelihood)
      loss = loss + s.config.losses.likelihoodWeight * parts.trueClassNll;
    progress.likelihoodLoss = value(parts.trueClassNll);
    progress.supervisedLoss = value(parts.wrongClassTerm);
  } else if (s.config.losses.likelihood) {
    const at::Tensor nll = maximumLikelihoodLoss(forward.logLikelihood, dims);
    loss = s.config.losses.likelihoodWeight * nll;
    progress.likelihoodLoss = value(nll);
  }
  if (loss.defined()) {
    loss.backward();
    progress.loss = value(loss);
  }
  return {};
}

/// The outlier loss (Eq. 2) / the margin baseline on an outlier batch, backward included (gradients
/// add to the inlier ones).
static PassOutcome outlierPass(Trainer::Impl& s, const Batch& batch, const at::Tensor& nllInlier,
                               TrainingProgress& progress) {
  const int64_t dims = s.imageShape.dims();
  at::Tensor x =
      s.shard(s.model->inputFromPixels(batch.images, {PreprocessMode::TrainingNoise, s.noise})
                  .to(s.model->device()));
  const at::Tensor pixels = pixelsForFrozen(s, batch.images, s.config.losses.outlier);
  const int64_t batchSize = x.size(0);
  const bool supervised = s.config.losses.supervised;
  const at::Tensor inputOk = finiteInputMask(x);
  Forward forward = forwardTrained(*s.model, x, supervised);
  at::Tensor frozenLogp =
      s.config.losses.outlier ? frozenLogLikelihood(*s.model, *s.frozen, x, pixels) : at::Tensor();
  at::Tensor valid = forward.finite & inputOk;
  if (frozenLogp.defined()) valid = valid & at::isfinite(frozenLogp);
  const int64_t validCount = valid.sum().item<int64_t>();
  if (validCount < batchSize) {
    if (validCount * 4 <= batchSize)
      return {"log p is non-finite for " + std::to_string(batchSize - validCount) + " of " +
                  std::to_string(batchSize) + " outlier images",
              forward.finite.sum().item<int64_t>() == 0 && inputOk.all().item<bool>()};
    s.droppedSamples += batchSize - validCount;
    s.recordEvent(NanEvent::Kind::DroppedSamples,
                  std::to_string(batchSize - validCount) + " outlier images with non-finite log p");
    x = selectRows(x, valid);
    if (frozenLogp.defined()) frozenLogp = selectRows(frozenLogp, valid);
    forward = forwardTrained(*s.model, x, supervised);
  }
  at::Tensor loss;
  if (s.config.losses.outlier) {
    OutlierLossOptions options{s.config.losses.outlierWeight, s.config.losses.outlierTemperature};
    const at::Tensor term = outlierLoss(forward.logLikelihood, frozenLogp, options);
    progress.outlierLoss = value(term);
    loss = term;
  }
  if (s.config.losses.margin && nllInlier.defined()) {
    const double margin =
        s.config.losses.marginNats > 0 ? s.config.losses.marginNats : double(dims);
    const at::Tensor term =
        marginLoss(nllInlier, negativeLogLikelihoodNats(forward.logLikelihood, dims), margin);
    progress.marginLoss = value(term);
    loss = loss.defined() ? loss + term : term;
  }
  if (loss.defined()) {
    loss.backward();
    progress.loss = (std::isnan(progress.loss) ? 0.0 : progress.loss) + value(loss);
  }
  return {};
}

TrainingProgress Trainer::Impl::trainStep() {
  const auto started = std::chrono::steady_clock::now();
  TrainingProgress progress;
  optimizer->zero_grad();
  seedDropout();
  const Batch batch = nextInlierBatch();
  std::optional<Batch> outlierBatch;
  if (outlierLoader) outlierBatch = nextOutlierBatch();
  // The whole global batch's noise, then this process's shard (trainer_parallel.cpp).
  at::Tensor x = shard(model->inputFromPixels(batch.images, {PreprocessMode::TrainingNoise, noise})
                           .to(model->device()));
  if (inlierHook) inlierHook(x);
  at::Tensor nllInlier;
  PassOutcome outcome =
      inlierPass(*this, x, pixelsForFrozen(*this, batch.images, config.losses.supervised),
                 shard(batch.labels), progress, nllInlier);
  if (outcome.skipReason.empty() && outlierBatch)
    outcome = outlierPass(*this, *outlierBatch, nllInlier, progress);
  agreeOnStep(outcome.skipReason, outcome.modelBroken, progress);
  if (outcome.skipReason.empty()) averageGradients();
  if (outcome.skipReason.empty() && !gradientsFinite(trainable))
    outcome.skipReason = "non-finite gradient";
  const double learningRate = currentLearningRate();
  if (outcome.skipReason.empty()) {
    if (config.optimizer.gradientClipNorm > 0)
      clipGradientNorm(trainable, config.optimizer.gradientClipNorm);
    for (auto& group : optimizer->param_groups()) group.options().set_lr(learningRate);
    optimizer->step();
    consecutiveSkips = 0;
    ++step;
    if (!parametersFinite(*model)) {
      rollBack("non-finite weights after the update");
    } else {
      average.update(*model);
      if (step % 100 == 0) takeGoodState();  // rollbacks then lose at most 100 steps
    }
  } else {
    optimizer->zero_grad();
    ++skippedSteps;
    ++consecutiveSkips;
    recordEvent(NanEvent::Kind::SkippedStep, outcome.skipReason);  // at the step it concerns
    ++step;
    if (outcome.modelBroken)
      rollBack("the model gives non-finite log p for every image");
    else if (consecutiveSkips >= config.guard.maxConsecutiveSkips)
      rollBack(std::to_string(consecutiveSkips) + " consecutive skipped steps");
  }
  if (!std::isnan(progress.trainBitsPerDim)) {
    trainBpdSum += progress.trainBitsPerDim;
    ++trainBpdCount;
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
  const double smoothing = secondsPerStep == 0 ? 1.0 : 0.1;
  secondsPerStep += smoothing * (seconds - secondsPerStep);
  imagesPerSecond =
      secondsPerStep > 0 ? static_cast<double>(batch.images.size(0)) / secondsPerStep : 0;
  TrainingProgress snapshot = progressSnapshot();
  snapshot.epoch = batch.epoch;
  snapshot.learningRate = learningRate;
  snapshot.loss = progress.loss;
  snapshot.likelihoodLoss = progress.likelihoodLoss;
  snapshot.outlierLoss = progress.outlierLoss;
  snapshot.marginLoss = progress.marginLoss;
  snapshot.supervisedLoss = progress.supervisedLoss;
  snapshot.trainBitsPerDim = progress.trainBitsPerDim;
  snapshot.newEvents = std::move(pendingEvents);
  pendingEvents.clear();
  return snapshot;
}

namespace {

/// With a data-parallel group each process scores its shard of the set and the shards are
/// summed into the whole (zeros elsewhere), so every process gets every image's log p.
std::vector<double> logLikelihoods(LikelihoodModelImpl& model, const ImageSet& set,
                                   DataParallelGroup* group) {
  at::NoGradGuard noGrad;
  const bool wasTraining = model.is_training();
  model.eval();  // no dropout (PixelCNN++) in evaluation
  const at::Tensor all = toUint8Tensor(set);
  const auto [begin, end] = group ? shardRange(set.count, group->rank(), group->worldSize())
                                  : std::pair<int64_t, int64_t>{0, set.count};
  std::vector<double> result(static_cast<size_t>(begin), 0.0);
  result.reserve(static_cast<size_t>(set.count));
  for (int64_t start = begin; start < end; start += 256) {
    const at::Tensor images = all.slice(0, start, std::min(end, start + 256)).to(model.device());
    const at::Tensor logp = model.logLikelihood(images, {PreprocessMode::PaperEvaluation, {}})
                                .logLikelihoodNats.to(at::kDouble)
                                .cpu()
                                .contiguous();
    result.insert(result.end(), logp.data_ptr<double>(), logp.data_ptr<double>() + logp.numel());
  }
  result.resize(static_cast<size_t>(set.count), 0.0);
  model.train(wasTraining);
  return group ? group->sum(std::move(result), "evaluating " + set.name) : result;
}

double meanFiniteBitsPerDim(std::vector<double> logLikelihoodsNats, int64_t dims) {
  return ModelScores{std::move(logLikelihoodsNats), {}, dims}.meanBitsPerDim();
}

int64_t nonFiniteCount(const std::vector<double>& logLikelihoodsNats) {
  return std::count_if(logLikelihoodsNats.begin(), logLikelihoodsNats.end(),
                       [](double value) { return !std::isfinite(value); });
}

std::vector<double> difference(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> result(a.size());
  for (size_t i = 0; i < a.size(); ++i) result[i] = a[i] - b[i];
  return result;
}

}  // namespace

TrainingProgress Trainer::Impl::evaluate() {
  TrainingProgress progress = progressSnapshot();
  progress.evaluated = true;
  if (!data.test) return progress;
  const int64_t dims = imageShape.dims();
  if (average.ready())
    progress.testBitsPerDimTrainedWeights =
        meanFiniteBitsPerDim(logLikelihoods(*model, *data.test, group.get()), dims);
  const AveragedWeightsScope averaged(*model, average);  // the weights training ends with
  const std::vector<double> test = logLikelihoods(*model, *data.test, group.get());
  progress.testBitsPerDim = meanFiniteBitsPerDim(test, dims);
  progress.testNonFiniteCount = nonFiniteCount(test);
  // Diff† trains the general model: its ratio score is log p_in (frozen) − log p_general.
  const bool diffDagger = config.losses.trainedModel == TrainedModel::General;
  std::vector<double> testRatio;
  if (frozen) {
    const std::vector<double> frozenTest = logLikelihoods(*frozen, *data.test, group.get());
    testRatio = diffDagger ? difference(frozenTest, test) : difference(test, frozenTest);
  }
  for (const auto& [name, set] : data.oodSets) {
    const std::vector<double> ood = logLikelihoods(*model, *set, group.get());
    progress.aurocByOodSet[name] = auroc(test, ood);
    if (frozen) {
      const std::vector<double> frozenOod = logLikelihoods(*frozen, *set, group.get());
      progress.ratioAurocByOodSet[name] =
          auroc(testRatio, diffDagger ? difference(frozenOod, ood) : difference(ood, frozenOod));
    }
  }
  lastTestBitsPerDim = progress.testBitsPerDim;
  lastTestStep = step;
  return progress;
}

}  // namespace glowscope
