#pragma once
// What the German user-interface tests share: the finished entries of translations/
// glowscope_de.ts, the texts a widget tree shows, and a catcher for the menus and dialogs that
// open with exec() (modal), so a test can read them and close them again.
#include <QAbstractButton>
#include <QApplication>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QRegularExpression>
#include <QSet>
#include <QTabWidget>
#include <QTextDocumentFragment>
#include <QTimer>
#include <QTreeWidget>
#include <QXmlStreamReader>
#include <algorithm>
#include <functional>

#include "widgets/elided_label.h"
#include "widgets/qcustomplot_include.h"

namespace glowscope::german {

/// The source texts of glowscope_de.ts with a finished translation: exact texts, and those with
/// %1/%L2/%n placeholders as patterns (the window shows them filled in).
struct Catalogue {
  QSet<QString> sources;  ///< every finished source text, placeholders as written
  QSet<QString> exact;
  QList<QRegularExpression> patterns;  ///< one capture group per placeholder

  /// Exact, or a pattern whose filled-in pieces each pass `filledIn` (data, or translated text
  /// themselves): "%1: %2" does not pass an English sentence that merely has a colon.
  bool translates(const QString& text,
                  const std::function<bool(const QString&)>& filledIn = {}) const {
    if (exact.contains(text)) return true;
    for (const QRegularExpression& pattern : patterns) {
      const QRegularExpressionMatch match = pattern.match(text);
      if (!match.hasMatch()) continue;
      bool piecesPass = true;
      for (int group = 1; group <= match.lastCapturedIndex() && piecesPass; ++group) {
        const QString piece = match.captured(group).trimmed();
        piecesPass = piece.isEmpty() || !filledIn || filledIn(piece);
      }
      if (piecesPass) return true;
    }
    return false;
  }
};

inline void addSource(Catalogue& catalogue, const QString& source) {
  static const QRegularExpression placeholder("%L?(\\d+|n)");
  catalogue.sources.insert(source);
  if (!source.contains(placeholder)) {
    catalogue.exact.insert(source);
    return;
  }
  QString pattern;
  int at = 0;
  for (auto match = placeholder.globalMatch(source); match.hasNext();) {
    const auto next = match.next();
    pattern += QRegularExpression::escape(source.mid(at, next.capturedStart() - at)) + "(.*?)";
    at = next.capturedEnd();
  }
  pattern += QRegularExpression::escape(source.mid(at));
  catalogue.patterns << QRegularExpression(QRegularExpression::anchoredPattern(pattern),
                                           QRegularExpression::DotMatchesEverythingOption);
}

inline Catalogue readCatalogue(const QString& tsFile) {
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

/// The text a C++ string literal's body stands for (\\n, \\t, \\", \\\\, \\uXXXX).
inline QString unescapeLiteral(const QString& body) {
  QString text;
  for (qsizetype i = 0; i < body.size(); ++i) {
    if (body[i] != '\\' || i + 1 == body.size()) {
      text += body[i];
      continue;
    }
    const QChar next = body[++i];
    if (next == 'n') {
      text += '\n';
    } else if (next == 't') {
      text += '\t';
    } else if (next == 'u' && i + 4 < body.size()) {
      text += QChar(body.mid(i + 1, 4).toUShort(nullptr, 16));
      i += 4;
    } else {
      text += next;
    }
  }
  return text;
}

/// The texts of every tr("...") call (adjacent literals joined) in a C++ source.
inline QStringList trTexts(const QString& code) {
  static const QRegularExpression call(R"re(\btr\(\s*((?:"(?:[^"\\]|\\.)*"\s*)+))re");
  static const QRegularExpression literal(R"re("((?:[^"\\]|\\.)*)")re");
  QStringList texts;
  for (auto calls = call.globalMatch(code); calls.hasNext();) {
    QString text;
    for (auto parts = literal.globalMatch(calls.next().captured(1)); parts.hasNext();)
      text += unescapeLiteral(parts.next().captured(1));
    texts << text;
  }
  return texts;
}

/// Data, not user-interface text: no letters, a path, an identifier such as a set's spec
/// ("fashion-mnist:test", "photos-animals") or a format's acronym ("PNG").
inline bool isData(const QString& text) {
  static const QRegularExpression letter("[A-Za-z]{2}");
  static const QRegularExpression identifier("^[a-z0-9]+([-:_.][a-z0-9]+)+$");
  static const QRegularExpression acronym("^[A-Z]{2,4}$");
  return !text.contains(letter) || text.startsWith('/') || identifier.match(text).hasMatch() ||
         acronym.match(text).hasMatch();
}

/// Names the program takes as given: model presets (core's modelPresetNames, also the CLI's
/// words) and the devices.
inline QSet<QString> identifierNames() { return {"paper", "small", "tiny", "cpu", "cuda"}; }

/// Qt's own widgets (QWizard's buttons, a message box's label, a spin box's line edit, scroll
/// bars): translated by qtbase, not by us. The object itself or its parent carries Qt's name;
/// the containers Qt names but fills with our widgets (a scroll area's viewport, a tab widget's
/// stack) do not make their contents internal.
inline bool isQtInternal(const QObject* object) {
  const auto qtNamed = [](const QObject* o) {
    return o && (o->objectName().startsWith("qt_") || o->objectName().startsWith("__qt__"));
  };
  const auto container = [](const QObject* o) {
    return o->objectName() == "qt_scrollarea_viewport" ||
           o->objectName() == "qt_tabwidget_stackedwidget";
  };
  if (qtNamed(object)) return !container(object);
  return qtNamed(object->parent()) && !container(object->parent());
}

inline void collectMenu(const QMenu* menu, QStringList& texts) {
  texts << menu->title();
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

/// What a plot shows in words: axis labels, legend entries, its title.
inline void collectPlot(QCustomPlot* plot, QStringList& texts) {
  for (const QCPAxis* axis : plot->xAxis->axisRect()->axes()) texts << axis->label();
  for (int i = 0; i < plot->plottableCount(); ++i)
    if (plot->plottable(i)->visible()) texts << plot->plottable(i)->name();
  for (int i = 0; i < plot->plotLayout()->elementCount(); ++i)
    if (const auto* title = qobject_cast<const QCPTextElement*>(plot->plotLayout()->elementAt(i)))
      texts << title->text();
}

/// The texts `root` and its children show: labels, buttons, group boxes, docks, tabs, tree
/// headers, combo-box entries, placeholders, dialog titles, the menus of tool buttons and the
/// words in plots.
inline QStringList visibleTexts(const QWidget* root) {
  QStringList texts;
  if (qobject_cast<const QDialog*>(root)) texts << root->windowTitle();
  for (const QLabel* label : root->findChildren<QLabel*>()) {
    if (isQtInternal(label)) continue;
    const auto* elided = qobject_cast<const ElidedLabel*>(label);
    texts << (elided ? elided->fullText() : label->text());
  }
  for (QAbstractButton* button : root->findChildren<QAbstractButton*>()) {
    // A dialog button box's standard buttons (OK, Close) are Qt's, translated by qtbase.
    const auto* box = qobject_cast<const QDialogButtonBox*>(button->parent());
    if (!isQtInternal(button) &&
        !(box && box->standardButton(button) != QDialogButtonBox::NoButton))
      texts << button->text();
  }
  for (const QGroupBox* group : root->findChildren<QGroupBox*>()) texts << group->title();
  for (const QDockWidget* dock : root->findChildren<QDockWidget*>()) texts << dock->windowTitle();
  for (const QTabWidget* tabs : root->findChildren<QTabWidget*>())
    for (int i = 0; i < tabs->count(); ++i) texts << tabs->tabText(i);
  for (const QTreeWidget* tree : root->findChildren<QTreeWidget*>())
    for (int column = 0; column < tree->columnCount(); ++column)
      texts << tree->headerItem()->text(column);
  for (const QComboBox* box : root->findChildren<QComboBox*>())
    if (!isQtInternal(box))
      for (int i = 0; i < box->count(); ++i) texts << box->itemText(i);
  for (const QLineEdit* edit : root->findChildren<QLineEdit*>())
    if (!isQtInternal(edit)) texts << edit->placeholderText();
  for (const QMenu* menu : root->findChildren<QMenu*>())
    if (!isQtInternal(menu)) collectMenu(menu, texts);
  for (QCustomPlot* plot : root->findChildren<QCustomPlot*>()) collectPlot(plot, texts);
  texts.removeAll(QString());
  return texts;
}

/// The words of a rich text between its tags (a table composed of translated cells).
inline QStringList richTextParts(const QString& text) {
  static const QRegularExpression tag("<[^>]*>");
  QStringList parts;
  for (const QString& part : text.split(tag, Qt::SkipEmptyParts)) {
    const QString plain = QTextDocumentFragment::fromHtml(part).toPlainText().trimmed();
    if (!plain.isEmpty()) parts << plain;
  }
  return parts;
}

/// A text is translated when the catalogue has it whole, or, for a text of several lines or a
/// rich text composed of several translated pieces, every line or piece. Returns what is not:
/// the text, or its untranslated lines or pieces; empty when all is translated.
inline QStringList untranslatedParts(const QString& text, const Catalogue& catalogue,
                                     const QSet<QString>& dataNames) {
  // Filled-in pieces: data, or translated texts whose own pieces are data (two levels).
  const auto isDataPiece = [&](const QString& piece) {
    return isData(piece) || dataNames.contains(piece);
  };
  const auto filledIn = [&](const QString& piece) {
    if (isDataPiece(piece) || catalogue.translates(piece, isDataPiece)) return true;
    // A list of translated parts ("AUROC 46,9 %, n = 2.000").
    const QStringList parts = piece.split(QStringLiteral(", "));
    return parts.size() > 1 && std::all_of(parts.begin(), parts.end(), [&](const QString& part) {
             return isDataPiece(part) || catalogue.translates(part, isDataPiece);
           });
  };
  const auto one = [&](const QString& piece) {
    return isDataPiece(piece) || catalogue.translates(piece, filledIn);
  };
  if (one(text)) return {};
  QStringList pieces;
  if (Qt::mightBeRichText(text))
    pieces = richTextParts(text);
  else if (text.contains('\n'))
    pieces = text.split('\n', Qt::SkipEmptyParts);
  if (pieces.isEmpty()) return {text};
  QStringList missing;
  for (const QString& piece : pieces)
    if (!one(piece.trimmed())) missing << piece.trimmed();
  return missing;
}

/// `dataNames`: texts that are data here (set and score names of an open results folder).
inline QStringList untranslated(const QStringList& texts, const Catalogue& catalogue,
                                const QSet<QString>& dataNames = {}) {
  QStringList missing;
  for (const QString& text : texts)
    for (const QString& part : untranslatedParts(text, catalogue, dataNames))
      if (!missing.contains(part)) missing << part;
  return missing;
}

/// Handles the next popup menu or modal dialog that opens while it waits (a menu's or dialog's
/// exec() runs its own event loop, in which the catcher's timer still fires): `handle` reads it
/// and must close it.
class ModalCatcher : public QObject {
 public:
  enum class Kind { Popup, Dialog };

  ModalCatcher(Kind kind, std::function<void(QWidget*)> handle)
      : kind_(kind), handle_(std::move(handle)) {
    timer_.setInterval(10);
    connect(&timer_, &QTimer::timeout, this, [this] {
      QWidget* open = kind_ == Kind::Popup ? QApplication::activePopupWidget()
                                           : QApplication::activeModalWidget();
      if (!open) return;
      timer_.stop();
      caught_ = true;
      handle_(open);
    });
    timer_.start();
  }
  bool caught() const { return caught_; }

 private:
  Kind kind_;
  std::function<void(QWidget*)> handle_;
  QTimer timer_;
  bool caught_ = false;
};

}  // namespace glowscope::german
