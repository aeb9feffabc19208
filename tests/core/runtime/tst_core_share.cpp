// The lanes' shared threads (core/runtime/core_share.h): a training takes over the threads of
// lanes with nothing running, gives them back when they start again, and a spec's own thread
// count (a fixed seat) is never changed.
#include <QtTest>
#include <thread>

#include "core/runtime/core_share.h"

namespace glowscope {

class TstCoreShare : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void growsWhenALaneIsIdleAndShrinksWhenItStartsAgain() {
    CoreShare share(2);
    QCOMPARE(sharedThreadsForThisThread(), 0);  // no seat: keep the configured count
    {
      const CoreShare::Seat mine(&share, true);
      QCOMPARE(share.running(), 1);
      QCOMPARE(sharedThreadsForThisThread(), 2);  // the other lane is idle
      int otherSees = -1, runningSeen = -1;
      std::thread other([&] {
        const CoreShare::Seat theirs(&share, true);
        otherSees = sharedThreadsForThisThread();
        runningSeen = share.running();
      });
      other.join();
      QCOMPARE(runningSeen, 2);
      QCOMPARE(otherSees, 1);                     // two running: one thread each
      QCOMPARE(sharedThreadsForThisThread(), 2);  // the other one ended: both threads again
    }
    QCOMPARE(share.running(), 0);
    QCOMPARE(sharedThreadsForThisThread(), 0);
  }

  void aFixedSeatTakesItsLaneButKeepsItsThreads() {
    CoreShare share(4);
    const CoreShare::Seat fixed(&share, false);
    QCOMPARE(sharedThreadsForThisThread(), 0);
    int otherSees = -1;
    std::thread other([&] {
      const CoreShare::Seat grows(&share, true);
      otherSees = sharedThreadsForThisThread();
    });
    other.join();
    QCOMPARE(otherSees, 2);  // 4 threads, 2 trainings running
  }

  void seatsNestAndANullShareCountsNothing() {
    CoreShare share(3);
    const CoreShare::Seat outer(&share, true);
    {
      const CoreShare::Seat none(nullptr, true);
      QCOMPARE(sharedThreadsForThisThread(), 3);  // no seat taken: the outer one still rules
      const CoreShare::Seat inner(&share, false);
      QCOMPARE(sharedThreadsForThisThread(), 0);
    }
    QCOMPARE(share.running(), 1);
    QCOMPARE(sharedThreadsForThisThread(), 3);
    QCOMPARE(CoreShare(0).threadsEach(), 1);  // never fewer than one thread
  }
};

}  // namespace glowscope

QTEST_GUILESS_MAIN(glowscope::TstCoreShare)
#include "tst_core_share.moc"
