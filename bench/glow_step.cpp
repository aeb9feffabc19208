// glow_step: one throughput figure per run, for bench/side_by_side.py to alternate with the
// authors' code (a fresh process each time, so neither program inherits the other's caches).
//   glow_step --mode train|outlier|margin|score|conv [--threads 1] [--steps 6] [--warmup 2]
//             [--batch 64] [--preset small] [--type conv|dense] [--freeze-scales 0]
//             [--average-decay 0] [--fused 1]
// train/outlier/margin: Trainer::trainStep on random 1x32x32 images (data, dequantisation,
// forward, backward, NaN checks, Adamax; outlier adds the outlier batch and the frozen general
// model, margin the outlier batch), inlier images/s and the step's analytic GFLOP/s (frozen
// scales still counted). score: scoreImages (log p and every c_i,
// no grad), images/s. --fused 0 runs the coupling nets without autograd through oneDNN instead of
// the fused kernel (core/flows/coupling_net_cpu.h). conv: this machine's oneDNN convolution throughput on exactly the model's
// convolution shapes (forward, input gradient and weight gradient; per shape the fastest of
// oneDNN NCHW, oneDNN NHWC and the flows' own route), weighted as one training step runs them:
// the ceiling for the step's GFLOP/s.
#include <ATen/ATen.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <string>

#include <unistd.h>

#include "bench/bench_training.h"
#include "bench/glow_flops.h"
#include "core/flows/coupling_convs.h"
#include "core/flows/coupling_net_cpu.h"
#include "core/flows/flow_model.h"
#include "core/flows/preprocess.h"
#include "core/scoring/model_scores.h"
#include "core/training/trainer.h"
#include "core/util/log.h"
#include "core/runtime/runtime.h"

using namespace glowscope;
using Clock = std::chrono::steady_clock;

namespace {

struct Options {
  std::string mode = "train";
  int threads = 1, steps = 6, warmup = 2, freezeScales = 0;
  int64_t batch = 64;
  double averageDecay = 0;
  std::string preset = "small";
  FlowType type = FlowType::Conv;
};

double secondsSince(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

/// CPU seconds of the whole process (all threads): on a loaded machine the work done, where wall
/// time also counts the time other processes ran.
double processCpuSeconds() {
  return static_cast<double>(std::clock()) / CLOCKS_PER_SEC;
}

struct Rate {
  double wall = 0;  ///< images per wall-clock second
  double cpu = 0;   ///< images per CPU second of the process
};

template <class Work>
Rate timeImages(int64_t images, Work&& work) {
  const auto start = Clock::now();
  const double cpuStart = processCpuSeconds();
  work();
  return {static_cast<double>(images) / secondsSince(start),
          static_cast<double>(images) / (processCpuSeconds() - cpuStart)};
}

ModelConfig modelConfig(const Options& options) {
  return bench::benchModelConfig(options.preset, options.type);
}

Rate trainingImagesPerSecond(const Options& options) {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("glowscope-glow-step-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  bench::BenchRun run;
  run.preset = options.preset;
  run.type = options.type;
  run.threads = options.threads;
  run.batch = options.batch;
  run.steps = options.warmup + options.steps;
  run.loss = options.mode;
  run.freezeScales = options.freezeScales;
  run.averageDecay = options.averageDecay;
  Rate rate;
  {
    Trainer trainer(bench::benchTrainingConfig(run, dir), bench::benchTrainingData());
    for (int i = 0; i < options.warmup; ++i) trainer.trainStep();
    rate = timeImages(options.batch * options.steps, [&] {
      for (int i = 0; i < options.steps; ++i) trainer.trainStep();
    });
  }
  std::filesystem::remove_all(dir);
  return rate;
}

Rate scoringImagesPerSecond(const Options& options) {
  configureThreads(options.threads);
  FlowModel model = createFlowModel(modelConfig(options));
  initializeActNorms(*model, at::rand({128, 1, 32, 32}) - 0.5);
  ScoringOptions scoring;
  scoring.batchSize = options.batch;
  scoreImages(*model, *bench::randomImages(options.batch * std::max(options.warmup, 1), 4), scoring);
  const auto images = bench::randomImages(options.batch * options.steps, 3);
  return timeImages(images->count, [&] { scoreImages(*model, *images, scoring); });
}

/// Median seconds of `once` (after three warm-up calls), `repeats` calls per measurement.
template <class Work>
double medianSeconds(Work&& once, int repeats) {
  for (int i = 0; i < 3; ++i) once();
  std::vector<double> times;
  for (int r = 0; r < 5; ++r) {
    const auto start = Clock::now();
    for (int i = 0; i < repeats; ++i) once();
    times.push_back(secondsSince(start) / repeats);
  }
  std::sort(times.begin(), times.end());
  return times[times.size() / 2];
}

/// Forward + input gradient + weight gradient of one convolution shape, oneDNN called directly
/// in the given memory format.
double nativeConvSeconds(const bench::ConvShape& shape, int64_t batch, at::MemoryFormat format) {
  const int64_t pad = shape.kernel / 2;
  const at::Tensor x =
      at::randn({batch, shape.inChannels, shape.height, shape.width}).contiguous(format);
  const at::Tensor w =
      (at::randn({shape.outChannels, shape.inChannels, shape.kernel, shape.kernel}) * 0.05)
          .contiguous(format);
  const at::Tensor b = shape.bias ? at::zeros({shape.outChannels}) : at::Tensor();
  const std::vector<int64_t> biasSizes{shape.outChannels};
  return medianSeconds(
      [&] {
        const at::Tensor y =
            at::convolution(x, w, b, {1, 1}, {pad, pad}, {1, 1}, false, {0, 0}, 1);
        return at::convolution_backward(
            at::ones_like(y), x, w, shape.bias ? at::OptionalIntArrayRef(biasSizes) : c10::nullopt,
            {1, 1}, {pad, pad}, {1, 1}, false, {0, 0}, 1, {true, true, shape.bias});
      },
      20);
}

/// The same through autograd the way the flows compute it: the coupling net's 3x3 convolutions
/// through conv3x3Same (tap columns or tap sums for thin ones), 1x1 ones channels-last, the
/// C -> C mixing as a batched matrix product.
double glowscopeConvSeconds(const bench::ConvShape& shape, int64_t batch) {
  at::Tensor x = at::randn({batch, shape.inChannels, shape.height, shape.width});
  at::Tensor w = at::randn({shape.outChannels, shape.inChannels, shape.kernel, shape.kernel});
  const bool mixing = shape.kernel == 1 && shape.inChannels == shape.outChannels &&
                      shape.inChannels < 64;
  if (!mixing && shape.kernel == 1) x = x.contiguous(at::MemoryFormat::ChannelsLast);
  x.requires_grad_(true);
  w.requires_grad_(true);
  const at::Tensor b = shape.bias ? at::zeros({shape.outChannels}).requires_grad_(true) : at::Tensor();
  return medianSeconds(
      [&] {
        at::Tensor y;
        if (mixing)
          y = at::matmul(w.view({shape.outChannels, shape.inChannels}),
                         x.view({batch, shape.inChannels, -1}));
        else if (shape.kernel == 3)
          y = conv3x3Same(x, w, b);
        else
          y = conv1x1(x, w, b);
        y.backward(at::ones_like(y));
        return y;
      },
      20);
}

/// This machine's convolution throughput on the model's shapes: per shape the fastest of oneDNN
/// NCHW, oneDNN NHWC and the flows' own route, weighted as one training step runs them.
void printConvThroughput(const Options& options) {
  configureThreads(options.threads);
  const ModelConfig config = modelConfig(options);
  double flops = 0, seconds = 0;
  std::printf("%-22s %4s %9s %9s %9s  (GFLOP/s, forward + both gradients)\n", "shape", "x", "NCHW",
              "NHWC", "Glowscope");
  for (const auto& shape : bench::convShapes(config)) {
    const double shapeFlops = 3.0 * 2.0 * static_cast<double>(options.batch) *
                              static_cast<double>(shape.height * shape.width * shape.inChannels *
                                                  shape.outChannels * shape.kernel *
                                                  shape.kernel);
    const double nchw = nativeConvSeconds(shape, options.batch, at::MemoryFormat::Contiguous);
    const double nhwc = nativeConvSeconds(shape, options.batch, at::MemoryFormat::ChannelsLast);
    const double ours = glowscopeConvSeconds(shape, options.batch);
    char name[64];
    std::snprintf(name, sizeof name, "%lldx%lld %lldx%lld %lld->%lld",
                  static_cast<long long>(shape.height), static_cast<long long>(shape.width),
                  static_cast<long long>(shape.kernel), static_cast<long long>(shape.kernel),
                  static_cast<long long>(shape.inChannels), static_cast<long long>(shape.outChannels));
    std::printf("%-22s %4d %9.1f %9.1f %9.1f\n", name, shape.count, shapeFlops / nchw / 1e9,
                shapeFlops / nhwc / 1e9, shapeFlops / ours / 1e9);
    flops += shape.count * shapeFlops;
    seconds += shape.count * std::min({nchw, nhwc, ours});
  }
  std::printf("glowscope conv threads=%d batch=%lld conv_gflops_per_second=%.2f "
              "conv_seconds_per_step=%.4f\n",
              options.threads, static_cast<long long>(options.batch), flops / seconds / 1e9,
              seconds);
}

Options parseOptions(int argc, char** argv) {
  Options options;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i], value = argv[i + 1];
    if (key == "--mode") options.mode = value;
    else if (key == "--threads") options.threads = std::max(1, std::atoi(value.c_str()));
    else if (key == "--steps") options.steps = std::max(1, std::atoi(value.c_str()));
    else if (key == "--warmup") options.warmup = std::max(0, std::atoi(value.c_str()));
    else if (key == "--batch") options.batch = std::max(1, std::atoi(value.c_str()));
    else if (key == "--preset") options.preset = value;
    else if (key == "--freeze-scales") options.freezeScales = std::max(0, std::atoi(value.c_str()));
    else if (key == "--average-decay") options.averageDecay = std::atof(value.c_str());
    else if (key == "--type") options.type = flowTypeFromName(value);
    else if (key == "--fused") setFusedCouplingNetEnabled(value != "0");
    else {
      std::fprintf(stderr, "glow_step: unknown option %s\n", key.c_str());
      std::exit(2);
    }
  }
  return options;
}

}  // namespace

int main(int argc, char** argv) {
  const Options options = parseOptions(argc, argv);
  logger()->set_level(spdlog::level::warn);
  tuneMemoryAllocator();  // as glowscope-cli and the GUI do at start-up
  if (options.mode == "conv") {
    printConvThroughput(options);
    return 0;
  }
  const ModelConfig config = modelConfig(options);
  Rate rate;
  double flopsPerImage = 0;
  if (options.mode == "score") {
    rate = scoringImagesPerSecond(options);
    flopsPerImage = bench::forwardFlopsPerImage(config);
  } else if (options.mode == "train" || options.mode == "outlier" || options.mode == "margin") {
    rate = trainingImagesPerSecond(options);
    flopsPerImage = bench::trainingFlopsPerImage(config, options.mode);
  } else {
    std::fprintf(stderr, "glow_step: unknown mode %s\n", options.mode.c_str());
    return 2;
  }
  std::printf("glowscope %s threads=%d batch=%lld images_per_second=%.2f gflops_per_second=%.2f "
              "images_per_cpu_second=%.2f\n",
              options.mode.c_str(), options.threads, static_cast<long long>(options.batch),
              rate.wall, rate.wall * flopsPerImage / 1e9, rate.cpu);
  return 0;
}
