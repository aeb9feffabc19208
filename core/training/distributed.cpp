// The process group behind data-parallel training (docs/scaling-out.md). Everything c10d is
// reached through c10d_compat.h so that LibTorch 1.13 and 2.x build from this one file.
#include "core/training/distributed.h"

#include <ATen/ATen.h>
#include <signal.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <fstream>
#include <sstream>
#include <thread>

#include "core/training/c10d_compat.h"
#include "core/util/log.h"

namespace glowscope {
namespace {

using Clock = std::chrono::steady_clock;
namespace compat = c10d_compat;

constexpr int64_t kBucketBytes = int64_t{32} << 20;

std::optional<std::string> variable(const char* name) {
  const char* value = std::getenv(name);
  if (value == nullptr) return std::nullopt;
  return std::string(value);
}

int integerVariable(const char* name, int minimum, int maximum) {
  const std::optional<std::string> text = variable(name);
  if (!text || text->empty())
    throw ConfigError(name, std::string(name) +
                                " is not set (RANK, WORLD_SIZE, MASTER_ADDR and MASTER_PORT must "
                                "all be set to join a process group, as torchrun does)");
  char* end = nullptr;
  const long value = std::strtol(text->c_str(), &end, 10);
  if (end == text->c_str() || *end != '\0' || value < minimum || value > maximum)
    throw ConfigError(name, std::string(name) + "=" + *text + " is not a whole number in [" +
                                std::to_string(minimum) + ", " + std::to_string(maximum) + "]");
  return static_cast<int>(value);
}

std::string hostName() {
  char name[256] = {};
  if (gethostname(name, sizeof name - 1) != 0) return "localhost";
  return name;
}

bool isLoopback(const std::string& address) {
  return address.rfind("127.", 0) == 0 || address == "localhost" || address == "::1";
}

/// Whether a process of this machine has ended (gone, or a zombie its parent has not reaped).
bool processEnded(int pid) {
  if (pid <= 0) return false;
  if (::kill(pid, 0) != 0) return errno == ESRCH;
  std::ifstream stat("/proc/" + std::to_string(pid) + "/stat");
  std::string text((std::istreambuf_iterator<char>(stat)), std::istreambuf_iterator<char>());
  const auto close = text.rfind(')');
  return close != std::string::npos && close + 2 < text.size() && text[close + 2] == 'Z';
}

std::vector<uint8_t> toBytes(const std::string& text) { return {text.begin(), text.end()}; }
std::string fromBytes(const std::vector<uint8_t>& bytes) { return {bytes.begin(), bytes.end()}; }

/// What each rank said about itself when it joined.
struct Peer {
  int worldSize = 0;
  int pid = 0;
  std::string host;
};

Peer parsePeer(const std::string& text) {
  Peer peer;
  std::istringstream stream(text);
  stream >> peer.worldSize >> peer.pid >> peer.host;
  return peer;
}

std::string rankKey(int rank) { return "glowscope/rank/" + std::to_string(rank); }

}  // namespace

std::chrono::milliseconds collectiveTimeoutFromEnvironment() {
  if (const auto text = variable("GLOWSCOPE_COLLECTIVE_TIMEOUT_S"); text && !text->empty()) {
    char* end = nullptr;
    const double seconds = std::strtod(text->c_str(), &end);
    if (end == text->c_str() || *end != '\0' || !(seconds > 0))
      throw ConfigError("GLOWSCOPE_COLLECTIVE_TIMEOUT_S",
                        "must be a positive number of seconds, got \"" + *text + "\"");
    return std::chrono::milliseconds(static_cast<int64_t>(seconds * 1000));
  }
  return std::chrono::seconds(300);
}

std::optional<ProcessGroupEnvironment> ProcessGroupEnvironment::fromEnvironment() {
  if (!variable("RANK") && !variable("WORLD_SIZE")) return std::nullopt;
  ProcessGroupEnvironment environment;
  environment.worldSize = integerVariable("WORLD_SIZE", 1, 1 << 16);
  environment.rank = integerVariable("RANK", 0, environment.worldSize - 1);
  environment.localRank =
      variable("LOCAL_RANK") ? integerVariable("LOCAL_RANK", 0, 1 << 16) : environment.rank;
  const std::optional<std::string> address = variable("MASTER_ADDR");
  if (!address || address->empty())
    throw ConfigError("MASTER_ADDR",
                      "MASTER_ADDR is not set (the host of rank 0, e.g. 127.0.0.1 on one machine)");
  environment.masterAddress = *address;
  environment.masterPort = integerVariable("MASTER_PORT", 1, 65535);
  environment.agentStore = variable("TORCHELASTIC_USE_AGENT_STORE") == std::string("True");
  if (environment.agentStore && variable("TORCHELASTIC_RESTART_COUNT"))
    environment.restartCount = integerVariable("TORCHELASTIC_RESTART_COUNT", 0, 1 << 20);
  return environment;
}

std::pair<int64_t, int64_t> shardRange(int64_t count, int rank, int worldSize) {
  const int64_t base = count / worldSize, extra = count % worldSize;
  const int64_t begin = rank * base + std::min<int64_t>(rank, extra);
  return {begin, begin + base + (rank < extra ? 1 : 0)};
}

at::Tensor shardRows(const at::Tensor& global, int rank, int worldSize) {
  if (!global.defined() || worldSize <= 1) return global;
  const auto [begin, end] = shardRange(global.size(0), rank, worldSize);
  return global.slice(0, begin, end);
}

bool dataParallelAvailable() { return compat::kGlooAvailable || compat::kNcclAvailable; }

struct DataParallelGroup::Impl {
  ProcessGroupEnvironment environment;
  std::chrono::milliseconds timeout{0};
  compat::StorePtr store;
  compat::EnginePtr engine;
  std::string backend;
  bool stageOnHost = false;  ///< Gloo with tensors on a GPU: reduce a host copy
  std::vector<Peer> peers;
  GradientTraffic traffic;

  std::string describeLostPeers() const;
  [[noreturn]] void fail(const std::string& what, const std::string& reason) const;
  template <typename Operation>
  void collective(const std::string& what, Operation&& operation);
  void connectStore();
  void announceAndCheckPeers();
  void createEngine(const std::string& device);
};

std::string DataParallelGroup::Impl::describeLostPeers() const {
  const std::string host = hostName();
  std::string lost;
  // The socket of a killed peer closes while the kernel is still tearing the process down:
  // give it a moment to be seen as ended.
  for (int attempt = 0; attempt < 20 && lost.empty(); ++attempt) {
    if (attempt > 0) std::this_thread::sleep_for(std::chrono::milliseconds(100));
    for (size_t rank = 0; rank < peers.size(); ++rank) {
      const Peer& peer = peers[rank];
      if (static_cast<int>(rank) == environment.rank || peer.host != host) continue;
      if (processEnded(peer.pid))
        lost += (lost.empty() ? "" : ", ") + std::string("rank ") + std::to_string(rank) +
                " (pid " + std::to_string(peer.pid) + " on " + host + ") has exited";
    }
  }
  if (!lost.empty()) return "lost peer: " + lost;
  std::string others;
  for (size_t rank = 0; rank < peers.size(); ++rank)
    if (static_cast<int>(rank) != environment.rank)
      others += (others.empty() ? "" : ", ") + std::string("rank ") + std::to_string(rank) +
                " (pid " + std::to_string(peers[rank].pid) + " on " + peers[rank].host + ")";
  return "lost contact with a peer: one of " + (others.empty() ? std::string("?") : others) +
         " exited or stopped answering";
}

void DataParallelGroup::Impl::fail(const std::string& what, const std::string& reason) const {
  throw PeerLostError(
      "data-parallel " + what + " failed on rank " + std::to_string(environment.rank) + " of " +
      std::to_string(environment.worldSize) + ": " + describeLostPeers() + " (deadline " +
      std::to_string(timeout.count() / 1000) + " s; c10d: " + reason + ")");
}

template <typename Operation>
void DataParallelGroup::Impl::collective(const std::string& what, Operation&& operation) {
  try {
    operation();
  } catch (const PeerLostError&) {
    throw;
  } catch (const std::exception& error) {
    fail(what, error.what());
  }
}

void DataParallelGroup::Impl::connectStore() {
  const bool server = environment.rank == 0 && !environment.agentStore;
  const std::string where =
      environment.masterAddress + ":" + std::to_string(environment.masterPort);
  try {
    store = compat::makeTcpStore(environment.masterAddress,
                                 static_cast<uint16_t>(environment.masterPort), server, timeout);
    if (environment.agentStore)
      store = compat::makePrefixStore("/worker/attempt_" + std::to_string(environment.restartCount),
                                      store);
  } catch (const std::exception& error) {
    if (server)
      throw ConfigError("MASTER_PORT", "rank 0 cannot serve the rendezvous at " + where +
                                           " (port in use by another run or program? pick "
                                           "another MASTER_PORT): " +
                                           error.what());
    throw PeerLostError("rank " + std::to_string(environment.rank) + " found no rendezvous at " +
                        where + " within " + std::to_string(timeout.count() / 1000) +
                        " s (is rank 0 running, and MASTER_ADDR/MASTER_PORT the same for "
                        "every process?): " +
                        error.what());
  }
}

void DataParallelGroup::Impl::announceAndCheckPeers() {
  const int rank = environment.rank, world = environment.worldSize;
  if (store->add("glowscope/claim/" + std::to_string(rank), 1) != 1)
    throw ConfigError("RANK", "two processes were started with RANK=" + std::to_string(rank));
  store->set(rankKey(rank),
             toBytes(std::to_string(world) + " " + std::to_string(::getpid()) + " " + hostName()));
  // Rank 0 first: a process whose WORLD_SIZE differs from rank 0's stops at once.
  store->wait({rankKey(0)}, timeout);
  const Peer main = parsePeer(fromBytes(store->get(rankKey(0))));
  store->set("glowscope/checked/" + std::to_string(rank), toBytes("1"));
  if (main.worldSize != world)
    throw ConfigError("WORLD_SIZE", "WORLD_SIZE=" + std::to_string(world) + " on rank " +
                                        std::to_string(rank) + " but " +
                                        std::to_string(main.worldSize) +
                                        " on rank 0: every process must get the same WORLD_SIZE");
  std::vector<std::string> keys;
  for (int other = 0; other < world; ++other) keys.push_back(rankKey(other));
  try {
    store->wait(keys, timeout);
  } catch (const std::exception&) {
    std::string missing;
    for (int other = 0; other < world; ++other)
      if (!store->check({rankKey(other)})) missing += " " + std::to_string(other);
    throw PeerLostError("WORLD_SIZE=" + std::to_string(world) + " but rank(s)" + missing +
                        " did not join within " + std::to_string(timeout.count() / 1000) +
                        " s (too large a WORLD_SIZE, or a process that failed to start)");
  }
  for (int other = 0; other < world; ++other) {
    peers.push_back(parsePeer(fromBytes(store->get(rankKey(other)))));
    if (peers.back().worldSize == world) continue;
    try {  // rank 0 serves the store: let the other read rank 0's size and report it too
      store->wait({"glowscope/checked/" + std::to_string(other)}, std::chrono::seconds(5));
    } catch (const std::exception&) {
    }
    throw ConfigError("WORLD_SIZE",
                      "WORLD_SIZE=" + std::to_string(world) + " on rank " + std::to_string(rank) +
                          " but " + std::to_string(peers.back().worldSize) + " on rank " +
                          std::to_string(other) + ": every process must get the same WORLD_SIZE");
  }
}

void DataParallelGroup::Impl::createEngine(const std::string& device) {
  const bool cuda = device.rfind("cuda", 0) == 0;
  const compat::StorePtr groupStore = compat::makePrefixStore("glowscope/group", store);
#if GLOWSCOPE_HAVE_NCCL
  if (cuda) {
    const auto colon = device.find(':');
    const int index =
        colon == std::string::npos ? environment.localRank : std::stoi(device.substr(colon + 1));
    engine = compat::makeNccl(groupStore, environment.rank, environment.worldSize, timeout, index);
    backend = "nccl";
    return;
  }
#endif
#if GLOWSCOPE_HAVE_GLOO
  engine = compat::makeGloo(groupStore, environment.rank, environment.worldSize, timeout,
                            isLoopback(environment.masterAddress));
  backend = "gloo";
  stageOnHost = cuda;
#else
  (void)groupStore;
  (void)cuda;
  throw ConfigError("WORLD_SIZE",
                    "this build has no c10d Gloo support (Gloo headers were missing at build "
                    "time; Debian: apt-get install libgloo-dev, then rebuild): it trains in one "
                    "process only");
#endif
}

DataParallelGroup::DataParallelGroup(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
DataParallelGroup::~DataParallelGroup() = default;

std::shared_ptr<DataParallelGroup> DataParallelGroup::join(
    const ProcessGroupEnvironment& environment, const std::string& device,
    std::chrono::milliseconds timeout) {
  const bool cuda = device.rfind("cuda", 0) == 0;
  if (environment.worldSize > 1 && !compat::kGlooAvailable && !(cuda && compat::kNcclAvailable))
    throw ConfigError("WORLD_SIZE", std::string("this build has no c10d Gloo support (Gloo headers "
                                                "were missing at build time; Debian: apt-get "
                                                "install libgloo-dev, then rebuild)") +
                                        (compat::kNcclAvailable ? ": only --device cuda (NCCL)"
                                                                : ": one process only"));
  auto impl = std::make_unique<Impl>();
  impl->environment = environment;
  impl->timeout = timeout;
  impl->connectStore();
  try {
    impl->announceAndCheckPeers();
  } catch (const Error&) {
    throw;
  } catch (const std::exception& error) {
    throw PeerLostError("rendezvous at " + environment.masterAddress + ":" +
                        std::to_string(environment.masterPort) + " failed on rank " +
                        std::to_string(environment.rank) + ": " + error.what());
  }
  impl->collective("set-up", [&] { impl->createEngine(device); });
  std::shared_ptr<DataParallelGroup> group(new DataParallelGroup(std::move(impl)));
  logger()->info("joined data-parallel group: rank {} of {} ({}, rendezvous {}:{})",
                 environment.rank, environment.worldSize, group->backendName(),
                 environment.masterAddress, environment.masterPort);
  return group;
}

int DataParallelGroup::rank() const { return impl_->environment.rank; }
int DataParallelGroup::worldSize() const { return impl_->environment.worldSize; }
int DataParallelGroup::localRank() const { return impl_->environment.localRank; }
std::string DataParallelGroup::backendName() const { return impl_->backend; }
std::chrono::milliseconds DataParallelGroup::timeout() const { return impl_->timeout; }
GradientTraffic DataParallelGroup::gradientTraffic() const { return impl_->traffic; }

void DataParallelGroup::allReduceSum(std::vector<at::Tensor>& tensors, const std::string& what) {
  Impl& s = *impl_;
  s.collective(what, [&] {
    for (at::Tensor& tensor : tensors) {
      at::Tensor staged = s.stageOnHost ? tensor.cpu().contiguous() : tensor.contiguous();
      std::vector<at::Tensor> one{staged};
      compat::waitFor(s.engine->allreduce(one), s.timeout);
      if (!staged.is_same(tensor)) tensor.copy_(staged);
    }
  });
}

void DataParallelGroup::averageGradients(const std::vector<at::Tensor>& parameters) {
  Impl& s = *impl_;
  const auto started = Clock::now();
  at::NoGradGuard noGrad;
  std::vector<std::vector<at::Tensor>> buckets(1);
  int64_t bucketBytes = 0, totalBytes = 0;
  for (const at::Tensor& parameter : parameters) {
    const at::Tensor& gradient = parameter.grad();
    if (!gradient.defined()) continue;
    const int64_t bytes = gradient.numel() * static_cast<int64_t>(gradient.element_size());
    if (bucketBytes > 0 && bucketBytes + bytes > kBucketBytes) {
      buckets.emplace_back();
      bucketBytes = 0;
    }
    buckets.back().push_back(gradient);
    bucketBytes += bytes;
    totalBytes += bytes;
  }
  s.collective("gradient all-reduce", [&] {
    std::vector<std::vector<at::Tensor>> flats;
    std::vector<c10::intrusive_ptr<c10d::Work>> works;
    for (const auto& bucket : buckets) {
      if (bucket.empty()) continue;
      std::vector<at::Tensor> pieces;
      for (const at::Tensor& gradient : bucket) pieces.push_back(gradient.reshape({-1}));
      at::Tensor flat = at::cat(pieces);
      if (s.stageOnHost) flat = flat.cpu();
      flats.push_back({flat});
      works.push_back(s.engine->allreduce(flats.back()));
    }
    for (size_t b = 0, used = 0; b < buckets.size(); ++b) {
      if (buckets[b].empty()) continue;
      compat::waitFor(works[used], s.timeout);
      at::Tensor flat = flats[used++][0].div_(s.environment.worldSize);
      int64_t offset = 0;
      for (const at::Tensor& gradient : buckets[b]) {
        const int64_t count = gradient.numel();
        gradient.copy_(flat.slice(0, offset, offset + count).view_as(gradient));
        offset += count;
      }
    }
  });
  s.traffic.calls += 1;
  s.traffic.bytes += totalBytes;
  s.traffic.milliseconds +=
      std::chrono::duration<double, std::milli>(Clock::now() - started).count();
}

void DataParallelGroup::broadcastFromMain(std::vector<at::Tensor>& tensors,
                                          const std::string& what) {
  Impl& s = *impl_;
  at::NoGradGuard noGrad;
  s.collective(what, [&] {
    for (at::Tensor& tensor : tensors) {
      at::Tensor staged = s.stageOnHost ? tensor.cpu().contiguous() : tensor.contiguous();
      std::vector<at::Tensor> one{staged};
      compat::waitFor(s.engine->broadcast(one), s.timeout);
      if (!staged.is_same(tensor)) tensor.copy_(staged);
    }
  });
}

std::string DataParallelGroup::broadcastBytesFromMain(const std::string& bytes,
                                                      const std::string& what) {
  std::vector<at::Tensor> size{at::full({1}, static_cast<int64_t>(bytes.size()), at::kLong)};
  if (impl_->backend == "nccl") size[0] = size[0].cuda();
  broadcastFromMain(size, what);
  const int64_t count = size[0].item<int64_t>();
  at::Tensor payload = at::empty({count}, at::kByte);
  if (isMain()) std::copy(bytes.begin(), bytes.end(), payload.data_ptr<uint8_t>());
  std::vector<at::Tensor> data{impl_->backend == "nccl" ? payload.cuda() : payload};
  broadcastFromMain(data, what);
  const at::Tensor host = data[0].cpu();
  return std::string(reinterpret_cast<const char*>(host.data_ptr<uint8_t>()),
                     static_cast<size_t>(count));
}

std::vector<double> DataParallelGroup::sum(std::vector<double> values, const std::string& what) {
  at::Tensor tensor = at::empty({static_cast<int64_t>(values.size())}, at::kDouble);
  std::copy(values.begin(), values.end(), tensor.data_ptr<double>());
  std::vector<at::Tensor> one{impl_->backend == "nccl" ? tensor.cuda() : tensor};
  allReduceSum(one, what);
  const at::Tensor host = one[0].cpu();
  std::copy(host.data_ptr<double>(), host.data_ptr<double>() + host.numel(), values.begin());
  return values;
}

bool DataParallelGroup::anyProcess(bool flag, const std::string& what) {
  return sum({flag ? 1.0 : 0.0}, what)[0] > 0.5;
}

void DataParallelGroup::publish(const std::string& key, const std::string& value) {
  Impl& s = *impl_;
  s.collective("publishing " + key, [&] { s.store->set("glowscope/" + key, toBytes(value)); });
}

std::optional<std::string> DataParallelGroup::waitForKey(const std::string& key,
                                                         std::chrono::milliseconds wait) {
  Impl& s = *impl_;
  const std::string full = "glowscope/" + key;
  std::optional<std::string> value;
  s.collective("waiting for " + key, [&] {
    if (!s.store->check({full})) {
      try {
        s.store->wait({full}, wait);
      } catch (const std::exception& error) {
        // A time-out is an answer; a lost store is not: tell them apart by asking again.
        s.store->check({full});
        return;
      }
    }
    value = fromBytes(s.store->get(full));
  });
  return value;
}

std::function<void(at::Tensor&)> statisticsReducer(DataParallelGroup& group) {
  return [&group](at::Tensor& sums) {
    std::vector<at::Tensor> one{sums};
    group.allReduceSum(one, "ActNorm initialisation");
    sums = one[0];
  };
}

}  // namespace glowscope
