// The Analysis page: its three views, and the models it offers for a results folder.
#include <QDir>
#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

#include "widgets/analysis/analysis_page.h"
#include "widgets/analysis/image_set_cache.h"

using namespace glowscope;

namespace {
void touch(const QString& path) {
  QVERIFY(QDir().mkpath(QFileInfo(path).path()));
  QFile file(path);
  QVERIFY(file.open(QIODevice::WriteOnly));
  file.write("x");
}
}  // namespace

class TestAnalysisPage : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void findsTheModelsOfOneSeed() {
    QTemporaryDir dir;
    touch(dir.filePath("models/general-seed0/model.glow"));
    touch(dir.filePath("models/conv-seed0/model.glow"));
    touch(dir.filePath("models/conv-seed1/model.glow"));
    QVERIFY(QDir().mkpath(dir.filePath("models/dense-seed0")));  // interrupted: no model yet
    const auto seed0 = resultsFolderModels(dir.path(), 0);
    QCOMPARE(seed0.size(), std::size_t{2});
    QCOMPARE(seed0[0].first, QString("conv (seed 0)"));
    QCOMPARE(seed0[0].second, dir.filePath("models/conv-seed0/model.glow"));
    QCOMPARE(seed0[1].first, QString("general (seed 0)"));
    const auto seed1 = resultsFolderModels(dir.path(), 1);
    QCOMPARE(seed1.size(), std::size_t{1});
    QVERIFY(resultsFolderModels(dir.filePath("nonexistent"), 0).empty());
  }

  void holdsTheThreeViews() {
    ImageSetCache cache(10);
    AnalysisPage page(&cache);
    QCOMPARE(page.count(), 3);
    QVERIFY(page.fourierView());
    QVERIFY(page.swapView());
    QVERIFY(page.pixelPriorView());
    page.setSetNames({"fashion-mnist:test", "mnist:test"});
    page.setModels({});
  }
};

QTEST_MAIN(TestAnalysisPage)
#include "tst_analysis_page.moc"
