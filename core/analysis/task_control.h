#pragma once
#include <atomic>
#include <functional>
#include <string>

namespace glowscope::analysis {

/// Progress and cancellation for the long analysis functions. Every function that loops over
/// images or optimisation steps calls `checkpoint` between units of work: it reports progress (if
/// a callback is set) and throws glowscope::CancelledError once `cancelRequested` is true.
struct TaskControl {
  /// fraction in [0, 1] of the whole call, and a short human-readable stage ("scoring 3/10").
  std::function<void(double fraction, const std::string& stage)> onProgress;
  /// Owned by the caller (GUI thread or CLI signal handler); may be null.
  const std::atomic<bool>* cancelRequested = nullptr;

  /// Throws CancelledError when cancellation was requested.
  void throwIfCancelled() const;
  /// throwIfCancelled(), then reports progress.
  void checkpoint(double fraction, const std::string& stage) const;
};

}  // namespace glowscope::analysis
