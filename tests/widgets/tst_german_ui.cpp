// The German user interface is complete: every text the window and the training wizard show
// (labels, buttons, check boxes, tabs, group boxes, dock titles, menu actions, list headers) has
// a finished German translation in translations/glowscope_de.ts, or is data (numbers, paths),
// and Qt's own texts (QWizard's Back/Next, dialog buttons) come from the installed qtbase
// translations. On failure the untranslated texts are listed.
#include <QAbstractButton>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLibraryInfo>
#include <QMenu>
#include <QMenuBar>
#include <QRegularExpression>
#include <QSettings>
#include <QTabWidget>
#include <QTemporaryDir>
#include <QTranslator>
#include <QTreeWidget>
#include <QXmlStreamReader>
#include <QtTest>

#include "app/gui/main_window.h"
#include "app/gui/training_controller.h"
#include "widgets/elided_label.h"
#include "widgets/training_wizard.h"

namespace glowscope {
namespace {

/// The source texts of glowscope_de.ts with a finished translation: exact texts, and those with
/// %1/%L2/%n placeholders as patterns (the window shows them filled in).
struct Catalogue {
  QSet<QString> exact;
  QList<QRegularExpression> patterns;

  bool translates(const QString& text) const {
    if (exact.contains(text)) return true;
    for (const QRegularExpression& pattern : patterns)
      if (pattern.match(text).hasMatch()) return true;
    return false;
  }
};

void addSource(Catalogue& catalogue, const QString& source) {
  static const QRegularExpression placeholder("%L?(\\d+|n)");
  if (!source.contains(placeholder)) {
    catalogue.exact.insert(source);
    return;
  }
  QString pattern;
  int at = 0;
  for (auto match = placeholder.globalMatch(source); match.hasNext();) {
    const auto next = match.next();
    pattern += QRegularExpression::escape(source.mid(at, next.capturedStart() - at)) + ".*";
    at = next.capturedEnd();
  }
  pattern += QRegularExpression::escape(source.mid(at));
  catalogue.patterns << QRegularExpression(QRegularExpression::anchoredPattern(pattern),
                                           QRegularExpression::DotMatchesEverythingOption);
}

Catalogue readCatalogue(const QString& tsFile) {
  Catalogue catalogue;
  QFile file(tsFile);
  if (!file.open(QIODevice::ReadOnly)) return catalogue;
  QXmlStreamReader xml(&file);
  QString source;
  while (!xml.atEnd()) {
    if (!xml.readNextStartElement()) continue;
    if (xml.name() == QLatin1String("source")) {
      source = xml.readElementText();
    } else if (xml.name() == QLatin1String("translation")) {
      const QString type = xml.attributes().value("type").toString();
      const QString text = xml.readElementText(QXmlStreamReader::IncludeChildElements);
      if (type.isEmpty() && !text.trimmed().isEmpty()) addSource(catalogue, source);
    }
  }
  return catalogue;
}

/// Data, not user-interface text: no letters, or a path.
bool isData(const QString& text) {
  static const QRegularExpression letter("[A-Za-z]{2}");
  return !text.contains(letter) || text.startsWith('/');
}

/// Qt's own widgets (QWizard's buttons, scroll bars, ...): translated by qtbase, not by us.
bool isQtInternal(const QObject* object) {
  for (; object; object = object->parent())
    if (object->objectName().startsWith("qt_") || object->objectName().startsWith("__qt__"))
      return true;
  return false;
}

void collectMenu(const QMenu* menu, QStringList& texts) {
  for (const QAction* action : menu->actions()) {
    if (action->isSeparator() || action->objectName().startsWith("recent")) continue;
    if (action->menu() && action->menu()->objectName() == "menuRecent") {
      texts << action->text();
      continue;  // its entries are folders
    }
    texts << action->text();
    if (action->menu()) collectMenu(action->menu(), texts);
  }
}

/// The texts `root` and its children show, as "text" entries.
QStringList visibleTexts(const QWidget* root) {
  QStringList texts;
  for (const QLabel* label : root->findChildren<QLabel*>()) {
    // The runtime line names libraries, versions and paths (core/runtime): data.
    if (isQtInternal(label) || label->objectName() == "runtimeStatus") continue;
    const auto* elided = qobject_cast<const ElidedLabel*>(label);
    texts << (elided ? elided->fullText() : label->text());
  }
  for (const QAbstractButton* button : root->findChildren<QAbstractButton*>())
    if (!isQtInternal(button)) texts << button->text();
  for (const QGroupBox* group : root->findChildren<QGroupBox*>()) texts << group->title();
  for (const QDockWidget* dock : root->findChildren<QDockWidget*>()) texts << dock->windowTitle();
  for (const QTabWidget* tabs : root->findChildren<QTabWidget*>())
    for (int i = 0; i < tabs->count(); ++i) texts << tabs->tabText(i);
  for (const QTreeWidget* tree : root->findChildren<QTreeWidget*>())
    for (int column = 0; column < tree->columnCount(); ++column)
      texts << tree->headerItem()->text(column);
  texts.removeAll(QString());
  return texts;
}

QStringList untranslated(const QStringList& texts, const Catalogue& catalogue) {
  QStringList missing;
  for (const QString& text : texts)
    if (!isData(text) && !catalogue.translates(text) && !missing.contains(text)) missing << text;
  return missing;
}

}  // namespace

class TstGermanUi : public QObject {
  Q_OBJECT

  QTemporaryDir settingsDir_;
  Catalogue catalogue_;

  void expectTranslated(const QStringList& texts, const char* where) {
    const QStringList missing = untranslated(texts, catalogue_);
    QVERIFY2(missing.isEmpty(), qPrintable(QString("%1 untranslated text(s) in %2:\n  %3")
                                               .arg(missing.size())
                                               .arg(where)
                                               .arg(missing.join("\n  "))));
  }

 private Q_SLOTS:
  void initTestCase() {
    QCoreApplication::setOrganizationName("GlowscopeTest");
    QCoreApplication::setApplicationName("tst_german_ui");
    QSettings::setDefaultFormat(QSettings::IniFormat);
    QSettings::setPath(QSettings::IniFormat, QSettings::UserScope, settingsDir_.path());
    catalogue_ = readCatalogue(GLOWSCOPE_TS_FILE);
    QVERIFY2(catalogue_.exact.size() > 100, GLOWSCOPE_TS_FILE);
  }

  // The check itself: a text the catalogue lacks is reported, a translated one is not.
  void theCheckCanFail() {
    QCOMPARE(
        untranslated({"&File", "An untranslated sentence here", "12,345", "/tmp/x"}, catalogue_),
        QStringList{"An untranslated sentence here"});
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
