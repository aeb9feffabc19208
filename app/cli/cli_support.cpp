#include "app/cli/cli_support.h"

#include <QCoreApplication>
#include <QFileInfo>
#include <cstdio>

namespace glowscope::cli {
namespace {

/// QCommandLineParser's usage line names the executable as it was started
/// ("Usage: build/app/glowscope-cli [options]"); a command's help names the command too.
QString commandHelpText(const QCommandLineParser& parser, const QString& command) {
  QString text = parser.helpText();
  const QString program = QCoreApplication::arguments().value(0);
  const QString usage = "Usage: " + program;
  if (!program.isEmpty() && text.startsWith(usage))
    text.replace(0, usage.size(), "Usage: " + QFileInfo(program).fileName() + " " + command);
  return text;
}

}  // namespace

bool parseCommandLine(QCommandLineParser& parser, const QStringList& arguments, int& exitCode) {
  const QCommandLineOption helpOption = parser.addHelpOption();
  if (!parser.parse(arguments)) {
    printError(parser.errorText());
    exitCode = kExitUsage;
    return false;
  }
  if (parser.isSet(helpOption)) {
    std::fputs(qPrintable(commandHelpText(parser, arguments.value(0))), stdout);
    exitCode = kExitOk;
    return false;
  }
  return true;
}

void printError(const QString& message) {
  std::fprintf(stderr, "glowscope-cli: error: %s\n", qPrintable(message));
}

}  // namespace glowscope::cli
