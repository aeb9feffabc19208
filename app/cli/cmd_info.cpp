// `glowscope-cli info`: what this machine offers (threads, BLAS, device, versions).
#include <QCommandLineParser>
#include <cstdio>

#include "app/cli/cli_support.h"
#include "app/cli/command_registry.h"
#include "core/runtime/runtime.h"

namespace glowscope::cli {
namespace {

int runInfo(const QStringList& arguments) {
  QCommandLineParser parser;
  parser.setApplicationDescription("Print the numerical runtime of this machine.");
  const QCommandLineOption threadsOption("threads", "Torch threads (0 = all cores).", "n", "0");
  parser.addOption(threadsOption);
  int exitCode = kExitOk;
  if (!parseCommandLine(parser, arguments, exitCode)) return exitCode;
  configureThreads(parser.value(threadsOption).toInt());
  const RuntimeInfo info = runtimeInfo();
  std::printf("torch threads:    %d of %d hardware threads\n", info.torchThreads,
              info.hardwareThreads);
  std::printf("BLAS library:     %s\n", info.blasLibrary.c_str());
  std::printf("device:           %s (CUDA %s)\n", info.deviceName.c_str(),
              info.cudaAvailable ? "available" : "not available");
  std::printf("LibTorch/OpenCV:  %s / %s\n", torchVersion().c_str(), openCvVersion().c_str());
  return kExitOk;
}

const CommandRegistrar registrar("info", {"print threads, BLAS, device and versions", runInfo});

}  // namespace
}  // namespace glowscope::cli
