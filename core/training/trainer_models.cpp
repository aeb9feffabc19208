// The Trainer's models, whatever their family (docs/pixelcnn.md): building a fresh one from the
// config's "model" object, loading a model file or the model inside a training checkpoint,
// freezing, the flow-only options, model bytes for checkpoints and the dropout stream.
#include <ATen/CPUGeneratorImpl.h>
#include <ATen/Context.h>

#include <unistd.h>

#include "core/models/flow_likelihood.h"
#include "core/models/pixelcnn.h"
#include "core/training/trainer_impl.h"
#include "core/util/atomic_file.h"
#include "core/util/errors.h"

namespace glowscope {
namespace {

bool isTrainingCheckpoint(const std::filesystem::path& path) {
  const std::string bytes = readWholeFile(path);
  return bytes.rfind("GLOWSCOPE-TRAINING-CHECKPOINT", 0) == 0;
}

void freeze(torch::nn::Module& model) {
  for (auto& parameter : model.parameters()) parameter.requires_grad_(false);
}

void requireSameImageShape(const ImageShape& trained, const ImageShape& other,
                           const std::string& field) {
  if (trained != other)
    throw ConfigError(field, "incompatible model: it takes " + other.text() +
                                 " images, the trained model " + trained.text());
}

/// The family's name in messages.
std::string describeFamily(const LikelihoodModelImpl& model) {
  return model.family() == ModelFamily::PixelCnn ? "a PixelCNN++ model" : "this model";
}

LikelihoodModel createFreshModel(const TrainingConfig& config, int numClasses) {
  const at::Device device(config.device);
  if (isPixelCnnModelJson(config.model))
    return createPixelCnn(pixelCnnConfigFromJson(config.model), device).ptr();
  ModelConfig fresh = modelConfigFromJson(config.model);
  if (config.losses.supervised && fresh.numClasses == 0) fresh.numClasses = numClasses;
  return std::make_shared<FlowLikelihoodModelImpl>(createFlowModel(fresh, device));
}

/// Splitmix64's finaliser: well-spread seeds from neighbouring (seed, rank, step) triples.
std::uint64_t mixSeed(std::uint64_t value) {
  value += 0x9e3779b97f4a7c15ULL;
  value = (value ^ (value >> 30)) * 0xbf58476d1ce4e5b9ULL;
  value = (value ^ (value >> 27)) * 0x94d049bb133111ebULL;
  return value ^ (value >> 31);
}

}  // namespace

/// Model bytes go through a temporary file because the model files are written and read by path.
LikelihoodModel modelFromBytes(const std::string& bytes, const std::filesystem::path& scratchDir,
                               const std::string& origin) {
  std::error_code ignored;
  std::filesystem::create_directories(scratchDir, ignored);
  // Per process: the processes of a data-parallel run share the folder.
  const auto scratch =
      scratchDir / (".model-from-checkpoint-" + std::to_string(::getpid()) + ".tmp");
  writeFileAtomically(scratch, bytes);
  try {
    LikelihoodModel model = loadLikelihoodModel(scratch);
    std::filesystem::remove(scratch, ignored);
    return model;
  } catch (const FileError& error) {
    std::filesystem::remove(scratch, ignored);
    throw FileError(origin, "the model inside the checkpoint is unreadable: " + error.reason());
  }
}

std::string modelToBytes(LikelihoodModelImpl& model, const std::filesystem::path& scratchDir) {
  std::error_code ignored;
  std::filesystem::create_directories(scratchDir, ignored);
  const auto scratch =
      scratchDir / (".model-to-checkpoint-" + std::to_string(::getpid()) + ".tmp");
  model.save(scratch);
  std::string bytes = readWholeFile(scratch);
  std::filesystem::remove(scratch, ignored);
  return bytes;
}

/// A model to start from: a model file of either family, or the model inside a training
/// checkpoint (its weight average when it has one, the same weights that run's model.glow gets).
LikelihoodModel loadStartModel(const std::filesystem::path& path, const std::string& field,
                               const std::filesystem::path& scratchDir) {
  try {
    if (isTrainingCheckpoint(path)) {
      const TrainingCheckpoint checkpoint = loadTrainingCheckpoint(path);
      const std::string& bytes = checkpoint.averagedModelFileBytes.empty()
                                     ? checkpoint.modelFileBytes
                                     : checkpoint.averagedModelFileBytes;
      return modelFromBytes(bytes, scratchDir, path.string());
    }
    return loadLikelihoodModel(path);
  } catch (const FileError& error) {
    throw ConfigError(field, error.what());
  }
}

void Trainer::Impl::buildModels() {
  const std::filesystem::path scratch = config.outputDir;
  const bool diffDagger = config.losses.trainedModel == TrainedModel::General;
  const std::filesystem::path start =
      diffDagger ? (config.fineTuning() ? config.initFrom : config.generalModel) : config.initFrom;
  const std::string startField = diffDagger && !config.fineTuning() ? "generalModel" : "initFrom";
  if (!start.empty()) {
    model = loadStartModel(start, startField, scratch);
    model->to(at::Device(config.device));
  } else {
    model = createFreshModel(config, data.train->numClasses);
  }
  model->train();  // a loaded model may come in eval state; dropout is part of training
  if (!flowModelOf(*model)) config.requireNoFlowOnlyOptions(describeFamily(*model));
  if (config.losses.supervised) {
    FlowModelImpl& flow = requireFlowModel(*model, "losses.supervised", "the supervised loss");
    if (flow.config().numClasses == 0) {
      if (data.train->numClasses <= 0)
        throw ConfigError("trainSet", "the supervised loss needs labels");
      model =
          std::make_shared<FlowLikelihoodModelImpl>(addClassHeads(flow, data.train->numClasses));
    }
  }
  modelConfig = model->configJson();
  imageShape = model->imageShape();
  const std::filesystem::path frozenPath =
      diffDagger ? config.inDistributionModel : config.generalModel;
  if (!frozenPath.empty()) {
    const std::string field = diffDagger ? "inDistributionModel" : "generalModel";
    frozen = loadStartModel(frozenPath, field, scratch);
    frozen->to(at::Device(config.device));
    requireSameImageShape(imageShape, frozen->imageShape(), field);
    freeze(*frozen);
    frozen->eval();  // no dropout in the reference model: its log p is a fixed function
  }
  applyFreezing();
}

void Trainer::Impl::applyFreezing() {
  if (config.freezeScales > 0) {
    FlowModelImpl& flow = requireFlowModel(*model, "freezeScales", "freezing scales");
    if (config.freezeScales >= flow.numScales())
      throw ConfigError("freezeScales", "must be below the model's " +
                                            std::to_string(flow.numScales()) + " scales");
    for (int scale = 0; scale < config.freezeScales; ++scale)
      for (auto& parameter : flow.parametersOfScale(scale)) parameter.requires_grad_(false);
  }
  trainable.clear();
  for (auto& parameter : model->parameters())
    if (parameter.requires_grad()) trainable.push_back(parameter);
}

/// A PixelCNN++ draws its dropout masks from the Trainer's generator (on the model's device: a
/// CPU generator of its own, or that GPU's default generator), never from the global one.
void Trainer::Impl::setUpDropout() {
  auto* pixelCnn = dynamic_cast<PixelCnnImpl*>(model.get());
  if (!pixelCnn || pixelCnn->config().dropout <= 0) return;
  const at::Device device = model->device();
  dropout = device.is_cpu() ? at::detail::createCPUGenerator(config.seed)
                            : at::globalContext().defaultGenerator(device);
  pixelCnn->setDropoutGenerator(dropout);
}

/// The dropout stream of step n depends only on (seed, rank, n): an interrupted run resumes with
/// the masks it would have drawn, and each process of a data-parallel run draws its own.
void Trainer::Impl::seedDropout() {
  if (!dropout) return;
  const std::uint64_t rank = group ? static_cast<std::uint64_t>(group->rank()) : 0;
  dropout->set_current_seed(
      mixSeed(mixSeed(mixSeed(config.seed) ^ rank) ^ static_cast<std::uint64_t>(step)));
}

}  // namespace glowscope
