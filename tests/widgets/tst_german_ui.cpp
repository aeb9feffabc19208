// The German user interface is complete: every text the window and the training wizard show
// (labels, buttons, check boxes, tabs, group boxes, dock titles, menu actions, list headers) has
// a finished German translation in translations/glowscope_de.ts, or is data (numbers, paths),
// and Qt's own texts (QWizard's Back/Next, dialog buttons) come from the installed qtbase
// translations. On failure the untranslated texts are listed.
#include <QDirIterator>
#include <QFileInfo>
#include <QLibraryInfo>
#include <QMenuBar>
#include <QSettings>
#include <QTemporaryDir>
#include <QTranslator>
#include <QtTest>

#include "app/gui/main_window.h"
#include "app/gui/training_controller.h"
#include "tests/widgets/german_ui_support.h"
#include "tests/widgets/isolated_settings.h"
#include "widgets/training_wizard.h"

namespace glowscope {
using german::Catalogue;
using german::collectMenu;
using german::readCatalogue;
using german::untranslated;
using german::visibleTexts;

class TstGermanUi : public QObject {
  Q_OBJECT

  QTemporaryDir settingsDir_;
  Catalogue catalogue_;

  void expectTranslated(const QStringList& texts, const char* where) {
    const QStringList missing = untranslated(texts, catalogue_, german::identifierNames());
    QVERIFY2(missing.isEmpty(), qPrintable(QString("%1 untranslated text(s) in %2:\n  %3")
                                               .arg(missing.size())
                                               .arg(where)
                                               .arg(missing.join("\n  "))));
  }

 private Q_SLOTS:
  void initTestCase() {
    glowscope::testing::useIsolatedSettings("tst_german_ui", settingsDir_.path());
    catalogue_ = readCatalogue(GLOWSCOPE_TS_FILE);
    QVERIFY2(catalogue_.exact.size() > 100, GLOWSCOPE_TS_FILE);
  }

  // The check itself: a text the catalogue lacks is reported, a translated one is not.
  void theCheckCanFail() {
    QCOMPARE(
        untranslated({"&File", "An untranslated sentence here", "12,345", "/tmp/x"}, catalogue_),
        QStringList{"An untranslated sentence here"});
  }

  // Every tr() text of widgets/ and app/gui/ has a finished translation, the texts no test opens
  // (error messages, questions before overwriting) included.
  void everyTrTextOfTheSourcesIsTranslated() {
    QStringList missing;
    int texts = 0;
    for (const char* folder : {"widgets", "app/gui"}) {
      QDirIterator files(QStringLiteral(GLOWSCOPE_SOURCE_DIR "/") + folder, {"*.cpp", "*.h"},
                         QDir::Files, QDirIterator::Subdirectories);
      while (files.hasNext()) {
        QFile file(files.next());
        QVERIFY(file.open(QIODevice::ReadOnly));
        for (const QString& text : german::trTexts(QString::fromUtf8(file.readAll()))) {
          ++texts;
          if (!catalogue_.sources.contains(text))
            missing << QFileInfo(file).fileName() + ": " + text;
        }
      }
    }
    QVERIFY2(texts > 500, "the sources were found");
    QVERIFY2(missing.isEmpty(), qPrintable(QString("%1 tr() text(s) without a translation:\n  %2")
                                               .arg(missing.size())
                                               .arg(missing.join("\n  "))));
  }

  void mainWindowTextsAreTranslated() {
    MainWindow window;
    QStringList texts = visibleTexts(&window);
    for (const QAction* action : window.menuBar()->actions()) {
      texts << action->text();
      if (action->menu()) collectMenu(action->menu(), texts);
    }
    expectTranslated(texts, "the main window (all pages and menus)");
  }

  void wizardTextsAreTranslated() {
    MainWindow window;
    TrainingWizard* wizard = window.trainingController()->openWizard();
    QVERIFY(wizard);
    QStringList texts = visibleTexts(wizard);
    for (const int id : wizard->pageIds()) {
      texts << wizard->page(id)->title() << wizard->page(id)->subTitle();
    }
    texts.removeAll(QString());
    expectTranslated(texts, "the training wizard");
    wizard->close();
  }

  // QWizard's Back/Next/Cancel and the dialog buttons: Qt's catalogue for German is installed
  // (Debian: qt6-translations-l10n) and translates them; main.cpp loads it from here.
  void qtOwnTextsHaveAGermanCatalogue() {
    QTranslator qtbase;
    QVERIFY2(qtbase.load(QLocale(QLocale::German), "qtbase", "_",
                         QLibraryInfo::path(QLibraryInfo::TranslationsPath)),
             "qtbase_de.qm missing: install qt6-translations-l10n");
    QCOMPARE(qtbase.translate("QWizard", "&Next"), QString("&Weiter"));
    QVERIFY(!qtbase.translate("QPlatformTheme", "Cancel").isEmpty());
  }
};

}  // namespace glowscope

QTEST_MAIN(glowscope::TstGermanUi)
#include "tst_german_ui.moc"
