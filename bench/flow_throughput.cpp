// Images/s of the flow models at batch 64: forward (no grad, evaluation) and forward+backward
// (training without the optimizer step), per preset.
// Usage: flow_throughput [threads (0 = all)] [channels] [preset[:iterations] ...]
// [--default-malloc]
//   default presets: small:5 paper:1    e.g. flow_throughput 2 1 small:10 paper:2 tiny
// By default glibc's mmap threshold is raised to 512 MiB: activations of batch 64 at hidden 512
// are 33.5 MB, just above glibc's 32 MiB cap, so every such tensor is mmap'ed and page-faulted
// afresh; keeping them in the heap made single ops 5-60x faster on the 2-core machine.
#include <ATen/ATen.h>
#include <ATen/core/grad_mode.h>

#include <chrono>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include "core/flows/flow_model.h"
#include "core/flows/preprocess.h"
#include "core/runtime/runtime.h"

namespace {

constexpr std::int64_t kBatch = 64;

double secondsSince(std::chrono::steady_clock::time_point start) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
}

void benchPreset(const std::string& preset, int iterations, int channels, at::Device device) {
  glowscope::ModelConfig config =
      glowscope::modelPreset(preset, glowscope::FlowType::Conv, channels);
  glowscope::FlowModel model = glowscope::createFlowModel(config, device);
  at::Tensor pixels = at::randint(0, 256, {kBatch, channels, 32, 32}, at::kByte).to(device);
  at::Tensor x = glowscope::preprocessImages(pixels, glowscope::PreprocessMode::TrainingNoise);
  glowscope::initializeActNorms(*model, x);
  {
    at::NoGradGuard noGrad;
    model->forward(x);  // warm-up
  }
  auto start = std::chrono::steady_clock::now();
  double bpd = 0;
  for (int i = 0; i < iterations; ++i) {
    at::NoGradGuard noGrad;
    bpd = glowscope::bitsPerDim(model->forward(x).logLikelihoodNats, config.imageDims())
              .mean()
              .item<double>();
  }
  const double forwardRate = kBatch * iterations / secondsSince(start);
  start = std::chrono::steady_clock::now();
  for (int i = 0; i < iterations; ++i) {
    model->zero_grad();
    at::Tensor loss = -model->forward(x).logLikelihoodNats.mean();
    loss.backward();
  }
  if (device.is_cuda()) at::zeros({1}, at::TensorOptions().device(device)).cpu();  // sync
  const double trainRate = kBatch * iterations / secondsSince(start);
  std::printf(
      "preset %-6s %dx32x32 K=%d hidden=%d L=%d params=%lld | batch %lld, %d iterations | "
      "forward %.1f img/s | forward+backward %.1f img/s | bpd %.2f\n",
      preset.c_str(), channels, config.stepsPerScale, config.hiddenChannels, config.numScales,
      static_cast<long long>(model->numParameters()), static_cast<long long>(kBatch), iterations,
      forwardRate, trainRate, bpd);
  std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
  const int threads = argc > 1 ? std::atoi(argv[1]) : 0;
  const int channels = argc > 2 ? std::atoi(argv[2]) : 1;
  std::vector<std::string> presets;
  bool defaultMalloc = false;
  for (int i = 3; i < argc; ++i) {
    if (std::string(argv[i]) == "--default-malloc")
      defaultMalloc = true;
    else
      presets.emplace_back(argv[i]);
  }
  if (!defaultMalloc) glowscope::tuneMemoryAllocator();
  if (presets.empty()) presets = {"small:5", "paper:1"};
  glowscope::configureThreads(threads);
  const glowscope::RuntimeInfo info = glowscope::runtimeInfo();
  const at::Device device(glowscope::preferredDeviceName());
  std::printf("flow_throughput: %d torch threads (%d hardware), device %s, malloc %s\n",
              info.torchThreads, info.hardwareThreads, device.str().c_str(),
              defaultMalloc ? "glibc defaults" : "mmap threshold 512 MiB");
  for (const std::string& spec : presets) {
    const auto colon = spec.find(':');
    const std::string name = spec.substr(0, colon);
    const int iterations = colon == std::string::npos ? 3 : std::atoi(spec.c_str() + colon + 1);
    try {
      benchPreset(name, iterations > 0 ? iterations : 1, channels, device);
    } catch (const std::exception& e) {
      std::fprintf(stderr, "preset %s: %s\n", name.c_str(), e.what());
      return 1;
    }
  }
  return 0;
}
