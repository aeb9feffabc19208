// Projects in the GUI: new / save / open with the unsaved mark in the title, and opening a
// corrupt or newer project reports an error while the open project stays as it was.
#include <QMainWindow>
#include <QSettings>
#include <QSignalSpy>
#include <QTemporaryDir>
#include <QtTest>

#include "app/gui/project_controller.h"
#include "core/util/atomic_file.h"
#include "tests/widgets/isolated_settings.h"

namespace glowscope {

class TstProjectController : public QObject {
  Q_OBJECT

  QTemporaryDir settingsDir_;

 private Q_SLOTS:
  void initTestCase() {
    glowscope::testing::useIsolatedSettings("tst_project_controller", settingsDir_.path());
  }

  void newSaveOpenAndTitle() {
    QTemporaryDir dir;
    QMainWindow window;
    ProjectController projects(&window);
    const QString folder = dir.filePath("study");
    QVERIFY(projects.newProject(folder, "study"));
    QVERIFY(window.windowTitle().startsWith("study"));
    QVERIFY(!window.isWindowModified());
    projects.addDataset("mnist:test");
    QVERIFY(projects.dirty());
    QVERIFY(window.isWindowModified());
    QVERIFY(projects.save());
    QVERIFY(!window.isWindowModified());
    QCOMPARE(projects.recentProjects().front(), QDir(folder).absolutePath());

    ProjectController reopened(&window);
    QVERIFY(reopened.openProject(folder));
    QCOMPARE(reopened.project().datasets, std::vector<std::string>{"mnist:test"});
    QSignalSpy errors(&reopened, &ProjectController::errorOccurred);
    QVERIFY(!reopened.newProject(folder, "again"));  // refuses to overwrite
    QCOMPARE(errors.size(), 1);
  }

  void corruptOrNewerProjectChangesNothing() {
    QTemporaryDir dir;
    QMainWindow window;
    ProjectController projects(&window);
    QVERIFY(projects.newProject(dir.filePath("good"), "good"));
    projects.addDataset("fashion-mnist:train");  // unsaved change
    const QString title = window.windowTitle();

    const std::string corrupt = "{\"format\": \"glowscope-project\", \"version\": 1, \"na";
    const std::filesystem::path corruptFile =
        dir.filePath("bad/glowscope-project.json").toStdString();
    std::filesystem::create_directories(corruptFile.parent_path());
    writeFileAtomically(corruptFile, corrupt);
    const std::string newer = R"({"format": "glowscope-project", "version": 99, "name": "future"})";
    const std::filesystem::path newerFile = dir.filePath("newer.json").toStdString();
    writeFileAtomically(newerFile, newer);

    QSignalSpy errors(&projects, &ProjectController::errorOccurred);
    QSignalSpy changed(&projects, &ProjectController::projectChanged);
    QVERIFY(!projects.openProject(dir.filePath("bad")));
    QVERIFY(!projects.openProject(QString::fromStdString(newerFile.string())));
    QCOMPARE(errors.size(), 2);
    QVERIFY(errors.at(0).at(1).toString().contains("not valid JSON"));
    QVERIFY(errors.at(1).at(1).toString().contains("newer"));
    QCOMPARE(changed.size(), 0);
    // The open project, its unsaved change and the title are untouched; so are both files.
    QCOMPARE(projects.project().name, std::string("good"));
    QVERIFY(projects.dirty());
    QCOMPARE(projects.project().datasets, std::vector<std::string>{"fashion-mnist:train"});
    QCOMPARE(window.windowTitle(), title);
    QCOMPARE(readWholeFile(corruptFile), corrupt);
    QCOMPARE(readWholeFile(newerFile), newer);
  }
};

}  // namespace glowscope

QTEST_MAIN(glowscope::TstProjectController)
#include "tst_project_controller.moc"
