// Remove takes a run out of the training view's list for good: in a project the run is marked
// hidden in the project file, without one the workspace's glowscope-workspace.json lists it; a
// new controller (a restart) does not list it again, and its files stay. Show removed runs lists
// them greyed, Restore brings one back with its curves; deleting its files is a choice in the
// Remove dialog (never the default) and never reaches outside the project or workspace.
#include <QApplication>
#include <QCheckBox>
#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QTimer>
#include <QtTest>
#include <fstream>

#include "app/gui/project_controller.h"
#include "app/gui/training_controller.h"
#include "core/project/project_file.h"
#include "core/project/workspace_file.h"
#include "core/training/run_metrics.h"
#include "core/util/atomic_file.h"
#include "tests/widgets/isolated_settings.h"
#include "widgets/remove_run_dialog.h"
#include "widgets/training_view.h"
#include "workbench_test_util.h"

namespace glowscope {

using testing::writeRunFolder;

class TstRemovedRuns : public QObject {
  Q_OBJECT

  QTemporaryDir settingsDir_;
  QTemporaryDir workspace_;

  using Workbench = testing::Workbench;

  /// Clicks Remove for `name` and answers the dialog: remove from the list, or with
  /// `deleteFiles` tick the box and remove and delete.
  static void removeFromList(TrainingView& view, const QString& name, bool deleteFiles = false) {
    view.selectRun(name);
    auto* remove = view.findChild<QPushButton*>("removeButton");
    QVERIFY(remove->isEnabled());
    bool answered = false, deletesByDefault = false;
    QTimer::singleShot(0, [&] {  // the dialog is always closed, so that a failure cannot hang
      auto* dialog = qobject_cast<RemoveRunDialog*>(QApplication::activeModalWidget());
      if (!dialog) {
        if (QWidget* other = QApplication::activeModalWidget()) other->close();
        return;
      }
      deletesByDefault = dialog->deleteFiles();
      dialog->deleteBox()->setChecked(deleteFiles);
      dialog->removeButton()->click();
      answered = true;
    });
    remove->click();
    QVERIFY(answered);
    QVERIFY(!deletesByDefault);  // deleting is never the default
  }

  static ProjectRun finishedRun(const std::string& name, const std::string& outputDir) {
    ProjectRun run;
    run.name = name;
    run.config = {{"outputDir", outputDir}};
    run.status = "finished";
    return run;
  }

 private Q_SLOTS:
  void initTestCase() {
    glowscope::testing::useIsolatedSettings("tst_removed_runs", settingsDir_.path());
    QSettings().setValue("Training/workspace", workspace_.path());
  }

  void removedProjectRunStaysRemovedAfterARestart() {
    QTemporaryDir dir;
    const QString folder = dir.filePath("p");
    {
      Workbench bench;
      QVERIFY(bench.projects.newProject(folder, "remove test"));
      for (const char* name : {"r1", "r2"}) {
        ProjectRun run;
        run.name = name;
        run.config = {{"outputDir", std::string("runs/") + name}};
        run.status = "finished";
        bench.projects.recordRun(run);
      }
      bench.controller.showRecordedRuns();
      QCOMPARE(bench.view.runIds(), (QStringList{"r1", "r2"}));
      removeFromList(bench.view, "r1");
      QCOMPARE(bench.view.runIds(), QStringList{"r2"});
    }
    const Project saved = loadProject(folder.toStdString());
    QVERIFY(saved.findRun("r1") && saved.findRun("r1")->hidden);  // the record stays
    QVERIFY(!saved.findRun("r2")->hidden);

    Workbench restarted;
    QVERIFY(restarted.projects.openProject(folder));
    restarted.controller.showRecordedRuns();
    QCOMPARE(restarted.view.runIds(), QStringList{"r2"});
  }

  void removedWorkspaceRunStaysRemovedAndKeepsItsFiles() {
    const QDir workspace(workspace_.path());
    for (const char* name : {"w1", "w2"}) {
      QVERIFY(workspace.mkpath(name));
      writeFileAtomically(workspace.filePath(QString(name) + "/config.json").toStdString(),
                          "{\"steps\": 5}");
    }
    {
      Workbench bench;
      bench.controller.showRecordedRuns();
      QCOMPARE(bench.view.runIds().size(), 2);
      removeFromList(bench.view, "w1");
      QCOMPARE(bench.view.runIds(), QStringList{"w2"});
    }
    QVERIFY(loadWorkspaceState(workspace_.path().toStdString()).isHidden("w1"));
    QVERIFY(QFile::exists(workspace.filePath("w1/config.json")));  // nothing deleted
    {
      Workbench restarted;
      restarted.controller.showRecordedRuns();
      QCOMPARE(restarted.view.runIds(), QStringList{"w2"});
    }
    // A corrupt workspace file loses nothing: every run is listed again.
    writeFileAtomically(workspace.filePath(kWorkspaceFileName).toStdString(), "{broken");
    Workbench corrupt;
    corrupt.controller.showRecordedRuns();
    QCOMPARE(corrupt.view.runIds().size(), 2);
  }

  void removeThenRestoreBringsTheRunBackWithItsCurves() {
    QTemporaryDir dir;
    const QString folder = dir.filePath("p");
    {
      Workbench bench;
      QVERIFY(bench.projects.newProject(folder, "restore test"));
      writeRunFolder(QDir(folder).filePath("runs/r1"), 6);
      bench.projects.recordRun(finishedRun("r1", "runs/r1"));
      bench.projects.recordRun(finishedRun("r2", "runs/r2"));
      bench.controller.showRecordedRuns();
      QCOMPARE(bench.view.series("r1")->loss.size(), 6);
      removeFromList(bench.view, "r1");
      QCOMPARE(bench.view.runIds(), QStringList{"r2"});
      QVERIFY(QFile::exists(QDir(folder).filePath("runs/r1/metrics.jsonl")));

      // Show removed runs: listed again, greyed as removed, left out of the comparison.
      auto* restore = bench.view.findChild<QPushButton*>("restoreButton");
      QVERIFY(restore->isHidden());
      bench.view.findChild<QCheckBox*>("showRemovedBox")->setChecked(true);
      QCOMPARE(bench.view.runIds().size(), 2);
      QVERIFY(bench.view.isRunRemoved("r1"));
      QVERIFY(!bench.view.isRunRemoved("r2"));
      bench.view.selectRun("r1");
      QVERIFY(!restore->isHidden());
      QVERIFY(restore->isEnabled());
      bench.view.selectRun("r2");
      QVERIFY(!restore->isEnabled());
      bench.view.selectRun("r1");
      restore->click();
      QVERIFY(!bench.view.isRunRemoved("r1"));
      QCOMPARE(bench.view.series("r1")->loss.size(), 6);
    }
    QVERIFY(!loadProject(folder.toStdString()).findRun("r1")->hidden);
    Workbench restarted;  // restored for good, with its curves
    QVERIFY(restarted.projects.openProject(folder));
    restarted.controller.showRecordedRuns();
    QVERIFY(restarted.view.runIds().contains("r1"));
    QVERIFY(!restarted.view.isRunRemoved("r1"));
    QCOMPARE(restarted.view.series("r1")->loss.size(), 6);
  }

  void removeAndDeleteFilesDeletesTheRunForGood() {
    QTemporaryDir dir;
    const QString folder = dir.filePath("p");
    {
      Workbench bench;
      QVERIFY(bench.projects.newProject(folder, "delete test"));
      writeRunFolder(QDir(folder).filePath("runs/r1"), 3);
      writeRunFolder(QDir(folder).filePath("runs/r2"), 3);
      bench.projects.recordRun(finishedRun("r1", "runs/r1"));
      bench.projects.recordRun(finishedRun("r2", "runs/r2"));
      bench.controller.showRecordedRuns();
      removeFromList(bench.view, "r1", true);
      QCOMPARE(bench.view.runIds(), QStringList{"r2"});
    }
    QVERIFY(!QFileInfo::exists(QDir(folder).filePath("runs/r1")));
    QVERIFY(QFile::exists(QDir(folder).filePath("runs/r2/metrics.jsonl")));
    Workbench restarted;
    QVERIFY(restarted.projects.openProject(folder));
    QVERIFY(!restarted.projects.project().findRun("r1"));
    restarted.view.setShowRemovedRuns(true);  // not a removed run: gone
    restarted.controller.showRecordedRuns();
    QCOMPARE(restarted.view.runIds(), QStringList{"r2"});
  }

  void deleteNeverReachesOutsideTheProject() {
    QTemporaryDir dir;
    const QString folder = dir.filePath("p");
    const QString outside = dir.filePath("elsewhere/r1");
    writeRunFolder(outside, 2);
    Workbench bench;
    QVERIFY(bench.projects.newProject(folder, "outside test"));
    bench.projects.recordRun(finishedRun("r1", "../elsewhere/r1"));
    bench.controller.showRecordedRuns();
    QCOMPARE(bench.view.series("r1")->loss.size(), 2);
    QSignalSpy errors(&bench.projects, &ProjectController::errorOccurred);
    QVERIFY(!bench.controller.removeRun("r1", true));
    QCOMPARE(errors.size(), 1);
    QVERIFY(QFile::exists(QDir(outside).filePath("metrics.jsonl")));
    QVERIFY(bench.view.runIds().contains("r1"));
    QVERIFY(bench.projects.project().findRun("r1"));
  }

  void workspaceRunFilesAreDeletedOnlyWhenAsked() {
    const QDir workspace(workspace_.path());
    QFile::remove(workspace.filePath(kWorkspaceFileName));  // an earlier test broke it
    writeRunFolder(workspace.filePath("k1"), 2);
    writeRunFolder(workspace.filePath("k2"), 2);
    {
      Workbench bench;
      bench.controller.showRecordedRuns();
      removeFromList(bench.view, "k1", true);
      QVERIFY(!bench.view.runIds().contains("k1"));
      removeFromList(bench.view, "k2");
    }
    QVERIFY(!QFileInfo::exists(workspace.filePath("k1")));
    QVERIFY(QFile::exists(workspace.filePath("k2/metrics.jsonl")));
    Workbench restarted;
    restarted.view.setShowRemovedRuns(true);
    restarted.controller.showRecordedRuns();
    QVERIFY(!restarted.view.runIds().contains("k1"));
    QVERIFY(restarted.view.isRunRemoved("k2"));
    restarted.view.selectRun("k2");
    restarted.view.findChild<QPushButton*>("restoreButton")->click();
    QVERIFY(!loadWorkspaceState(workspace_.path().toStdString()).isHidden("k2"));
  }

  void theDialogDeletesOnlyWhenTicked() {
    RemoveRunDialog dialog("r1", "/some/where/r1");
    QVERIFY(!dialog.deleteBox()->isChecked());
    QVERIFY(!dialog.deleteFiles());
    QVERIFY(dialog.removeButton()->isDefault());
    QVERIFY(!dialog.removeButton()->text().contains("Delete"));
    dialog.deleteBox()->setChecked(true);
    QVERIFY(dialog.deleteFiles());
    QVERIFY(dialog.removeButton()->text().contains("Delete"));
    QVERIFY(!dialog.removeButton()->isDefault());  // Enter cancels rather than deletes
    RemoveRunDialog noFiles("r2", QString());      // nothing on disk to delete
    QVERIFY(!noFiles.deleteBox()->isEnabled());
    QVERIFY(!noFiles.deleteFiles());
  }
};

}  // namespace glowscope

QTEST_MAIN(glowscope::TstRemovedRuns)
#include "tst_removed_runs.moc"
