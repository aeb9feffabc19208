// Runtime facts: the thread count we set is the one in use, and the BLAS is identified.
#include <QtTest>
#include <thread>

#include "core/runtime/runtime.h"

namespace glowscope {

class TstRuntime : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void setsThreadCount() {
    configureThreads(1);
    QCOMPARE(runtimeInfo().torchThreads, 1);
    configureThreads(0);  // 0 = every hardware thread, not this LibTorch's default of half
    QCOMPARE(runtimeInfo().torchThreads,
             static_cast<int>(std::max(1u, std::thread::hardware_concurrency())));
  }

  void identifiesBlasAndDevice() {
    const RuntimeInfo info = runtimeInfo();
    QVERIFY2(info.blasLibrary.find("blas") != std::string::npos, info.blasLibrary.c_str());
    QVERIFY(info.deviceName == "cpu" || info.deviceName == "cuda");
    QCOMPARE(info.deviceName == "cuda", info.cudaAvailable);
    QVERIFY(describeRuntime().find("threads") != std::string::npos);
  }
};

}  // namespace glowscope

QTEST_GUILESS_MAIN(glowscope::TstRuntime)
#include "tst_runtime.moc"
