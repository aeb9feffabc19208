// File > Save Project As…: the open project (or, without one, the workspace's runs) is copied
// into a new folder with its runs' files and the window continues there; a folder that is not
// empty or lies inside the project is refused and nothing changes.
#include <QDir>
#include <QFile>
#include <QMenu>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>
#include <fstream>

#include "app/gui/project_controller.h"
#include "app/gui/training_controller.h"
#include "core/project/project_file.h"
#include "core/training/run_metrics.h"
#include "core/util/atomic_file.h"
#include "tests/widgets/isolated_settings.h"
#include "widgets/training_view.h"
#include "workbench_test_util.h"

namespace glowscope {

class TstSaveProjectAs : public QObject {
  Q_OBJECT

  QTemporaryDir settingsDir_;
  QTemporaryDir workspace_;

  // A changed project lists its runs again, as the main window wires it.
  struct Workbench : testing::Workbench {
    Workbench() {
      QObject::connect(&projects, &ProjectController::projectChanged, &controller,
                       &TrainingController::showRecordedRuns);
    }
  };

  static void writeRunFolder(const QString& folder, int steps) {
    testing::writeRunFolder(folder, steps, /*withCheckpoint=*/true);
  }

  /// Waits for the copy started by saveProjectAs to end; true when it succeeded.
  static bool finishes(ProjectController& projects, QSignalSpy& finished) {
    if (!QTest::qWaitFor([&] { return finished.size() > 0; }, 20000)) return false;
    return !projects.isSavingAs() && finished.front().front().toBool();
  }

 private Q_SLOTS:
  void initTestCase() {
    glowscope::testing::useIsolatedSettings("tst_save_project_as", settingsDir_.path());
    QSettings().setValue("Training/workspace", workspace_.path());
  }

  void fileMenuHasSaveAsWithTheStandardShortcut() {
    QWidget window;
    ProjectController projects(&window);
    QMenu menu;
    projects.populateFileMenu(&menu);
    auto* action = menu.findChild<QAction*>("actionSaveProjectAs");
    QVERIFY(action);
    // The standard Save As keys (KDE, GNOME, macOS), also where the platform has none.
    QCOMPARE(action->shortcut(), QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S));
    for (const QKeySequence& keys : QKeySequence::keyBindings(QKeySequence::SaveAs))
      QVERIFY(action->shortcuts().contains(keys));
  }

  void copiesTheProjectWithItsRunsAndContinuesThere() {
    QTemporaryDir dir;
    const QString source = dir.filePath("study");
    const QString target = dir.filePath("study-copy");
    Workbench bench;
    QVERIFY(bench.projects.newProject(source, "study"));
    writeRunFolder(QDir(source).filePath("runs/r1"), 4);
    ProjectRun run;
    run.name = "r1";
    run.config = {{"outputDir", "runs/r1"}};
    run.status = "finished";
    bench.projects.recordRun(run);
    bench.projects.addDataset("mnist:test");  // unsaved: goes into the copy only
    QVERIFY(bench.projects.dirty());

    QSignalSpy finished(&bench.projects, &ProjectController::saveAsFinished);
    QVERIFY(bench.projects.saveProjectAs(target));
    QVERIFY(finishes(bench.projects, finished));
    QCOMPARE(bench.projects.folder(), QDir(target).absolutePath());
    QCOMPARE(bench.projects.project().name, std::string("study-copy"));
    QVERIFY(!bench.projects.dirty());
    QVERIFY(bench.window.windowTitle().startsWith("study-copy"));
    QCOMPARE(bench.projects.recentProjects().front(), QDir(target).absolutePath());
    QVERIFY(QFile::exists(QDir(target).filePath("runs/r1/checkpoints/step-1.pt")));
    QVERIFY(QFile::exists(QDir(target).filePath("runs/r1/metrics.jsonl")));
    QCOMPARE(bench.view.runIds(), QStringList{"r1"});  // listed from the copy, with its curves
    QCOMPARE(bench.view.series("r1")->loss.size(), 4);
    const Project copy = loadProject(target.toStdString());
    QCOMPARE(copy.datasets, std::vector<std::string>{"mnist:test"});
    QVERIFY(loadProject(source.toStdString()).datasets.empty());  // the original as saved
    // Runs of the copy write into the copy.
    QCOMPARE(
        QString::fromStdString(runTrainingConfig(copy, target.toStdString(), "r1").at("outputDir")),
        QDir(target).filePath("runs/r1"));
  }

  void refusedFoldersChangeNothing() {
    QTemporaryDir dir;
    const QString source = dir.filePath("study");
    Workbench bench;
    QVERIFY(bench.projects.newProject(source, "study"));
    QVERIFY(QDir().mkpath(dir.filePath("full")));
    writeFileAtomically(dir.filePath("full/keep.txt").toStdString(), "mine");
    QSignalSpy errors(&bench.projects, &ProjectController::errorOccurred);
    QVERIFY(!bench.projects.saveProjectAs(dir.filePath("full")));
    QCOMPARE(errors.size(), 1);
    QVERIFY2(errors.front().at(1).toString().contains("not empty"),
             qPrintable(errors.front().at(1).toString()));
    QVERIFY(!bench.projects.saveProjectAs(QDir(source).filePath("runs/inside")));
    QCOMPARE(errors.size(), 2);
    QVERIFY2(errors.back().at(1).toString().contains("inside"),
             qPrintable(errors.back().at(1).toString()));
    QCOMPARE(bench.projects.folder(), QDir(source).absolutePath());
    QVERIFY(!QFileInfo::exists(QDir(source).filePath("runs/inside")));
    QCOMPARE(QDir(dir.filePath("full")).entryList(QDir::NoDotAndDotDot | QDir::AllEntries),
             QStringList{"keep.txt"});
  }

  void workspaceRunsBecomeANewProject() {
    const QDir workspace(workspace_.path());
    writeRunFolder(workspace.filePath("w1"), 3);
    writeFileAtomically(workspace.filePath("w1/config.json").toStdString(),
                        "{\"steps\": 3, \"trainSet\": \"mnist:train\"}");
    QTemporaryDir dir;
    const QString target = dir.filePath("from-workspace");
    Workbench bench;
    bench.controller.showRecordedRuns();
    QCOMPARE(bench.view.runIds(), QStringList{"w1"});
    QSignalSpy finished(&bench.projects, &ProjectController::saveAsFinished);
    QVERIFY(bench.projects.saveProjectAs(target));
    QVERIFY(finishes(bench.projects, finished));
    QVERIFY(bench.projects.hasProject());
    const ProjectRun* run = bench.projects.project().findRun("w1");
    QVERIFY(run);
    QCOMPARE(run->config.at("outputDir").get<std::string>(), std::string("runs/w1"));
    QCOMPARE(run->status, std::string("finished"));
    QCOMPARE(bench.projects.project().datasets, std::vector<std::string>{"mnist:train"});
    QVERIFY(QFile::exists(QDir(target).filePath("runs/w1/config.json")));
    QVERIFY(QFile::exists(workspace.filePath("w1/metrics.jsonl")));  // the workspace keeps it
    QCOMPARE(bench.view.series("w1")->loss.size(), 3);
  }
};

}  // namespace glowscope

QTEST_MAIN(glowscope::TstSaveProjectAs)
#include "tst_save_project_as.moc"
