#include "core/training/local_launch.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <signal.h>
#include <spawn.h>
#include <sys/socket.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstring>
#include <thread>

#include "core/util/errors.h"

extern char** environ;

namespace glowscope {

int freeLoopbackPort() {
  const int socket = ::socket(AF_INET, SOCK_STREAM, 0);
  if (socket < 0) throw Error("cannot open a socket to find a free port");
  sockaddr_in address{};
  address.sin_family = AF_INET;
  address.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  address.sin_port = 0;
  socklen_t length = sizeof address;
  const bool ok = ::bind(socket, reinterpret_cast<sockaddr*>(&address), sizeof address) == 0 &&
                  ::getsockname(socket, reinterpret_cast<sockaddr*>(&address), &length) == 0;
  ::close(socket);
  if (!ok) throw Error("cannot find a free port on 127.0.0.1");
  return ntohs(address.sin_port);
}

std::vector<std::pair<std::string, std::string>> localRankEnvironment(int rank, int worldSize,
                                                                      int port) {
  return {{"RANK", std::to_string(rank)},
          {"LOCAL_RANK", std::to_string(rank)},
          {"WORLD_SIZE", std::to_string(worldSize)},
          {"LOCAL_WORLD_SIZE", std::to_string(worldSize)},
          {"MASTER_ADDR", "127.0.0.1"},
          {"MASTER_PORT", std::to_string(port)}};
}

int threadsPerProcess(int totalThreads, int processes) {
  const int hardware = static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
  const int total = totalThreads > 0 ? totalThreads : hardware;
  return std::max(1, total / std::max(1, processes));
}

LocalProcesses::~LocalProcesses() {
  signalAll(SIGKILL);
  for (size_t i = 0; i < pids_.size(); ++i)
    if (running_[i]) ::waitpid(pids_[i], nullptr, 0);
}

void LocalProcesses::start(const std::string& program, const std::vector<std::string>& arguments,
                           const std::vector<std::pair<std::string, std::string>>& environment) {
  std::vector<std::string> entries;
  for (char** entry = environ; *entry != nullptr; ++entry) {
    const std::string text = *entry;
    const std::string name = text.substr(0, text.find('='));
    const bool replaced = std::any_of(environment.begin(), environment.end(),
                                      [&](const auto& item) { return item.first == name; });
    if (!replaced) entries.push_back(text);
  }
  for (const auto& [name, value] : environment) entries.push_back(name + "=" + value);
  std::vector<std::string> argv{program};
  argv.insert(argv.end(), arguments.begin(), arguments.end());
  std::vector<char*> argvPointers, envPointers;
  for (auto& item : argv) argvPointers.push_back(item.data());
  for (auto& item : entries) envPointers.push_back(item.data());
  argvPointers.push_back(nullptr);
  envPointers.push_back(nullptr);
  pid_t pid = 0;
  const int error = ::posix_spawn(&pid, program.c_str(), nullptr, nullptr, argvPointers.data(),
                                  envPointers.data());
  if (error != 0) throw Error("cannot start " + program + ": " + std::string(std::strerror(error)));
  pids_.push_back(pid);
  running_.push_back(true);
}

void LocalProcesses::signalAll(int signal) {
  for (size_t i = 0; i < pids_.size(); ++i)
    if (running_[i]) ::kill(pids_[i], signal);
}

int LocalProcesses::waitAll(std::chrono::milliseconds grace, bool (*interrupted)()) {
  using Clock = std::chrono::steady_clock;
  int firstFailure = 0;
  bool forwarded = false;
  Clock::time_point killAt = Clock::time_point::max();
  while (std::find(running_.begin(), running_.end(), true) != running_.end()) {
    for (size_t i = 0; i < pids_.size(); ++i) {
      if (!running_[i]) continue;
      int status = 0;
      if (::waitpid(pids_[i], &status, WNOHANG) != pids_[i]) continue;
      running_[i] = false;
      const int code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
      if (code != 0 && firstFailure == 0) {
        firstFailure = code;
        killAt = Clock::now() + grace;
      }
    }
    if (!forwarded && interrupted != nullptr && interrupted()) {
      signalAll(SIGINT);
      forwarded = true;
    }
    if (Clock::now() >= killAt) signalAll(SIGKILL);
    std::this_thread::sleep_for(std::chrono::milliseconds(50));
  }
  return firstFailure;
}

}  // namespace glowscope
