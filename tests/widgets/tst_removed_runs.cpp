// Remove takes a run out of the training view's list for good: in a project the run is marked
// hidden in the project file, without one the workspace's glowscope-workspace.json lists it; a
// new controller (a restart) does not list it again, and its files stay.
#include <QDir>
#include <QFile>
#include <QPushButton>
#include <QSettings>
#include <QTemporaryDir>
#include <QtTest>

#include "app/gui/project_controller.h"
#include "app/gui/training_controller.h"
#include "core/project/project_file.h"
#include "core/project/workspace_file.h"
#include "core/util/atomic_file.h"
#include "widgets/training_view.h"

namespace glowscope {

class TstRemovedRuns : public QObject {
  Q_OBJECT

  QTemporaryDir settingsDir_;
  QTemporaryDir workspace_;

  // A window as the application has it: projects, the view and the controller of its runs.
  struct Workbench {
    QWidget window;
    ProjectController projects{&window};
    TrainingView view;
    TrainingController controller{&projects, &view, &window};
  };

  static void removeFromList(TrainingView& view, const QString& name) {
    view.selectRun(name);
    auto* remove = view.findChild<QPushButton*>("removeButton");
    QVERIFY(remove->isEnabled());
    remove->click();
  }

 private Q_SLOTS:
  void initTestCase() {
    QCoreApplication::setOrganizationName("GlowscopeTest");
    QCoreApplication::setApplicationName("tst_removed_runs");
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir_.path());
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
};

}  // namespace glowscope

QTEST_MAIN(glowscope::TstRemovedRuns)
#include "tst_removed_runs.moc"
