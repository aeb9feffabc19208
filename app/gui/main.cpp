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
#include "app/gui/project_controller.h"
#include "app/gui/training_controller.h"
#include "core/runtime/runtime.h"
#include "core/util/log.h"
#include "core/util/version.h"
#include "widgets/dataset_browser.h"
#include "widgets/theme.h"
#include "widgets/training_wizard.h"

namespace {

void installTranslators(QApplication& application, const QString& language) {
  auto* translator = new QTranslator(&application);
  const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
  if (translator->load(locale, "glowscope", "_", ":/i18n"))
    application.installTranslator(translator);
}

/// For --grab and --quit-after: no questions. Training stops with resumable checkpoints and the
/// project is saved; QCoreApplication::exit does not send close events (quit() would ask).
void quitWithoutAsking(glowscope::MainWindow& window) {
  window.trainingController()->stopAllAndWait();
  if (window.projectController()->hasProject()) window.projectController()->save();
  QCoreApplication::exit(0);
}

}  // namespace

int main(int argc, char** argv) {
  QApplication application(argc, argv);
  QApplication::setOrganizationName("Glowscope");
  QApplication::setApplicationName("Glowscope");
  QApplication::setApplicationVersion(glowscope::kGlowscopeVersion);
  QApplication::setWindowIcon(QIcon(":/icons/glowscope.svg"));

  QCommandLineParser parser;
  parser.setApplicationDescription("Glowscope: anomaly detection with Glow flows.");
  parser.addHelpOption();
  parser.addVersionOption();
  const QCommandLineOption grabOption("grab", "Save a screenshot of the window and quit.", "png");
  const QCommandLineOption quitAfterOption("quit-after", "Quit after this many ms.", "ms");
  const QCommandLineOption languageOption("lang", "User-interface language (e.g. de).", "code");
  const QCommandLineOption threadsOption("threads", "Torch threads (0 = all cores).", "n", "0");
  const QCommandLineOption grabDelayOption("grab-delay", "Wait this long before --grab.", "ms",
                                           "500");
  const QCommandLineOption themeOption("theme", "light or dark (default: the last one used).",
                                       "name");
  const QCommandLineOption projectOption("project", "Open this project folder.", "folder");
  const QCommandLineOption trainOption("train",
                                       "Start (or continue) the project's run with this "
                                       "name; may be repeated.",
                                       "run");
  const QCommandLineOption datasetOption("dataset", "Load this dataset in the browser.", "spec");
  const QCommandLineOption wizardOption("wizard", "Open the training wizard at this page (0-5).",
                                        "page");
  const QCommandLineOption pageOption("page", "Central page: datasets or training.", "name");
  const QCommandLineOption resultsOption("results", "Show this experiment results folder.",
                                         "folder");
  parser.addOption(resultsOption);
  parser.addOptions({grabOption, quitAfterOption, languageOption, threadsOption, grabDelayOption,
                     themeOption, projectOption, trainOption, datasetOption, wizardOption,
                     pageOption});
  parser.process(application);

  installTranslators(application, parser.value(languageOption));
  glowscope::applyTheme(parser.isSet(themeOption)
                            ? glowscope::themeFromName(parser.value(themeOption))
                            : glowscope::storedTheme());
  glowscope::configureThreads(parser.value(threadsOption).toInt());
  glowscope::tuneMemoryAllocator();
  glowscope::logger()->info("{}", glowscope::describeRuntime());

  glowscope::MainWindow window;
  window.show();
  if (parser.isSet(projectOption))
    window.projectController()->openProject(parser.value(projectOption));
  if (parser.isSet(datasetOption))
    window.datasetBrowser()->loadDataset(parser.value(datasetOption));
  for (const QString& run : parser.values(trainOption))
    if (window.trainingController()->resume(run)) window.showPage(1);
  if (parser.isSet(resultsOption)) window.openResultsFolder(parser.value(resultsOption));
  if (parser.isSet(pageOption)) window.showPage(parser.value(pageOption) == "training" ? 1 : 0);
  if (parser.isSet(wizardOption)) {
    glowscope::TrainingWizard* wizard = window.trainingController()->openWizard();
    for (int page = parser.value(wizardOption).toInt(); page > 0; --page) wizard->next();
  }
  if (parser.isSet(grabOption)) {
    const QString path = parser.value(grabOption);
    QTimer::singleShot(parser.value(grabDelayOption).toInt(), &window, [&window, path] {
      // The wizard (when open) is the active window; else the main window.
      auto* wizard = window.findChild<glowscope::TrainingWizard*>();
      (wizard ? static_cast<QWidget*>(wizard) : &window)->grab().save(path);
      quitWithoutAsking(window);
    });
  }
  if (parser.isSet(quitAfterOption))
    QTimer::singleShot(parser.value(quitAfterOption).toInt(), &window,
                       [&window] { quitWithoutAsking(window); });
  return QApplication::exec();
}
