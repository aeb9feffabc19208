// BackgroundTask: results and progress reach the owner on its thread, failures become results,
// cancel ends a wait or a run, the newest run wins, the destructor cancels and waits, and a task
// may be destroyed from inside its own callback.
#include <QThread>
#include <QtTest>
#include <atomic>
#include <condition_variable>
#include <memory>
#include <mutex>
#include <optional>
#include <stdexcept>
#include <vector>

#include "core/util/errors.h"
#include "widgets/base/background_task.h"

using namespace glowscope;

namespace {

struct Outcome {
  int value = 0;
  bool cancelled = false;
  QString error;
};

struct OutcomeWithoutCancelled {
  int value = 0;
  QString error;
};

// Spins until the run is told to stop; throws CancelledError then, as core's checkpoints do.
Outcome runUntilCancelled(const BackgroundRun& run) {
  while (!run.isCancelled()) QThread::msleep(2);
  run.throwIfCancelled();
  return {};
}

// A work that blocks until released, like a paused training: only onCancel can release it.
struct Gate {
  std::mutex mutex;
  std::condition_variable wake;
  bool open = false;
  void release() {
    {
      std::lock_guard lock(mutex);
      open = true;
    }
    wake.notify_all();
  }
  void wait() {
    std::unique_lock lock(mutex);
    wake.wait(lock, [this] { return open; });
  }
};

}  // namespace

class TestBackgroundTask : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void deliversTheResultAndProgressOnTheOwnersThread() {
    QObject owner;
    std::vector<double> fractions;
    bool progressOnOwnerThread = true;
    std::optional<Outcome> done;
    std::unique_ptr<BackgroundTask<Outcome>> task;
    task = std::make_unique<BackgroundTask<Outcome>>(
        &owner,
        [&](Outcome outcome) {
          QCOMPARE(QThread::currentThread(), owner.thread());
          QVERIFY(!task->isRunning());  // the run is over before onDone
          done = outcome;
        },
        [&](double fraction, const QString&) {
          fractions.push_back(fraction);
          progressOnOwnerThread &= QThread::currentThread() == owner.thread();
        });
    task->start([](const BackgroundRun& run) {
      run.progress(0.25, "a");
      run.progress(0.75, "b");
      return Outcome{42, false, {}};
    });
    QVERIFY(task->isRunning());
    QVERIFY(task->isBusy());
    QTRY_VERIFY(done.has_value());
    QCOMPARE(done->value, 42);
    QCOMPARE(fractions, (std::vector<double>{0.25, 0.75}));
    QVERIFY(progressOnOwnerThread);
    QVERIFY(!task->isBusy());
  }

  void failuresBecomeResults() {
    const Outcome failed =
        resultOrFailure<Outcome>([]() -> Outcome { throw std::runtime_error("disk full"); });
    QCOMPARE(failed.error, QString("disk full"));
    QVERIFY(!failed.cancelled);
    const Outcome cancelled = resultOrFailure<Outcome>([]() -> Outcome { throw CancelledError(); });
    QVERIFY(cancelled.cancelled);
    QVERIFY(cancelled.error.isEmpty());
    // A result without `cancelled` says so in its error.
    const OutcomeWithoutCancelled noFlag = resultOrFailure<OutcomeWithoutCancelled>(
        []() -> OutcomeWithoutCancelled { throw CancelledError(); });
    QCOMPARE(noFlag.error, QString("cancelled"));
    // And a run that throws delivers the failure.
    QObject owner;
    std::optional<Outcome> done;
    BackgroundTask<Outcome> task(&owner, [&](Outcome outcome) { done = outcome; });
    task.start([](const BackgroundRun&) -> Outcome { throw FileError("x.bin", "unreadable"); });
    QTRY_VERIFY(done.has_value());
    QVERIFY(done->error.contains("x.bin"));
  }

  void cancelEndsAWaitWithACancelledResult() {
    QObject owner;
    int results = 0;
    std::optional<Outcome> done;
    BackgroundTask<Outcome> task(&owner, [&](Outcome outcome) {
      ++results;
      done = outcome;
    });
    QCOMPARE(task.cancel(), BackgroundTaskBase::Stopped::Nothing);
    task.beginWaiting();
    QVERIFY(task.isWaiting());
    QVERIFY(task.isBusy());
    QCOMPARE(task.cancel(), BackgroundTaskBase::Stopped::Wait);
    QCOMPARE(results, 1);  // at once: no worker will deliver it
    QVERIFY(done->cancelled);
    QVERIFY(!task.isBusy());
  }

  void finishWithoutRunEndsAWait() {
    QObject owner;
    std::optional<Outcome> done;
    BackgroundTask<Outcome> task(&owner, [&](Outcome outcome) { done = outcome; });
    task.beginWaiting();
    task.finishWithoutRun(Outcome{0, false, "inputs failed to load"});
    QVERIFY(!task.isWaiting());
    QCOMPARE(done->error, QString("inputs failed to load"));
  }

  void cancelStopsARunWhichReportsCancelled() {
    QObject owner;
    std::optional<Outcome> done;
    BackgroundTask<Outcome> task(&owner, [&](Outcome outcome) { done = outcome; });
    task.beginWaiting();
    task.start(runUntilCancelled);
    QVERIFY(!task.isWaiting());  // starting ends the wait
    QCOMPARE(task.cancel(), BackgroundTaskBase::Stopped::Run);
    QVERIFY(task.isRunning());  // until its result arrives
    QTRY_VERIFY(done.has_value());
    QVERIFY(done->cancelled);
    QVERIFY(done->error.isEmpty());
  }

  void theNewestRunWins() {
    QObject owner;
    std::vector<int> results;
    int progressReports = 0;
    BackgroundTask<Outcome> task(
        &owner, [&](Outcome outcome) { results.push_back(outcome.value); },
        [&](double, const QString&) { ++progressReports; });
    std::atomic<bool> firstWasCancelled{false};
    task.start([&](const BackgroundRun& run) {
      while (!run.isCancelled()) QThread::msleep(2);
      firstWasCancelled = true;
      run.progress(0.5, "late");  // silenced: a newer run has started
      return Outcome{1, false, {}};
    });
    task.start([](const BackgroundRun&) { return Outcome{2, false, {}}; });
    QTRY_COMPARE(results, (std::vector<int>{2}));
    QTRY_VERIFY(firstWasCancelled.load());
    QTest::qWait(50);
    QCOMPARE(results, (std::vector<int>{2}));
    QCOMPARE(progressReports, 0);
  }

  void postsOfADiscardedRunAreDropped() {
    QObject owner;
    int results = 0, posts = 0;
    BackgroundTask<Outcome> task(&owner, [&](Outcome) { ++results; });
    task.start([&](const BackgroundRun& run) {
      run.post([&] { ++posts; });
      return Outcome{1, false, {}};
    });
    // The run ends with its post and result queued; the owner's event loop has not run yet.
    task.cancelAndWait();
    QTest::qWait(50);
    QCOMPARE(results, 0);
    QCOMPARE(posts, 0);
    QVERIFY(!task.isRunning());
  }

  void onCancelReleasesAWaitingRun() {
    QObject owner;
    std::optional<Outcome> done;
    BackgroundTask<Outcome> task(&owner, [&](Outcome outcome) { done = outcome; });
    auto gate = std::make_shared<Gate>();
    BackgroundRunOptions options;
    options.onCancel = [gate] { gate->release(); };
    task.start(
        [gate](const BackgroundRun& run) {
          gate->wait();
          run.throwIfCancelled();
          return Outcome{};
        },
        options);
    task.cancel();
    QTRY_VERIFY(done.has_value());
    QVERIFY(done->cancelled);
  }

  void destructionCancelsAndWaitsForEveryRun() {
    std::atomic<int> ended{0};
    int results = 0;
    {
      QObject owner;
      BackgroundTask<Outcome> task(&owner, [&](Outcome) { ++results; });
      const auto untilCancelled = [&](const BackgroundRun& run) {
        while (!run.isCancelled()) QThread::msleep(2);
        ++ended;
        return Outcome{};
      };
      task.start(untilCancelled);
      task.start(untilCancelled);  // the first, superseded, is still running
    }
    QCOMPARE(ended.load(), 2);  // both workers had finished before the task was gone
    QTest::qWait(20);
    QCOMPARE(results, 0);
  }

  void aTaskMayBeDestroyedInItsOwnCallback() {
    QObject owner;
    int results = 0;
    std::unique_ptr<BackgroundTask<Outcome>> task;
    task = std::make_unique<BackgroundTask<Outcome>>(&owner, [&](Outcome) {
      ++results;
      task.reset();  // e.g. a controller forgetting a finished run
    });
    task->start([](const BackgroundRun&) { return Outcome{}; });
    QTRY_VERIFY(!task);
    QCOMPARE(results, 1);
  }

  void nothingReachesADestroyedOwner() {
    int results = 0;
    auto owner = std::make_unique<QObject>();
    BackgroundTask<Outcome> task(owner.get(), [&](Outcome) { ++results; });
    std::atomic<bool> returned{false};
    task.start([&](const BackgroundRun&) {
      returned = true;
      return Outcome{};
    });
    while (!returned) QThread::msleep(1);
    QThread::msleep(20);  // the result is posted to the owner, not delivered yet
    owner.reset();
    QTest::qWait(20);
    QCOMPARE(results, 0);
  }
};

QTEST_MAIN(TestBackgroundTask)
#include "tst_background_task.moc"
