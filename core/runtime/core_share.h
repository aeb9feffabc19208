#pragma once
// The threads of trainings that run side by side (an experiment's lanes,
// core/experiments/model_scheduler.h). When a lane has nothing left to start, the trainings still
// running take over its threads at their next step, and give them back when it starts another:
// in the main job the general model trains alone for most of its run once the conv and dense
// Glows are done, markedly faster on two threads than on one beside them (per-step times in
// docs/results.md). Threads change speed and float rounding, not what a model learns.
#include <atomic>

namespace glowscope {

class CoreShare {
 public:
  /// `totalThreads` threads for all running trainings together (at least 1).
  explicit CoreShare(int totalThreads);

  /// The threads each running training may use now: totalThreads / running, at least 1.
  int threadsEach() const;
  int running() const { return running_.load(); }

  /// Counts one training as running while it lives. A growable seat also makes the calling
  /// thread's trainings follow threadsEach() (sharedThreadsForThisThread); a fixed one (a spec
  /// that sets its own threads) only takes its lane. Seats nest: the inner one rules until it
  /// ends.
  class Seat {
   public:
    Seat(CoreShare* share, bool growable);  // share may be null: no seat, nothing counted
    ~Seat();
    Seat(const Seat&) = delete;
    Seat& operator=(const Seat&) = delete;

   private:
    CoreShare* share_;
    const Seat* outer_;
    bool growable_;
    friend int sharedThreadsForThisThread();
  };

 private:
  int totalThreads_;
  std::atomic<int> running_{0};
};

/// The threads the training on the calling thread should use now, from its innermost seat: 0 when
/// it has none or a fixed one (keep the configured count).
int sharedThreadsForThisThread();

}  // namespace glowscope
