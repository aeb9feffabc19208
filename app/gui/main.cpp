// glowscope: the desktop workbench.
#include <QApplication>
#include <QCommandLineParser>
#include <QDir>
#include <QIcon>
#include <QLibraryInfo>
#include <QLocale>
#include <QStyleFactory>
#include <QTimer>
#include <QTranslator>
#include <algorithm>
#include <cstring>

#include "app/gui/help_menu.h"
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

/// The desktop file's id without ".desktop" (packaging/CMakeLists.txt installs it under this
/// name): lets Wayland compositors and task bars match the window to the menu entry and icon.
constexpr const char* kDesktopFileName = GLOWSCOPE_DESKTOP_ID;

void setApplicationIdentity() {
  QCoreApplication::setOrganizationName("Glowscope");
  QCoreApplication::setApplicationName("Glowscope");
  QCoreApplication::setApplicationVersion(glowscope::kGlowscopeVersion);
}

/// The workbench's options. The manual page (glowscope.1) is generated from its --help.
struct CommandLine {
  QCommandLineParser parser;
  QCommandLineOption help = parser.addHelpOption();
  QCommandLineOption version = parser.addVersionOption();
  QCommandLineOption grab{"grab", "Save a screenshot of the window and quit.", "png"};
  QCommandLineOption quitAfter{"quit-after", "Quit after this many ms.", "ms"};
  QCommandLineOption language{"lang", "User-interface language (e.g. de).", "code"};
  QCommandLineOption threads{"threads", "Torch threads (0 = all cores).", "n", "0"};
  QCommandLineOption grabDelay{"grab-delay", "Wait this long before --grab.", "ms", "500"};
  QCommandLineOption theme{"theme", "light or dark (default: the last one used).", "name"};
  QCommandLineOption project{"project", "Open this project folder.", "folder"};
  QCommandLineOption train{"train",
                           "Start (or continue) the project's run with this name; may "
                           "be repeated.",
                           "run"};
  QCommandLineOption dataset{"dataset", "Load this dataset in the browser.", "spec"};
  QCommandLineOption wizard{"wizard", "Open the training wizard at this page (0-5).", "page"};
  QCommandLineOption page{"page", "Central page: datasets, training, results or analysis.", "name"};
  QCommandLineOption results{"results", "Show this experiment results folder.", "folder"};

  CommandLine() {
    parser.setApplicationDescription("Glowscope: anomaly detection with Glow flows.");
    parser.addOptions({results, grab, quitAfter, language, threads, grabDelay, theme, project,
                       train, dataset, wizard, page});
    parser.addPositionalArgument("project",
                                 "A project folder or its glowscope-project.json to open "
                                 "(what a file manager passes).",
                                 "[project]");
  }
  /// The project to open: the positional argument, else --project; empty when none.
  QString projectToOpen() const {
    const QStringList positional = parser.positionalArguments();
    return positional.isEmpty() ? parser.value(project) : positional.first();
  }
};

/// --help and --version are answered before QApplication connects to a display, so they work
/// on a server, over ssh and in the build (which makes the manual page from --help). Qt's own
/// GUI options (-platform ...) are unknown to a QCoreApplication, hence parse() and not process().
void answerHelpOrVersion(int argc, char** argv) {
  const auto asksHelpOrVersion = [](const char* argument) {
    for (const char* flag : {"-h", "--help", "-v", "--version"})
      if (std::strcmp(argument, flag) == 0) return true;
    return false;
  };
  if (std::none_of(argv + 1, argv + argc, asksHelpOrVersion)) return;
  QCoreApplication core(argc, argv);
  setApplicationIdentity();
  CommandLine commandLine;
  commandLine.parser.parse(QCoreApplication::arguments());
  if (commandLine.parser.isSet(commandLine.version)) commandLine.parser.showVersion();
  if (commandLine.parser.isSet(commandLine.help)) commandLine.parser.showHelp();
}

/// Translations lie in <prefix>/share/glowscope/translations when installed, and at the same
/// place relative to the executable in the build folder (build/app/glowscope and
/// build/share/glowscope/translations), so one relative path finds them in both.
QString translationsDir() {
  return QDir::cleanPath(QCoreApplication::applicationDirPath() + "/" +
                         GLOWSCOPE_TRANSLATIONS_RELATIVE_DIR);
}

void installTranslators(QApplication& application, const QString& language) {
  const QLocale locale = language.isEmpty() ? QLocale::system() : QLocale(language);
  // Numbers follow the interface language ("10.000 Bilder" in German): QLocale() and %L use it.
  QLocale::setDefault(locale);
  auto* translator = new QTranslator(&application);
  if (translator->load(locale, "glowscope", "_", translationsDir())) {
    application.installTranslator(translator);
    glowscope::logger()->info("user-interface translation: {}",
                              translator->filePath().toStdString());
  } else if (locale.language() != QLocale::English && locale.language() != QLocale::C) {
    glowscope::logger()->info("no user-interface translation for {} in {}",
                              locale.name().toStdString(), translationsDir().toStdString());
  }
  // Qt's own dialog buttons and file dialogs (Debian: qt6-translations-l10n, when installed).
  auto* qtTranslator = new QTranslator(&application);
  if (qtTranslator->load(locale, "qtbase", "_", QLibraryInfo::path(QLibraryInfo::TranslationsPath)))
    application.installTranslator(qtTranslator);
}

/// For --grab and --quit-after: no questions. Training stops with resumable checkpoints and the
/// project is saved; QCoreApplication::exit does not send close events (quit() would ask).
void quitWithoutAsking(glowscope::MainWindow& window) {
  window.trainingController()->stopAllAndWait();
  if (window.projectController()->hasProject()) window.projectController()->save();
  QCoreApplication::exit(0);
}

/// What the command line asks to open: a project, a dataset, runs, results, a page, the wizard.
void openRequested(glowscope::MainWindow& window, const CommandLine& commandLine) {
  const QCommandLineParser& parser = commandLine.parser;
  if (const QString project = commandLine.projectToOpen(); !project.isEmpty())
    window.projectController()->openProject(project);
  if (parser.isSet(commandLine.dataset)) {
    window.showPage(0);
    window.datasetBrowser()->loadDataset(parser.value(commandLine.dataset));
  }
  for (const QString& run : parser.values(commandLine.train))
    if (window.trainingController()->resume(run)) window.showPage(1);
  if (parser.isSet(commandLine.results))
    window.openResultsFolder(parser.value(commandLine.results));
  if (parser.isSet(commandLine.page))
    window.showPage(
        std::max<int>(0, QStringList{"datasets", "training", "results", "analysis"}.indexOf(
                             parser.value(commandLine.page))));
  if (parser.isSet(commandLine.wizard)) {
    glowscope::TrainingWizard* wizard = window.trainingController()->openWizard();
    for (int page = parser.value(commandLine.wizard).toInt(); page > 0; --page) wizard->next();
  }
}

void scheduleGrabAndQuit(glowscope::MainWindow& window, const CommandLine& commandLine) {
  const QCommandLineParser& parser = commandLine.parser;
  if (parser.isSet(commandLine.grab)) {
    const QString path = parser.value(commandLine.grab);
    QTimer::singleShot(parser.value(commandLine.grabDelay).toInt(), &window, [&window, path] {
      // The wizard (when open) is the active window; else the main window.
      auto* wizard = window.findChild<glowscope::TrainingWizard*>();
      (wizard ? static_cast<QWidget*>(wizard) : &window)->grab().save(path);
      quitWithoutAsking(window);
    });
  }
  if (parser.isSet(commandLine.quitAfter))
    QTimer::singleShot(parser.value(commandLine.quitAfter).toInt(), &window,
                       [&window] { quitWithoutAsking(window); });
}

}  // namespace

int main(int argc, char** argv) {
  answerHelpOrVersion(argc, argv);
  QApplication application(argc, argv);
  setApplicationIdentity();
  QGuiApplication::setDesktopFileName(kDesktopFileName);
  QApplication::setWindowIcon(QIcon(":/icons/glowscope.svg"));

  CommandLine commandLine;
  commandLine.parser.process(application);
  const QCommandLineParser& parser = commandLine.parser;

  installTranslators(application, parser.value(commandLine.language));
  glowscope::applyTheme(parser.isSet(commandLine.theme)
                            ? glowscope::themeFromName(parser.value(commandLine.theme))
                            : glowscope::storedTheme());
  glowscope::installLogFile();
  glowscope::configureThreads(parser.value(commandLine.threads).toInt());
  glowscope::tuneMemoryAllocator();
  glowscope::logger()->info("{}", glowscope::describeRuntime());

  glowscope::MainWindow window;
  window.trainingController()->setDefaultThreads(parser.value(commandLine.threads).toInt());
  window.show();
  openRequested(window, commandLine);
  scheduleGrabAndQuit(window, commandLine);
  return QApplication::exec();
}
