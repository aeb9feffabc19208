// `glowscope-cli export` run as a process without a display: it writes every view of a results
// folder and lists the files; bad arguments exit with 2, failures with 1.
#include <QImage>
#include <QTemporaryDir>
#include <QtTest>
#include <cmath>

#include "cli_process.h"
#include "results_test_folder.h"

using glowscope::testing::runCli;
using glowscope::testing::writeResultsFolder;
using Run = glowscope::testing::CliRun;

class TestCliExport : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void exportsEveryViewHeadless() {
    QTemporaryDir dir;
    writeResultsFolder(dir.path() + "/results");
    const QString out = dir.path() + "/figures";
    const Run run =
        runCli({"export", "--results", dir.path() + "/results", "--out", out, "--formats",
                "png,csv", "--width-mm", "50", "--height-mm", "30", "--dpi", "100", "--seed", "1"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    const QStringList files = run.out.split('\n', Qt::SkipEmptyParts);
    // 12 table files; 6 figures (2 histograms, 2 ROC, 1 scatter, 1 heat map) as PNG + CSV; index.
    QCOMPARE(files.size(), 12 + 6 * 2 + 1);
    for (const QString& file : files) QVERIFY2(QFileInfo::exists(file), qPrintable(file));
    QVERIFY(files.contains(QDir(out).filePath("index.md")));
    QVERIFY(run.err.contains(out));
    const QImage png(out + "/histogram-Raw_x.png");
    QCOMPARE(png.size(), QSize(static_cast<int>(std::lround(50 / 25.4 * 100)),
                               static_cast<int>(std::lround(30 / 25.4 * 100))));
    QVERIFY(!QFileInfo::exists(out + "/histogram-Raw_x.svg"));
  }

  // A folder that holds files is refused, and nothing in it changes, unless --force.
  void refusesToOverwriteWithoutForce() {
    QTemporaryDir dir;
    writeResultsFolder(dir.path() + "/results");
    const QString out = dir.path() + "/figures";
    QVERIFY(QDir().mkpath(out));
    QFile mine(out + "/index.md");
    QVERIFY(mine.open(QIODevice::WriteOnly) && mine.write("mine") == 4);
    mine.close();
    const QStringList args = {"export", "--results", dir.path() + "/results", "--out", out,
                              "--formats", "png", "--dpi", "50"};
    Run run = runCli(args);
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("--force"), qPrintable(run.err));
    QCOMPARE(QDir(out).entryList(QDir::Files), QStringList{"index.md"});
    run = runCli(args + QStringList{"--force", "--font-pt", "7", "--legend", "below", "--no-title"});
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY(QFileInfo::exists(out + "/histogram-Raw_x.png"));
    QVERIFY(QFileInfo(out + "/index.md").size() > 4);
    QCOMPARE(runCli(args + QStringList{"--force", "--legend", "nowhere"}).exitCode, 2);
  }

  void badArgumentsExitWithTwo() {
    QTemporaryDir dir;
    writeResultsFolder(dir.path());
    Run run = runCli({"export", "--out", dir.path() + "/figures"});
    QCOMPARE(run.exitCode, 2);
    QVERIFY2(run.err.contains("results"), qPrintable(run.err));
    run =
        runCli({"export", "--results", dir.path(), "--out", dir.path() + "/f", "--formats", "gif"});
    QCOMPARE(run.exitCode, 2);
    run = runCli({"export", "--results", dir.path(), "--out", dir.path() + "/f", "--dpi", "-3"});
    QCOMPARE(run.exitCode, 2);
    run = runCli({"export", "--results", dir.path(), "--out", dir.path() + "/f", "--seed", "9"});
    QCOMPARE(run.exitCode, 2);
    QVERIFY(!QFileInfo::exists(dir.path() + "/f"));
  }

  void failuresExitWithOne() {
    QTemporaryDir dir;
    Run run = runCli({"export", "--results", dir.path() + "/none", "--out", dir.path() + "/f"});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("summary.json"), qPrintable(run.err));
    writeResultsFolder(dir.path());
    glowscope::testing::writeFile(dir.path() + "/file", "x");
    run = runCli({"export", "--results", dir.path(), "--out", dir.path() + "/file/f"});
    QCOMPARE(run.exitCode, 1);
    QVERIFY2(run.err.contains("cannot create"), qPrintable(run.err));
  }
};

QTEST_MAIN(TestCliExport)
#include "tst_cli_export.moc"
