// data_parallel_throughput: global images/s of maximum-likelihood training steps (batch 64,
// 1x32x32 conv Glow) as 1 process x 1 thread, 1 process x 2 threads, 2 processes x 1 thread
// (c10d Gloo on 127.0.0.1) and, as the yardstick of scaling efficiency, two independent
// 1-thread trainings running at the same time (they share the machine's memory bandwidth and
// caches as the two ranks do), with the gradient all-reduce's bytes and milliseconds per step,
// and the load average before and after (other programs skew the figures).
// Usage: data_parallel_throughput [steps=4] [presets=small,paper]
#include <ATen/ATen.h>

#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

#include "bench/bench_training.h"
#include "core/runtime/runtime.h"
#include "core/training/distributed.h"
#include "core/training/local_launch.h"
#include "core/training/trainer.h"
#include "core/util/log.h"

using namespace glowscope;

namespace {

struct Measurement {
  double imagesPerSecond = 0;
  double allReduceMegabytesPerStep = 0;
  double allReduceMillisecondsPerStep = 0;
};

std::string loadAverage() {
  std::ifstream file("/proc/loadavg");
  std::string one, five, fifteen;
  file >> one >> five >> fifteen;
  return one + " " + five + " " + fifteen;
}

/// Trains `steps` timed steps (after one warm-up step) in this process, alone or as a rank.
Measurement measure(const std::string& preset, int threads, int steps,
                    const std::shared_ptr<DataParallelGroup>& group) {
  TrainingConfig config;
  config.model = {{"preset", preset}, {"type", "conv"}, {"channels", 1}};
  config.trainSet = "random";
  config.steps = steps + 1;
  config.batchSize = 64;
  config.actNormInitImages = 128;
  config.threads = threads;
  config.checkpointEverySteps = 0;
  config.outputDir = std::filesystem::temp_directory_path() / "glowscope-dp-throughput";
  TrainingData data;
  data.train = bench::randomImages(1024, 1);
  Trainer trainer(config, data, group);
  trainer.trainStep();
  const GradientTraffic before = group ? group->gradientTraffic() : GradientTraffic{};
  const auto start = std::chrono::steady_clock::now();
  for (int i = 0; i < steps; ++i) trainer.trainStep();
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  Measurement result;
  result.imagesPerSecond = 64.0 * steps / seconds;
  if (group) {
    const GradientTraffic after = group->gradientTraffic();
    result.allReduceMegabytesPerStep = double(after.bytes - before.bytes) / steps / (1 << 20);
    result.allReduceMillisecondsPerStep = (after.milliseconds - before.milliseconds) / steps;
  }
  return result;
}

/// One of two independent trainings started together by the parent: writes its images/s.
int runAlone(const std::string& preset, int steps, const std::filesystem::path& resultFile) {
  logger()->set_level(spdlog::level::warn);
  const Measurement m = measure(preset, 1, steps, nullptr);
  std::ofstream(resultFile) << m.imagesPerSecond << '\n';
  return 0;
}

/// A rank started by the parent: measures, and rank 0 prints one line for the parent.
int runRank(const std::string& preset, int steps, const std::filesystem::path& resultFile) {
  logger()->set_level(spdlog::level::warn);
  const auto environment = ProcessGroupEnvironment::fromEnvironment();
  auto group = DataParallelGroup::join(*environment, "cpu", collectiveTimeoutFromEnvironment());
  const Measurement m = measure(preset, 1, steps, group);
  if (group->isMain()) {
    std::ofstream out(resultFile);
    out << m.imagesPerSecond << ' ' << m.allReduceMegabytesPerStep << ' '
        << m.allReduceMillisecondsPerStep << '\n';
  }
  return 0;
}

Measurement measureTwoProcesses(const char* program, const std::string& preset, int steps) {
  const auto resultFile = std::filesystem::temp_directory_path() / "glowscope-dp-result.txt";
  std::filesystem::remove(resultFile);
  const int port = freeLoopbackPort();
  LocalProcesses ranks;
  for (int rank = 0; rank < 2; ++rank)
    ranks.start(program, {"--rank", preset, std::to_string(steps), resultFile.string()},
                localRankEnvironment(rank, 2, port));
  if (ranks.waitAll(std::chrono::seconds(60), nullptr) != 0) return {};
  Measurement m;
  std::ifstream in(resultFile);
  in >> m.imagesPerSecond >> m.allReduceMegabytesPerStep >> m.allReduceMillisecondsPerStep;
  return m;
}

/// Sum of the images/s of two independent 1-thread trainings started at the same moment.
double measureTwoAlone(const char* program, const std::string& preset, int steps) {
  LocalProcesses processes;
  std::vector<std::filesystem::path> resultFiles;
  for (int index = 0; index < 2; ++index) {
    resultFiles.push_back(std::filesystem::temp_directory_path() /
                          ("glowscope-dp-alone-" + std::to_string(index) + ".txt"));
    std::filesystem::remove(resultFiles.back());
    processes.start(program, {"--alone", preset, std::to_string(steps), resultFiles.back().string()},
                    {});
  }
  if (processes.waitAll(std::chrono::seconds(60), nullptr) != 0) return 0;
  double sum = 0;
  for (const auto& file : resultFiles) {
    double imagesPerSecond = 0;
    std::ifstream(file) >> imagesPerSecond;
    sum += imagesPerSecond;
  }
  return sum;
}

}  // namespace

int main(int argc, char** argv) {
  if (argc == 5 && std::string(argv[1]) == "--rank")
    return runRank(argv[2], std::atoi(argv[3]), argv[4]);
  if (argc == 5 && std::string(argv[1]) == "--alone")
    return runAlone(argv[2], std::atoi(argv[3]), argv[4]);
  const int steps = argc > 1 ? std::max(1, std::atoi(argv[1])) : 4;
  std::vector<std::string> presets{"small", "paper"};
  if (argc > 2) {
    presets.clear();
    std::stringstream list(argv[2]);
    for (std::string name; std::getline(list, name, ',');) presets.push_back(name);
  }
  logger()->set_level(spdlog::level::warn);
  std::printf("data_parallel_throughput: 1x32x32 conv Glow, global batch 64, %d timed steps\n",
              steps);
  std::printf("load average at start: %s\n", loadAverage().c_str());
  std::printf("%-7s %10s %10s %10s %12s %13s %13s %12s %12s\n", "preset", "1x1 img/s",
              "1x2 img/s", "2x1 img/s", "2 alone img/s", "2x1 / 2 alone", "2x1 / 2x(1x1)",
              "allreduce MB", "allreduce ms");
  for (const std::string& preset : presets) {
    const Measurement single = measure(preset, 1, steps, nullptr);
    const Measurement threads = measure(preset, 2, steps, nullptr);
    const Measurement processes = measureTwoProcesses("/proc/self/exe", preset, steps);
    const double alone = measureTwoAlone("/proc/self/exe", preset, steps);
    std::printf("%-7s %10.1f %10.1f %10.1f %12.1f %12.0f%% %12.0f%% %12.1f %12.1f\n",
                preset.c_str(), single.imagesPerSecond, threads.imagesPerSecond,
                processes.imagesPerSecond, alone, 100.0 * processes.imagesPerSecond / alone,
                100.0 * processes.imagesPerSecond / (2 * single.imagesPerSecond),
                processes.allReduceMegabytesPerStep, processes.allReduceMillisecondsPerStep);
    std::fflush(stdout);
  }
  std::printf("load average at end: %s\n(%s)\n", loadAverage().c_str(), describeRuntime().c_str());
  return 0;
}
