#pragma once
#include <QCommandLineParser>
#include <QStringList>

namespace glowscope::cli {

/// Exit codes shared by all commands.
inline constexpr int kExitOk = 0;
inline constexpr int kExitFailure = 1;
inline constexpr int kExitUsage = 2;

/// Parses `arguments` with --help handling; prints errors to stderr. Returns false when the
/// command should stop, with `exitCode` set.
bool parseCommandLine(QCommandLineParser& parser, const QStringList& arguments, int& exitCode);

/// Prints a user-facing error line ("glowscope-cli: error: ...") to stderr.
void printError(const QString& message);

}  // namespace glowscope::cli
