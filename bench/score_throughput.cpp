// Prints scoring throughput (log p and every c_i, paper-style +1/512, no grad) in images/s at
// batch 64 and 512 for the CPU presets, with the analytic forward FLOPs per image and the GFLOP/s
// achieved. Usage: score_throughput [threads] [images]
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <random>

#include "bench/glow_flops.h"
#include "core/flows/flow_model.h"
#include "core/runtime/runtime.h"
#include "core/scoring/model_scores.h"

namespace {

using glowscope::FlowType;
using glowscope::ModelConfig;

glowscope::ImageSet randomImages(int64_t count) {
  glowscope::ImageSet set{"random", count, 1, 32, 32, {}, {}, 0};
  set.pixels.resize(static_cast<size_t>(count * 32 * 32));
  std::mt19937 rng(1);
  for (auto& pixel : set.pixels) pixel = static_cast<uint8_t>(rng() % 256);
  return set;
}

void benchPreset(const char* preset, FlowType type, int64_t images) {
  const ModelConfig config = glowscope::modelPreset(preset, type, 1, 32, 32);
  glowscope::FlowModel model = glowscope::createFlowModel(config);
  glowscope::initializeActNorms(*model, at::rand({64, 1, 32, 32}) - 0.5);
  const glowscope::ImageSet set = randomImages(images);
  const double flops = glowscope::bench::forwardFlopsPerImage(config);
  for (int64_t batch : {64, 512}) {
    glowscope::ScoringOptions options;
    options.batchSize = batch;
    glowscope::scoreImages(*model, randomImages(batch), options);  // warm-up
    const auto start = std::chrono::steady_clock::now();
    glowscope::scoreImages(*model, set, options);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    const double perSecond = static_cast<double>(images) / seconds;
    std::printf("%-6s %-5s batch %3lld: %7.1f img/s  %6.1f MFLOP/img  %5.1f GFLOP/s\n", preset,
                glowscope::flowTypeName(type).c_str(), static_cast<long long>(batch), perSecond,
                flops / 1e6, flops * perSecond / 1e9);
  }
}

}  // namespace

int main(int argc, char** argv) {
  const int threads = argc > 1 ? std::atoi(argv[1]) : 0;
  const int64_t images = argc > 2 ? std::atoll(argv[2]) : 1024;
  glowscope::configureThreads(threads);
  glowscope::tuneMemoryAllocator();
  std::printf("score_throughput: %s, %lld images per measurement\n",
              glowscope::describeRuntime().c_str(), static_cast<long long>(images));
  benchPreset("small", FlowType::Conv, images);
  benchPreset("small", FlowType::Dense, images);
  benchPreset("small", FlowType::Local, images);
  return 0;
}
