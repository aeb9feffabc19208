// BackgroundTask: results and progress reach the owner on its thread, failures become results,
// cancel ends a wait or a run, a newer run silences an older one, the destructor waits.
#include <QThread>
#include <QtTest>
#include <atomic>
#include <optional>
#include <stdexcept>
#include <vector>

#include "core/util/errors.h"
#include "widgets/analysis/background_task.h"

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
Outcome runUntilCancelled(const BackgroundTask::Run& run) {
  while (!run.cancelRequested->load()) QThread::msleep(2);
  throw CancelledError();
}

}  // namespace

class TestBackgroundTask : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void deliversTheResultAndProgressOnTheOwnersThread() {
    QObject owner;
    BackgroundTask task(&owner);
    std::vector<double> fractions;
    bool progressOnOwnerThread = true;
    std::optional<Outcome> done;
    task.start<Outcome>(
        [](const BackgroundTask::Run& run) {
          run.progress(0.25, "a");
          run.progress(0.75, "b");
          return Outcome{42, false, {}};
        },
        [&](double fraction, const QString&) {
          fractions.push_back(fraction);
          progressOnOwnerThread &= QThread::currentThread() == owner.thread();
        },
        [&](Outcome outcome) {
          QCOMPARE(QThread::currentThread(), owner.thread());
          QVERIFY(!task.isRunning());  // the worker has ended before onDone
          done = outcome;
        });
    QVERIFY(task.isRunning());
    QVERIFY(task.isBusy());
    QTRY_VERIFY(done.has_value());
    QCOMPARE(done->value, 42);
    QCOMPARE(fractions, (std::vector<double>{0.25, 0.75}));
    QVERIFY(progressOnOwnerThread);
    QVERIFY(!task.isBusy());
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
  }

  void cancelEndsAWaitWithoutAWorker() {
    QObject owner;
    BackgroundTask task(&owner);
    QCOMPARE(task.cancel(), BackgroundTask::Stopped::Nothing);
    task.beginWaiting();
    QVERIFY(task.isWaiting());
    QVERIFY(task.isBusy());
    QCOMPARE(task.cancel(), BackgroundTask::Stopped::Wait);
    QVERIFY(!task.isBusy());
  }

  void cancelStopsARunWhichReportsCancelled() {
    QObject owner;
    BackgroundTask task(&owner);
    std::optional<Outcome> done;
    task.beginWaiting();
    task.start<Outcome>(runUntilCancelled, {}, [&](Outcome outcome) { done = outcome; });
    QVERIFY(!task.isWaiting());  // starting ends the wait
    QCOMPARE(task.cancel(), BackgroundTask::Stopped::Run);
    QTRY_VERIFY(done.has_value());
    QVERIFY(done->cancelled);
    QVERIFY(done->error.isEmpty());
  }

  void postsOfAnOlderRunAreDropped() {
    QObject owner;
    BackgroundTask task(&owner);
    int firstResults = 0, secondResults = 0, firstPosts = 0;
    task.start<Outcome>(
        [&](const BackgroundTask::Run& run) {
          while (!run.cancelRequested->load()) QThread::msleep(2);
          run.post([&] { ++firstPosts; });
          return Outcome{1, false, {}};
        },
        {}, [&](Outcome) { ++firstResults; });
    // The first run ends with its post and its result queued but not yet delivered; a newer run
    // starts before the owner's event loop gets to them.
    task.cancelAndWait();
    task.start<Outcome>(
        [](const BackgroundTask::Run&) {
          return Outcome{2, false, {}};
        },
        {}, [&](Outcome outcome) { secondResults += outcome.value; });
    QTRY_COMPARE(secondResults, 2);
    QTest::qWait(50);
    QCOMPARE(firstResults, 0);
    QCOMPARE(firstPosts, 0);
  }

  void destructionCancelsAndWaits() {
    std::atomic<bool> ended{false};
    {
      QObject owner;
      BackgroundTask task(&owner);
      task.start<Outcome>(
          [&](const BackgroundTask::Run& run) {
            while (!run.cancelRequested->load()) QThread::msleep(2);
            ended = true;
            return Outcome{};
          },
          {}, [](Outcome) {});
    }
    QVERIFY(ended.load());  // the worker had finished before the task was gone
  }
};

QTEST_MAIN(TestBackgroundTask)
#include "tst_background_task.moc"
