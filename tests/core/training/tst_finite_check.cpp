// allFinite: the guard's scan over gradients and weights, on the fused float path and the ATen one.
#include <ATen/ATen.h>
#include <QtTest>

#include <cmath>
#include <limits>

#include "core/training/finite_check.h"

using namespace glowscope;

class TestFiniteCheck : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void findsEveryKindOfNonFiniteValueAnywhere() {
    const float bad[] = {std::numeric_limits<float>::quiet_NaN(),
                         std::numeric_limits<float>::infinity(),
                         -std::numeric_limits<float>::infinity()};
    for (const float value : bad) {
      for (const int64_t position : {int64_t{0}, int64_t{77777}, int64_t{199999}}) {
        at::Tensor large = at::randn({200000}) * 1e30;  // huge but finite values pass
        QVERIFY(allFinite({at::ones({3}), large}));
        large[position] = value;
        QVERIFY(!allFinite({at::ones({3}), large}));
        at::Tensor strided = large.view({400, 500}).t();  // non-contiguous: the ATen path
        QVERIFY(!strided.is_contiguous());
        QVERIFY(!allFinite({strided}));
        QVERIFY(!allFinite({large.to(at::kDouble)}));
      }
    }
  }

  void undefinedAndEmptyTensorsAreSkipped() {
    QVERIFY(allFinite({}));
    QVERIFY(allFinite({at::Tensor(), at::empty({0}), at::zeros({2, 2})}));
  }
};

QTEST_APPLESS_MAIN(TestFiniteCheck)
#include "tst_finite_check.moc"
