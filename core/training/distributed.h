#pragma once
// Data-parallel training on PyTorch's c10d (docs/scaling-out.md): a process group joined from
// the variables torchrun sets, Gloo on CPU and NCCL on CUDA, a deadline on every collective,
// and the few collectives the trainer needs. The c10d headers stay in distributed.cpp (through
// c10d_compat.h); this header is light.
#include <ATen/core/Tensor.h>

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/util/errors.h"

namespace glowscope {

/// Where this process stands in the group: torchrun's RANK, WORLD_SIZE, LOCAL_RANK,
/// MASTER_ADDR, MASTER_PORT.
struct ProcessGroupEnvironment {
  int rank = 0;
  int worldSize = 1;
  int localRank = 0;
  std::string masterAddress = "127.0.0.1";
  int masterPort = 0;
  /// torchrun of PyTorch 2.x serves the store itself (TORCHELASTIC_USE_AGENT_STORE=True): rank 0
  /// then connects as a client, under the key prefix of the restart attempt, like
  /// torch.distributed does.
  bool agentStore = false;
  int restartCount = 0;

  /// Nothing when neither RANK nor WORLD_SIZE is set (an ordinary one-process run). Throws
  /// ConfigError naming the variable when one of the five is missing or holds a bad value.
  static std::optional<ProcessGroupEnvironment> fromEnvironment();
};

/// A peer process was lost, or a collective failed or passed its deadline. The message names
/// the operation and, where it can be told, the lost rank.
class PeerLostError : public Error {
 public:
  using Error::Error;
};

/// Time spent averaging gradients, for the bench and the log.
struct GradientTraffic {
  int64_t calls = 0;
  int64_t bytes = 0;          ///< per call, summed over calls
  double milliseconds = 0.0;  ///< wall time inside averageGradients, summed over calls
};

/// GLOWSCOPE_COLLECTIVE_TIMEOUT_S (seconds) when set, else 300 s: how long a collective or the
/// rendezvous waits for the other processes before the run stops with PeerLostError.
std::chrono::milliseconds collectiveTimeoutFromEnvironment();

class DataParallelGroup {
 public:
  /// Joins the group: rendezvous through c10d's TCPStore at MASTER_ADDR:MASTER_PORT (rank 0
  /// serves it), a check that every process reports the same WORLD_SIZE and its own RANK, then
  /// the backend: NCCL when `device` is CUDA and this LibTorch has NCCL, else Gloo (tensors on
  /// a GPU are then staged through host memory). Throws ConfigError for a busy port or
  /// inconsistent variables, PeerLostError when the others do not join within `timeout`.
  static std::shared_ptr<DataParallelGroup> join(const ProcessGroupEnvironment& environment,
                                                 const std::string& device,
                                                 std::chrono::milliseconds timeout);
  ~DataParallelGroup();
  DataParallelGroup(const DataParallelGroup&) = delete;
  DataParallelGroup& operator=(const DataParallelGroup&) = delete;

  int rank() const;
  int worldSize() const;
  int localRank() const;  ///< the process's index on its machine (its GPU with --device cuda)
  bool isMain() const { return rank() == 0; }
  std::string backendName() const;  ///< "gloo" or "nccl"
  std::chrono::milliseconds timeout() const;

  /// Element-wise sum over all processes, in place. `what` names the operation in errors.
  void allReduceSum(std::vector<at::Tensor>& tensors, const std::string& what);
  /// Replaces every gradient by its mean over the processes: flattened into buckets of at most
  /// 32 MiB, all buckets in flight at once, then divided by the world size.
  void averageGradients(const std::vector<at::Tensor>& parameters);
  /// Rank 0's values everywhere, in place.
  void broadcastFromMain(std::vector<at::Tensor>& tensors, const std::string& what);
  /// Rank 0's bytes everywhere (its argument elsewhere is ignored).
  std::string broadcastBytesFromMain(const std::string& bytes, const std::string& what);
  /// True on every process when it is true on any.
  bool anyProcess(bool flag, const std::string& what);
  /// Sum of each entry over the processes.
  std::vector<double> sum(std::vector<double> values, const std::string& what);

  /// Key/value hand-over through the rendezvous store (the experiment runner's job queue).
  void publish(const std::string& key, const std::string& value);
  /// The value of `key` once some process published it; nothing after `wait` without it.
  /// Throws PeerLostError when the store (rank 0) is gone.
  std::optional<std::string> waitForKey(const std::string& key, std::chrono::milliseconds wait);

  GradientTraffic gradientTraffic() const;

 private:
  struct Impl;
  explicit DataParallelGroup(std::unique_ptr<Impl> impl);
  std::unique_ptr<Impl> impl_;
};

/// Rows [begin, end) of a batch of `count` that `rank` of `worldSize` takes: contiguous,
/// disjoint, covering the batch, sizes differing by at most one.
std::pair<int64_t, int64_t> shardRange(int64_t count, int rank, int worldSize);
/// The rows of `global` (dimension 0) that `rank` takes; an undefined tensor stays undefined.
at::Tensor shardRows(const at::Tensor& global, int rank, int worldSize);

/// The ActNorm statistics reducer for initializeActNorms: sums over the group's processes.
std::function<void(at::Tensor&)> statisticsReducer(DataParallelGroup& group);

/// Whether this build can join a group at all (c10d with Gloo was found at build time).
bool dataParallelAvailable();

}  // namespace glowscope
