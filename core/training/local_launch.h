#pragma once
// Starting the processes of a data-parallel run on this machine, the way torchrun does for one
// node (docs/scaling-out.md): each child gets RANK, LOCAL_RANK, WORLD_SIZE, MASTER_ADDR and
// MASTER_PORT; Ctrl-C is forwarded; the exit status is the first failure. No Qt, no torch.
#include <sys/types.h>
#include <chrono>
#include <string>
#include <utility>
#include <vector>

namespace glowscope {

/// A free TCP port on 127.0.0.1: bound to port 0, read back, released (another program could
/// take it before rank 0 does; rank 0 then reports the busy port).
int freeLoopbackPort();

/// What torchrun would set for `rank` of `worldSize` processes with the rendezvous at
/// 127.0.0.1:`port`.
std::vector<std::pair<std::string, std::string>> localRankEnvironment(int rank, int worldSize,
                                                                      int port);

/// Threads for each of `processes` processes sharing `totalThreads` (0 = all hardware threads).
int threadsPerProcess(int totalThreads, int processes);

class LocalProcesses {
 public:
  LocalProcesses() = default;
  ~LocalProcesses();  ///< kills what is still running (an exception left the caller)
  LocalProcesses(const LocalProcesses&) = delete;
  LocalProcesses& operator=(const LocalProcesses&) = delete;

  /// Starts `program` with `arguments` (argv[1..]) and extra environment entries. Throws
  /// glowscope::Error when the process cannot be started.
  void start(const std::string& program, const std::vector<std::string>& arguments,
             const std::vector<std::pair<std::string, std::string>>& environment);
  /// Sends `signal` to every child still running.
  void signalAll(int signal);
  /// Waits until every child has ended. While waiting, `interrupted()` true is forwarded to the
  /// children once as SIGINT. After the first child fails, the others get `grace` to end on
  /// their own (they notice the lost peer) before SIGKILL. Returns 0 when all succeeded, else
  /// the first failure's exit status (128 + signal for a child killed by a signal).
  int waitAll(std::chrono::milliseconds grace, bool (*interrupted)());

  std::vector<pid_t> pids() const { return pids_; }

 private:
  std::vector<pid_t> pids_;
  std::vector<bool> running_;
};

}  // namespace glowscope
