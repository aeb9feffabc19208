#pragma once
// Running the programs under test: exit status and both output streams, with an environment
// chosen by the test (no display, a temporary configuration folder, ...).
#include <QProcess>
#include <QProcessEnvironment>
#include <QRegularExpression>
#include <QStringList>

namespace glowscope::test {

struct ProcessResult {
  int exitCode = -1;
  bool finished = false;
  QString out;
  QString err;
};

inline ProcessResult runProcess(
    const QString& program, const QStringList& arguments,
    const QProcessEnvironment& environment = QProcessEnvironment::systemEnvironment(),
    const QString& workingDirectory = {}) {
  QProcess process;
  process.setProcessEnvironment(environment);
  if (!workingDirectory.isEmpty()) process.setWorkingDirectory(workingDirectory);
  process.start(program, arguments);
  ProcessResult result;
  result.finished = process.waitForFinished(180000) && process.exitStatus() == QProcess::NormalExit;
  if (!result.finished) process.kill();
  result.exitCode = process.exitCode();
  result.out = QString::fromUtf8(process.readAllStandardOutput());
  result.err = QString::fromUtf8(process.readAllStandardError());
  return result;
}

/// The system environment without any display: what a server or a build machine has.
inline QProcessEnvironment environmentWithoutDisplay() {
  QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
  for (const char* name : {"DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM"})
    environment.remove(name);
  return environment;
}

/// The commands `glowscope-cli --help` lists (or `glowscope-cli analyze --help`, ...): the terms
/// of its sections other than Options and Arguments.
inline QStringList listedCommands(const QString& helpText) {
  QStringList commands;
  bool inCommandSection = false;
  for (const QString& line : helpText.split('\n')) {
    if (QRegularExpression("^[A-Z][A-Za-z ]*:$").match(line).hasMatch())
      inCommandSection = line != "Options:" && line != "Arguments:";
    else if (line.isEmpty())
      inCommandSection = false;
    else if (inCommandSection && line.startsWith("  ") && line.at(2) != ' ')
      commands << line.mid(2).section(' ', 0, 0);
  }
  return commands;
}

/// The long options a help text lists ("--threads", "--help", ...).
inline QStringList listedLongOptions(const QString& helpText) {
  QStringList options;
  const QRegularExpression option("^  (?:-[^ ,], )?(--[A-Za-z0-9-]+)");
  for (const QString& line : helpText.split('\n'))
    if (const auto match = option.match(line); match.hasMatch()) options << match.captured(1);
  return options;
}

}  // namespace glowscope::test
