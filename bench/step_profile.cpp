// step_profile: where a training step's time goes, from LibTorch's autograd profiler.
//   step_profile [--threads 1] [--outlier 0|1] [--score 0|1] [--steps 5] [--preset small]
//                [--type conv|dense] [--fused 1]
// Runs Trainer::trainStep on random 1x32x32 images at batch 64 (as glow_step does), then profiles
// `steps` more steps and prints each op's self time (its time minus that of the ops it calls),
// grouped by component and by kind of work. Components are the glowscope:: scopes the flows,
// the optimizer and the weight average open (docs/flows.md, "Performance"); backward ops are
// charged to the component whose forward op created their autograd node (matched by sequence
// number). Kinds: conv (oneDNN convolutions), matmul, copy (copies, concatenation, layout
// conversion), fill (allocation and zero/fill), elementwise (everything else in aten::), and
// overhead (autograd nodes and scopes themselves). The profiler's own cost inflates small ops;
// the printed unprofiled ms/step gives the scale. --score 1 profiles scoreImages instead (per
// batch of 64). On a loaded machine preemptions land on
// random ops: the shares stay fair on average over many steps, single ops do not.
// --fused 0: the coupling nets without autograd through oneDNN (core/flows/coupling_net_cpu.h).
// STEP_PROFILE_DUMP=1 prints the call tree with sequence numbers to stderr.
#include <ATen/ATen.h>
#include <torch/csrc/autograd/profiler_legacy.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <map>
#include <string>
#include <unordered_map>
#include <vector>

#include <unistd.h>

#include "bench/bench_training.h"
#include "core/flows/coupling_net_cpu.h"
#include "core/scoring/model_scores.h"
#include "core/training/trainer.h"
#include "core/util/log.h"
#include "core/runtime/runtime.h"

using namespace glowscope;
using Clock = std::chrono::steady_clock;
namespace profiler = torch::autograd::profiler;

namespace {

const std::vector<std::string> kKinds{"conv", "matmul", "copy", "fill", "elementwise", "overhead"};

bool startsWith(const std::string& text, const std::string& prefix) {
  return text.rfind(prefix, 0) == 0;
}

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

std::string kindOf(const std::string& op) {
  if (!startsWith(op, "aten::")) return "overhead";
  if (contains(op, "convolution") || contains(op, "conv2d") || contains(op, "mkldnn_conv"))
    return "conv";
  if (op == "aten::mm" || op == "aten::addmm" || op == "aten::bmm" || op == "aten::matmul" ||
      op == "aten::linear")
    return "matmul";
  for (const char* copy : {"aten::copy_", "aten::clone", "aten::contiguous", "aten::cat",
                           "aten::_cat", "aten::_to_copy", "aten::to", "aten::index_select",
                           "aten::slice_backward", "aten::select_backward", "aten::reshape",
                           "aten::_reshape_alias", "aten::stack", "aten::index"})
    if (op == copy) return "copy";
  for (const char* fill : {"aten::empty", "aten::empty_like", "aten::empty_strided", "aten::zeros",
                           "aten::zeros_like", "aten::ones_like", "aten::fill_", "aten::zero_",
                           "aten::resize_", "aten::full"})
    if (op == fill) return "fill";
  return "elementwise";
}

bool isBackwardNode(const std::string& name) {
  return contains(name, "Backward") || contains(name, "AccumulateGrad") ||
         startsWith(name, "autograd::engine::");
}

struct Frame {
  std::string name;
  std::string component;
  const profiler::LegacyEvent* start = nullptr;
  double childUs = 0;
};

struct Breakdown {
  std::map<std::string, std::map<std::string, double>> byComponent;  // component -> kind -> us
  std::map<std::string, double> byOp;                                 // op -> self us
  double topLevelUs = 0;
};

/// Rebuilds the call tree of each thread's events and charges every op's self time.
Breakdown analyse(const profiler::thread_event_lists& lists) {
  Breakdown result;
  std::unordered_map<int64_t, std::string> forwardComponent;  // sequence number -> component
  for (const auto& events : lists) {
    std::vector<Frame> stack;
    for (const auto& event : events) {
      if (event.kind() == profiler::EventKind::PushRange) {
        const std::string name = event.name();
        const std::string parent = stack.empty() ? "(trainer)" : stack.back().component;
        std::string component = parent;
        if (startsWith(name, "glowscope::")) {
          const std::string scope = name.substr(11);
          component = parent == "(trainer)" ? scope : parent + "/" + scope;
        } else if (contains(name, "AccumulateGrad")) {
          component = "(gradient accumulation) [bwd]";
        } else if (isBackwardNode(name) && event.sequenceNr() >= 0) {
          // The node itself; the engine's evaluate_function wrapper around it has no number.
          auto found = forwardComponent.find(event.sequenceNr());
          component = found != forwardComponent.end() ? found->second + " [bwd]" : "(unmatched) [bwd]";
        } else if (isBackwardNode(name)) {
          component = "(autograd engine) [bwd]";
        } else if (event.sequenceNr() >= 0 && !contains(parent, "[bwd]")) {
          forwardComponent[event.sequenceNr()] = parent;
        }
        if (std::getenv("STEP_PROFILE_DUMP"))
          std::fprintf(stderr, "%*s%s seq=%lld fwdthread=%llu thread=%llu -> %s\n",
                       static_cast<int>(2 * stack.size()), "", name.c_str(),
                       static_cast<long long>(event.sequenceNr()),
                       static_cast<unsigned long long>(event.fwdThreadId()),
                       static_cast<unsigned long long>(event.threadId()), component.c_str());
        stack.push_back({name, component, &event, 0.0});
      } else if (event.kind() == profiler::EventKind::PopRange && !stack.empty()) {
        Frame frame = stack.back();
        const double elapsedUs = frame.start->cpuElapsedUs(event);
        stack.pop_back();
        const double selfUs = std::max(0.0, elapsedUs - frame.childUs);
        result.byComponent[frame.component][kindOf(frame.name)] += selfUs;
        if (startsWith(frame.name, "aten::")) result.byOp[frame.name] += selfUs;
        if (stack.empty())
          result.topLevelUs += elapsedUs;
        else
          stack.back().childUs += elapsedUs;
      }
    }
  }
  return result;
}

void print(const Breakdown& breakdown, int steps, double profiledMs, double plainMs) {
  std::map<std::string, double> kindTotals;
  double total = 0;
  for (const auto& [component, kinds] : breakdown.byComponent)
    for (const auto& [kind, us] : kinds) {
      kindTotals[kind] += us;
      total += us;
    }
  std::printf("ms per step: %.1f unprofiled, %.1f profiled, %.1f inside profiled ops "
              "(the rest waits for data or runs untraced)\n",
              plainMs, profiledMs, total / 1000.0 / steps);
  std::printf("%-44s", "component (ms/step)");
  for (const auto& kind : kKinds) std::printf(" %11s", kind.c_str());
  std::printf(" %9s %6s\n", "total", "%");
  std::vector<std::pair<double, std::string>> order;
  for (const auto& [component, kinds] : breakdown.byComponent) {
    double sum = 0;
    for (const auto& [kind, us] : kinds) sum += us;
    order.push_back({sum, component});
  }
  std::sort(order.rbegin(), order.rend());
  for (const auto& [sum, component] : order) {
    if (sum / total < 0.002) continue;
    std::printf("%-44s", component.c_str());
    const auto& kinds = breakdown.byComponent.at(component);
    for (const auto& kind : kKinds) {
      auto found = kinds.find(kind);
      std::printf(" %11.2f", found == kinds.end() ? 0.0 : found->second / 1000.0 / steps);
    }
    std::printf(" %9.2f %5.1f%%\n", sum / 1000.0 / steps, 100.0 * sum / total);
  }
  std::printf("%-44s", "all");
  for (const auto& kind : kKinds) std::printf(" %11.2f", kindTotals[kind] / 1000.0 / steps);
  std::printf(" %9.2f\n%-44s", total / 1000.0 / steps, "share");
  for (const auto& kind : kKinds) std::printf(" %10.1f%%", 100.0 * kindTotals[kind] / total);
  std::printf("\ntop ops by self time (ms/step):\n");
  std::vector<std::pair<double, std::string>> ops;
  for (const auto& [op, us] : breakdown.byOp) ops.push_back({us, op});
  std::sort(ops.rbegin(), ops.rend());
  for (size_t i = 0; i < std::min<size_t>(ops.size(), 18); ++i)
    std::printf("  %-36s %8.2f %5.1f%%\n", ops[i].second.c_str(), ops[i].first / 1000.0 / steps,
                100.0 * ops[i].first / total);
}

/// The same breakdown for scoreImages (log p and every c_i, no grad) on `batches` batches of 64.
void profileScoring(const std::string& preset, FlowType type, int threads, int batches) {
  configureThreads(threads);
  FlowModel model = createFlowModel(bench::benchModelConfig(preset, type));
  initializeActNorms(*model, at::rand({128, 1, 32, 32}) - 0.5);
  const auto images = bench::randomImages(64 * batches, 3);
  scoreImages(*model, *images);  // warm-up
  auto start = Clock::now();
  scoreImages(*model, *images);
  const double plainMs =
      std::chrono::duration<double, std::milli>(Clock::now() - start).count() / batches;
  profiler::enableProfilerLegacy(
      torch::profiler::impl::ProfilerConfig(torch::profiler::impl::ProfilerState::CPU));
  start = Clock::now();
  scoreImages(*model, *images);
  const double profiledMs =
      std::chrono::duration<double, std::milli>(Clock::now() - start).count() / batches;
  const profiler::thread_event_lists lists = profiler::disableProfilerLegacy();
  std::printf("step_profile: scoring, %s %s Glow, batch 64, %d thread(s); %d profiled batches\n",
              preset.c_str(), flowTypeName(type).c_str(), threads, batches);
  print(analyse(lists), batches, profiledMs, plainMs);
}

}  // namespace

int main(int argc, char** argv) {
  int threads = 1, steps = 5;
  bool outlier = false, score = false;
  std::string preset = "small";
  FlowType type = FlowType::Conv;
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string key = argv[i], value = argv[i + 1];
    if (key == "--threads") threads = std::max(1, std::atoi(value.c_str()));
    else if (key == "--outlier") outlier = value == "1";
    else if (key == "--score") score = value == "1";
    else if (key == "--steps") steps = std::max(1, std::atoi(value.c_str()));
    else if (key == "--preset") preset = value;
    else if (key == "--type") type = flowTypeFromName(value);
    else if (key == "--fused") setFusedCouplingNetEnabled(value != "0");
    else {
      std::fprintf(stderr, "step_profile: unknown option %s\n", key.c_str());
      return 2;
    }
  }
  logger()->set_level(spdlog::level::warn);
  tuneMemoryAllocator();
  if (score) {
    profileScoring(preset, type, threads, steps);
    return 0;
  }
  const auto dir = std::filesystem::temp_directory_path() /
                   ("glowscope-step-profile-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  {
    bench::BenchRun run;
    run.preset = preset;
    run.type = type;
    run.threads = threads;
    run.steps = 3 + 2 * steps;
    run.loss = outlier ? "outlier" : "train";
    Trainer trainer(bench::benchTrainingConfig(run, dir), bench::benchTrainingData());
    for (int i = 0; i < 3; ++i) trainer.trainStep();
    auto start = Clock::now();
    for (int i = 0; i < steps; ++i) trainer.trainStep();
    const double plainMs =
        std::chrono::duration<double, std::milli>(Clock::now() - start).count() / steps;
    profiler::enableProfilerLegacy(
        torch::profiler::impl::ProfilerConfig(torch::profiler::impl::ProfilerState::CPU));
    start = Clock::now();
    for (int i = 0; i < steps; ++i) trainer.trainStep();
    const double profiledMs =
        std::chrono::duration<double, std::milli>(Clock::now() - start).count() / steps;
    const profiler::thread_event_lists lists = profiler::disableProfilerLegacy();
    std::printf("step_profile: %s %s Glow, batch 64, %d thread(s), %s; %d profiled steps\n",
                preset.c_str(), flowTypeName(type).c_str(), threads,
                outlier ? "likelihood + outlier loss" : "likelihood loss", steps);
    print(analyse(lists), steps, profiledMs, plainMs);
  }
  std::filesystem::remove_all(dir);
  return 0;
}
