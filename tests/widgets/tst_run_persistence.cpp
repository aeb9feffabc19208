// Runs persist: the training view reads each run's metrics file back, so the curves of a run
// killed with SIGKILL come back from step 1 when the project is opened again and a resume
// continues them; without a project, runs go to the workspace folder and are listed again in
// a new window; a failed run offers "edit and restart", not resume.
#include <QApplication>
#include <QLabel>
#include <QProcess>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <csignal>
#include <filesystem>

#include "app/gui/main_window.h"
#include "app/gui/project_controller.h"
#include "app/gui/training_controller.h"
#include "core/project/project_file.h"
#include "core/training/run_metrics.h"
#include "core/util/atomic_file.h"
#include "tests/widgets/isolated_settings.h"
#include "widgets/remove_run_dialog.h"
#include "widgets/training_view.h"

namespace glowscope {

class TstRunPersistence : public QObject {
  Q_OBJECT

  QTemporaryDir settingsDir_;
  QTemporaryDir workspace_;

  static nlohmann::json tinyRun(const QString& outputDir, int steps) {
    return {
        {"trainSet", "fashion-mnist:train"},
        {"trainLimit", 256},
        {"steps", steps},
        {"batchSize", 8},
        {"actNormInitImages", 64},
        {"threads", 1},
        {"model",
         {{"preset", "tiny"}, {"type", "conv"}, {"channels", 1}, {"height", 32}, {"width", 32}}},
        {"checkpointEverySteps", 3},
        {"evalEverySteps", 0},
        {"logEverySteps", 1},
        {"outputDir", outputDir.toStdString()}};
  }

  static int64_t stepRecords(const std::filesystem::path& folder) {
    int64_t count = 0;
    for (const TrainingProgress& record : readRunMetrics(folder).records)
      if (std::isfinite(record.loss)) ++count;
    return count;
  }

  /// The steps of the loss curve, each once and in order.
  static QVector<double> lossSteps(const TrainingSeries* series) {
    return series ? series->loss.x : QVector<double>{};
  }

  static QVector<double> oneTo(int last) {
    QVector<double> steps;
    for (int step = 1; step <= last; ++step) steps << step;
    return steps;
  }

 private Q_SLOTS:
  void initTestCase() {
    glowscope::testing::useIsolatedSettings("tst_run_persistence", settingsDir_.path());
    QSettings().setValue("Training/workspace", workspace_.path());
  }

  void killedRunKeepsItsCurvesAfterReopenAndResume() {
    QTemporaryDir dir;
    const QString projectFolder = dir.filePath("p");
    const QString runDir = projectFolder + "/runs/killed";
    const nlohmann::json config = tinyRun(runDir, 1000000);
    {
      MainWindow window;
      QVERIFY(window.projectController()->newProject(projectFolder, "kill test"));
      ProjectRun run;  // what the window records when it starts a run
      run.name = "killed";
      run.config = config;
      run.config["outputDir"] = "runs/killed";
      run.status = "running";
      window.projectController()->recordRun(run);
    }
    writeFileAtomically(dir.filePath("killed.json").toStdString(), config.dump());
    QProcess cli;
    cli.start(GLOWSCOPE_CLI_PATH, {"train", "--config", dir.filePath("killed.json")});
    QVERIFY(cli.waitForStarted());
    QTRY_VERIFY_WITH_TIMEOUT(stepRecords(runDir.toStdString()) >= 8, 120000);
    ::kill(static_cast<pid_t>(cli.processId()), SIGKILL);
    QVERIFY(cli.waitForFinished());
    const int64_t trained = stepRecords(runDir.toStdString());

    MainWindow reopened;
    QVERIFY(reopened.projectController()->openProject(projectFolder));
    const TrainingSeries* series = reopened.trainingView()->series("killed");
    QVERIFY(series);
    QCOMPARE(lossSteps(series), oneTo(static_cast<int>(trained)));  // from step 1, each once
    QCOMPARE(series->state, QString("cancelled"));                  // resumable
    QVERIFY(reopened.findChild<QPushButton*>("resumeButton")->isEnabled());
    QVERIFY(reopened.findChild<QLabel*>("runsFolderLabel")->text().contains(projectFolder));

    // Resume (shorter, so that it ends): the checkpoint's step is before the kill; the steps
    // after it are trained again and each appears once.
    nlohmann::json shorter = config;
    shorter["steps"] = trained + 3;
    shorter["outputDir"] = "runs/killed";
    ProjectRun run = *reopened.projectController()->project().findRun("killed");
    run.config = shorter;
    reopened.projectController()->recordRun(run);
    QVERIFY(reopened.trainingController()->resume("killed"));
    QTRY_VERIFY_WITH_TIMEOUT(!reopened.trainingController()->hasActiveRuns(), 120000);
    series = reopened.trainingView()->series("killed");
    QCOMPARE(series->state, QString("finished"));
    QCOMPARE(lossSteps(series), oneTo(static_cast<int>(trained + 3)));
    // And the file holds the same history.
    MainWindow third;
    QVERIFY(third.projectController()->openProject(projectFolder));
    QCOMPARE(lossSteps(third.trainingView()->series("killed")),
             oneTo(static_cast<int>(trained + 3)));
  }

  void runsWithoutAProjectGoToTheWorkspace() {
    const QString runDir = QDir(workspace_.path()).filePath("ws-run");
    {
      MainWindow window;
      QVERIFY(window.findChild<QLabel*>("runsFolderLabel")->text().contains(workspace_.path()));
      QVERIFY(window.trainingController()->startRun("ws-run", tinyRun(runDir, 5)));
      QTRY_VERIFY_WITH_TIMEOUT(!window.trainingController()->hasActiveRuns(), 120000);
      QCOMPARE(window.trainingView()->series("ws-run")->state, QString("finished"));
    }
    MainWindow restarted;
    QVERIFY(restarted.trainingView()->runIds().contains("ws-run"));
    const TrainingSeries* series = restarted.trainingView()->series("ws-run");
    QCOMPARE(series->state, QString("finished"));
    QCOMPARE(lossSteps(series), oneTo(5));
  }

  void failedRunOffersRestartNotResume() {
    const QString runDir = QDir(workspace_.path()).filePath("broken");
    nlohmann::json config = tinyRun(runDir, 5);
    config["trainSet"] = "nonexistent:foo";
    {
      MainWindow window;
      QVERIFY(window.trainingController()->startRun("broken", config));
      QTRY_VERIFY_WITH_TIMEOUT(!window.trainingController()->hasActiveRuns(), 60000);
    }
    MainWindow restarted;  // the failure and its reason survive a restart
    const TrainingSeries* series = restarted.trainingView()->series("broken");
    QVERIFY(series);
    QCOMPARE(series->state, QString("failed"));
    restarted.trainingView()->selectRun("broken");
    QVERIFY(!restarted.findChild<QPushButton*>("resumeButton")->isEnabled());
    QVERIFY(restarted.findChild<QPushButton*>("restartButton")->isEnabled());
    QVERIFY(restarted.findChild<QPushButton*>("removeButton")->isEnabled());
    QVERIFY2(restarted.trainingView()->statusText().contains("nonexistent"),
             qPrintable(restarted.trainingView()->statusText()));
    QTimer::singleShot(0, [] {  // Remove asks: from the list only (the default)
      if (auto* dialog = qobject_cast<RemoveRunDialog*>(QApplication::activeModalWidget()))
        dialog->removeButton()->click();
      else if (QWidget* other = QApplication::activeModalWidget())
        other->close();  // not the dialog expected: fail below rather than hang
    });
    restarted.findChild<QPushButton*>("removeButton")->click();
    QVERIFY(!restarted.trainingView()->runIds().contains("broken"));
  }
};

}  // namespace glowscope

QTEST_MAIN(glowscope::TstRunPersistence)
#include "tst_run_persistence.moc"
