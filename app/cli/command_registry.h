#pragma once
#include <QStringList>
#include <functional>
#include <map>
#include <string>

namespace glowscope::cli {

/// A subcommand of glowscope-cli: `run` gets the arguments after the command name (argv[0] is
/// the command name, as QCommandLineParser expects) and returns the process exit code.
struct Command {
  std::string summary;
  std::function<int(const QStringList& arguments)> run;
};

std::map<std::string, Command>& commandRegistry();

/// Registers a command at static-initialisation time; each cli/cmd_*.cpp holds one.
struct CommandRegistrar {
  CommandRegistrar(const std::string& name, Command command);
};

}  // namespace glowscope::cli
