#pragma once
#include <QStringList>
#include <functional>
#include <map>
#include <memory>
#include <string>

class QCoreApplication;

namespace glowscope::cli {

/// A subcommand of glowscope-cli: `run` gets the arguments after the command name (argv[0] is
/// the command name, as QCommandLineParser expects) and returns the process exit code.
struct Command {
  std::string summary;
  std::function<int(const QStringList& arguments)> run;
  /// The application object the command needs (e.g. a QApplication to render figures); empty =
  /// a QCoreApplication. Called before any other Qt use, with main's argc/argv.
  std::function<std::unique_ptr<QCoreApplication>(int& argc, char** argv)> makeApplication = {};
};

std::map<std::string, Command>& commandRegistry();

/// Registers a command at static-initialisation time; each cli/cmd_*.cpp holds one.
struct CommandRegistrar {
  CommandRegistrar(const std::string& name, Command command);
};

}  // namespace glowscope::cli
