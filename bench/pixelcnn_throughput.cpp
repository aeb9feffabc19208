// pixelcnn_throughput: images/s of PixelCNN++ training (forward, backward, Adam step on the
// maximum-likelihood loss) and scoring (no-grad log-likelihood), per preset on 1 and 2 threads,
// with FLOPs per image (2 x the counted multiply-adds of every convolution; a training step
// counted as 3 forward passes) and the GFLOP/s that makes, per wall-clock second and per second of
// this process's CPU time. Prints the load average, because the wall-clock figures depend on what
// else runs on the machine.
// Usage: pixelcnn_throughput [steps=4] [presets=tiny,small] [channels=1] [batch=64] [size=32]
//                            [threads: both 1 and 2 unless given]
// A preset may also be written R<blocks>F<filters>K<logistics> (e.g. R1F16K5) to size new ones,
// or glow:<preset> (e.g. glow:small) for a conv Glow measured the same way, for comparison.
#include <ATen/ATen.h>
#include <ATen/core/grad_mode.h>
#include <torch/optim/adam.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <fstream>
#include <functional>
#include <sstream>
#include <string>
#include <vector>

#include "core/flows/preprocess.h"
#include "core/models/flow_likelihood.h"
#include "core/models/pixelcnn.h"
#include "core/runtime/runtime.h"

using namespace glowscope;

namespace {

struct Settings {
  int steps = 4;
  std::vector<std::string> presets{"tiny", "small"};
  int channels = 1;
  std::int64_t batch = 64;
  int size = 32;
  std::vector<int> threads{1, 2};
};

std::string loadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

// Wall-clock and process CPU time together: on a shared machine the CPU time of a 1-thread run
// is the better estimate of what an idle machine would do (2-thread runs add OpenMP spinning).
struct Stopwatch {
  std::chrono::steady_clock::time_point wall = std::chrono::steady_clock::now();
  std::clock_t cpu = std::clock();
  double wallSeconds() const {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - wall).count();
  }
  double cpuSeconds() const { return double(std::clock() - cpu) / CLOCKS_PER_SEC; }
};

struct Rates {
  double trainImagesPerSecond = 0, trainImagesPerCpuSecond = 0;
  double scoreImagesPerSecond = 0, scoreImagesPerCpuSecond = 0;
  double bitsPerDim = 0;
};

Rates measure(LikelihoodModelImpl& model, const at::Tensor& pixels, int steps) {
  torch::optim::Adam optimizer(model.parameters(), torch::optim::AdamOptions(1e-3));
  auto trainStep = [&] {
    optimizer.zero_grad();
    at::Tensor loss = -model.logLikelihood(pixels).logLikelihoodNats.mean();
    loss.backward();
    optimizer.step();
  };
  Rates rates;
  model.train();
  trainStep();  // warm-up: first allocations, optimizer state
  const double images = static_cast<double>(pixels.size(0) * steps);
  Stopwatch train;
  for (int i = 0; i < steps; ++i) trainStep();
  rates.trainImagesPerSecond = images / train.wallSeconds();
  rates.trainImagesPerCpuSecond = images / train.cpuSeconds();
  model.eval();
  at::NoGradGuard noGrad;
  model.logLikelihood(pixels);  // warm-up
  Stopwatch score;
  for (int i = 0; i < steps; ++i)
    rates.bitsPerDim =
        bitsPerDim(model.logLikelihood(pixels).logLikelihoodNats, model.imageShape().dims())
            .mean()
            .item<double>();
  rates.scoreImagesPerSecond = images / score.wallSeconds();
  rates.scoreImagesPerCpuSecond = images / score.cpuSeconds();
  return rates;
}

PixelCnnConfig configFor(const std::string& preset, const Settings& s) {
  int blocks = 0, filters = 0, logistics = 0;
  if (std::sscanf(preset.c_str(), "R%dF%dK%d", &blocks, &filters, &logistics) == 3) {
    PixelCnnConfig config = pixelCnnPreset("small", s.channels, s.size, s.size);
    config.resnetBlocks = blocks;
    config.filters = filters;
    config.logistics = logistics;
    config.validate();
    return config;
  }
  return pixelCnnPreset(preset, s.channels, s.size, s.size);
}

// What one line measures: a PixelCNN++ preset or, as "glow:<preset>", a conv Glow for
// comparison (same interface, same loop; its FLOPs are not counted).
struct Subject {
  std::string description;
  std::function<LikelihoodModel()> make;  // the same weights on every call
  double forwardGflop = 0;                // per image; 0 when not counted
};

Subject subjectFor(const std::string& preset, const Settings& s, const at::Tensor& pixels) {
  Subject subject;
  if (preset.rfind("glow:", 0) == 0) {
    const ModelConfig config =
        modelPreset(preset.substr(5), FlowType::Conv, s.channels, s.size, s.size);
    subject.description = "conv Glow K=" + std::to_string(config.stepsPerScale) +
                          " hidden=" + std::to_string(config.hiddenChannels) + ", " +
                          std::to_string(analyticParameterCount(config)) + " parameters";
    subject.make = [config, pixels] {
      auto model = std::make_shared<FlowLikelihoodModelImpl>(createFlowModel(config));
      model->initializeFromData(pixels, {});
      return LikelihoodModel(model);
    };
    return subject;
  }
  const PixelCnnConfig config = configFor(preset, s);
  const std::int64_t multiplyAdds = pixelCnnForwardMultiplyAdds(config);
  char text[200];
  std::snprintf(text, sizeof text,
                "PixelCNN++ R=%d F=%d K=%d dropout %.2f, %lld parameters, forward %.3f "
                "GFLOP/image (2 x %lld multiply-adds), a training step 3x that",
                config.resnetBlocks, config.filters, config.logistics, config.dropout,
                static_cast<long long>(pixelCnnParameterCount(config)), 2.0 * multiplyAdds / 1e9,
                static_cast<long long>(multiplyAdds));
  subject.description = text;
  subject.make = [config] { return LikelihoodModel(createPixelCnn(config).ptr()); };
  subject.forwardGflop = 2.0 * multiplyAdds / 1e9;
  return subject;
}

void benchPreset(const std::string& preset, const Settings& s) {
  const at::Tensor pixels =
      at::randint(0, 256, {s.batch, s.channels, s.size, s.size}, at::kLong).to(at::kByte);
  const Subject subject = subjectFor(preset, s, pixels);
  std::printf("%-9s %dx%dx%d %s\n", preset.c_str(), s.channels, s.size, s.size,
              subject.description.c_str());
  for (const int threads : s.threads) {
    configureThreads(threads);
    LikelihoodModel model = subject.make();
    const std::string loadBefore = loadAverage();
    const Rates r = measure(*model, pixels, s.steps);
    // GFLOP/s only where the FLOPs are counted (PixelCNN++), "-" for the Glow reference.
    auto gflops = [&](double imagesPerSecond, double passes) {
      char text[16];
      if (subject.forwardGflop > 0)
        std::snprintf(text, sizeof text, "%5.1f", imagesPerSecond * passes * subject.forwardGflop);
      else
        std::snprintf(text, sizeof text, "%5s", "-");
      return std::string(text);
    };
    std::printf(
        "%-9s %d thr | train %6.1f img/s %s GFLOP/s, per CPU-s %6.1f img %s GFLOP | score %6.1f "
        "img/s %s GFLOP/s, per CPU-s %6.1f img %s GFLOP | bpd %.3f | load %s -> %s\n",
        preset.c_str(), threads, r.trainImagesPerSecond,
        gflops(r.trainImagesPerSecond, 3.0).c_str(), r.trainImagesPerCpuSecond,
        gflops(r.trainImagesPerCpuSecond, 3.0).c_str(), r.scoreImagesPerSecond,
        gflops(r.scoreImagesPerSecond, 1.0).c_str(), r.scoreImagesPerCpuSecond,
        gflops(r.scoreImagesPerCpuSecond, 1.0).c_str(), r.bitsPerDim, loadBefore.c_str(),
        loadAverage().c_str());
    std::fflush(stdout);
  }
}

Settings parse(int argc, char** argv) {
  Settings s;
  if (argc > 1) s.steps = std::max(1, std::atoi(argv[1]));
  if (argc > 2) {
    s.presets.clear();
    std::stringstream list(argv[2]);
    for (std::string name; std::getline(list, name, ',');) s.presets.push_back(name);
  }
  if (argc > 3) s.channels = std::atoi(argv[3]);
  if (argc > 4) s.batch = std::max(1, std::atoi(argv[4]));
  if (argc > 5) s.size = std::atoi(argv[5]);
  if (argc > 6) s.threads = {std::atoi(argv[6])};
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  const Settings s = parse(argc, argv);
  tuneMemoryAllocator();
  std::printf("pixelcnn_throughput: batch %lld, %d timed steps, Adam; %s\n",
              static_cast<long long>(s.batch), s.steps, describeRuntime().c_str());
  for (const std::string& preset : s.presets) {
    try {
      benchPreset(preset, s);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "preset %s: %s\n", preset.c_str(), e.what());
      return 1;
    }
  }
  return 0;
}
