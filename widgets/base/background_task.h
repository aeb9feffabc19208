#pragma once
// Long work off the GUI thread, done one way everywhere in the workbench (views, dialogs,
// controllers): BackgroundTask<Result> runs a function on a worker thread and hands its result to
// the owner on the owner's thread. The rules live here, not in each caller:
//   - progress and the result reach the owner through queued calls on its thread;
//   - the newest run wins: starting again cancels the previous run and silences it (nothing it
//     still reports reaches the owner);
//   - failures are results: an exception in the work becomes the result's `error` (a
//     CancelledError sets `cancelled` where the result has one), it never escapes the thread;
//   - cancel() asks the work to stop at its next check; its result then arrives as usual;
//   - safe destruction: the destructor cancels every run still going and waits for its thread,
//     and nothing queued for a destroyed task is delivered. A task may be destroyed from inside
//     its own callbacks (e.g. a controller forgetting a finished run).
// Result types are plain structs with a `QString error` member and optionally `bool cancelled`.
#include <QObject>
#include <QString>
#include <QThread>
#include <atomic>
#include <cstdint>
#include <exception>
#include <functional>
#include <memory>
#include <utility>

#include "core/util/errors.h"

namespace glowscope {

/// A progress report: (fraction done 0..1, what is being done).
using ProgressReport = std::function<void(double fraction, const QString& stage)>;

/// A result that says the run was cancelled: `cancelled` set where the result has one, else
/// `error` = "cancelled".
template <typename Result>
Result cancelledResult() {
  Result result{};
  if constexpr (requires { result.cancelled; })
    result.cancelled = true;
  else
    result.error = QString::fromUtf8(CancelledError().what());
  return result;
}

/// Runs `work` and turns its failures into the result: a CancelledError gives
/// cancelledResult(), any other exception sets `error` to its message.
template <typename Result, typename Work>
Result resultOrFailure(Work&& work) {
  try {
    return std::forward<Work>(work)();
  } catch (const CancelledError&) {
    return cancelledResult<Result>();
  } catch (const std::exception& failure) {
    Result result{};
    result.error = QString::fromUtf8(failure.what());
    return result;
  }
}

/// What the work of one run gets; usable from the worker thread.
struct BackgroundRun {
  /// Set once the run should stop (cancel(), a newer start(), destruction). Core functions take
  /// it as their cancel flag (TaskControl::cancelRequested and the like).
  const std::atomic<bool>* cancelRequested = nullptr;
  /// Reports progress to the task's onProgress on the owner's thread (newest run only).
  ProgressReport progress;
  /// Runs `call` on the owner's thread, unless this run has been superseded by then.
  std::function<void(std::function<void()> call)> post;

  bool isCancelled() const { return cancelRequested->load(); }
  /// Throws CancelledError once the run should stop.
  void throwIfCancelled() const {
    if (isCancelled()) throw CancelledError();
  }
};

/// How a run is started.
struct BackgroundRunOptions {
  /// Interactive work runs below the GUI thread; long jobs the user waits for (training) may
  /// ask for QThread::InheritPriority.
  QThread::Priority priority = QThread::LowPriority;
  /// Called on the owner's thread when this run is asked to stop, for work that waits on
  /// something else than the flag (a paused training, a condition variable).
  std::function<void()> onCancel;
};

/// The part of BackgroundTask that does not depend on the result type.
class BackgroundTaskBase {
 public:
  enum class Stopped { Nothing, Wait, Run };

  BackgroundTaskBase(const BackgroundTaskBase&) = delete;
  BackgroundTaskBase& operator=(const BackgroundTaskBase&) = delete;

  /// Waiting for inputs (beginWaiting) or running.
  bool isBusy() const { return isWaiting() || isRunning(); }
  bool isWaiting() const;
  /// The newest run has started and its result has not been delivered yet.
  bool isRunning() const;

  /// The owner is gathering inputs (e.g. image sets loading) before start(); start(), cancel()
  /// or finishWithoutRun() ends the wait.
  void beginWaiting();

  /// Cancels and silences the newest run: nothing it still reports (progress, posts, its result)
  /// reaches the owner. Ends a wait without a result.
  void discard();
  /// For destructors and shutdown: discard(), then wait for every worker thread to end.
  void cancelAndWait();

 protected:
  explicit BackgroundTaskBase(QObject* owner);
  ~BackgroundTaskBase();

  /// The work of one run; returns the call that hands its result to the owner.
  using Work = std::function<std::function<void()>(const BackgroundRun& run)>;
  /// Supersedes any run, then starts `work` on a new thread as the newest run.
  void startRun(Work work, ProgressReport onProgress, BackgroundRunOptions options);
  /// Ends a wait and cancels and silences the newest run.
  void supersede();
  /// Ends a wait; true when there was one.
  bool endWait();
  /// Asks the newest run to stop; true when one was running.
  bool cancelRun();

 private:
  struct State;
  std::shared_ptr<State> state_;
};

template <typename Result>
class BackgroundTask : public BackgroundTaskBase {
 public:
  using Done = std::function<void(Result result)>;

  /// `owner` (a view, dialog or controller) receives `onDone(result)` and `onProgress` on its
  /// thread; it usually holds the task as a member.
  BackgroundTask(QObject* owner, Done onDone, ProgressReport onProgress = {})
      : BackgroundTaskBase(owner), onDone_(std::move(onDone)), onProgress_(std::move(onProgress)) {}

  /// Runs `work(run)` (returning a Result) on a worker thread as the newest run: a run still
  /// going is cancelled and silenced. onDone(result) follows on the owner's thread once the work
  /// has returned (or thrown: see resultOrFailure).
  template <typename WorkFunction>
  void start(WorkFunction work, BackgroundRunOptions options = {}) {
    startRun(
        [work = std::move(work), done = onDone_](const BackgroundRun& run) mutable {
          auto result =
              std::make_shared<Result>(resultOrFailure<Result>([&] { return work(run); }));
          // A copy of onDone: the owner may destroy this task from inside it.
          return std::function<void()>([done, result] { done(std::move(*result)); });
        },
        onProgress_, std::move(options));
  }

  /// Ends a wait: onDone receives cancelledResult() at once (no worker will). Asks a running
  /// run to stop: its result arrives later with `cancelled` (or the error "cancelled").
  Stopped cancel() {
    if (endWait()) {
      onDone_(cancelledResult<Result>());
      return Stopped::Wait;
    }
    return cancelRun() ? Stopped::Run : Stopped::Nothing;
  }

  /// Hands `result` to onDone at once without running anything, e.g. a failure found while
  /// gathering the inputs; ends a wait and supersedes a run still going.
  void finishWithoutRun(Result result) {
    supersede();
    onDone_(std::move(result));
  }

 private:
  Done onDone_;
  ProgressReport onProgress_;
};

}  // namespace glowscope
