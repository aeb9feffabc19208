// The experiment runner end to end on small IDX files written here: it writes every table and
// file of the results folder, the PNG baseline separates smooth from noise images, and a re-run
// reuses the trained models and the cached scores instead of recomputing them.
#include <QtTest>
#include <atomic>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <functional>
#include <mutex>
#include <numbers>
#include <opencv2/imgcodecs.hpp>
#include <random>
#include <thread>

#include "core/data/image_set.h"
#include "core/experiments/experiment_data.h"
#include "core/experiments/experiment_runner.h"
#include "core/experiments/results_writer.h"
#include "core/flows/flow_model.h"
#include "core/runtime/core_share.h"
#include "core/scoring/model_input.h"
#include "core/util/atomic_file.h"

namespace glowscope {
namespace {

void writeIdxImages(const std::filesystem::path& path, int count, bool smooth, uint64_t seed) {
  std::string bytes = {0, 0, 8, 3};
  for (int dim : {count, 8, 8})
    for (int shift : {24, 16, 8, 0}) bytes.push_back(static_cast<char>((dim >> shift) & 0xff));
  std::mt19937_64 rng(seed);
  for (int i = 0; i < count; ++i) {
    const int base = static_cast<int>(rng() % 200);
    for (int p = 0; p < 64; ++p)
      bytes.push_back(static_cast<char>(smooth ? base + (p % 8) * 2 : rng() % 256));
  }
  writeFileAtomically(path, bytes);
}

}  // namespace

class TstExperimentRunner : public QObject {
  Q_OBJECT

 private:
  std::filesystem::path folder_;
  std::atomic<int> trainerCalls_{0};
  bool lastResume_ = false;
  bool lastCheckpointExisted_ = false;
  int modelSide_ = 8;  // the trained models' H = W; the IDX images are 8x8

  ExperimentSpec spec() const {
    const std::string in = "idx:" + (folder_ / "smooth-idx3-ubyte").string();
    const std::string ood = "idx:" + (folder_ / "noise-idx3-ubyte").string();
    nlohmann::json json = {
        {"name", "runner-test"},
        {"inDistribution", in},
        {"oodSets", {ood}},
        {"bootstrapResamples", 50},
        {"models",
         {{{"id", "a"}, {"training", {{"model", {{"preset", "tiny"}}}}}},
          {{"id", "b"}, {"training", {{"model", {{"preset", "tiny"}}}}}}}},
        {"scores",
         {{{"name", "Raw"}, {"kind", "raw"}, {"model", "a"}},
          {{"name", "c_3"}, {"kind", "scale"}, {"model", "a"}, {"scale", -1}},
          {{"name", "Diff"}, {"kind", "ratio"}, {"model", "a"}, {"general", "b"}},
          {{"name", "PNG"}, {"kind", "png"}}}}};
    return ExperimentSpec::fromJson(json);
  }

  ExperimentRunOptions options() {
    ExperimentRunOptions run;
    run.outputDir = folder_ / "results";
    // Stands in for the training module: builds and initialises a tiny model per config seed.
    run.trainer = [this](const nlohmann::json& config, const std::atomic<bool>*) {
      ++trainerCalls_;
      lastResume_ = config["resume"].get<bool>();
      lastCheckpointExisted_ =
          std::filesystem::exists(std::filesystem::path(config["outputDir"].get<std::string>()) /
                                  "checkpoints/step-1.ckpt");
      ModelConfig modelConfig = modelPreset("tiny", FlowType::Conv, 1, modelSide_, modelSide_);
      modelConfig.seed = config["seed"].get<uint64_t>() + 17 * trainerCalls_;
      FlowModel model = createFlowModel(modelConfig);
      initializeActNorms(*model, at::rand({16, 1, modelSide_, modelSide_}) - 0.5);
      const std::filesystem::path file =
          std::filesystem::path(config["outputDir"].get<std::string>()) / "model.glow";
      saveFlowModel(*model, file);
      return file;
    };
    return run;
  }

 private Q_SLOTS:
  void initTestCase() {
    folder_ = std::filesystem::temp_directory_path() /
              ("glowscope-runner-" + std::to_string(QRandomGenerator::global()->generate()));
    writeIdxImages(folder_ / "smooth-idx3-ubyte", 40, true, 1);
    writeIdxImages(folder_ / "noise-idx3-ubyte", 30, false, 2);
  }
  void cleanupTestCase() { std::filesystem::remove_all(folder_); }

  void writesTheResultsFolder() {
    const ExperimentResults results = runExperiment(spec(), options());
    QCOMPARE(trainerCalls_.load(), 2);
    for (const char* name : {"auroc.csv", "auroc.md", "auroc.tex", "aupr-in.csv", "aupr-out.md",
                             "fpr95.tex", "bits-per-dim.md", "summary.json", "metadata.json"})
      QVERIFY2(std::filesystem::exists(folder_ / "results" / name), name);
    QCOMPARE(results.setSizes.size(), size_t{2});
    const std::string markdown = readWholeFile(folder_ / "results" / "auroc.md");
    QVERIFY(markdown.find("in-distribution") != std::string::npos);  // the convention
    const auto metadata = nlohmann::json::parse(readWholeFile(folder_ / "results/metadata.json"));
    QCOMPARE(metadata["data"].size(), size_t{2});
    QVERIFY(metadata.contains("libtorch"));
  }

  void pngSeparatesSmoothFromNoise() {
    const ExperimentResults results = runExperiment(spec(), options());
    const SeedResults& seed = results.seeds.front();
    const auto& metrics = seed.metrics.begin()->second.at("PNG").metrics;
    QCOMPARE(metrics.auroc, 1.0);  // every smooth image compresses better than every noise one
    QCOMPARE(seed.metrics.begin()->second.size(), size_t{4});
    QVERIFY(seed.metrics.begin()->second.at("Raw").aurocInterval.has_value());
  }

  // The PNG term of "PNG diff" is the size of exactly the image the model scores: the 8x8 set
  // resized to the model's 16x16 (Serra et al. compress the model's input), not the image as
  // loaded; a "png" score without a model compresses the image as loaded.
  void pngBitsAreThoseOfTheModelInput() {
    ExperimentRunOptions run = options();
    run.outputDir = folder_ / "png-results";
    modelSide_ = 16;
    nlohmann::json json = spec().toJson();
    json["scores"] = {{{"name", "Raw"}, {"kind", "raw"}, {"model", "a"}},
                      {{"name", "PNG diff"}, {"kind", "png-ratio"}, {"model", "a"}},
                      {{"name", "PNG"}, {"kind", "png"}}};
    const ExperimentSpec pngSpec = ExperimentSpec::fromJson(json);
    const ExperimentResults results = runExperiment(pngSpec, run);
    modelSide_ = 8;
    const ImageSet loaded = loadExperimentSet(pngSpec.inDistribution, pngSpec);
    const ImageSet modelInput =
        prepareImagesForModel(loaded, modelPreset("tiny", FlowType::Conv, 1, 16, 16));
    QCOMPARE(modelInput.height, int64_t{16});
    const auto& values = results.seeds[0].scoreValues.at(pngSpec.inDistribution);
    auto encodedBits = [](const ImageSet& set, int64_t i) {
      const cv::Mat image(int(set.height), int(set.width), CV_8UC1,
                          const_cast<uint8_t*>(set.image(i)));
      std::vector<uint8_t> png;
      cv::imencode(".png", image, png, {cv::IMWRITE_PNG_COMPRESSION, 9});
      return 8.0 * double(png.size());
    };
    for (int64_t i = 0; i < loaded.count; ++i) {
      const double bits =
          (values.at("PNG diff")[size_t(i)] - values.at("Raw")[size_t(i)]) / std::numbers::ln2;
      QVERIFY2(std::abs(bits - encodedBits(modelInput, i)) < 1e-6, std::to_string(i).c_str());
      QCOMPARE(-values.at("PNG")[size_t(i)], encodedBits(loaded, i));
    }
  }

  // A mean bits/dim leaves out images whose log p is not finite: the count stands beside it
  // (summed over seeds), also when it is zero, so nothing is dropped silently.
  void bitsPerDimTableShowsNonFiniteCounts() {
    ExperimentResults results;
    results.spec = spec();
    for (std::uint64_t seed : {0u, 1u}) {
      SeedResults s;
      s.seed = seed;
      for (const char* id : {"a", "b"}) {
        s.bitsPerDim[id]["set"] = 3.0 + double(seed);
        s.nonFiniteImages[id]["set"] = std::string(id) == "a" ? 2 : 0;
      }
      results.seeds.push_back(s);
    }
    const std::string markdown = bitsPerDimTable(resultsSummary(results)).toMarkdown();
    QVERIFY2(markdown.find("| a | **3.50 ± 0.71 (4 non-finite)** |") != std::string::npos,
             markdown.c_str());
    QVERIFY2(markdown.find("| b | **3.50 ± 0.71 (0 non-finite)** |") != std::string::npos,
             markdown.c_str());
    QVERIFY(bitsPerDimTable(resultsSummary(results)).toCsv().find("set_note") != std::string::npos);
  }

  // Two lanes: each training gets the threads it was given (after the reuse check, so a later
  // run with other threads reuses the models) and the results match a one-at-a-time run.
  void parallelTrainingsGetThreadsAndReuseIgnoresThem() {
    ExperimentRunOptions run = options();
    run.outputDir = folder_ / "parallel-results";
    run.parallelTrainings = 2;
    run.threadsPerTraining = 1;
    std::mutex mutex;
    std::vector<int> threads;
    const ModelTrainer inner = run.trainer;
    run.trainer = [&](const nlohmann::json& config, const std::atomic<bool>* cancel) {
      {
        const std::lock_guard lock(mutex);
        threads.push_back(config.value("threads", -1));
      }
      return inner(config, cancel);
    };
    const ExperimentResults parallel = runExperiment(spec(), run);
    QCOMPARE(threads, (std::vector<int>{1, 1}));
    ExperimentRunOptions again = options();
    again.outputDir = run.outputDir;
    const int callsBefore = trainerCalls_;
    const ExperimentResults sequential = runExperiment(spec(), again);
    QCOMPARE(trainerCalls_.load(), callsBefore);  // reused although the threads differ
    QCOMPARE(parallel.seeds[0].scoreValues, sequential.seeds[0].scoreValues);
  }

  // The lanes share their threads (core/runtime/core_share.h): while both trainings run each
  // is seated on one thread; once b is done, a may take over b's thread.
  void anIdleLanesThreadsGoToTheTrainingStillRunning() {
    ExperimentRunOptions run = options();
    run.outputDir = folder_ / "shared-lanes";
    run.parallelTrainings = 2;
    run.threadsPerTraining = 1;
    std::atomic<int> started{0};
    std::atomic<bool> bDone{false};
    std::mutex mutex;
    std::vector<int> whileBoth;
    int aAlone = -1;
    const ModelTrainer inner = run.trainer;
    auto waitFor = [](const std::function<bool()>& condition) {
      const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(10);
      while (!condition() && std::chrono::steady_clock::now() < deadline)
        std::this_thread::sleep_for(std::chrono::milliseconds(1));
    };
    run.trainer = [&](const nlohmann::json& config, const std::atomic<bool>* cancel) {
      const bool isA = config["outputDir"].get<std::string>().find("/a-seed") != std::string::npos;
      ++started;
      waitFor([&] { return started.load() == 2; });
      {
        const std::lock_guard lock(mutex);
        whileBoth.push_back(sharedThreadsForThisThread());
      }
      if (isA) {
        waitFor([&] { return bDone.load() && sharedThreadsForThisThread() == 2; });
        aAlone = sharedThreadsForThisThread();
      }
      const std::filesystem::path file = inner(config, cancel);
      if (!isA) bDone = true;
      return file;
    };
    runExperiment(spec(), run);
    QCOMPARE(whileBoth, (std::vector<int>{1, 1}));
    QCOMPARE(aAlone, 2);
  }

  void rerunReusesModelsAndScores() {
    const int callsBefore = trainerCalls_;
    const ExperimentResults first = runExperiment(spec(), options());
    const ExperimentResults second = runExperiment(spec(), options());
    QCOMPARE(trainerCalls_.load(), callsBefore);  // both models were reused, not retrained
    const auto& a = first.seeds[0].scoreValues;
    const auto& b = second.seeds[0].scoreValues;
    QCOMPARE(a.begin()->second.at("Raw"), b.begin()->second.at("Raw"));
    QCOMPARE(a.begin()->second.at("Diff"), b.begin()->second.at("Diff"));
    int cacheEntries = 0;
    for (const auto& entry : std::filesystem::directory_iterator(folder_ / "results" / "cache"))
      cacheEntries += entry.path().extension() == ".scores";
    QCOMPARE(cacheEntries, 4);  // 2 models x 2 sets, computed once
  }

  // An interrupted model (no final model yet, checkpoints left) continues only when its config is
  // the one it was started with; another config's checkpoints are removed, not resumed from.
  void interruptedRunResumesOnlyWithTheSameConfig() {
    ExperimentRunOptions run = options();
    run.outputDir = folder_ / "resume-results";
    ExperimentSpec first = spec();
    runExperiment(first, run);
    const auto modelDir = run.outputDir / "models" / "a-seed0";
    auto interrupt = [&] {
      std::filesystem::remove(modelDir / "final-model.txt");
      writeFileAtomically(modelDir / "checkpoints" / "step-1.ckpt", std::string("state"));
    };
    interrupt();
    runExperiment(first, run);
    QVERIFY(lastResume_);
    QVERIFY(lastCheckpointExisted_);
    ExperimentSpec changed = first;
    changed.models[0].training["steps"] = 5;
    interrupt();
    runExperiment(changed, run);
    QVERIFY(!lastResume_);
    QVERIFY(!lastCheckpointExisted_);  // removed before the fresh run started
  }

  // A results folder copied elsewhere (a server's results on a laptop) is reused there: paths
  // inside it, "@" references included, are stored relative to it.
  void copiedResultsFolderIsReused() {
    ExperimentSpec withReference = spec();
    ExperimentModel fineTuned = withReference.models[1];
    fineTuned.id = "c";
    fineTuned.training["initFrom"] = "@b";
    withReference.models.push_back(fineTuned);
    ExperimentRunOptions run = options();
    run.outputDir = folder_ / "original";
    const ExperimentResults original = runExperiment(withReference, run);
    const auto copy = folder_ / "copy";
    std::filesystem::copy(run.outputDir, copy, std::filesystem::copy_options::recursive);
    std::filesystem::remove_all(run.outputDir);  // nothing may point back at the original
    const int callsBefore = trainerCalls_;
    run.outputDir = copy;
    const ExperimentResults copied = runExperiment(withReference, run);
    QCOMPARE(trainerCalls_.load(), callsBefore);
    QCOMPARE(copied.seeds[0].modelFiles.at("c"), copy / "models" / "c-seed0" / "model.glow");
    QCOMPARE(original.seeds[0].scoreValues, copied.seeds[0].scoreValues);
    const auto stored =
        nlohmann::json::parse(readWholeFile(copy / "models/c-seed0/training-config.json"));
    QCOMPARE(stored["initFrom"].get<std::string>(),
             std::string("<results>/models/b-seed0/model.glow"));
  }

  // Folders written before relocatable configs (absolute paths) are reused in place and
  // rewritten in the new form, so that they can be copied afterwards.
  void olderFolderIsReusedAndUpgraded() {
    ExperimentRunOptions run = options();
    run.outputDir = folder_ / "older";
    runExperiment(spec(), run);
    const auto modelDir = run.outputDir / "models" / "a-seed0";
    auto config = nlohmann::json::parse(readWholeFile(modelDir / "training-config.json"));
    config["outputDir"] = modelDir.string();
    writeFileAtomically(modelDir / "training-config.json", config.dump(2));
    writeFileAtomically(modelDir / "final-model.txt", (modelDir / "model.glow").string());
    const int callsBefore = trainerCalls_;
    runExperiment(spec(), run);
    QCOMPARE(trainerCalls_.load(), callsBefore);
    QCOMPARE(readWholeFile(modelDir / "final-model.txt"), std::string("model.glow"));
    config = nlohmann::json::parse(readWholeFile(modelDir / "training-config.json"));
    QCOMPARE(config["outputDir"].get<std::string>(), std::string("<results>/models/a-seed0"));
  }

  void changedTrainingConfigRetrains() {
    ExperimentSpec changed = spec();
    changed.models[1].training["steps"] = 3;
    const int callsBefore = trainerCalls_;
    runExperiment(changed, options());
    QCOMPARE(trainerCalls_.load(), callsBefore + 1);
  }
};

}  // namespace glowscope

QTEST_GUILESS_MAIN(glowscope::TstExperimentRunner)
#include "tst_experiment_runner.moc"
