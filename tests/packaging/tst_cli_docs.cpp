// What the build makes from the programs' --help: `glowscope --help` and `--version` work with
// no display, the manual pages name every command and option and format without warnings, and
// the bash completion completes commands, options, positional words and folders.
#include <QDir>
#include <QFile>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QtTest>

#include "tests/packaging/process_support.h"

namespace glowscope {

using test::runProcess;

class TstCliDocs : public QObject {
  Q_OBJECT

  const QString gui_ = GLOWSCOPE_GUI_PATH;
  const QString cli_ = GLOWSCOPE_CLI_PATH;
  const QString docs_ = GLOWSCOPE_DOCS_DIR;

  /// The completions bash offers for `line` (completed at its end) with the generated script.
  QStringList complete(const QString& program, const QString& line, const QString& folder = {}) {
    const QString script =
        QString(
            "source '%1'\n"
            "COMP_LINE='%2'\n"
            "read -ra COMP_WORDS <<< \"$COMP_LINE\"\n"
            "[[ $COMP_LINE == *' ' ]] && COMP_WORDS+=('')\n"
            "COMP_CWORD=$((${#COMP_WORDS[@]} - 1))\n"
            "_%3\n"
            "printf '%s\\n' \"${COMPREPLY[@]}\"\n")
            .arg(docs_ + "/completions/" + program, line, QString(program).replace('-', '_'));
    const test::ProcessResult result =
        runProcess("bash", {"-c", script}, QProcessEnvironment::systemEnvironment(), folder);
    if (!result.err.isEmpty()) qWarning() << result.err;
    QStringList words = result.out.split('\n', Qt::SkipEmptyParts);
    words.sort();
    return words;
  }

 private Q_SLOTS:
  void guiHelpAndVersionNeedNoDisplay() {
    const auto help = runProcess(gui_, {"--help"}, test::environmentWithoutDisplay());
    QVERIFY2(help.finished && help.exitCode == 0, qPrintable(help.err));
    QVERIFY(help.out.contains("--lang <code>"));
    QVERIFY(help.out.contains("[project]"));
    const auto version = runProcess(gui_, {"--version"}, test::environmentWithoutDisplay());
    QCOMPARE(version.exitCode, 0);
    QCOMPARE(version.out.trimmed(), QString("Glowscope " GLOWSCOPE_VERSION_STRING));
  }

  void manualPagesNameEveryCommandAndOption() {
    if (QStandardPaths::findExecutable("man").isEmpty()) QSKIP("man (Debian: man-db) is absent");
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("MANWIDTH", "200");  // one option per line, whatever the terminal
    const auto cliPage =
        runProcess("man", {"--warnings", "-l", docs_ + "/man/glowscope-cli.1.gz"}, environment);
    QCOMPARE(cliPage.exitCode, 0);
    QCOMPARE(cliPage.err, QString());  // groff's warnings
    const auto cliHelp = runProcess(cli_, {"--help"});
    const QStringList commands = test::listedCommands(cliHelp.out);
    QVERIFY(commands.contains("train") && commands.contains("analyze"));
    for (const QString& command : commands) {
      QVERIFY2(cliPage.out.contains("glowscope-cli " + command + " "), qPrintable(command));
      const auto help = runProcess(cli_, {command, "--help"});
      for (const QString& option : test::listedLongOptions(help.out))
        QVERIFY2(cliPage.out.contains(option), qPrintable(command + " " + option));
    }
    QVERIFY(cliPage.out.contains("glowscope-cli analyze fourier [options]"));
    const auto guiPage =
        runProcess("man", {"--warnings", "-l", docs_ + "/man/glowscope.1.gz"}, environment);
    QCOMPARE(guiPage.err, QString());
    const auto guiHelp = runProcess(gui_, {"--help"}, test::environmentWithoutDisplay());
    for (const QString& option : test::listedLongOptions(guiHelp.out))
      QVERIFY2(guiPage.out.contains(option), qPrintable(option));
  }

  void completionOffersCommandsOptionsAndWords() {
    QCOMPARE(complete("glowscope-cli", "glowscope-cli tr"), QStringList{"train"});
    QVERIFY(complete("glowscope-cli", "glowscope-cli ").contains("export"));
    QCOMPARE(complete("glowscope-cli", "glowscope-cli evaluate --exp"),
             QStringList{"--experiment"});
    QCOMPARE(complete("glowscope-cli", "glowscope-cli project "),
             (QStringList{"info", "runs", "train"}));
    QCOMPARE(complete("glowscope-cli", "glowscope-cli analyze fo"), QStringList{"fourier"});
    QCOMPARE(complete("glowscope-cli", "glowscope-cli analyze fourier --mo"),
             QStringList{"--model"});
    QCOMPARE(complete("glowscope", "glowscope --la"), QStringList{"--lang"});
    // After an option that takes a value, no options or commands are offered.
    QCOMPARE(complete("glowscope-cli", "glowscope-cli info --threads "), QStringList{});
  }

  void completionOffersOnlyFoldersForFolderOptions() {
    QTemporaryDir dir;
    QVERIFY(QDir(dir.path()).mkdir("results-a"));
    QFile file(dir.filePath("results-b.txt"));
    QVERIFY(file.open(QIODevice::WriteOnly));
    QCOMPARE(complete("glowscope-cli", "glowscope-cli export --results res", dir.path()),
             QStringList{"results-a"});
  }
};

}  // namespace glowscope

QTEST_GUILESS_MAIN(glowscope::TstCliDocs)
#include "tst_cli_docs.moc"
