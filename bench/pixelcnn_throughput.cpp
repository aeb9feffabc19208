// pixelcnn_throughput: images/s of PixelCNN++ training (forward, backward, Adam step on the
// maximum-likelihood loss) and scoring (no-grad log-likelihood), per preset on 1 and 2 threads,
// with FLOPs per image (2 x the counted multiply-adds of every convolution; a training step
// counted as 3 forward passes) and the GFLOP/s that makes. Prints the load average, because the
// figures depend on what else runs on the machine.
// Usage: pixelcnn_throughput [steps=4] [presets=tiny,small] [channels=1] [batch=64] [size=32]
#include <ATen/ATen.h>
#include <ATen/core/grad_mode.h>
#include <torch/optim/adam.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <string>
#include <vector>

#include "core/flows/preprocess.h"
#include "core/models/pixelcnn.h"
#include "core/util/runtime.h"

using namespace glowscope;

namespace {

struct Settings {
  int steps = 4;
  std::vector<std::string> presets{"tiny", "small"};
  int channels = 1;
  std::int64_t batch = 64;
  int size = 32;
};

std::string loadAverage() {
  std::ifstream in("/proc/loadavg");
  std::string one, five, fifteen;
  in >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

struct Rates {
  double trainImagesPerSecond = 0, scoreImagesPerSecond = 0, bitsPerDim = 0;
};

Rates measure(PixelCnnImpl& model, const at::Tensor& pixels, int steps) {
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
  auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < steps; ++i) trainStep();
  rates.trainImagesPerSecond = pixels.size(0) * steps / secondsSince(start);
  model.eval();
  at::NoGradGuard noGrad;
  model.logLikelihood(pixels);  // warm-up
  start = std::chrono::steady_clock::now();
  for (int i = 0; i < steps; ++i)
    rates.bitsPerDim =
        bitsPerDim(model.logLikelihood(pixels).logLikelihoodNats, model.config().imageDims())
            .mean()
            .item<double>();
  rates.scoreImagesPerSecond = pixels.size(0) * steps / secondsSince(start);
  return rates;
}

void benchPreset(const std::string& preset, const Settings& s) {
  const PixelCnnConfig config = pixelCnnPreset(preset, s.channels, s.size, s.size);
  const double forwardGflop = 2.0 * pixelCnnForwardMultiplyAdds(config) / 1e9;
  const at::Tensor pixels =
      at::randint(0, 256, {s.batch, s.channels, s.size, s.size}, at::kLong).to(at::kByte);
  for (const int threads : {1, 2}) {
    configureThreads(threads);
    PixelCnn model(config);  // same seed, same weights for both thread counts
    const std::string loadBefore = loadAverage();
    const Rates r = measure(*model, pixels, s.steps);
    std::printf(
        "%-6s %dx%dx%d R=%d F=%d K=%d params=%lld | %d thr | train %7.2f img/s %6.2f GFLOP/s | "
        "score %7.2f img/s %6.2f GFLOP/s | bpd %.3f | load %s -> %s\n",
        preset.c_str(), s.channels, s.size, s.size, config.resnetBlocks, config.filters,
        config.logistics, static_cast<long long>(model->numParameters()), threads,
        r.trainImagesPerSecond, r.trainImagesPerSecond * 3.0 * forwardGflop, r.scoreImagesPerSecond,
        r.scoreImagesPerSecond * forwardGflop, r.bitsPerDim, loadBefore.c_str(),
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
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  const Settings s = parse(argc, argv);
  tuneMemoryAllocator();
  std::printf("pixelcnn_throughput: batch %lld, %d timed steps, Adam; %s\n",
              static_cast<long long>(s.batch), s.steps, describeRuntime().c_str());
  for (const std::string& preset : s.presets) {
    const PixelCnnConfig config = pixelCnnPreset(preset, s.channels, s.size, s.size);
    std::printf("%-6s forward %.3f GFLOP/image (2 x %lld multiply-adds), training step 3x that\n",
                preset.c_str(), 2.0 * pixelCnnForwardMultiplyAdds(config) / 1e9,
                static_cast<long long>(pixelCnnForwardMultiplyAdds(config)));
    try {
      benchPreset(preset, s);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "preset %s: %s\n", preset.c_str(), e.what());
      return 1;
    }
  }
  return 0;
}
