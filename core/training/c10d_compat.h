#pragma once
// The one place where the c10d API of LibTorch 1.13 (Debian) and 2.x (pytorch.org, with CUDA)
// differ for what core/training/distributed.cpp uses. Include it from that file only: the c10d
// headers are heavy and must stay out of every other translation unit.
//
// What differs, and how it is bridged:
// - 2.0 split c10d: Gloo and NCCL derive from c10d::Backend, and c10d::ProcessGroup became a
//   dispatcher over backends. In 1.13 they derive from c10d::ProcessGroup. `Engine` names the
//   base whose allreduce/broadcast/barrier we call, so the rest of the code is the same.
// - Gloo's device factories take an extra `lazyInit` argument from 2.5 on (defaulted), and the
//   options' default timeout constant was renamed; we always pass the timeout explicitly.
// - NCCL exists only in a CUDA LibTorch whose nccl.h is found (GLOWSCOPE_HAVE_NCCL, set by
//   cmake/GlowscopeDistributed.cmake); its options carry the timeout as a field, and the
//   process must select its GPU before the first collective.
#include <torch/version.h>
#include <torch/csrc/distributed/c10d/PrefixStore.hpp>
#include <torch/csrc/distributed/c10d/Store.hpp>
#include <torch/csrc/distributed/c10d/TCPStore.hpp>
#include <torch/csrc/distributed/c10d/Types.hpp>
#include <torch/csrc/distributed/c10d/Work.hpp>

#include <chrono>
#include <cstdint>
#include <cstdlib>
#include <string>

#if GLOWSCOPE_HAVE_GLOO
#include <torch/csrc/distributed/c10d/ProcessGroupGloo.hpp>
#endif
#if GLOWSCOPE_HAVE_NCCL
#include <c10/cuda/CUDAFunctions.h>
#include <torch/csrc/distributed/c10d/ProcessGroupNCCL.hpp>
#endif

#if TORCH_VERSION_MAJOR >= 2
#include <torch/csrc/distributed/c10d/Backend.hpp>
#else
#include <torch/csrc/distributed/c10d/ProcessGroup.hpp>
#endif

namespace glowscope::c10d_compat {

#if TORCH_VERSION_MAJOR >= 2
using Engine = c10d::Backend;
#else
using Engine = c10d::ProcessGroup;
#endif
using EnginePtr = c10::intrusive_ptr<Engine>;
using StorePtr = c10::intrusive_ptr<c10d::Store>;

/// The rendezvous store: rank 0 serves it at host:port, every rank (0 included) is a client.
/// numWorkers stays unset and nobody waits for workers here: distributed.cpp checks the ranks
/// that join itself, so that a wrong WORLD_SIZE gets a message naming it instead of a c10d
/// time-out about "clients".
inline StorePtr makeTcpStore(const std::string& host, uint16_t port, bool isServer,
                             std::chrono::milliseconds timeout) {
  c10d::TCPStoreOptions options;
  options.port = port;
  options.isServer = isServer;
  options.waitWorkers = false;
  options.timeout = timeout;
  return c10::make_intrusive<c10d::TCPStore>(host, options);
}

/// A store whose keys live under `prefix` in `store`: one namespace per process group.
inline StorePtr makePrefixStore(const std::string& prefix, const StorePtr& store) {
  return c10::make_intrusive<c10d::PrefixStore>(prefix, store);
}

#if GLOWSCOPE_HAVE_GLOO
inline constexpr bool kGlooAvailable = true;
#else
inline constexpr bool kGlooAvailable = false;
#endif
#if GLOWSCOPE_HAVE_NCCL
inline constexpr bool kNcclAvailable = true;
#else
inline constexpr bool kNcclAvailable = false;
#endif

#if GLOWSCOPE_HAVE_GLOO
/// Gloo over TCP. The interface: GLOO_SOCKET_IFNAME when set (as torch.distributed), loopback
/// when the master is on this machine's loopback, else the address this host name resolves to.
inline EnginePtr makeGloo(const StorePtr& store, int rank, int size,
                          std::chrono::milliseconds timeout, bool loopback) {
  auto options = c10d::ProcessGroupGloo::Options::create(timeout);
  if (const char* interface = std::getenv("GLOO_SOCKET_IFNAME"); interface && *interface)
    options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForInterface(interface));
  else if (loopback)
    options->devices.push_back(c10d::ProcessGroupGloo::createDeviceForHostname("127.0.0.1"));
  else
    options->devices.push_back(c10d::ProcessGroupGloo::createDefaultDevice());
  options->threads = 2;  // torch.distributed's default; they only wait on sockets here
  return c10::make_intrusive<c10d::ProcessGroupGloo>(store, rank, size, options);
}
#endif

#if GLOWSCOPE_HAVE_NCCL
/// NCCL on GPU `deviceIndex` (selected first: NCCL binds its communicator to the current GPU).
inline EnginePtr makeNccl(const StorePtr& store, int rank, int size,
                          std::chrono::milliseconds timeout, int deviceIndex) {
  c10::cuda::set_device(static_cast<c10::DeviceIndex>(deviceIndex));
  auto options = c10d::ProcessGroupNCCL::Options::create();
  options->timeout = timeout;
  return c10::make_intrusive<c10d::ProcessGroupNCCL>(store, rank, size, options);
}
#endif

/// Waits for a collective with a deadline; throws (a c10d/Gloo/NCCL error) on failure or when
/// the deadline passes. Same signature in 1.13 and 2.x, kept here with the rest.
inline void waitFor(const c10::intrusive_ptr<c10d::Work>& work, std::chrono::milliseconds timeout) {
  work->wait(timeout);
}

}  // namespace glowscope::c10d_compat
