// Save As (a self-contained copy of a project in a new folder, all or nothing) and deleting a
// run's folder, which never reaches outside the project.
#include <QTemporaryDir>
#include <QtTest>
#include <atomic>
#include <filesystem>

#include "core/project/project_file.h"
#include "core/project/project_folders.h"
#include "core/util/atomic_file.h"
#include "core/util/errors.h"

namespace glowscope {
namespace fs = std::filesystem;

class TstProjectFolders : public QObject {
  Q_OBJECT

  static void write(const fs::path& file, const std::string& text) {
    fs::create_directories(file.parent_path());
    writeFileAtomically(file, text);
  }

  static ProjectRun run(const std::string& name, const std::string& outputDir) {
    ProjectRun result;
    result.name = name;
    result.config = {{"steps", 5}, {"outputDir", outputDir}};
    result.status = "finished";
    return result;
  }

  /// A project in `folder`: run r1 (inside, with files and a model), r2 (its folder outside the
  /// project), a hidden run r3, an experiment with results, and an unrelated file.
  static Project makeProject(const fs::path& folder, const fs::path& outside) {
    Project project;
    project.name = "study";
    project.runs = {run("r1", "runs/r1"), run("r2", (outside / "r2").string()),
                    run("r3", "runs/r3")};
    project.runs[2].hidden = true;
    project.models.push_back({"m1", "runs/r1/model.glow", "r1", "in-distribution"});
    project.experiments.push_back({"e1", "specs/e1.json", "results/e1"});
    write(folder / "runs/r1/metrics.jsonl", "{\"step\":1}\n");
    write(folder / "runs/r1/checkpoints/step-5.pt", std::string(4096, 'c'));
    write(folder / "runs/r1/model.glow", "model");
    write(folder / "runs/r3/metrics.jsonl", "{\"step\":2}\n");
    write(outside / "r2/metrics.jsonl", "{}\n");
    write(folder / "specs/e1.json", "{}");
    write(folder / "results/e1/metadata.json", "{}");
    write(folder / "notes.txt", "not part of the project record");
    saveProject(project, folder);
    return project;
  }

 private Q_SLOTS:
  void saveAsCopiesRunFoldersAndRecordsRelativePaths() {
    QTemporaryDir dir;
    const fs::path root = dir.path().toStdString();
    const Project project = makeProject(root / "p", root / "elsewhere");
    const Project copy = saveProjectAs(project, root / "p", root / "copy", {"copy", nullptr, {}});

    const fs::path target = root / "copy";
    QCOMPARE(copy.name, std::string("copy"));
    QVERIFY(fs::exists(target / "runs/r1/checkpoints/step-5.pt"));
    QCOMPARE(fs::file_size(target / "runs/r1/checkpoints/step-5.pt"), std::uintmax_t(4096));
    QVERIFY(fs::exists(target / "runs/r1/metrics.jsonl"));
    QVERIFY(fs::exists(target / "runs/r3/metrics.jsonl"));  // removed runs can be restored there
    QVERIFY(fs::exists(target / "specs/e1.json"));
    QVERIFY(fs::exists(target / "results/e1/metadata.json"));
    QVERIFY(!fs::exists(target / "notes.txt"));  // only what the project records
    QVERIFY(!fs::exists(target / "runs/r2"));    // outside: referred to, not copied
    const Project reloaded = loadProject(target);
    QCOMPARE(reloaded.name, std::string("copy"));
    QCOMPARE(reloaded.findRun("r1")->config.at("outputDir").get<std::string>(),
             std::string("runs/r1"));
    QCOMPARE(fs::path(reloaded.findRun("r2")->config.at("outputDir").get<std::string>()),
             fs::weakly_canonical(root / "elsewhere/r2"));
    QVERIFY(reloaded.findRun("r3")->hidden);
    QCOMPARE(reloaded.models.at(0).file.generic_string(), std::string("runs/r1/model.glow"));
    QCOMPARE(reloaded.experiments.at(0).resultsDir.generic_string(), std::string("results/e1"));
    // The copy is self-contained: its runs resolve inside it.
    QCOMPARE(fs::path(runTrainingConfig(reloaded, target, "r1").at("outputDir").get<std::string>()),
             target / "runs/r1");
    // Nothing temporary is left beside it, and the source is as it was.
    int entries = 0;
    for ([[maybe_unused]] const auto& entry : fs::directory_iterator(root)) ++entries;
    QCOMPARE(entries, 3);  // p, elsewhere, copy
    QCOMPARE(loadProject(root / "p").name, std::string("study"));
  }

  void workspaceRunsBecomeProjectRuns() {
    // Without a project, the workbench's runs are folders of the workspace with absolute
    // outputDirs; Save As puts each under runs/<name> of the new project.
    QTemporaryDir dir;
    const fs::path root = dir.path().toStdString();
    write(root / "ws/w1/metrics.jsonl", "{}\n");
    write(root / "ws/w1/config.json", "{}");
    Project workspace;
    workspace.name = "workspace";
    workspace.runs = {run("w1", (root / "ws/w1").string())};
    const Project copy = saveProjectAs(workspace, root / "ws", root / "new", {"new", nullptr, {}});
    QVERIFY(fs::exists(root / "new/runs/w1/config.json"));
    QCOMPARE(copy.runs.at(0).config.at("outputDir").get<std::string>(), std::string("runs/w1"));
    QVERIFY(fs::exists(root / "ws/w1/config.json"));  // the workspace keeps its runs
  }

  void refusedTargetsChangeNothing() {
    QTemporaryDir dir;
    const fs::path root = dir.path().toStdString();
    const Project project = makeProject(root / "p", root / "elsewhere");
    write(root / "full/something.txt", "x");
    QVERIFY_THROWS_EXCEPTION(FileError, saveProjectAs(project, root / "p", root / "full"));
    QVERIFY_THROWS_EXCEPTION(FileError, saveProjectAs(project, root / "p", root / "p"));
    QVERIFY_THROWS_EXCEPTION(FileError, saveProjectAs(project, root / "p", root / "p/runs/copy"));
    QVERIFY_THROWS_EXCEPTION(FileError, saveProjectAs(project, root / "p", root / "p/../p/sub"));
    write(root / "a-file", "x");
    QVERIFY_THROWS_EXCEPTION(FileError, saveProjectAs(project, root / "p", root / "a-file"));
    try {
      checkSaveAsTarget(root / "p", root / "full");
      QFAIL("a folder that is not empty was accepted");
    } catch (const FileError& error) {
      QVERIFY2(std::string(error.what()).find("not empty") != std::string::npos, error.what());
    }
    QVERIFY(!fs::exists(root / "p/runs/copy"));
    QVERIFY(!fs::exists(root / "p/sub"));
    QCOMPARE(fs::file_size(root / "full/something.txt"), std::uintmax_t(1));
    // An empty folder is a fine target: the copy takes its place.
    fs::create_directories(root / "empty");
    saveProjectAs(project, root / "p", root / "empty");
    QVERIFY(fs::exists(root / "empty" / kProjectFileName));
  }

  void aFailedCopyLeavesNoHalfProject() {
    QTemporaryDir dir;
    const fs::path root = dir.path().toStdString();
    const Project project = makeProject(root / "p", root / "elsewhere");
    std::atomic<bool> cancel = false;
    SaveAsOptions options;
    options.cancelRequested = &cancel;
    int files = 0;
    options.onProgress = [&](std::uintmax_t copied, std::uintmax_t total) {
      QVERIFY(copied <= total);
      if (++files == 2) cancel = true;  // stop in the middle of the copy
    };
    QVERIFY_THROWS_EXCEPTION(CancelledError,
                             saveProjectAs(project, root / "p", root / "copy", options));
    QVERIFY(!fs::exists(root / "copy"));
    for (const auto& entry : fs::directory_iterator(root))  // no temporary sibling either
      QVERIFY2(entry.path().filename().string().find("saving") == std::string::npos,
               entry.path().c_str());
    QCOMPARE(loadProject(root / "p").runs.size(), std::size_t(3));
    QVERIFY(fs::exists(root / "p/runs/r1/checkpoints/step-5.pt"));
  }

  void deleteRunFolderStaysInsideItsProject() {
    QTemporaryDir dir;
    const fs::path root = dir.path().toStdString();
    Project project = makeProject(root / "p", root / "elsewhere");
    // r2's folder lies outside the project: refused, nothing deleted, the record stays.
    QVERIFY_THROWS_EXCEPTION(FileError, deleteProjectRun(project, root / "p", "r2"));
    QVERIFY(fs::exists(root / "elsewhere/r2/metrics.jsonl"));
    QVERIFY(project.findRun("r2"));
    // A relative outputDir that climbs out of the project is refused the same way.
    project.upsertRun(run("escape", "../elsewhere/r2"));
    QVERIFY_THROWS_EXCEPTION(FileError, deleteProjectRun(project, root / "p", "escape"));
    QVERIFY(fs::exists(root / "elsewhere/r2/metrics.jsonl"));
    // A folder holding the whole project, or other runs, is refused.
    project.upsertRun(run("all", "."));
    QVERIFY_THROWS_EXCEPTION(FileError, deleteProjectRun(project, root / "p", "all"));
    project.upsertRun(run("shared", "runs"));
    QVERIFY_THROWS_EXCEPTION(FileError, deleteProjectRun(project, root / "p", "shared"));
    QVERIFY(fs::exists(root / "p/runs/r1/metrics.jsonl"));
    // A link inside the project that leads out of it is not followed.
    fs::create_directory_symlink(root / "elsewhere/r2", root / "p/runs/linked");
    QVERIFY_THROWS_EXCEPTION(FileError, deleteRunFolder(root / "p/runs/linked", root / "p"));
    QVERIFY(fs::exists(root / "elsewhere/r2/metrics.jsonl"));

    deleteProjectRun(project, root / "p", "r1");
    QVERIFY(!fs::exists(root / "p/runs/r1"));
    QVERIFY(!project.findRun("r1"));
    QVERIFY(project.models.empty());  // its model went with it
    QVERIFY(fs::exists(root / "p/runs/r3/metrics.jsonl"));
    QVERIFY(fs::exists(root / "p" / kProjectFileName));
  }
};

}  // namespace glowscope

QTEST_MAIN(glowscope::TstProjectFolders)
#include "tst_project_folders.moc"
