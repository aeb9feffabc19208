// Closing the window during a real (tiny) training run asks; "Cancel" keeps training, "Yes"
// stops it at a step boundary with a resumable checkpoint recorded in the project.
#include <QAbstractButton>
#include <QApplication>
#include <QMessageBox>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <filesystem>

#include "app/gui/main_window.h"
#include "app/gui/project_controller.h"
#include "app/gui/training_controller.h"
#include "core/project/project_file.h"
#include "tests/widgets/isolated_settings.h"
#include "widgets/training_view.h"

namespace glowscope {

class TstWorkbenchClose : public QObject {
  Q_OBJECT

  QTemporaryDir settingsDir_;

  /// Answers the next message box with `button` (polls: the box is modal inside closeEvent).
  static void answerNextMessageBox(QMessageBox::StandardButton button, int* asked) {
    auto* timer = new QTimer(qApp);
    QObject::connect(timer, &QTimer::timeout, timer, [timer, button, asked] {
      auto* box = qobject_cast<QMessageBox*>(QApplication::activeModalWidget());
      if (!box) return;
      ++*asked;
      box->button(button)->click();
      timer->deleteLater();
    });
    timer->start(20);
  }

 private Q_SLOTS:
  void initTestCase() {
    glowscope::testing::useIsolatedSettings("tst_workbench_close", settingsDir_.path());
  }

  void closingDuringTrainingAsksThenCheckpoints() {
    QTemporaryDir dir;
    MainWindow window;
    window.show();
    QVERIFY(window.projectController()->newProject(dir.filePath("p"), "close test"));
    const nlohmann::json config = {
        {"trainSet", "fashion-mnist:train"},
        {"trainLimit", 256},
        {"steps", 1000000},
        {"batchSize", 8},
        {"actNormInitImages", 64},
        {"threads", 1},
        {"model",
         {{"preset", "tiny"}, {"type", "conv"}, {"channels", 1}, {"height", 32}, {"width", 32}}},
        {"checkpointEverySteps", 1000000},
        {"logEverySteps", 1},
        {"outputDir", dir.filePath("p/runs/long").toStdString()}};
    QVERIFY(window.trainingController()->startRun("long", config));
    QTRY_VERIFY_WITH_TIMEOUT(window.trainingView()->series("long") &&
                                 window.trainingView()->series("long")->last.step >= 2,
                             60000);

    int asked = 0;
    answerNextMessageBox(QMessageBox::Cancel, &asked);
    QVERIFY(!window.close());
    QCOMPARE(asked, 1);
    QVERIFY(window.trainingController()->hasActiveRuns());

    answerNextMessageBox(QMessageBox::Yes, &asked);
    QVERIFY(window.close());
    QCOMPARE(asked, 2);
    QVERIFY(!window.trainingController()->hasActiveRuns());
    const Project saved = loadProject(dir.filePath("p").toStdString());
    QVERIFY(saved.findRun("long"));
    QCOMPARE(saved.findRun("long")->status, std::string("cancelled"));
    QVERIFY(saved.findRun("long")->steps >= 2);
    const auto checkpoints = dir.filePath("p/runs/long/checkpoints").toStdString();
    QVERIFY(std::filesystem::exists(checkpoints) && !std::filesystem::is_empty(checkpoints));
    QCOMPARE(saved.findRun("long")->config.at("outputDir").get<std::string>(),
             std::string("runs/long"));  // stored relative: the project folder can move
  }

  /// "processes": 2 from the GUI: the window's process is rank 0, a glowscope-cli process rank 1
  /// (docs/scaling-out.md); the live view reports the global throughput of both.
  void runOnTwoProcessesFinishes() {
    qputenv("GLOWSCOPE_CLI", GLOWSCOPE_CLI_PATH);
    qputenv("GLOWSCOPE_COLLECTIVE_TIMEOUT_S", "60");
    QTemporaryDir dir;
    MainWindow window;
    window.show();
    QVERIFY(window.projectController()->newProject(dir.filePath("p"), "processes test"));
    const nlohmann::json config = {
        {"trainSet", "fashion-mnist:train"},
        {"trainLimit", 256},
        {"steps", 12},
        {"batchSize", 8},
        {"actNormInitImages", 64},
        {"threads", 2},
        {"processes", 2},
        {"model",
         {{"preset", "tiny"}, {"type", "conv"}, {"channels", 1}, {"height", 32}, {"width", 32}}},
        {"logEverySteps", 1},
        {"outputDir", dir.filePath("p/runs/two").toStdString()}};
    QVERIFY(window.trainingController()->startRun("two", config));
    QTRY_VERIFY_WITH_TIMEOUT(!window.trainingController()->hasActiveRuns(), 120000);
    const TrainingSeries* series = window.trainingView()->series("two");
    QVERIFY(series);
    QCOMPARE(series->last.step, int64_t{12});
    QCOMPARE(series->last.processes, 2);
    QVERIFY(series->last.imagesPerSecond > 0);
    const Project saved = loadProject(dir.filePath("p").toStdString());
    QCOMPARE(saved.findRun("two")->status, std::string("finished"));
    QVERIFY(std::filesystem::exists(dir.filePath("p/runs/two/model.glow").toStdString()));
  }
};

}  // namespace glowscope

QTEST_MAIN(glowscope::TstWorkbenchClose)
#include "tst_workbench_close.moc"
