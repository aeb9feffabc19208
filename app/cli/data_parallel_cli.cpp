#include "app/cli/data_parallel_cli.h"

#include <QCoreApplication>
#include <atomic>
#include <csignal>
#include <cstdlib>

#include "core/training/distributed.h"
#include "core/training/local_launch.h"
#include "core/util/log.h"

namespace glowscope::cli {
namespace {

std::atomic<bool> gLauncherInterrupted{false};
extern "C" void onLauncherInterrupt(int) { gLauncherInterrupted.store(true); }
bool launcherInterrupted() { return gLauncherInterrupted.load(); }

/// The command's arguments for a child: without --nproc-per-node, with its share of threads.
std::vector<std::string> childArguments(const QStringList& arguments, int threads) {
  std::vector<std::string> result;
  for (int i = 0; i < arguments.size(); ++i) {
    const QString& argument = arguments[i];
    if (argument == "--nproc-per-node") {
      ++i;
      continue;
    }
    if (argument.startsWith("--nproc-per-node=")) continue;
    result.push_back(argument.toStdString());
  }
  result.push_back("--threads");
  result.push_back(std::to_string(threads));
  return result;
}

}  // namespace

QCommandLineOption processesOption() {
  return {"nproc-per-node",
          "Data-parallel processes on this machine (docs/scaling-out.md); threads are split "
          "between them. Under torchrun, leave it out.",
          "n"};
}

QCommandLineOption deviceOption() {
  return {"device", "cpu, cuda or cuda:N (a GPU needs a CUDA LibTorch).", "name"};
}

bool launchedAsRank() {
  return std::getenv("RANK") != nullptr || std::getenv("WORLD_SIZE") != nullptr;
}

bool secondaryRank() {
  const char* rank = std::getenv("RANK");
  return rank != nullptr && std::string(rank) != "0";
}

std::shared_ptr<DataParallelGroup> joinGroupFromEnvironment(const std::string& device) {
  const auto environment = ProcessGroupEnvironment::fromEnvironment();
  if (!environment) return nullptr;
  if (environment->rank != 0) logger()->set_level(spdlog::level::warn);
  return DataParallelGroup::join(*environment, device, collectiveTimeoutFromEnvironment());
}

int runLocalGroup(int processes, int totalThreads, const QStringList& arguments) {
  const int port = freeLoopbackPort();
  const int threads = threadsPerProcess(totalThreads, processes);
  logger()->info("starting {} processes, {} thread(s) each, rendezvous 127.0.0.1:{}", processes,
                 threads, port);
  const std::string program = QCoreApplication::applicationFilePath().toStdString();
  const std::vector<std::string> childArgs = childArguments(arguments, threads);
  gLauncherInterrupted.store(false);
  const auto previousInt = std::signal(SIGINT, onLauncherInterrupt);
  const auto previousTerm = std::signal(SIGTERM, onLauncherInterrupt);
  LocalProcesses children;
  for (int rank = 0; rank < processes; ++rank)
    children.start(program, childArgs, localRankEnvironment(rank, processes, port));
  // A child that lost its peer stops within the collective deadline; then it is killed.
  const auto grace = collectiveTimeoutFromEnvironment() + std::chrono::seconds(30);
  const int status = children.waitAll(grace, launcherInterrupted);
  std::signal(SIGINT, previousInt);
  std::signal(SIGTERM, previousTerm);
  return status;
}

}  // namespace glowscope::cli
