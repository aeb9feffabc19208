#include "app/cli/cli_support.h"

#include <cstdio>

namespace glowscope::cli {

bool parseCommandLine(QCommandLineParser& parser, const QStringList& arguments, int& exitCode) {
  const QCommandLineOption helpOption = parser.addHelpOption();
  if (!parser.parse(arguments)) {
    printError(parser.errorText());
    exitCode = kExitUsage;
    return false;
  }
  if (parser.isSet(helpOption)) {
    std::fputs(qPrintable(parser.helpText()), stdout);
    exitCode = kExitOk;
    return false;
  }
  return true;
}

void printError(const QString& message) {
  std::fprintf(stderr, "glowscope-cli: error: %s\n", qPrintable(message));
}

}  // namespace glowscope::cli
