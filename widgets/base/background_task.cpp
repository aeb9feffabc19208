#include "widgets/base/background_task.h"

#include <QMetaObject>
#include <algorithm>
#include <vector>

namespace glowscope {

// Everything below is read and written on the owner's thread only, except `owner` (fixed) and
// the cancel flags (atomic).
struct BackgroundTaskBase::State {
  struct Worker {
    QThread* thread = nullptr;
    std::shared_ptr<std::atomic<bool>> cancel;
    std::function<void()> onCancel;
  };
  QObject* owner = nullptr;
  std::uint64_t generation = 0;  // of the newest run; posts of other runs are dropped
  bool running = false;          // the newest run's result is still to come
  bool waiting = false;
  std::vector<Worker> workers;  // started and not yet waited for; the newest is last

  static void stop(Worker& worker) {
    if (worker.cancel->exchange(true)) return;  // asked before
    if (worker.onCancel) worker.onCancel();
  }
  // Waits for the thread of a worker whose function has returned (or is about to) and frees it.
  void reap(QThread* thread) {
    const auto found = std::find_if(workers.begin(), workers.end(),
                                    [thread](const Worker& w) { return w.thread == thread; });
    if (found == workers.end()) return;
    thread->wait();
    delete thread;
    workers.erase(found);
  }
};

BackgroundTaskBase::BackgroundTaskBase(QObject* owner) : state_(std::make_shared<State>()) {
  state_->owner = owner;
}

BackgroundTaskBase::~BackgroundTaskBase() { cancelAndWait(); }

bool BackgroundTaskBase::isWaiting() const { return state_->waiting; }

bool BackgroundTaskBase::isRunning() const { return state_->running; }

void BackgroundTaskBase::beginWaiting() { state_->waiting = true; }

bool BackgroundTaskBase::endWait() { return std::exchange(state_->waiting, false); }

bool BackgroundTaskBase::cancelRun() {
  if (!state_->running) return false;
  State::stop(state_->workers.back());
  return true;
}

void BackgroundTaskBase::supersede() {
  state_->waiting = false;
  if (state_->running) State::stop(state_->workers.back());
  state_->running = false;
  ++state_->generation;
}

void BackgroundTaskBase::discard() { supersede(); }

void BackgroundTaskBase::cancelAndWait() {
  supersede();
  // Every run is asked first, so that they all stop at once rather than one after the other.
  for (State::Worker& worker : state_->workers) State::stop(worker);
  for (State::Worker& worker : state_->workers) {
    worker.thread->wait();
    delete worker.thread;
  }
  state_->workers.clear();
}

void BackgroundTaskBase::startRun(Work work, ProgressReport onProgress,
                                  BackgroundRunOptions options) {
  supersede();
  const std::uint64_t generation = state_->generation;
  const auto cancel = std::make_shared<std::atomic<bool>>(false);
  const std::weak_ptr<State> weak = state_;
  QObject* owner = state_->owner;
  // Runs `call` on the owner's thread if the task still lives and the run is still the newest;
  // a final call first frees the run's thread.
  const auto post = [weak, owner, generation](std::function<void()> call, QThread* finished) {
    QMetaObject::invokeMethod(
        owner,
        [weak, generation, call = std::move(call), finished] {
          const std::shared_ptr<State> state = weak.lock();  // keeps it alive through `call`
          if (!state) return;
          if (finished) state->reap(finished);
          if (generation != state->generation) return;
          if (finished) state->running = false;
          if (call) call();  // may destroy the task: nothing of it is touched afterwards
        },
        Qt::QueuedConnection);
  };
  QThread* thread = QThread::create([work = std::move(work), onProgress, cancel, post] {
    BackgroundRun run;
    run.cancelRequested = cancel.get();
    run.post = [post](std::function<void()> call) { post(std::move(call), nullptr); };
    if (onProgress)
      run.progress = [post, onProgress](double fraction, const QString& stage) {
        post([onProgress, fraction, stage] { onProgress(fraction, stage); }, nullptr);
      };
    else
      run.progress = [](double, const QString&) {};
    std::function<void()> deliver;
    try {
      deliver = work(run);  // BackgroundTask's work turns every failure into its result
    } catch (...) {
      // Nothing may escape a thread; without a result the owner hears nothing of this run.
    }
    post(std::move(deliver), QThread::currentThread());
  });
  state_->workers.push_back({thread, cancel, std::move(options.onCancel)});
  state_->running = true;
  thread->start(options.priority);
}

}  // namespace glowscope
