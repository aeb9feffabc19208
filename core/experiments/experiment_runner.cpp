#include "core/experiments/experiment_runner.h"

#include <cctype>
#include <chrono>
#include <optional>

#include "core/data/dataset_registry.h"
#include "core/experiments/experiment_data.h"
#include "core/experiments/model_scheduler.h"
#include "core/experiments/results_writer.h"
#include "core/flows/flow_model.h"
#include "core/models/likelihood_model.h"
#include "core/runtime/core_share.h"
#include "core/scoring/model_input.h"
#include "core/scoring/png_complexity.h"
#include "core/scoring/score_cache.h"
#include "core/util/atomic_file.h"
#include "core/util/errors.h"
#include "core/util/log.h"

namespace glowscope {
namespace {

constexpr const char* kTrainingConfigFile = "training-config.json";
constexpr const char* kModelPathFile = "final-model.txt";
constexpr const char* kStartedConfigFile = "started-config.json";
/// Stands for the results folder in stored configs (see relocatableConfig).
constexpr const char* kResultsFolderToken = "<results>";

struct LoadedSet {
  ImageSet images;
};

void checkCancel(const std::atomic<bool>* cancel) {
  if (cancel != nullptr && cancel->load()) throw CancelledError();
}

// `path` relative to `folder` when it lies inside it, else empty.
std::filesystem::path pathInside(const std::filesystem::path& path,
                                 const std::filesystem::path& folder) {
  std::filesystem::path root = folder.lexically_normal();
  if (!root.has_filename()) root = root.parent_path();  // "results/" -> "results"
  const std::filesystem::path relative = path.lexically_normal().lexically_relative(root);
  if (relative.empty() || *relative.begin() == "..") return {};
  return relative;
}

// The config with the paths inside the results folder (outputDir and resolved "@" references)
// written relative to it: a results folder copied or moved elsewhere (a server's results on a
// laptop) compares equal and is reused instead of trained again.
nlohmann::json relocatableConfig(nlohmann::json config, const std::filesystem::path& resultsDir) {
  auto relocate = [&](const char* key) {
    if (!config.contains(key) || !config[key].is_string()) return;
    const auto inside = pathInside(config[key].get<std::string>(), resultsDir);
    if (!inside.empty())
      config[key] = (std::filesystem::path(kResultsFolderToken) / inside).generic_string();
  };
  relocate("outputDir");
  for (const char* key : ExperimentModel::kReferenceKeys) relocate(key);
  return config;
}

// The trained model's file as stored beside it: relative to its folder when inside, so that the
// folder can move; read back relative to where the folder is now.
std::string storedModelPath(const std::filesystem::path& modelFile,
                            const std::filesystem::path& modelDir) {
  const auto inside = pathInside(modelFile, modelDir);
  return (inside.empty() ? modelFile : inside).string();
}

// Writes what reusableModel reads: the config in its relocatable form and the model's file.
void recordTrainedModel(const std::filesystem::path& modelDir, const nlohmann::json& config,
                        const std::filesystem::path& modelFile,
                        const std::filesystem::path& resultsDir) {
  writeFileAtomically(modelDir / kTrainingConfigFile,
                      relocatableConfig(config, resultsDir).dump(2));
  writeFileAtomically(modelDir / kModelPathFile, storedModelPath(modelFile, modelDir));
}

std::filesystem::path readStoredModelPath(const std::filesystem::path& modelDir) {
  const std::filesystem::path stored = readWholeFile(modelDir / kModelPathFile);
  return stored.is_relative() ? modelDir / stored : stored;
}

// A model trained earlier with exactly this config is reused: the config it was trained with is
// stored beside it, so a changed spec retrains instead of silently reusing stale weights. Both
// sides are compared in their relocatable form (folders written before it stored absolute paths).
std::optional<std::filesystem::path> reusableModel(const std::filesystem::path& modelDir,
                                                   const nlohmann::json& config,
                                                   const std::filesystem::path& resultsDir) {
  std::error_code ec;
  if (!std::filesystem::exists(modelDir / kModelPathFile, ec)) return std::nullopt;
  try {
    const auto stored = relocatableConfig(
        nlohmann::json::parse(readWholeFile(modelDir / kTrainingConfigFile)), resultsDir);
    const std::filesystem::path modelFile = readStoredModelPath(modelDir);
    if (stored == relocatableConfig(config, resultsDir) && std::filesystem::exists(modelFile, ec))
      return modelFile;
  } catch (const std::exception& error) {
    logger()->warn("cannot reuse the model in {} ({}); training again", modelDir.string(),
                   error.what());
  }
  return std::nullopt;
}

bool hasCheckpoint(const std::filesystem::path& folder) {
  std::error_code ec;
  if (!std::filesystem::is_directory(folder, ec)) return false;
  for (const auto& entry : std::filesystem::directory_iterator(folder, ec))
    if (entry.path().extension() == ".ckpt") return true;
  return false;
}

// An interrupted run (Ctrl-C, power loss) continues from its checkpoints, which is exactly
// equivalent to an uninterrupted run, but only when they were written for this very config:
// checkpoints of an earlier, different config are removed so the new run starts from scratch.
// Compared with absolute paths: a checkpoint resumes only where it was written (the trainer checks
// its initFrom and generalModel files), while finished models are reused wherever the folder is.
bool prepareRunFolder(const std::filesystem::path& modelDir, const nlohmann::json& config) {
  bool sameRun = false;
  try {
    sameRun = nlohmann::json::parse(readWholeFile(modelDir / kStartedConfigFile)) == config;
  } catch (const std::exception&) {
    // no earlier start recorded, or unreadable: nothing to continue
  }
  const auto checkpoints = modelDir / "checkpoints";
  const bool resumable = sameRun && hasCheckpoint(checkpoints);
  std::error_code ec;
  if (!resumable && std::filesystem::exists(checkpoints, ec)) {
    logger()->info("removing the checkpoints of a different earlier run in {}",
                   checkpoints.string());
    std::filesystem::remove_all(checkpoints, ec);
  }
  writeFileAtomically(modelDir / kStartedConfigFile, config.dump(2));
  return resumable;
}

std::filesystem::path obtainModel(const ExperimentModel& model, std::uint64_t seed,
                                  const std::map<std::string, std::filesystem::path>& known,
                                  const ExperimentRunOptions& options, CoreShare* lanes) {
  if (!model.modelFile.empty()) return model.modelFile;
  const auto modelDir = options.outputDir / modelFolderPath(model.id, seed);
  const nlohmann::json config = resolvedTrainingConfig(model, seed, known, modelDir);
  if (auto reused = reusableModel(modelDir, config, options.outputDir)) {
    logger()->info("model '{}' (seed {}): reusing {}", model.id, seed, reused->string());
    recordTrainedModel(modelDir, config, *reused, options.outputDir);  // upgrades older folders
    return *reused;
  }
  if (!options.trainer) throw Error("model '" + model.id + "' needs training, but no trainer");
  logger()->info("model '{}' (seed {}): training into {}", model.id, seed, modelDir.string());
  nlohmann::json trainingConfig = config;
  trainingConfig["resume"] = prepareRunFolder(modelDir, config);
  // How many threads a training uses changes its speed, not what it learns: set here, after
  // the reuse check, and only when the spec leaves it open.
  const bool runnerChoosesThreads = !config.contains("threads");
  if (options.threadsPerTraining > 0 && runnerChoosesThreads)
    trainingConfig["threads"] = options.threadsPerTraining;
  if (!options.device.empty() && !config.contains("device"))
    trainingConfig["device"] = options.device;  // where, like threads, not what it learns
  // Threads the runner chose may follow the lanes (take over an idle one's); a spec's own stay.
  const CoreShare::Seat seat(lanes, runnerChoosesThreads);
  const std::filesystem::path trained = options.trainer(trainingConfig, options.cancel);
  recordTrainedModel(modelDir, config, trained, options.outputDir);
  return trained;
}

LoadedSet loadSet(const std::string& name, const ExperimentSpec& spec) {
  return LoadedSet{loadExperimentSet(name, spec)};
}

std::vector<double> pngBitsOf(const ImageSet& images) {
  const PlanarImageShape shape{static_cast<int>(images.channels), static_cast<int>(images.height),
                               static_cast<int>(images.width)};
  return pngBitsPerImage(images.pixels, shape);
}

// PNG bits of one set per model, of exactly the image that model scores (its C×H×W after
// prepareImagesForModel: the paper's 28→32 resize and any channel conversion), as the reference
// compresses the model's input. Computed on first use, once per distinct input shape.
class PngBitsPerModel {
 public:
  PngBitsPerModel(const ImageSet& images, const std::map<std::string, std::filesystem::path>& files)
      : images_(images), files_(files) {}
  const std::vector<double>& operator()(const std::string& modelId) {
    if (modelId.empty()) return bitsForShape("as loaded", [&] { return images_; });
    // Either family: the shape comes from the stored config (core/models/likelihood_model.h).
    const ImageShape shape = readModelFileImageShape(files_.at(modelId));
    return bitsForShape(shape.text(), [&] { return prepareImagesForModel(images_, shape); });
  }

 private:
  template <typename Prepare>
  const std::vector<double>& bitsForShape(const std::string& key, Prepare prepare) {
    auto found = byShape_.find(key);
    if (found == byShape_.end()) found = byShape_.emplace(key, pngBitsOf(prepare())).first;
    return found->second;
  }
  const ImageSet& images_;
  const std::map<std::string, std::filesystem::path>& files_;
  std::map<std::string, std::vector<double>> byShape_;
};

std::map<std::string, LoadedSet> loadSets(const ExperimentSpec& spec, ExperimentResults& results) {
  std::map<std::string, LoadedSet> sets;
  std::vector<std::string> names{spec.inDistribution};
  names.insert(names.end(), spec.oodSets.begin(), spec.oodSets.end());
  for (const std::string& name : names) {
    if (sets.count(name)) continue;
    sets.emplace(name, loadSet(name, spec));
    results.dataFingerprints[name] = fingerprintImages(sets.at(name).images);
    results.setSizes[name] = sets.at(name).images.count;
    logger()->info("set {}: {} images", name, sets.at(name).images.count);
  }
  return sets;
}

ScoreMetrics computeMetrics(const ExperimentSpec& spec, const std::vector<double>& inScores,
                            const std::vector<double>& oodScores, bool withInterval) {
  ScoreMetrics result;
  result.metrics = computeOodMetrics(inScores, oodScores);
  if (withInterval && spec.bootstrapIntervals) {
    BootstrapOptions bootstrap;
    bootstrap.resamples = static_cast<std::size_t>(spec.bootstrapResamples);
    result.aurocInterval = bootstrapAurocInterval(inScores, oodScores, {}, bootstrap);
  }
  return result;
}

void scoreSeed(const ExperimentSpec& spec, const std::map<std::string, LoadedSet>& sets,
               const std::map<std::string, std::string>& dataFingerprints, ScoreCache& cache,
               const ExperimentRunOptions& options, SeedResults& seedResults) {
  std::map<std::string, std::string> modelFingerprints;
  for (const auto& [id, file] : seedResults.modelFiles)
    modelFingerprints[id] = fingerprintFile(file);
  // Models are loaded on the first cache miss only: a re-run with every score cached loads none.
  // A spec may mix families (flows, PixelCNN++): every model goes through the likelihood interface.
  std::map<std::string, LikelihoodModel> loaded;
  auto model = [&](const std::string& id) -> LikelihoodModelImpl& {
    LikelihoodModel& slot = loaded[id];
    if (!slot)
      slot = loadLikelihoodModel(seedResults.modelFiles.at(id),
                                 at::Device(options.device.empty() ? "cpu" : options.device));
    return *slot;
  };
  ScoringOptions scoring;
  scoring.mode = spec.evaluationMode;
  scoring.batchSize = spec.evaluationBatchSize;
  scoring.cancel = options.cancel;
  for (const auto& [setName, set] : sets) {
    std::map<std::string, ModelScores> modelScores;
    for (const auto& [id, fingerprint] : modelFingerprints) {
      checkCancel(options.cancel);
      const ScoreCacheKey key{fingerprint, dataFingerprints.at(setName), spec.evaluationMode, 0};
      modelScores[id] = cache.getOrCompute(
          key, [&, id = id] { return scoreImages(model(id), set.images, scoring); });
      seedResults.bitsPerDim[id][setName] = modelScores[id].meanBitsPerDim();
      seedResults.nonFiniteImages[id][setName] = modelScores[id].nonFiniteCount();
      if (options.progress) options.progress("scoring " + setName + " with " + id, 0.9);
    }
    ScoreInputs inputs;
    inputs.modelScores = [&modelScores](const std::string& id) -> const ModelScores& {
      return modelScores.at(id);
    };
    PngBitsPerModel pngBits(set.images, seedResults.modelFiles);
    inputs.pngBits = [&pngBits](const std::string& id) -> const std::vector<double>& {
      return pngBits(id);
    };
    for (const ScoreDefinition& score : spec.scores)
      seedResults.scoreValues[setName][score.name] = evaluateScore(score, inputs);
  }
}

void computeSeedMetrics(const ExperimentSpec& spec, bool firstSeed, SeedResults& seedResults) {
  const auto& inValues = seedResults.scoreValues.at(spec.inDistribution);
  for (const std::string& ood : spec.oodSets)
    for (const ScoreDefinition& score : spec.scores)
      seedResults.metrics[ood][score.name] = computeMetrics(
          spec, inValues.at(score.name), seedResults.scoreValues.at(ood).at(score.name), firstSeed);
}

void obtainSeedModels(const ExperimentSpec& spec, const ExperimentRunOptions& options,
                      std::map<std::string, std::filesystem::path>& sharedModels,
                      SeedResults& seedResults) {
  checkCancel(options.cancel);
  std::vector<const ExperimentModel*> models;
  for (const ExperimentModel& model : spec.models) {
    if (model.sharedAcrossSeeds && sharedModels.count(model.id))
      seedResults.modelFiles[model.id] = sharedModels[model.id];
    else
      models.push_back(&model);
  }
  const std::uint64_t seed = seedResults.seed;
  std::optional<CoreShare> lanes;  // only where trainings run side by side on chosen threads
  if (options.parallelTrainings > 1 && options.threadsPerTraining > 0)
    lanes.emplace(options.parallelTrainings * options.threadsPerTraining);
  const ModelObtainer obtain = [&](const ExperimentModel& model, const auto& known,
                                   const std::atomic<bool>* cancel) {
    if (options.progress) options.progress("model " + model.id, 0.0);
    ExperimentRunOptions modelOptions = options;
    modelOptions.cancel = cancel;
    return obtainModel(model, seed, known, modelOptions, lanes ? &lanes.value() : nullptr);
  };
  obtainModels(models, options.parallelTrainings, obtain, seedResults.modelFiles, options.cancel);
  for (const ExperimentModel& model : spec.models)
    if (model.sharedAcrossSeeds) sharedModels[model.id] = seedResults.modelFiles.at(model.id);
}

}  // namespace

nlohmann::json resolvedTrainingConfig(const ExperimentModel& model, std::uint64_t seed,
                                      const std::map<std::string, std::filesystem::path>& models,
                                      const std::filesystem::path& modelDir) {
  nlohmann::json config = model.training;
  for (const char* key : ExperimentModel::kReferenceKeys)
    if (const std::string id = model.reference(key); !id.empty())
      config[key] = models.at(id).string();
  config["seed"] = seed;
  config["dataSeed"] = seed;
  config["outputDir"] = modelDir.string();
  return config;
}

ExperimentResults runExperiment(const ExperimentSpec& spec, const ExperimentRunOptions& options) {
  const auto start = std::chrono::steady_clock::now();
  if (options.outputDir.empty()) throw ConfigError("outputDir", "is required");
  ExperimentResults results;
  results.spec = spec;
  const std::map<std::string, LoadedSet> sets = loadSets(spec, results);
  ScoreCache cache(options.outputDir / "cache");
  std::map<std::string, std::filesystem::path> sharedModels;
  for (std::size_t run = 0; run < spec.seeds.size(); ++run) {
    SeedResults seedResults;
    seedResults.seed = spec.seeds[run];
    obtainSeedModels(spec, options, sharedModels, seedResults);
    scoreSeed(spec, sets, results.dataFingerprints, cache, options, seedResults);
    computeSeedMetrics(spec, run == 0, seedResults);
    results.seeds.push_back(std::move(seedResults));
  }
  results.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  writeExperimentResults(results, options.outputDir, options.extraMetadata);
  return results;
}

}  // namespace glowscope
