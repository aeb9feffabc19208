#pragma once
// Runs the built glowscope-cli (GLOWSCOPE_CLI_PATH) as a process without any display variable and
// without QT_QPA_PLATFORM, so commands that render figures must choose offscreen themselves.
#include <QProcess>
#include <QProcessEnvironment>
#include <QString>
#include <QStringList>

#ifndef GLOWSCOPE_CLI_PATH
#error "GLOWSCOPE_CLI_PATH must name the built glowscope-cli"
#endif

namespace glowscope::testing {

struct CliRun {
  int exitCode = -1;  ///< -1: did not finish in time or crashed
  QString out, err;
};

inline CliRun runCli(const QStringList& arguments, int timeoutMs = 120000) {
  QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
  for (const char* name : {"QT_QPA_PLATFORM", "DISPLAY", "WAYLAND_DISPLAY"})
    environment.remove(name);
  QProcess process;
  process.setProcessEnvironment(environment);
  process.start(QStringLiteral(GLOWSCOPE_CLI_PATH), arguments);
  CliRun run;
  if (!process.waitForFinished(timeoutMs) || process.exitStatus() != QProcess::NormalExit)
    return run;
  run.exitCode = process.exitCode();
  run.out = QString::fromUtf8(process.readAllStandardOutput());
  run.err = QString::fromUtf8(process.readAllStandardError());
  return run;
}

}  // namespace glowscope::testing
