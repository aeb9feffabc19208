// Not a test: saves a screenshot of the results browser on a results folder (for the docs).
//   QT_QPA_PLATFORM=offscreen results_browser_screenshot <folder> <out.png> [tab index]
#include <QApplication>
#include <QTabWidget>
#include <cstdio>

#include "widgets/views/results_browser.h"

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s <results folder> <out.png> [tab]\n", argv[0]);
    return 2;
  }
  glowscope::ResultsBrowser browser;
  QString error;
  if (!browser.openFolder(QString::fromLocal8Bit(argv[1]), &error)) {
    std::fprintf(stderr, "%s\n", qPrintable(error));
    return 1;
  }
  if (argc > 3) browser.tabs()->setCurrentIndex(QString::fromLocal8Bit(argv[3]).toInt());
  browser.resize(1100, 700);
  browser.show();
  app.processEvents();
  return browser.grab().save(QString::fromLocal8Bit(argv[2])) ? 0 : 1;
}
