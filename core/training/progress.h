#pragma once
// What a running training reports, and how another thread (GUI, CLI signal handler) steers it.
// Torch-free so that widgets can include it.
#include <atomic>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <limits>
#include <map>
#include <mutex>
#include <string>
#include <vector>

namespace glowscope {

/// A numerical incident the NaN/Inf guard handled (docs/training-config.md, `guard`).
struct NanEvent {
  enum class Kind {
    DroppedSamples,  ///< some samples had non-finite log p or input; the batch was recomputed
    SkippedStep,     ///< a gradient was non-finite (or too few finite samples): no update
    Rollback,        ///< weights restored from the last good state, lr lowered
  };
  Kind kind = Kind::SkippedStep;
  int64_t step = 0;
  std::string detail;  ///< one line for logs and the GUI
};
std::string nanEventKindName(NanEvent::Kind kind);

inline constexpr double kNotComputed = std::numeric_limits<double>::quiet_NaN();

struct TrainingProgress {
  int64_t step = 0;  ///< optimiser steps done (skipped steps included)
  int64_t totalSteps = 0;
  int64_t epoch = 0;  ///< training-set epoch of the last batch
  // Loss parts of the last step (NaN = not part of this run's loss).
  double loss = kNotComputed;
  double likelihoodLoss = kNotComputed;  ///< mean NLL, nats
  double outlierLoss = kNotComputed;     ///< λ-weighted Eq. 2 term
  double marginLoss = kNotComputed;
  double supervisedLoss = kNotComputed;   ///< wrong-class term of Sec. 3.2
  double trainBitsPerDim = kNotComputed;  ///< of the last inlier batch
  double learningRate = 0;
  double imagesPerSecond = 0;  ///< inlier images, smoothed; of all processes together
  int processes = 1;           ///< data-parallel processes training the run
  double etaSeconds = kNotComputed;
  // NaN guard totals and the events since the previous report.
  int64_t skippedSteps = 0, droppedSamples = 0, rollbacks = 0;
  std::vector<NanEvent> newEvents;
  // Periodic evaluation (present when evaluated is true).
  bool evaluated = false;
  double testBitsPerDim = kNotComputed;  ///< mean over the test images with a finite log p
  int64_t testNonFiniteCount = 0;         ///< test images left out of that mean (log p ±inf/NaN)
  /// With weight averaging, testBitsPerDim is the average's; this is the same test set under the
  /// optimiser's current weights, to see what averaging gives. kNotComputed without averaging.
  double testBitsPerDimTrainedWeights = kNotComputed;
  std::map<std::string, double> aurocByOodSet;       ///< score: log p of the trained model
  std::map<std::string, double> ratioAurocByOodSet;  ///< score: log p_trained − log p_frozen
  // State.
  /// The first report of a Trainer::run: `step` is where it starts (0, or a resume's checkpoint
  /// step); whoever keeps the curves drops what it holds after that step.
  bool started = false;
  bool paused = false;
  bool finished = false;
  bool cancelled = false;
  bool failed = false;  ///< the trainer threw; `message` says why
  std::string message;  ///< human-readable note (checkpoint written, rollback, ...)
};

using TrainingProgressCallback = std::function<void(const TrainingProgress&)>;

/// Shared between the training thread and a controller thread. Cancel takes effect at the next
/// step boundary (the trainer then writes a resumable checkpoint); pause blocks the trainer
/// between steps until resumed or cancelled.
class TrainingControl {
 public:
  void requestCancel() {
    cancel_.store(true);
    wake_.notify_all();
  }
  bool cancelRequested() const { return cancel_.load(); }
  void setPaused(bool paused) {
    {
      std::lock_guard lock(mutex_);
      paused_ = paused;
    }
    wake_.notify_all();
  }
  bool paused() const {
    std::lock_guard lock(mutex_);
    return paused_;
  }
  /// Blocks while paused (returns at once otherwise, or on cancel).
  void waitWhilePaused() {
    std::unique_lock lock(mutex_);
    wake_.wait(lock, [this] { return !paused_ || cancel_.load(); });
  }

 private:
  std::atomic<bool> cancel_{false};
  mutable std::mutex mutex_;
  std::condition_variable wake_;
  bool paused_ = false;
};

}  // namespace glowscope
