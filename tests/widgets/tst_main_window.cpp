// The application shell: the window opens with its menus and log dock, a core log line reaches
// the log panel, and window geometry/state survive a QSettings round trip.
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QMenuBar>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QtTest>
#include <thread>

#include <QFileDialog>
#include <QListWidget>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>

#include "app/gui/about_dialog.h"
#include "app/gui/help_menu.h"
#include "app/gui/main_window.h"
#include "app/gui/project_controller.h"
#include "core/util/log.h"
#include "tests/widgets/isolated_settings.h"
#include "views/results_test_folder.h"
#include "widgets/analysis/analysis_page.h"
#include "widgets/analysis/fourier_mixing_view.h"
#include "widgets/analysis/model_picker.h"
#include "widgets/log_panel.h"
#include "widgets/views/results_browser.h"
#include "widgets/welcome_page.h"

namespace glowscope {

class TstMainWindow : public QObject {
  Q_OBJECT

 private:
  QTemporaryDir settingsDir_;

 private Q_SLOTS:
  void initTestCase() {
    QVERIFY(settingsDir_.isValid());
    glowscope::testing::useIsolatedSettings("tst_main_window", settingsDir_.path());
  }

  void opensWithMenusAndLogDock() {
    MainWindow window;
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QStringList menuTitles;
    for (QAction* action : window.menuBar()->actions()) menuTitles << action->text();
    QCOMPARE(menuTitles, (QStringList{"&File", "&Training", "&View", "&Help"}));
    QVERIFY(window.logDock()->isVisible());
    QVERIFY(window.findChild<QAction*>("actionAbout") != nullptr);
  }

  void logPanelReceivesCoreLogLine() {
    MainWindow window;
    window.show();
    const QString marker = "core says hello 4711";
    logger()->info("{}", marker.toStdString());
    // The record crosses a queued connection: it arrives once the event loop runs.
    QTRY_VERIFY(window.logPanel()->plainText().contains(marker));
  }

  void logLinesFromWorkerThreadsArrive() {
    MainWindow window;
    std::thread worker([] { logger()->warn("from a worker thread"); });
    worker.join();
    QTRY_VERIFY(window.logPanel()->plainText().contains("from a worker thread"));
  }

  void settingsRoundTrip() {
    // Well above the window's minimum, which depends on the installed fonts (591-686 px high).
    const QSize savedSize(1013, 777);
    {
      MainWindow window;
      window.show();
      QVERIFY(QTest::qWaitForWindowExposed(&window));
      window.resize(savedSize);
      window.logDock()->hide();
      QCOMPARE(window.size(), savedSize);
      window.close();
    }
    MainWindow restored;
    restored.show();
    QVERIFY(QTest::qWaitForWindowExposed(&restored));
    QCOMPARE(restored.size(), savedSize);
    QVERIFY(!restored.logDock()->isVisible());
  }

  void opensAResultsFolderInTheResultsTab() {
    QTemporaryDir results;
    testing::writeResultsFolder(results.path());
    MainWindow window;
    window.show();
    QVERIFY(window.findChild<QAction*>("actionOpenResults") != nullptr);
    QVERIFY(window.openResultsFolder(results.path()));
    QVERIFY(window.resultsBrowser()->results().has_value());
    QCOMPARE(window.findChild<QTabWidget*>("workbenchPages")->currentIndex(), 2);
  }

  // The Analysis page offers the open folder's models of its first seed and its data sets.
  void theAnalysisPageGetsTheResultsModelsAndSets() {
    QTemporaryDir results;
    testing::writeResultsFolder(results.path());
    QVERIFY(QDir().mkpath(results.filePath("models/conv-seed0")));
    QFile model(results.filePath("models/conv-seed0/model.glow"));
    QVERIFY(model.open(QIODevice::WriteOnly));  // not a model: the view reports, nothing crashes
    model.write("not a model");
    model.close();
    MainWindow window;
    QVERIFY(window.analysisPage());
    QCOMPARE(window.findChild<QTabWidget*>("workbenchPages")->count(), 4);
    QVERIFY(window.openResultsFolder(results.path()));
    QComboBox* models = window.analysisPage()->fourierView()->modelPicker()->modelBox();
    QCOMPARE(models->count(), 1);
    QCOMPARE(models->itemText(0), QString("conv (seed 0)"));
    QTRY_VERIFY(!window.analysisPage()->fourierView()->modelPicker()->isLoading());
    QVERIFY(!window.analysisPage()->fourierView()->modelPicker()->model());
  }

  // A 1024x700 screen (title bar and a panel taken): nothing forces the window larger, and
  // neither the Results nor the Analysis page scrolls with the log dock hidden (the short-screen
  // default) — the histogram's controls, the training plots and the analysis tiles once did.
  void fitsA1024x700Screen() {
    QTemporaryDir results;
    testing::writeResultsFolder(results.path());
    MainWindow window;
    QVERIFY(window.openResultsFolder(results.path()));
    const QSize screenLeft(1000, 660);
    window.logDock()->show();  // even with the log dock the window can be made to fit
    const QSize minimum = window.minimumSizeHint();
    QVERIFY2(minimum.height() <= screenLeft.height() && minimum.width() <= screenLeft.width(),
             qPrintable(QString("minimum %1x%2").arg(minimum.width()).arg(minimum.height())));
    window.logDock()->hide();
    window.resize(screenLeft);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    auto* pages = window.findChild<QTabWidget*>("workbenchPages");
    for (const int page : {2, 3}) {
      pages->setCurrentIndex(page);
      auto* scroll = qobject_cast<QScrollArea*>(pages->widget(page));
      QVERIFY(scroll);
      QTRY_COMPARE(scroll->horizontalScrollBar()->maximum(), 0);
      QTRY_COMPARE(scroll->verticalScrollBar()->maximum(), 0);
    }
  }

  // Launch shows the start page, not empty plots: its ways to begin and, once a project was
  // opened, that project among the recent ones (in this window and the next).
  void startPageOnFirstLaunchListsRecentProjects() {
    QSettings().remove("Projects/recent");
    QTemporaryDir project;
    {
      MainWindow window;
      window.show();
      QVERIFY(QTest::qWaitForWindowExposed(&window));
      QVERIFY(window.welcomePageShown());
      QVERIFY(window.welcomePage()->isVisible());
      for (const char* name :
           {"startOpenProject", "startOpenResults", "startTrain", "startDocumentation"}) {
        auto* button = window.welcomePage()->findChild<QPushButton*>(name);
        QVERIFY2(button && button->isVisible(), name);
      }
      QVERIFY(window.welcomePage()->recentProjects().isEmpty());
      QVERIFY(window.projectController()->newProject(project.path(), "first"));
      QCOMPARE(window.welcomePage()->recentProjects(), QStringList{project.path()});
      QVERIFY(!window.welcomePageShown());  // the project's workbench replaces the start page
      window.findChild<QAction*>("actionWelcomePage")->trigger();
      QVERIFY(window.welcomePageShown());
    }
    MainWindow next;
    QVERIFY(next.welcomePageShown());
    QCOMPARE(next.welcomePage()->recentProjects(), QStringList{project.path()});
    auto* list = next.welcomePage()->findChild<QListWidget*>("recentProjects");
    Q_EMIT list->itemActivated(list->item(0));
    QVERIFY(next.projectController()->hasProject());
    QCOMPARE(next.projectController()->folder(), project.path());
    next.welcomePage()->findChild<QPushButton*>("startDatasets")->click();
    QCOMPARE(next.findChild<QTabWidget*>("workbenchPages")->currentIndex(), 0);
  }

  void helpMenuHasDocumentationShortcutsAndLogs() {
    MainWindow window;
    for (const char* name : {"actionDocumentation", "actionShortcuts", "actionLogFolder"})
      QVERIFY2(window.findChild<QAction*>(name), name);
    QVERIFY(QDir(documentationFolder()).exists("architecture.md"));
    const QStringList lines = shortcutLines(window);
    const QString save = QKeySequence(QKeySequence::Save).toString(QKeySequence::NativeText);
    QVERIFY(lines.filter("Save Project\t" + save).size() == 1);
    QVERIFY(lines.filter("Start Page").size() == 1);
  }

  // Ctrl+S with no project open offers to save a new project (a folder dialog) instead of
  // doing nothing.
  void saveWithoutProjectOffersANewProject() {
    MainWindow window;
    window.show();
    QVERIFY(!window.projectController()->hasProject());
    QString dialogTitle;
    QTimer poll;
    connect(&poll, &QTimer::timeout, [&dialogTitle] {
      if (auto* dialog = qobject_cast<QFileDialog*>(QApplication::activeModalWidget())) {
        dialogTitle = dialog->windowTitle();
        dialog->reject();
      }
    });
    poll.start(20);
    window.findChild<QAction*>("actionSaveProject")->trigger();
    QVERIFY2(dialogTitle.contains("No project is open"), qPrintable(dialogTitle));
    QVERIFY(!window.projectController()->hasProject());
  }

  void aboutNamesTheLibraries() {
    const QString text = aboutText();
    QVERIFY(text.contains("LibTorch"));
    QVERIFY(text.contains("OpenCV"));
    QVERIFY(text.contains(QString::fromUtf8(qVersion())));
  }
};

}  // namespace glowscope

QTEST_MAIN(glowscope::TstMainWindow)
#include "tst_main_window.moc"
