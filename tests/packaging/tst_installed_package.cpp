// The Debian package, installed: extracted into a temporary root (`dpkg-deb -x`), or, with
// GLOWSCOPE_INSTALLED_ROOT=/ after a real `dpkg -i` (scripts/package.sh), the system itself.
// From the installed paths: the versions agree, `glowscope-cli info` runs, both manual pages
// format, the German translation is installed and used, a project file given on the command
// line as the desktop file's Exec passes it is opened, and the shared-mime-info database maps
// glowscope-project.json to the desktop file. Skipped (with the reason) when the build folder holds
// no current .deb or a tool is absent.
#include <QDir>
#include <QFileInfo>
#include <QImage>
#include <QMimeDatabase>
#include <QStandardPaths>
#include <QTemporaryDir>
#include <QTranslator>
#include <QXmlStreamReader>
#include <QtTest>

#include "core/project/project_file.h"
#include "tests/packaging/process_support.h"

namespace glowscope {

using test::runProcess;

class TstInstalledPackage : public QObject {
  Q_OBJECT

  const QString version_ = GLOWSCOPE_VERSION_STRING;
  const QString appId_ = GLOWSCOPE_APP_ID;
  QTemporaryDir scratch_;
  QString deb_;
  QString root_;   ///< the installation's root: "/" or a temporary folder
  QString share_;  ///< <root>/usr/share

  QString installed(const QString& relative) const { return QDir(root_).filePath(relative); }

  /// Where the shared-mime-info and desktop-file databases are: the system's after a real
  /// install (dpkg triggers update them), else built here into a copy of the installed files.
  QString databases_;

  QProcessEnvironment guiEnvironment() const {
    QProcessEnvironment environment = QProcessEnvironment::systemEnvironment();
    environment.insert("QT_QPA_PLATFORM", "offscreen");
    environment.insert("XDG_CONFIG_HOME", scratch_.filePath("config"));  // no user settings
    return environment;
  }

  QString findDeb() const {
    const QDir build(GLOWSCOPE_BUILD_DIR);
    const QStringList debs =
        build.entryList({QString("glowscope_%1_*.deb").arg(version_)}, QDir::Files);
    return debs.isEmpty() ? QString() : build.filePath(debs.first());
  }

  QStringList desktopExec() const {
    QFile desktop(share_ + "/applications/" + appId_ + ".desktop");
    if (!desktop.open(QIODevice::ReadOnly)) return {};
    for (const QString& line : QString::fromUtf8(desktop.readAll()).split('\n'))
      if (line.startsWith("Exec=")) return QProcess::splitCommand(line.mid(5));
    return {};
  }

  QString newestMetainfoRelease() const {
    QFile file(installed("usr/share/metainfo/" + appId_ + ".metainfo.xml"));
    if (!file.open(QIODevice::ReadOnly)) return {};
    QXmlStreamReader xml(&file);
    while (!xml.atEnd()) {
      xml.readNext();
      if (xml.isStartElement() && xml.name() == QLatin1String("release"))
        return xml.attributes().value("version").toString();  // releases: newest first
    }
    return {};
  }

 private Q_SLOTS:
  void initTestCase() {
    root_ = qEnvironmentVariable("GLOWSCOPE_INSTALLED_ROOT");
    QStringList missing;
    for (const char* tool : {"dpkg-deb", "man", "update-mime-database", "update-desktop-database"})
      if (QStandardPaths::findExecutable(tool).isEmpty()) missing << tool;
    if (!missing.isEmpty())
      QSKIP(qPrintable("needs " + missing.join(", ") +
                       " (Debian: dpkg, man-db, shared-mime-info, desktop-file-utils)"));
    deb_ = findDeb();
    if (root_.isEmpty()) {
      if (deb_.isEmpty())
        QSKIP(qPrintable("no glowscope_" + version_ +
                         "_*.deb in the build folder: make it with "
                         "`cpack -G DEB` there, or run scripts/package.sh"));
      if (QFileInfo(deb_).lastModified() < QFileInfo(GLOWSCOPE_GUI_PATH).lastModified())
        QSKIP(qPrintable(deb_ + " is older than the build's glowscope: run `cpack -G DEB` "
                                "again, or scripts/package.sh"));
      root_ = scratch_.filePath("root");
      const auto extracted = runProcess("dpkg-deb", {"-x", deb_, root_});
      QVERIFY2(extracted.exitCode == 0, qPrintable(extracted.err));
    }
    share_ = installed("usr/share");
    QVERIFY2(QFileInfo(installed("usr/bin/glowscope")).isExecutable(), qPrintable(root_));
  }

  void versionsAreOneValue() {
    const auto cli = runProcess(installed("usr/bin/glowscope-cli"), {"--version"});
    QCOMPARE(cli.exitCode, 0);
    QCOMPARE(cli.out.section('\n', 0, 0), "glowscope-cli " + version_);
    const auto gui = runProcess(installed("usr/bin/glowscope"), {"--version"},
                                test::environmentWithoutDisplay());
    QCOMPARE(gui.out.trimmed(), "Glowscope " + version_);
    QCOMPARE(newestMetainfoRelease(), version_);
    if (!deb_.isEmpty()) {
      const auto field = runProcess("dpkg-deb", {"-f", deb_, "Version"});
      QCOMPARE(field.out.trimmed(), version_);
    }
  }

  void cliInfoRuns() {
    const auto info = runProcess(installed("usr/bin/glowscope-cli"), {"info"});
    QVERIFY2(info.exitCode == 0, qPrintable(info.err));
    QVERIFY(info.out.contains("BLAS library:"));
    QVERIFY(info.out.contains("torch threads:"));
  }

  void manualPagesFormat() {
    for (const QString& page : QStringList{"glowscope", "glowscope-cli"}) {
      const auto shown = runProcess(
          "man", {"--warnings", "-l", installed("usr/share/man/man1/" + page + ".1.gz")});
      QVERIFY2(shown.exitCode == 0 && shown.err.isEmpty(), qPrintable(page + ": " + shown.err));
      QVERIFY(shown.out.contains("SYNOPSIS"));
      QVERIFY(shown.out.contains("--help"));
    }
  }

  void germanTranslationIsInstalledAndUsed() {
    const QString qm = installed("usr/share/glowscope/translations/glowscope_de.qm");
    QTranslator translator;
    QVERIFY2(translator.load(qm), qPrintable(qm));
    QCOMPARE(translator.translate("glowscope::MainWindow", "&File"), QString("&Datei"));

    const QString german = scratch_.filePath("de.png");
    const auto run = runProcess(installed("usr/bin/glowscope"), {"--lang", "de", "--grab", german},
                                guiEnvironment());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains("user-interface translation: " + QDir::cleanPath(qm)),
             qPrintable(run.err));
    const QString english = scratch_.filePath("en.png");
    QCOMPARE(runProcess(installed("usr/bin/glowscope"), {"--lang", "en", "--grab", english},
                        guiEnvironment())
                 .exitCode,
             0);
    const QImage germanShot(german), englishShot(english);
    QVERIFY(!germanShot.isNull() && !englishShot.isNull());
    QVERIFY2(germanShot != englishShot, "the German window looks like the English one");
    if (qEnvironmentVariableIsSet("GLOWSCOPE_KEEP_SCREENSHOT"))
      QFile::copy(german, qEnvironmentVariable("GLOWSCOPE_KEEP_SCREENSHOT"));
  }

  void projectFileOnTheCommandLineIsOpened() {
    const QString folder = scratch_.filePath("study");
    Project project;
    project.name = "study";
    saveProject(project, folder.toStdString());
    const QString file = QDir(folder).filePath("glowscope-project.json");
    // What a file manager runs on a double click: the desktop file's Exec with %f = the file.
    QStringList command = desktopExec();
    QVERIFY2(command.size() > 1 && command.first() == "glowscope", qPrintable(command.join(' ')));
    QVERIFY(command.contains("%f"));
    command.replaceInStrings("%f", file);
    const auto run = runProcess(installed("usr/bin/" + command.first()),
                                command.mid(1) << "--quit-after"
                                               << "200",
                                guiEnvironment());
    QVERIFY2(run.exitCode == 0, qPrintable(run.err));
    QVERIFY2(run.err.contains("opened project " + QDir(folder).absolutePath()),
             qPrintable(run.err));
  }

  void mimeTypeMapsProjectFileToDesktopFile();
};

void TstInstalledPackage::mimeTypeMapsProjectFileToDesktopFile() {
  const QString type = "application/x-glowscope-project";
  QString mimeDir = share_ + "/mime", applicationsDir = share_ + "/applications";
  if (root_ != "/") {  // build both databases from the extracted files, as the dpkg triggers do
    QVERIFY(QDir().mkpath(scratch_.filePath("share/mime/packages")));
    QVERIFY(QFile::copy(mimeDir + "/packages/" + appId_ + ".xml",
                        scratch_.filePath("share/mime/packages/" + appId_ + ".xml")));
    mimeDir = scratch_.filePath("share/mime");
    QCOMPARE(runProcess("update-mime-database", {mimeDir}).exitCode, 0);
    QCOMPARE(runProcess("update-desktop-database", {applicationsDir}).exitCode, 0);
  }
  QFile globs(mimeDir + "/globs2");
  QVERIFY(globs.open(QIODevice::ReadOnly));
  QVERIFY(QString::fromUtf8(globs.readAll()).contains(type + ":glowscope-project.json"));
  qputenv("XDG_DATA_DIRS", QFileInfo(mimeDir).path().toUtf8() + ":/usr/share");
  const QString project = scratch_.filePath("study/glowscope-project.json");
  QCOMPARE(QMimeDatabase().mimeTypeForFile(project).name(), type);

  QFile cache(applicationsDir + "/mimeinfo.cache");
  QVERIFY(cache.open(QIODevice::ReadOnly));
  const QString entry = QString("%1=%2.desktop;").arg(type, appId_);
  QVERIFY2(QString::fromUtf8(cache.readAll()).contains(entry), qPrintable(entry));
}

}  // namespace glowscope

QTEST_GUILESS_MAIN(glowscope::TstInstalledPackage)
#include "tst_installed_package.moc"
