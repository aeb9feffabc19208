// The dataset browser: registry listing with availability, added datasets, loading on a worker
// thread (the event loop keeps running) with statistics, class
// filter and histogram; a bad path reports an error instead of crashing.
#include <QComboBox>
#include <QFile>
#include <QLabel>
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

  // A set that fails after another loaded: the old thumbnails and statistics go, the set is
  // listed as failed with the reason and is no longer offered to the wizard.
  void failedSetIsMarkedAndThumbnailsCleared() {
    const QString name = availableBuiltIn();
    QVERIFY2(!name.isEmpty(), "no MNIST-like set installed (scripts/setup.sh fetches it)");
    DatasetBrowser browser;
    QSignalSpy loaded(&browser, &DatasetBrowser::datasetLoaded);
    browser.loadDataset(name);
    QVERIFY(loaded.wait(60000));
    QVERIFY(browser.visibleThumbnailCount() > 0);

    const QString bad = "idx:/no/such/file-idx3-ubyte";
    browser.addUserDataset(bad);
    QVERIFY(browser.usableDatasetNames().contains(bad));
    QSignalSpy failed(&browser, &DatasetBrowser::loadFailed);
    browser.loadDataset(bad);
    QVERIFY(failed.wait(10000));
    QCOMPARE(browser.visibleThumbnailCount(), 0);
    QVERIFY(!browser.currentSet());
    QVERIFY(browser.currentStats().countByClass.empty());
    QVERIFY(!browser.failureOf(bad).isEmpty());
    QVERIFY(!browser.usableDatasetNames().contains(bad));
    auto* list = browser.findChild<QTreeWidget*>("datasetList");
    QTreeWidgetItem* item = list->topLevelItem(1)->child(0);
    QCOMPARE(item->text(0), bad);
    QCOMPARE(item->text(1), QString("failed"));
    QVERIFY(item->toolTip(1).contains(browser.failureOf(bad)));
  }

  // Add from disk decides by content: a valid IDX named good.idx is added and loads; a text
  // file named x.idx is refused with core/data's reason, shown in the header.
  void addFromDiskDecidesByContent() {
    QTemporaryDir dir;
    QFile good(dir.filePath("good.idx"));
    QVERIFY(good.open(QIODevice::WriteOnly));
    QByteArray idx("\0\0\x08\x03\0\0\0\x02\0\0\0\x03\0\0\0\x03", 16);
    idx.append(QByteArray(2 * 3 * 3, '\x7f'));
    good.write(idx);
    good.close();
    QFile text(dir.filePath("x.idx"));
    QVERIFY(text.open(QIODevice::WriteOnly));
    text.write("just some text\n");
    text.close();

    DatasetBrowser browser;
    QSignalSpy failed(&browser, &DatasetBrowser::loadFailed);
    QSignalSpy loaded(&browser, &DatasetBrowser::datasetLoaded);
    const QString spec = browser.addPath(good.fileName());
    QCOMPARE(spec, "idx:" + good.fileName());
    QVERIFY(browser.userDatasets().contains(spec));
    browser.loadDataset(spec);
    QVERIFY(loaded.wait(30000));
    QCOMPARE(browser.currentSet()->count, int64_t{2});

    QVERIFY(browser.addPath(text.fileName()).isEmpty());
    QCOMPARE(failed.size(), 1);
    const QString reason = failed.front().at(1).toString();
    QVERIFY2(reason.contains("00 00 08 03"), qPrintable(reason));
    QCOMPARE(browser.userDatasets().size(), 1);
    auto* header = browser.findChild<QLabel*>("setInfo");
    QVERIFY(header->toolTip().contains(reason) || header->text().contains(reason));
  }

  // A long error in the header is elided: it never asks for the whole text's width.
  void longHeaderTextIsElided() {
    DatasetBrowser browser;
    browser.resize(900, 600);
    browser.show();
    QVERIFY(QTest::qWaitForWindowExposed(&browser));
    const int minimumBefore = browser.minimumSizeHint().width();
    const QString longPath = "/very" + QString("/long-folder-name").repeated(80) + "/x.idx";
    QVERIFY(browser.addPath(longPath).isEmpty());
    QCoreApplication::processEvents();
    QCOMPARE(browser.minimumSizeHint().width(), minimumBefore);
    auto* header = browser.findChild<QLabel*>("setInfo");
    QVERIFY(header->width() < 900);
    QVERIFY(header->toolTip().contains(longPath));
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
