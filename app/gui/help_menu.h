#pragma once
// The Help menu's places and lists: the documentation folder, the log file's folder and the
// keyboard shortcuts (read from the window's menus, so the list is never out of date).
#include <QString>

class QMainWindow;
class QMenu;

namespace glowscope {

/// The installed documentation (<prefix>/share/doc/glowscope), else the source tree's docs/
/// when running from the build folder; empty when neither exists.
QString documentationFolder();
/// Where the GUI's log file is written (the platform's application data folder, logs/).
QString logFolder();
/// Adds a size-limited log file in logFolder() to the logger; says in the log when it cannot.
void installLogFile();

/// "Menu > Action<TAB>shortcut" lines for every action of the window's menus with a shortcut,
/// then the mouse gestures of the plots.
QStringList shortcutLines(const QMainWindow& window);

/// Documentation, Keyboard Shortcuts, Log Folder, About, About Qt.
void populateHelpMenu(QMenu* menu, QMainWindow* window);

}  // namespace glowscope
