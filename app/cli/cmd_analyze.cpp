// `glowscope-cli analyze <pixel-prior|fourier|swap|optimize-z|correlate|sample>`: the paper's
// analysis experiments (Fig. 1, 3, supp. S3), writing CSV tables and PNG image grids into a
// results folder. Choices and file formats: docs/analysis.md.
#include <QCommandLineParser>
#include <atomic>
#include <csignal>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <map>
#include <numeric>

#include "app/cli/cli_support.h"
#include "app/cli/command_registry.h"
#include "core/analysis/correlations.h"
#include "core/analysis/csv_table.h"
#include "core/analysis/feature_swap.h"
#include "core/analysis/fourier_mixing.h"
#include "core/analysis/image_grid.h"
#include "core/analysis/latent_optimisation.h"
#include "core/analysis/model_images.h"
#include "core/analysis/pixel_prior.h"
#include "core/analysis/sampling.h"
#include "core/data/dataset_registry.h"
#include "core/flows/flow_model.h"
#include "core/flows/preprocess.h"
#include "core/runtime/device.h"
#include "core/runtime/runtime.h"
#include "core/util/errors.h"

namespace glowscope::cli {
namespace {

using analysis::CsvTable;
namespace fs = std::filesystem;

std::atomic<bool> cancelRequested{false};
void requestCancel(int) { cancelRequested = true; }

// Options every analysis shares; values are read after parsing.
void addCommonOptions(QCommandLineParser& parser, const QString& subcommand) {
  parser.addOption({"out", "Results folder.", "dir", "results/analysis/" + subcommand});
  parser.addOption({"limit", "Images per dataset (0 = all).", "n", "1000"});
  parser.addOption({"batch-size", "Images per forward pass.", "n", "256"});
  parser.addOption({"device", "cpu, cuda or cuda:N (default: cuda when available).", "name"});
  parser.addOption({"threads", "Torch threads (0 = all cores).", "n", "0"});
}

struct Common {
  fs::path outDir;
  int64_t limit = 0;
  int64_t batchSize = 256;
  at::Device device = at::kCPU;
  analysis::TaskControl control;
};

int64_t positiveInt(const QCommandLineParser& parser, const QString& name, int64_t minimum) {
  bool ok = false;
  const int64_t value = parser.value(name).toLongLong(&ok);
  if (!ok || value < minimum) {
    throw ConfigError(name.toStdString(), "must be an integer >= " + std::to_string(minimum));
  }
  return value;
}

double realValue(const QCommandLineParser& parser, const QString& name) {
  bool ok = false;
  const double value = parser.value(name).toDouble(&ok);
  if (!ok) throw ConfigError(name.toStdString(), "must be a number");
  return value;
}

Common readCommon(const QCommandLineParser& parser) {
  Common common;
  common.outDir = parser.value("out").toStdString();
  common.limit = positiveInt(parser, "limit", 0);
  common.batchSize = positiveInt(parser, "batch-size", 1);
  configureThreads(static_cast<int>(positiveInt(parser, "threads", 0)));
  const std::string device =
      parser.isSet("device") ? parser.value("device").toStdString() : preferredDeviceName();
  requireDeviceAvailable(device);  // names what is missing (core/runtime/device.h)
  common.device = at::Device(device);
  std::error_code error;
  fs::create_directories(common.outDir, error);
  if (error) throw FileError(common.outDir.string(), "cannot create folder: " + error.message());
  common.control.cancelRequested = &cancelRequested;
  common.control.onProgress = [last = -10](double fraction, const std::string& stage) mutable {
    const int percent = static_cast<int>(fraction * 100.0);
    if (percent / 10 == last / 10 && percent != 100) return;
    last = percent;
    std::fprintf(stderr, "  %3d%%  %s\n", percent, stage.c_str());
  };
  return common;
}

ImageSet loadImages(const QString& spec, const Common& common, const FlowModel& model) {
  LoadOptions options;
  options.limit = common.limit;
  if (model) {  // bring the images to the model's size and colour
    options.outputSize = model->config().height;
    options.outputChannels = model->config().channels;
  }
  return loadDataset(spec.toStdString(), options);
}

FlowModel loadModel(const QString& path, const Common& common) {
  if (path.isEmpty()) throw ConfigError("model", "a model file is required (--model)");
  return loadFlowModel(path.toStdString(), common.device);
}

// A copy of `set` holding the images at `indices`, in that order.
ImageSet reordered(const ImageSet& set, const std::vector<int64_t>& indices) {
  ImageSet out = set;
  out.pixels.clear();
  out.labels.clear();
  out.count = static_cast<int64_t>(indices.size());
  for (const int64_t index : indices) {
    out.pixels.insert(out.pixels.end(), set.image(index), set.image(index) + set.imageBytes());
  }
  return out;
}

std::vector<int64_t> firstIndices(int64_t count) {
  std::vector<int64_t> indices(static_cast<size_t>(count));
  std::iota(indices.begin(), indices.end(), int64_t{0});
  return indices;
}

analysis::ImageGridOptions gridOptions(int columns) {
  analysis::ImageGridOptions options;
  options.columns = columns;
  options.upscale = 2;
  return options;
}

void reportWritten(const fs::path& folder) {
  std::printf("results written to %s\n", folder.string().c_str());
}

// ---------------------------------------------------------------- pixel-prior (Fig. 1A/B)

analysis::PixelDifferenceOptions differenceOptions(const QCommandLineParser& parser) {
  analysis::PixelDifferenceOptions options;
  options.includeCentre = parser.isSet("include-centre");
  const QString border = parser.value("border");
  if (border == "reflect101") {
    options.border = analysis::BorderHandling::Reflect101;
  } else if (border == "replicate") {
    options.border = analysis::BorderHandling::Replicate;
  } else if (border == "exclude") {
    options.border = analysis::BorderHandling::Exclude;
  } else {
    throw ConfigError("border", "must be reflect101, replicate or exclude");
  }
  return options;
}

analysis::HistogramOptions histogramOptions(const QCommandLineParser& parser) {
  analysis::HistogramOptions options;
  options.binCount = static_cast<int>(positiveInt(parser, "bins", 1));
  options.pseudoCount = realValue(parser, "pseudo-count");
  if (parser.isSet("range-min")) options.rangeMin = realValue(parser, "range-min");
  if (parser.isSet("range-max")) options.rangeMax = realValue(parser, "range-max");
  return options;
}

void writeHistograms(
    const fs::path& path, const analysis::PixelDifferenceHistogram& fitted,
    const std::vector<std::pair<std::string, analysis::PixelDifferenceHistogram>>& perDataset) {
  std::vector<std::string> header = {"bin_left", "bin_right", "bin_centre", "density_fit"};
  for (const auto& [name, histogram] : perDataset) header.push_back("density_" + name);
  CsvTable table(header);
  const std::vector<double> centres = fitted.binCentres();
  for (int bin = 0; bin < fitted.binCount(); ++bin) {
    std::vector<std::string> row = {
        CsvTable::number(fitted.rangeMin() + bin * fitted.binWidth()),
        CsvTable::number(fitted.rangeMin() + (bin + 1) * fitted.binWidth()),
        CsvTable::number(centres[static_cast<size_t>(bin)]),
        CsvTable::number(fitted.densities()[static_cast<size_t>(bin)])};
    for (const auto& [name, histogram] : perDataset) {
      row.push_back(CsvTable::number(histogram.densities()[static_cast<size_t>(bin)]));
    }
    table.addRow(row);
  }
  table.write(path);
}

int runPixelPrior(const QCommandLineParser& parser, const Common& common) {
  const FlowModel model =
      parser.isSet("model") ? loadModel(parser.value("model"), common) : nullptr;
  const auto differences = differenceOptions(parser);
  auto histogramSettings = histogramOptions(parser);
  if (!parser.isSet("fit")) throw ConfigError("fit", "name the dataset to fit on (--fit)");
  const ImageSet fitSet = loadImages(parser.value("fit"), common, model);
  const auto fitted = analysis::PixelDifferenceHistogram::fit(fitSet, differences,
                                                              histogramSettings, common.control);
  histogramSettings.rangeMin = fitted.rangeMin();  // per-dataset histograms share the bins
  histogramSettings.rangeMax = fitted.rangeMax();
  QStringList specs = parser.values("dataset");
  if (specs.isEmpty()) specs << parser.value("fit");
  std::vector<std::pair<std::string, analysis::PixelDifferenceHistogram>> perDataset;
  CsvTable scores({"dataset", "index", "pseudo_log_likelihood_nats", "log_likelihood_nats"});
  CsvTable spearman({"dataset", "images", "spearman_pseudo_vs_model"});
  for (const QString& spec : specs) {
    const ImageSet set = loadImages(spec, common, model);
    perDataset.emplace_back(
        set.name, analysis::PixelDifferenceHistogram::fit(set, differences, histogramSettings));
    const auto pseudo = analysis::pseudoLogLikelihoods(set, fitted, differences, common.control);
    std::vector<double> logp(pseudo.size(), std::nan(""));
    if (model) {
      analysis::ScoringOptions scoring;
      scoring.batchSize = common.batchSize;
      logp = analysis::scoreImages(*model, set, scoring, common.control).logLikelihoodNats;
      spearman.addRow({set.name, std::to_string(set.count),
                       CsvTable::number(analysis::pseudoLikelihoodSpearman(pseudo, logp))});
    }
    for (size_t i = 0; i < pseudo.size(); ++i) {
      scores.addRow(
          {set.name, std::to_string(i), CsvTable::number(pseudo[i]), CsvTable::number(logp[i])});
    }
  }
  writeHistograms(common.outDir / "histograms.csv", fitted, perDataset);
  scores.write(common.outDir / "pseudo_likelihoods.csv");
  if (model) spearman.write(common.outDir / "spearman.csv");
  return kExitOk;
}

// ---------------------------------------------------------------- fourier (supp. S3)

void writeFourierOutputs(const QCommandLineParser& parser, const Common& common,
                         const ImageSet& amplitudes, const ImageSet& phases,
                         const std::vector<int64_t>& phaseIndices,
                         const analysis::FourierLikelihoodResult& result) {
  CsvTable perImage({"pair", "amplitude_index", "phase_index", "log_p_amplitude_source",
                     "log_p_phase_source", "log_p_mixed"});
  for (size_t i = 0; i < phaseIndices.size(); ++i) {
    perImage.addRow({std::to_string(i), std::to_string(i), std::to_string(phaseIndices[i]),
                     CsvTable::number(result.amplitudeSourceLogLikelihoodNats[i]),
                     CsvTable::number(result.phaseSourceLogLikelihoodNats[i]),
                     CsvTable::number(result.mixedLogLikelihoodNats[i])});
  }
  perImage.write(common.outDir / "fourier_mix.csv");
  CsvTable summary({"pairs", "spearman_mixed_vs_amplitude_source", "spearman_mixed_vs_phase_source",
                    "clipped_fraction"});
  summary.addRow({std::to_string(phaseIndices.size()),
                  CsvTable::number(result.spearmanWithAmplitudeSource),
                  CsvTable::number(result.spearmanWithPhaseSource),
                  CsvTable::number(result.mix.clippedFraction)});
  summary.write(common.outDir / "fourier_summary.csv");
  // Grid: rows of (amplitude source, phase source, mix).
  const int64_t shown = std::min<int64_t>(positiveInt(parser, "grid-pairs", 1), amplitudes.count);
  ImageSet grid;
  for (int64_t i = 0; i < shown; ++i) {
    for (const ImageSet* source : {&amplitudes, &phases, &result.mix.mixed}) {
      analysis::appendImages(grid, reordered(*source, {i}));
    }
  }
  analysis::writeImageGridPng(common.outDir / "fourier_grid.png", grid, gridOptions(3));
}

int runFourier(const QCommandLineParser& parser, const Common& common) {
  const FlowModel model = loadModel(parser.value("model"), common);
  const ImageSet amplitudeSet = loadImages(parser.value("amplitude"), common, model);
  ImageSet phaseSet;
  std::vector<int64_t> phaseIndices;
  if (parser.isSet("phase")) {
    phaseSet = loadImages(parser.value("phase"), common, model);
    phaseIndices = firstIndices(std::min(amplitudeSet.count, phaseSet.count));
  } else {  // pair image i with image (i + offset) mod n of the same set
    const int64_t offset = positiveInt(parser, "pair-offset", 1);
    for (int64_t i = 0; i < amplitudeSet.count; ++i) {
      phaseIndices.push_back((i + offset) % amplitudeSet.count);
    }
    phaseSet = amplitudeSet;
  }
  const ImageSet amplitudes = reordered(amplitudeSet, firstIndices(phaseIndices.size()));
  const ImageSet phases = reordered(phaseSet, phaseIndices);
  analysis::FourierMixOptions mixOptions;
  const QString quantisation = parser.value("quantisation");
  if (quantisation != "clip" && quantisation != "rescale") {
    throw ConfigError("quantisation", "must be clip or rescale");
  }
  if (quantisation == "rescale") mixOptions.quantisation = analysis::MixQuantisation::RescaleRound;
  analysis::ScoringOptions scoring;
  scoring.batchSize = common.batchSize;
  const auto result = analysis::evaluateFourierMixing(*model, amplitudes, phases, mixOptions,
                                                      scoring, common.control);
  writeFourierOutputs(parser, common, amplitudes, phases, phaseIndices, result);
  std::printf("Spearman(mixed, amplitude source) = %.4f, Spearman(mixed, phase source) = %.4f\n",
              result.spearmanWithAmplitudeSource, result.spearmanWithPhaseSource);
  return kExitOk;
}

// ---------------------------------------------------------------- swap (Fig. 3A)

int runSwap(const QCommandLineParser& parser, const Common& common) {
  const FlowModel model = loadModel(parser.value("model"), common);
  const ImageSet a = loadImages(parser.value("dataset-a"), common, model);
  const ImageSet b = loadImages(parser.value("dataset-b"), common, model);
  const int64_t pairs = std::min({positiveInt(parser, "pairs", 1), a.count, b.count});
  analysis::FeatureSwapOptions options;
  options.firstHighLatent = static_cast<int>(positiveInt(parser, "first-high-latent", -1));
  options.batchSize = common.batchSize;
  const auto result =
      analysis::swapFeatures(*model, reordered(a, firstIndices(pairs)),
                             reordered(b, firstIndices(pairs)), options, common.control);
  const char* roles[] = {"a", "b", "a_low_b_high", "b_low_a_high"};
  CsvTable table({"pair", "image", "log_likelihood_nats", "quantised_log_likelihood_nats",
                  "quantised_bits_per_dim"});
  for (size_t i = 0; i < result.logLikelihoodNats.size(); ++i) {
    const double quantised = result.quantisedLogLikelihoodNats[i];
    table.addRow({std::to_string(i / 4), roles[i % 4],
                  CsvTable::number(result.logLikelihoodNats[i]), CsvTable::number(quantised),
                  CsvTable::number(bitsPerDim(quantised, model->config().imageDims()))});
  }
  table.write(common.outDir / "swap.csv");
  analysis::writeImageGridPng(common.outDir / "swap_grid.png", result.images, gridOptions(4));
  return kExitOk;
}

// ---------------------------------------------------------------- optimize-z (Fig. 3B)

int runOptimizeZ(const QCommandLineParser& parser, const Common& common) {
  const FlowModel model = loadModel(parser.value("model"), common);
  const ImageSet loaded = loadImages(parser.value("dataset"), common, model);
  const int64_t count = std::min(positiveInt(parser, "count", 1), loaded.count);
  const ImageSet images = reordered(loaded, firstIndices(count));
  analysis::FixedTopOptimisationOptions options;
  const QString optimizer = parser.value("optimizer");
  if (optimizer != "adam" && optimizer != "sgd") throw ConfigError("optimizer", "adam or sgd");
  options.optimizer =
      optimizer == "sgd" ? analysis::LatentOptimizer::Sgd : analysis::LatentOptimizer::Adam;
  options.steps = static_cast<int>(positiveInt(parser, "steps", 0));
  options.learningRate = realValue(parser, "lr");
  options.snapshotEvery = static_cast<int>(positiveInt(parser, "snapshot-every", 1));
  options.fixedLatents = static_cast<int>(positiveInt(parser, "fixed-latents", 1));
  const auto result =
      analysis::optimiseWithFixedTopLatents(*model, images, options, common.control);
  CsvTable trace({"step", "image", "log_likelihood_nats", "bits_per_dim"});
  for (size_t step = 0; step < result.logLikelihoodTrace.size(); ++step) {
    for (size_t image = 0; image < result.logLikelihoodTrace[step].size(); ++image) {
      const double lp = result.logLikelihoodTrace[step][image];
      trace.addRow({std::to_string(step), std::to_string(image), CsvTable::number(lp),
                    CsvTable::number(bitsPerDim(lp, model->config().imageDims()))});
    }
  }
  trace.write(common.outDir / "optimize_trace.csv");
  // Grid: one row per image, one column per snapshot (snapshots are stored snapshot-major).
  const int64_t snapshots = static_cast<int64_t>(result.snapshotSteps.size());
  std::vector<int64_t> order;
  for (int64_t image = 0; image < count; ++image) {
    for (int64_t s = 0; s < snapshots; ++s) order.push_back(s * count + image);
  }
  analysis::writeImageGridPng(common.outDir / "optimize_grid.png",
                              reordered(result.snapshots, order),
                              gridOptions(static_cast<int>(snapshots)));
  CsvTable steps({"column", "step"});
  for (int64_t s = 0; s < snapshots; ++s) {
    steps.addRow({std::to_string(s), std::to_string(result.snapshotSteps[static_cast<size_t>(s)])});
  }
  steps.write(common.outDir / "optimize_grid_steps.csv");
  return kExitOk;
}

// ---------------------------------------------------------------- correlate (Fig. 1C, 3C/D)

void writeScores(const fs::path& path, const std::vector<std::string>& labels,
                 const std::vector<analysis::ImageScores>& scores) {
  size_t maxScales = 0;
  for (const auto& s : scores) maxScales = std::max(maxScales, s.scaleLogLikelihoodNats.size());
  std::vector<std::string> header = {"model", "image", "log_likelihood_nats"};
  // append() rather than "c" + to_string(i): GCC 12 gives a false -Wrestrict on the latter.
  for (size_t i = 1; i <= maxScales; ++i) {
    header.push_back(std::string("c").append(std::to_string(i)).append("_nats"));
  }
  header.insert(header.end(), {"lower_scales_sum_nats", "last_scale_nats"});
  CsvTable table(header);
  for (size_t m = 0; m < scores.size(); ++m) {
    const auto& s = scores[m];
    const size_t scales = s.scaleLogLikelihoodNats.size();
    for (size_t image = 0; image < s.logLikelihoodNats.size(); ++image) {
      std::vector<std::string> row = {labels[m], std::to_string(image),
                                      CsvTable::number(s.logLikelihoodNats[image])};
      double lower = 0.0;
      for (size_t i = 0; i < maxScales; ++i) {
        const double c = i < scales ? s.scaleLogLikelihoodNats[i][image] : std::nan("");
        if (i + 1 < scales) lower += c;
        row.push_back(CsvTable::number(c));
      }
      row.push_back(CsvTable::number(scales >= 2 ? lower : std::nan("")));
      row.push_back(CsvTable::number(s.scaleLogLikelihoodNats.back()[image]));
      table.addRow(row);
    }
  }
  table.write(path);
}

int runCorrelate(const QCommandLineParser& parser, const Common& common) {
  const QStringList modelPaths = parser.values("model");
  if (modelPaths.isEmpty()) throw ConfigError("model", "give one --model per model to compare");
  std::vector<FlowModel> models;
  std::vector<std::string> labels;
  for (const QString& path : modelPaths) {
    models.push_back(loadModel(path, common));
    labels.push_back(fs::path(path.toStdString()).stem().string());
  }
  const ImageSet images = loadImages(parser.value("dataset"), common, models.front());
  analysis::ScoringOptions scoring;
  scoring.batchSize = common.batchSize;
  std::vector<analysis::ImageScores> scores;
  for (const FlowModel& model : models) {
    scores.push_back(analysis::scoreImages(*model, images, scoring, common.control));
  }
  const auto correlations = analysis::correlateModels(labels, scores);
  analysis::correlationMatrixTable(correlations.logLikelihood)
      .write(common.outDir / "spearman_log_likelihood.csv");
  for (size_t i = 0; i < correlations.scaleTerms.size(); ++i) {
    analysis::correlationMatrixTable(correlations.scaleTerms[i])
        .write(common.outDir / ("spearman_c" + std::to_string(i + 1) + ".csv"));
  }
  if (!correlations.lowerScalesSum.labels.empty()) {
    analysis::correlationMatrixTable(correlations.lowerScalesSum)
        .write(common.outDir / "spearman_lower_scales_sum.csv");
  }
  writeScores(common.outDir / "scores.csv", labels, scores);
  return kExitOk;
}

// ---------------------------------------------------------------- sample

int runSample(const QCommandLineParser& parser, const Common& common) {
  const FlowModel model = loadModel(parser.value("model"), common);
  analysis::SamplingOptions options;
  options.count = positiveInt(parser, "count", 1);
  options.temperature = realValue(parser, "temperature");
  options.seed = static_cast<uint64_t>(positiveInt(parser, "seed", 0));
  options.batchSize = common.batchSize;
  options.classIndex = positiveInt(parser, "class", -1);
  const auto result = analysis::sampleImages(*model, options, common.control);
  analysis::writeImageGridPng(common.outDir / "samples.png", result.images,
                              gridOptions(static_cast<int>(positiveInt(parser, "columns", 1))));
  CsvTable table({"sample", "log_likelihood_nats", "bits_per_dim"});
  for (size_t i = 0; i < result.logLikelihoodNats.size(); ++i) {
    const double lp = result.logLikelihoodNats[i];
    table.addRow({std::to_string(i), CsvTable::number(lp),
                  CsvTable::number(bitsPerDim(lp, model->config().imageDims()))});
  }
  table.write(common.outDir / "samples.csv");
  return kExitOk;
}

// ---------------------------------------------------------------- dispatch

struct Analysis {
  const char* summary;
  std::function<void(QCommandLineParser&)> addOptions;
  std::function<int(const QCommandLineParser&, const Common&)> run;
};

void addPixelPriorOptions(QCommandLineParser& p) {
  p.addOption({"fit", "Dataset the density histogram is fitted on.", "spec"});
  p.addOption({"dataset", "Dataset to evaluate (repeatable; default: --fit).", "spec"});
  p.addOption({"model", "Optional model: Spearman of pseudo-likelihood vs log p.", "file"});
  p.addOption({"bins", "Histogram bins.", "n", "100"});
  p.addOption({"range-min", "Lowest bin edge (default: data minimum).", "d"});
  p.addOption({"range-max", "Highest bin edge (default: data maximum).", "d"});
  p.addOption({"pseudo-count", "Count added to every bin.", "c", "0.5"});
  p.addOption({"include-centre", "Mean over all 9 pixels instead of the 8 neighbours."});
  p.addOption({"border", "reflect101, replicate or exclude.", "mode", "reflect101"});
}

void addFourierOptions(QCommandLineParser& p) {
  p.addOption({"model", "Model file.", "file"});
  p.addOption({"amplitude", "Dataset giving the amplitudes.", "spec"});
  p.addOption({"phase", "Dataset giving the phases (default: --amplitude, shifted).", "spec"});
  p.addOption({"pair-offset", "Without --phase: pair image i with i + offset.", "k", "1"});
  p.addOption({"quantisation", "clip or rescale.", "mode", "clip"});
  p.addOption({"grid-pairs", "Pairs shown in fourier_grid.png.", "n", "16"});
}

void addSwapOptions(QCommandLineParser& p) {
  p.addOption({"model", "Model file.", "file"});
  p.addOption({"dataset-a", "Dataset of the first images.", "spec"});
  p.addOption({"dataset-b", "Dataset of the second images.", "spec"});
  p.addOption({"pairs", "Number of pairs.", "n", "8"});
  p.addOption({"first-high-latent", "0-based first high latent (-1 = last).", "i", "-1"});
}

void addOptimizeZOptions(QCommandLineParser& p) {
  p.addOption({"model", "Model file.", "file"});
  p.addOption({"dataset", "Dataset of the start images.", "spec"});
  p.addOption({"count", "Images optimised (one batch).", "n", "8"});
  p.addOption({"optimizer", "adam or sgd.", "name", "adam"});
  p.addOption({"steps", "Optimisation steps.", "n", "200"});
  p.addOption({"lr", "Learning rate.", "lr", "0.01"});
  p.addOption({"snapshot-every", "Keep the image every k steps.", "k", "50"});
  p.addOption({"fixed-latents", "How many last latents stay fixed.", "n", "1"});
}

void addCorrelateOptions(QCommandLineParser& p) {
  p.addOption({"model", "Model file (repeatable).", "file"});
  p.addOption({"dataset", "Dataset scored by every model.", "spec"});
}

void addSampleOptions(QCommandLineParser& p) {
  p.addOption({"model", "Model file.", "file"});
  p.addOption({"count", "Samples.", "n", "64"});
  p.addOption({"temperature", "Latent std multiplier.", "T", "1.0"});
  p.addOption({"seed", "Sampling seed.", "n", "0"});
  p.addOption({"class", "Class head of a class-conditional model (-1 = random).", "k", "-1"});
  p.addOption({"columns", "Grid columns.", "n", "8"});
}

const std::map<QString, Analysis>& analyses() {
  static const std::map<QString, Analysis> table = {
      {"pixel-prior",
       {"pixel-difference histograms and pseudo-likelihoods (Fig. 1A/B)", addPixelPriorOptions,
        runPixelPrior}},
      {"fourier",
       {"amplitude/phase mixing and its likelihoods (supp. S3)", addFourierOptions, runFourier}},
      {"swap",
       {"swap low- and high-level latents of image pairs (Fig. 3A)", addSwapOptions, runSwap}},
      {"optimize-z",
       {"maximise log p over z_1..z_{L-1} with z_L fixed (Fig. 3B)", addOptimizeZOptions,
        runOptimizeZ}},
      {"correlate",
       {"Spearman matrices of log p and c_i across models (Fig. 1C, 3C/D)", addCorrelateOptions,
        runCorrelate}},
      {"sample", {"draw samples at a temperature (image grid)", addSampleOptions, runSample}},
  };
  return table;
}

void printAnalyses() {
  std::printf("Usage: glowscope-cli analyze <analysis> [options]\n\nAnalyses:\n");
  for (const auto& [name, analysis] : analyses()) {
    std::printf("  %-12s  %s\n", qPrintable(name), analysis.summary);
  }
  std::printf("\nRun 'glowscope-cli analyze <analysis> --help' for its options.\n");
}

int runAnalyze(const QStringList& arguments) {
  if (arguments.size() < 2 || arguments[1] == "--help" || arguments[1] == "-h") {
    printAnalyses();
    return arguments.size() < 2 ? kExitUsage : kExitOk;
  }
  const auto found = analyses().find(arguments[1]);
  if (found == analyses().end()) {
    printError(QString("unknown analysis '%1' (see 'analyze --help')").arg(arguments[1]));
    return kExitUsage;
  }
  QCommandLineParser parser;
  parser.setApplicationDescription(found->second.summary);
  addCommonOptions(parser, found->first);
  found->second.addOptions(parser);
  QStringList rest = arguments.mid(2);
  rest.prepend("analyze " + found->first);
  int exitCode = kExitOk;
  if (!parseCommandLine(parser, rest, exitCode)) return exitCode;
  const Common common = readCommon(parser);
  std::signal(SIGINT, requestCancel);
  const int result = found->second.run(parser, common);
  reportWritten(common.outDir);
  return result;
}

const CommandRegistrar registrar("analyze",
                                 {"analysis experiments: pixel-prior, fourier, swap, optimize-z, "
                                  "correlate, sample",
                                  runAnalyze});

}  // namespace
}  // namespace glowscope::cli
