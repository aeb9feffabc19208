#pragma once
// One cancellable background computation of a view: optionally waiting for its inputs (image sets
// loading), then running on a low-priority worker thread with progress, then handing its result to
// the view on the view's thread. Every analysis view needs exactly this life cycle; keeping it in
// one place keeps the rules in one place: a progress report or a result of an older run never
// reaches the view, a failure never escapes the worker, and the view's destructor never leaves a
// thread running on a dead view.
#include <QMetaObject>
#include <QObject>
#include <QPointer>
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

/// Runs `work` and turns its failures into the result: a CancelledError sets `cancelled` (where
/// the result has one), any other exception sets `error` to its message.
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

class BackgroundTask {
 public:
  /// What the work of one run gets; usable from the worker thread.
  struct Run {
    const std::atomic<bool>* cancelRequested;
    /// Shows progress through the `onProgress` given to start().
    ProgressReport progress;
    /// Runs `call` on the owner's thread, unless a newer run has started by then.
    std::function<void(std::function<void()> call)> post;
  };

  /// `owner` (the view) receives progress and results on its thread and owns this task.
  explicit BackgroundTask(QObject* owner) : owner_(owner) {}
  ~BackgroundTask() { cancelAndWait(); }
  BackgroundTask(const BackgroundTask&) = delete;
  BackgroundTask& operator=(const BackgroundTask&) = delete;

  bool isBusy() const { return waiting_ || isRunning(); }
  bool isWaiting() const { return waiting_; }
  bool isRunning() const { return !worker_.isNull(); }

  /// The view is loading inputs; start() or cancel() ends the wait.
  void beginWaiting() { waiting_ = true; }

  /// Runs `work(run)` on a worker thread; its failures become the result (see resultOrFailure).
  /// `onProgress` and then `onDone(result)` run on the owner's thread, only for the newest run,
  /// and `onDone` only once the worker has ended.
  template <typename Result, typename Work>
  void start(Work work, ProgressReport onProgress, std::function<void(Result)> onDone);

  enum class Stopped { Nothing, Wait, Run };
  /// Ends a wait (the caller then reports a cancelled result itself: no worker will) or asks the
  /// worker to stop at its next checkpoint (its result then arrives with `cancelled`).
  Stopped cancel() {
    if (waiting_) {
      waiting_ = false;
      return Stopped::Wait;
    }
    if (!isRunning()) return Stopped::Nothing;
    cancel_->store(true);
    return Stopped::Run;
  }

  /// For destructors: stops any run and waits for its thread to end.
  void cancelAndWait() {
    waiting_ = false;
    if (!isRunning()) return;
    cancel_->store(true);
    worker_->wait();
  }

 private:
  // Queues `call` to the owner; it runs only if run `generation` is still the newest.
  void post(std::uint64_t generation, std::function<void()> call) {
    QMetaObject::invokeMethod(
        owner_,
        [this, generation, call = std::move(call)] {
          if (generation == generation_) call();
        },
        Qt::QueuedConnection);
  }

  QObject* owner_;
  QPointer<QThread> worker_;
  bool waiting_ = false;
  std::uint64_t generation_ = 0;  // read and written on the owner's thread only
  std::shared_ptr<std::atomic<bool>> cancel_;
};

template <typename Result, typename Work>
void BackgroundTask::start(Work work, ProgressReport onProgress,
                           std::function<void(Result)> onDone) {
  waiting_ = false;
  const std::uint64_t generation = ++generation_;
  cancel_ = std::make_shared<std::atomic<bool>>(false);
  const auto cancel = cancel_;
  QThread* worker =
      QThread::create([this, generation, cancel, work = std::move(work),
                       onProgress = std::move(onProgress), onDone = std::move(onDone)]() mutable {
        Run run;
        run.cancelRequested = cancel.get();
        run.post = [this, generation](std::function<void()> call) {
          post(generation, std::move(call));
        };
        run.progress = [&run, onProgress](double fraction, const QString& stage) {
          if (onProgress) run.post([onProgress, fraction, stage] { onProgress(fraction, stage); });
        };
        Result result = resultOrFailure<Result>([&] { return work(run); });
        run.post([this, onDone, result = std::move(result)]() mutable {
          if (worker_) worker_->wait();
          worker_ = nullptr;
          onDone(std::move(result));
        });
      });
  QObject::connect(worker, &QThread::finished, worker, &QObject::deleteLater);
  worker_ = worker;
  worker->start(QThread::LowPriority);
}

}  // namespace glowscope
