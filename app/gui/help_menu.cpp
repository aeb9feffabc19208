#include "app/gui/help_menu.h"

#include <spdlog/sinks/rotating_file_sink.h>

#include <QAction>
#include <QApplication>
#include <QCoreApplication>
#include <QDesktopServices>
#include <QDialog>
#include <QDialogButtonBox>
#include <QDir>
#include <QMainWindow>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QStandardPaths>
#include <QTreeWidget>
#include <QUrl>
#include <QVBoxLayout>

#include "app/gui/about_dialog.h"
#include "core/util/log.h"

namespace glowscope {
namespace {

constexpr std::size_t kLogFileBytes = 2 * 1024 * 1024;
constexpr std::size_t kLogFiles = 3;

void collectShortcuts(const QMenu* menu, const QString& path, QStringList& lines) {
  for (const QAction* action : menu->actions()) {
    const QString name = QString(action->text()).remove('&');
    if (action->menu()) {
      collectShortcuts(action->menu(), path + " > " + name, lines);
    } else if (!action->shortcut().isEmpty()) {
      lines << path + " > " + name + "\t" + action->shortcut().toString(QKeySequence::NativeText);
    }
  }
}

void openFolder(QWidget* window, const QString& folder, const QString& what) {
  if (folder.isEmpty() || !QDir(folder).exists()) {
    QMessageBox::information(window, what,
                             QObject::tr("The folder %1 does not exist.").arg(folder));
    return;
  }
  if (!QDesktopServices::openUrl(QUrl::fromLocalFile(folder)))
    QMessageBox::information(window, what,
                             QObject::tr("No file manager could be started. The folder is:\n%1")
                                 .arg(QDir::toNativeSeparators(folder)));
}

void showShortcuts(QMainWindow* window) {
  QDialog dialog(window);
  dialog.setWindowTitle(QObject::tr("Keyboard Shortcuts"));
  auto* list = new QTreeWidget(&dialog);
  list->setObjectName("shortcutList");
  list->setHeaderLabels({QObject::tr("Action"), QObject::tr("Keys")});
  list->setRootIsDecorated(false);
  for (const QString& line : shortcutLines(*window)) new QTreeWidgetItem(list, line.split('\t'));
  list->resizeColumnToContents(0);
  auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, &dialog);
  QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
  auto* layout = new QVBoxLayout(&dialog);
  layout->addWidget(list);
  layout->addWidget(buttons);
  dialog.resize(560, 480);
  dialog.exec();
}

}  // namespace

QString documentationFolder() {
  const QString installed =
      QDir::cleanPath(QCoreApplication::applicationDirPath() + "/" + GLOWSCOPE_DOCS_RELATIVE_DIR);
  if (QDir(installed).exists()) return installed;
  const QString sourceTree = QStringLiteral(GLOWSCOPE_SOURCE_DOCS_DIR);
  return QDir(sourceTree).exists() ? sourceTree : QString();
}

QString logFolder() {
  return QStandardPaths::writableLocation(QStandardPaths::AppLocalDataLocation) + "/logs";
}

void installLogFile() {
  const QString folder = logFolder();
  try {
    QDir().mkpath(folder);
    addLogSink(std::make_shared<spdlog::sinks::rotating_file_sink_mt>(
        (folder + "/glowscope.log").toStdString(), kLogFileBytes, kLogFiles));
  } catch (const spdlog::spdlog_ex& error) {
    logger()->warn("no log file in {}: {}", folder.toStdString(), error.what());
  }
}

QStringList shortcutLines(const QMainWindow& window) {
  QStringList lines;
  for (const QAction* action : window.menuBar()->actions())
    if (action->menu())
      collectShortcuts(action->menu(), QString(action->text()).remove('&'), lines);
  lines << QObject::tr("Plots: mouse wheel\tzoom (over an axis: that axis only)")
        << QObject::tr("Plots: drag (Ctrl+drag in the scatter plot)\tpan")
        << QObject::tr("Plots: double-click\treset the axis ranges")
        << QObject::tr("Plots: click a legend entry\thide or show its series");
  return lines;
}

void populateHelpMenu(QMenu* menu, QMainWindow* window) {
  QAction* docs = menu->addAction(QObject::tr("&Documentation"), window, [window] {
    openFolder(window, documentationFolder(), QObject::tr("Documentation"));
  });
  docs->setShortcut(QKeySequence::HelpContents);
  docs->setObjectName("actionDocumentation");
  QAction* keys = menu->addAction(QObject::tr("&Keyboard Shortcuts"), window,
                                  [window] { showShortcuts(window); });
  keys->setObjectName("actionShortcuts");
  QAction* logs = menu->addAction(QObject::tr("Open &Log Folder"), window, [window] {
    openFolder(window, logFolder(), QObject::tr("Log folder"));
  });
  logs->setObjectName("actionLogFolder");
  menu->addSeparator();
  QAction* about = menu->addAction(QObject::tr("&About Glowscope"), window,
                                   [window] { showAboutDialog(window); });
  about->setObjectName("actionAbout");
  menu->addAction(QObject::tr("About &Qt"), qApp, &QApplication::aboutQt);
}

}  // namespace glowscope
