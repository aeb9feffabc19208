// The dataset browser: registry listing with availability, added datasets, loading on a worker
// thread (the event loop keeps running) with statistics, class
// filter and histogram; a bad path reports an error instead of crashing.
#include <QComboBox>
#include <QFile>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTreeWidget>
#include <QtTest>
#include <numeric>

#include "core/data/dataset_registry.h"
#include "widgets/dataset_browser.h"

namespace glowscope {

class TstDatasetBrowser : public QObject {
  Q_OBJECT

  static QString availableBuiltIn() {
    for (const DatasetInfo& info : listDatasets())
      if (info.builtIn && info.available && info.name.find("mnist:test") != std::string::npos)
        return QString::fromStdString(info.name);
    return {};
  }

 private Q_SLOTS:
  void listsRegistryWithAvailability() {
    DatasetBrowser browser;
    auto* list = browser.findChild<QTreeWidget*>("datasetList");
    int builtIns = 0;
    for (const DatasetInfo& info : listDatasets()) builtIns += info.builtIn ? 1 : 0;
    QCOMPARE(list->topLevelItem(0)->childCount(), builtIns);
    int available = 0;
    for (const DatasetInfo& info : listDatasets()) available += info.builtIn && info.available;
    QCOMPARE(browser.usableDatasetNames().size(), available);
  }

  void addedDatasetIsListedAndSignalled() {
    DatasetBrowser browser;
    QSignalSpy added(&browser, &DatasetBrowser::datasetAdded);
    browser.addUserDataset("folder:/data/faces");
    browser.addUserDataset("folder:/data/faces");  // once only
    QCOMPARE(added.size(), 1);
    QVERIFY(browser.usableDatasetNames().contains("folder:/data/faces"));
    auto* list = browser.findChild<QTreeWidget*>("datasetList");
    QCOMPARE(list->topLevelItem(1)->childCount(), 1);
  }

  void loadsOffTheGuiThreadWithStats() {
    const QString name = availableBuiltIn();
    QVERIFY2(!name.isEmpty(), "no MNIST-like set installed (scripts/setup.sh fetches it)");
    DatasetBrowser browser;
    browser.show();
    QSignalSpy loaded(&browser, &DatasetBrowser::datasetLoaded);
    int ticks = 0;
    QTimer ticker;
    connect(&ticker, &QTimer::timeout, [&ticks] { ++ticks; });
    ticker.start(1);
    browser.loadDataset(name);
    QVERIFY(browser.loading());
    QVERIFY(loaded.wait(60000));
    QVERIFY2(ticks > 0, "the event loop did not run while loading");
    const auto set = browser.currentSet();
    QVERIFY(set && set->count > 0);
    const DatasetStats& stats = browser.currentStats();
    QCOMPARE(std::accumulate(stats.countByClass.begin(), stats.countByClass.end(), int64_t{0}),
             set->count);
    QCOMPARE(stats.channelMean.size(), size_t(set->channels));
    QVERIFY(stats.channelMean[0] > 0 && stats.channelMean[0] < 255);
    QVERIFY(stats.channelStd[0] > 0);
    QCOMPARE(stats.histogramCentres.size(), 100);
    QCOMPARE(browser.visibleThumbnailCount(), int(set->count));
    browser.setClassFilter(3);
    QCOMPARE(browser.visibleThumbnailCount(), int(stats.countByClass[3]));
  }

  void badSpecReportsAnError() {
    DatasetBrowser browser;
    QSignalSpy failed(&browser, &DatasetBrowser::loadFailed);
    browser.loadDataset("idx:/no/such/file-idx3-ubyte");
    QVERIFY(failed.wait(10000));
    QVERIFY(!failed.front().at(1).toString().isEmpty());
    QVERIFY(!browser.loading());
    QVERIFY(!browser.currentSet());
  }
};

}  // namespace glowscope

QTEST_MAIN(glowscope::TstDatasetBrowser)
#include "tst_dataset_browser.moc"
