// The German user interface beyond what the window shows at creation: the Results page with a
// results folder open, every menu (the menu bar, tool buttons' menus such as Copy LaTeX's, the
// plots' context menu as a right click opens it), the dialogs a user reaches from the window
// (About, Keyboard Shortcuts, the figure export options, Export All Views, the unsaved-changes
// question) and every page of the training wizard as a user walks it. Each text is checked
// against translations/glowscope_de.ts as in tst_german_ui; data (set and score names of the
// results folder, numbers, paths) is not text to translate.
#include <QAction>
#include <QMenuBar>
#include <QMessageBox>
#include <QSettings>
#include <QSpinBox>
#include <QTemporaryDir>
#include <QToolButton>
#include <QtTest>

#include "app/gui/main_window.h"
#include "app/gui/project_controller.h"
#include "core/experiments/results_folder.h"
#include "tests/core/experiments/results_fixture.h"
#include "tests/widgets/german_ui_support.h"
#include "tests/widgets/isolated_settings.h"
#include "widgets/training_wizard.h"
#include "widgets/views/results_browser.h"
#include "widgets/wizard_pages.h"

namespace glowscope {
using german::Catalogue;
using german::collectMenu;
using german::ModalCatcher;
using german::visibleTexts;

namespace {

/// Reads a dialog or message box and closes it the harmless way (Cancel, No, OK, reject).
void readAndClose(QWidget* open, QStringList& texts) {
  texts << visibleTexts(open);
  if (auto* box = qobject_cast<QMessageBox*>(open)) {
    texts << box->text() << box->informativeText();
    for (const auto button : {QMessageBox::Cancel, QMessageBox::No, QMessageBox::Ok})
      if (QAbstractButton* harmless = box->button(button)) {
        harmless->click();
        return;
      }
  }
  if (auto* dialog = qobject_cast<QDialog*>(open))
    dialog->reject();
  else
    open->close();
}

}  // namespace

class TstGermanUiDialogs : public QObject {
  Q_OBJECT

  QTemporaryDir settingsDir_;
  QTemporaryDir resultsDir_;
  Catalogue catalogue_;
  QSet<QString> dataNames_;

  void expectTranslated(const QStringList& texts, const char* where) {
    const QStringList missing = german::untranslated(texts, catalogue_, dataNames_);
    QVERIFY2(missing.isEmpty(), qPrintable(QString("%1 untranslated text(s) in %2:\n  %3")
                                               .arg(missing.size())
                                               .arg(where)
                                               .arg(missing.join("\n  "))));
  }

  /// A window with the results folder open on the Results page.
  void openResults(MainWindow& window) {
    QVERIFY(window.openResultsFolder(resultsDir_.path()));
    QCoreApplication::processEvents();
  }

 private Q_SLOTS:
  void initTestCase() {
    glowscope::testing::useIsolatedSettings("tst_german_ui_dialogs", settingsDir_.path());
    catalogue_ = german::readCatalogue(GLOWSCOPE_TS_FILE);
    QVERIFY2(catalogue_.exact.size() > 100, GLOWSCOPE_TS_FILE);
    testing::writeTinyResultsFolder(resultsDir_.path().toStdString());
    const ResultsFolder results = loadResultsFolder(resultsDir_.path().toStdString());
    // The folder's own names are data: the experiment, its sets, scores and models.
    dataNames_ << QString::fromStdString(results.name)
               << QString::fromStdString(results.inDistribution);
    for (const std::string& set : results.allSets()) dataNames_ << QString::fromStdString(set);
    for (const std::string& score : results.scoreNames) dataNames_ << QString::fromStdString(score);
    for (const auto& [id, label] : results.models) dataNames_ << QString::fromStdString(label);
    dataNames_ += german::identifierNames();
    // Metric names are the field's terms (AUROC, AUPR-in, FPR@95), kept as in the paper.
    for (const TableMetricInfo& info : tableMetrics()) {
      const QString name = QString::fromStdString(info.description.name);
      dataNames_ << QString::fromLatin1(info.shortName) << name << name + " (%)";
    }
    // The folder's sets are not on this machine; core's error details are English by design
    // (core has no Qt) and shown as given inside a translated sentence.
    for (const std::string& set : results.allSets())
      dataNames_ << QString::fromStdString("config field 'dataset': " + set +
                                           ": unknown dataset or missing path");
  }

  // The check itself: a dialog's English sentence is reported, a translated one and data not.
  void theCheckCanFail() {
    QCOMPARE(german::untranslated({"Export figure", "Write this file now?", "b:test"}, catalogue_,
                                  dataNames_),
             QStringList{"Write this file now?"});
    // Several lines or a rich text pass only when every line or piece is translated; a pattern
    // only when what fills its placeholders is data or translated ("%1: %2" is in the .ts).
    QCOMPARE(german::untranslated(
                 {"Export figure\nWrite this file now?",
                  "<b>Export figure</b><br>Not in the catalogue", "Conventions: b:test"},
                 catalogue_, dataNames_),
             (QStringList{"Write this file now?", "Not in the catalogue", "Conventions: b:test"}));
  }

  // Tables (the header lines), Histogram & ROC, Scatter and Correlations with data.
  void resultsPageIsTranslated() {
    MainWindow window;
    openResults(window);
    expectTranslated(visibleTexts(&window), "the window with a results folder open");
  }

  void everyMenuIsTranslated() {
    MainWindow window;
    openResults(window);
    QStringList texts;
    for (const QAction* action : window.menuBar()->actions()) {
      texts << action->text();
      if (action->menu()) collectMenu(action->menu(), texts);
    }
    // Menus of tool buttons: Copy LaTeX's rules and layouts, the data page's Add menu.
    const auto* latex = window.findChild<QToolButton*>("copyLatexButton");
    QVERIFY(latex && latex->menu());
    for (const QMenu* menu : window.findChildren<QMenu*>()) collectMenu(menu, texts);
    // Every plot's context menu, opened as a right click opens it.
    int contextMenus = 0;
    for (QCustomPlot* plot : window.findChildren<QCustomPlot*>()) {
      if (plot->contextMenuPolicy() != Qt::CustomContextMenu) continue;
      ModalCatcher catcher(ModalCatcher::Kind::Popup, [&texts](QWidget* open) {
        if (const auto* menu = qobject_cast<QMenu*>(open)) collectMenu(menu, texts);
        open->close();
      });
      Q_EMIT plot->customContextMenuRequested(QPoint(10, 10));
      QVERIFY(catcher.caught());
      ++contextMenus;
    }
    QVERIFY2(contextMenus >= 4, "the histogram, ROC, scatter and heat-map plots have one");
    expectTranslated(texts, "the menus");
  }

  void dialogsAreTranslated() {
    MainWindow window;
    openResults(window);
    QStringList texts;
    const auto readIt = [&texts](QWidget* open) { readAndClose(open, texts); };
    for (const char* action : {"actionAbout", "actionShortcuts", "actionExportAllViews"}) {
      ModalCatcher catcher(ModalCatcher::Kind::Dialog, readIt);
      window.findChild<QAction*>(action)->trigger();
      QVERIFY2(catcher.caught(), action);
    }
    // Export figure…: the first entry of a plot's context menu opens the figure options.
    QCustomPlot* plot = nullptr;
    for (QCustomPlot* candidate : window.findChildren<QCustomPlot*>())
      if (!plot && candidate->contextMenuPolicy() == Qt::CustomContextMenu) plot = candidate;
    QVERIFY(plot);
    {
      ModalCatcher menu(ModalCatcher::Kind::Popup, [](QWidget* open) {
        auto* popup = qobject_cast<QMenu*>(open);
        popup->setActiveAction(popup->actions().constFirst());
        QTest::keyClick(popup, Qt::Key_Return);
      });
      QString dialogClass;
      ModalCatcher options(ModalCatcher::Kind::Dialog, [&](QWidget* open) {
        dialogClass = QString::fromLatin1(open->metaObject()->className());
        readIt(open);
      });
      Q_EMIT plot->customContextMenuRequested(QPoint(10, 10));
      QVERIFY(menu.caught());
      QCOMPARE(dialogClass, QString("glowscope::FigureOptionsDialog"));
    }
    // Unsaved changes: a project with a new data set, then File > Open Project… asks; Cancel.
    QTemporaryDir projectDir;
    ProjectController* projects = window.projectController();
    QVERIFY(projects->newProject(projectDir.path(), "demo-project"));  // a name: data
    projects->addDataset("mnist:test");
    QVERIFY(projects->dirty());
    {
      ModalCatcher question(ModalCatcher::Kind::Dialog, readIt);
      window.findChild<QAction*>("actionOpenProject")->trigger();
      QVERIFY(question.caught());
    }
    QVERIFY(projects->dirty());  // Cancel kept the project as it was
    expectTranslated(texts, "the dialogs");
  }

  // The wizard as a user walks it with a valid form: each page's texts once it is entered.
  void everyWizardPageIsTranslated() {
    TrainingWizardContext context;
    context.datasets = {"fashion-mnist:train", "fashion-mnist:test", "mnist:test"};
    context.outputRoot = QDir(settingsDir_.path()).filePath("runs");
    TrainingWizard wizard(context);
    wizard.restart();
    const auto set = [&wizard](const char* name, const QString& text) {
      auto* box = wizard.findChild<QComboBox*>(name);
      QVERIFY2(box, name);
      box->setCurrentText(text);
    };
    set("trainSet", "fashion-mnist:train");
    set("testSet", "fashion-mnist:test");
    set("modelPreset", "tiny");
    wizard.findChild<QSpinBox*>("steps")->setValue(40);
    auto* data = qobject_cast<DataPage*>(wizard.pageById(TrainingWizard::kDataPage));
    QTRY_VERIFY_WITH_TIMEOUT(!data->checksPending(), 60000);
    QStringList texts;
    QList<int> visited{wizard.currentId()};
    texts << visibleTexts(wizard.currentPage());
    while (wizard.currentId() != TrainingWizard::kSummaryPage) {
      const int before = wizard.currentId();
      wizard.next();
      QCoreApplication::processEvents();
      QVERIFY2(wizard.currentId() != before, qPrintable(wizard.validationError()));
      visited << wizard.currentId();
      QWizardPage* page = wizard.currentPage();
      texts << page->title() << page->subTitle() << visibleTexts(page);
    }
    QCOMPARE(visited.size(), wizard.pageIds().size());
    texts.removeAll(QString());
    expectTranslated(texts, "the training wizard's pages");
  }
};

}  // namespace glowscope

QTEST_MAIN(glowscope::TstGermanUiDialogs)
#include "tst_german_ui_dialogs.moc"
