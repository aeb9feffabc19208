// glowscope: the desktop workbench.
#include <QApplication>
#include <QCommandLineParser>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QStyleFactory>
#include <QTimer>
#include <QTranslator>

#include "app/gui/main_window.h"
#include "core/util/log.h"
#include "core/util/runtime.h"
#include "core/util/version.h"

namespace {

void installTranslators(QApplication& application, const QString& language) {
  auto* translator = new QTranslator(&application);
  const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
  if (translator->load(locale, "glowscope", "_", ":/i18n")) application.installTranslator(translator);
}

}  // namespace

int main(int argc, char** argv) {
  QApplication application(argc, argv);
  QApplication::setOrganizationName("Glowscope");
  QApplication::setApplicationName("Glowscope");
  QApplication::setApplicationVersion(glowscope::kGlowscopeVersion);
  QApplication::setStyle(QStyleFactory::create("Fusion"));
  QApplication::setWindowIcon(QIcon(":/icons/glowscope.svg"));

  QCommandLineParser parser;
  parser.setApplicationDescription("Glowscope: anomaly detection with Glow flows.");
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption grabOption("grab", "Save a screenshot of the window and quit.", "png");
  const QCommandLineOption quitAfterOption("quit-after", "Quit after this many ms.", "ms");
  const QCommandLineOption languageOption("lang", "User-interface language (e.g. de).", "code");
  const QCommandLineOption threadsOption("threads", "Torch threads (0 = all cores).", "n", "0");
  parser.addOptions({grabOption, quitAfterOption, languageOption, threadsOption});
  parser.process(application);

  installTranslators(application, parser.value(languageOption));
  glowscope::configureThreads(parser.value(threadsOption).toInt());
  glowscope::logger()->info("{}", glowscope::describeRuntime());

  glowscope::MainWindow window;
  window.show();
  if (parser.isSet(grabOption)) {
    const QString path = parser.value(grabOption);
    QTimer::singleShot(500, &window, [&window, path] {
      window.grab().save(path);
      QApplication::quit();
    });
  }
  if (parser.isSet(quitAfterOption))
    QTimer::singleShot(parser.value(quitAfterOption).toInt(), &application, &QApplication::quit);
  return QApplication::exec();
}
