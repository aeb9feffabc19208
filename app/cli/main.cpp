// glowscope-cli: the headless twin of the Glowscope workbench.
#include <QCoreApplication>
#include <cstdio>
#include <exception>
#include <memory>

#include "app/cli/cli_support.h"
#include "app/cli/command_registry.h"
#include "core/runtime/runtime.h"
#include "core/util/errors.h"
#include "core/util/log.h"
#include "core/util/version.h"

namespace {

void printUsage() {
  std::printf("Usage: glowscope-cli [--version] [--help] <command> [options]\n\n");
  std::printf("Likelihood-based anomaly detection with Glow flows, without a window.\n\n");
  // The layout of QCommandLineParser's help (two spaces before a description at least): the
  // manual page and the bash completion are made from this text (packaging/HelpText.cmake).
  std::printf("Options:\n");
  std::printf("  -h, --help     Displays help on commandline options.\n");
  std::printf("  -v, --version  Displays version information.\n\n");
  std::printf("Commands:\n");
  for (const auto& [name, command] : glowscope::cli::commandRegistry())
    std::printf("  %-12s  %s\n", name.c_str(), command.summary.c_str());
  std::printf("\nRun 'glowscope-cli <command> --help' for the options of a command.\n");
}

void printVersion() {
  std::printf("glowscope-cli %s\n", glowscope::kGlowscopeVersion);
  std::printf("LibTorch %s, Qt %s, OpenCV %s, spdlog %s\n", glowscope::torchVersion().c_str(),
              qVersion(), glowscope::openCvVersion().c_str(), glowscope::spdlogVersion().c_str());
}

// Most commands need only QtCore; a command may ask for more (`export` renders figures).
std::unique_ptr<QCoreApplication> makeApplication(int& argc, char** argv) {
  const auto& registry = glowscope::cli::commandRegistry();
  const auto found = argc > 1 ? registry.find(argv[1]) : registry.end();
  if (found != registry.end() && found->second.makeApplication)
    return found->second.makeApplication(argc, argv);
  return std::make_unique<QCoreApplication>(argc, argv);
}

}  // namespace

int main(int argc, char** argv) {
  const std::unique_ptr<QCoreApplication> application = makeApplication(argc, argv);
  QCoreApplication::setApplicationName("glowscope-cli");
  QCoreApplication::setApplicationVersion(glowscope::kGlowscopeVersion);
  glowscope::tuneMemoryAllocator();
  const QStringList arguments = QCoreApplication::arguments();
  if (arguments.size() < 2 || arguments[1] == "--help" || arguments[1] == "-h") {
    printUsage();
    return arguments.size() < 2 ? glowscope::cli::kExitUsage : glowscope::cli::kExitOk;
  }
  if (arguments[1] == "--version" || arguments[1] == "-v") {
    printVersion();
    return glowscope::cli::kExitOk;
  }
  const auto& registry = glowscope::cli::commandRegistry();
  const auto found = registry.find(arguments[1].toStdString());
  if (found == registry.end()) {
    glowscope::cli::printError(QString("unknown command '%1' (see --help)").arg(arguments[1]));
    return glowscope::cli::kExitUsage;
  }
  try {
    return found->second.run(arguments.mid(1));
  } catch (const glowscope::Error& error) {
    glowscope::cli::printError(QString::fromStdString(error.what()));
  } catch (const std::exception& error) {
    glowscope::cli::printError(QString("unexpected failure: %1").arg(error.what()));
  }
  return glowscope::cli::kExitFailure;
}
