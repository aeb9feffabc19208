#include "core/training/local_training.h"

#include "core/training/distributed.h"
#include "core/training/local_launch.h"
#include "core/util/atomic_file.h"
#include "core/util/log.h"

namespace glowscope {

TrainingResult trainWithLocalProcesses(TrainingConfig config,
                                       const std::filesystem::path& cliProgram,
                                       const TrainingProgressCallback& onProgress,
                                       TrainingControl* control) {
  const int processes = config.processes;
  config.threads = threadsPerProcess(config.threads, processes);
  config.outputDir = std::filesystem::absolute(config.outputDir);
  std::error_code ignored;
  std::filesystem::create_directories(config.outputDir, ignored);
  const auto configFile = config.outputDir / "processes-config.json";
  writeFileAtomically(configFile, config.toJson().dump(2) + "\n");
  const int port = freeLoopbackPort();
  LocalProcesses workers;  // killed if this process leaves by an exception
  for (int rank = 1; rank < processes; ++rank)
    workers.start(cliProgram.string(), {"train", "--config", configFile.string()},
                  localRankEnvironment(rank, processes, port));
  ProcessGroupEnvironment environment;
  environment.worldSize = processes;
  environment.masterPort = port;
  const auto group =
      DataParallelGroup::join(environment, config.device, collectiveTimeoutFromEnvironment());
  TrainingResult result = Trainer(config, group).run(onProgress, control);
  // A cancelled run's workers exit non-zero, as `glowscope-cli train` does when stopped.
  if (workers.waitAll(group->timeout(), nullptr) != 0 && !result.cancelled)
    logger()->warn("a training process ended with an error after the run (see its output)");
  return result;
}

}  // namespace glowscope
