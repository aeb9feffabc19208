#include "app/cli/command_registry.h"

namespace glowscope::cli {

std::map<std::string, Command>& commandRegistry() {
  static std::map<std::string, Command> registry;
  return registry;
}

CommandRegistrar::CommandRegistrar(const std::string& name, Command command) {
  commandRegistry().emplace(name, std::move(command));
}

}  // namespace glowscope::cli
