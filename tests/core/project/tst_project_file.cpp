// The project file: round trip, atomic save, rejection of newer-version and corrupt files
// without touching them.
#include <QTemporaryDir>
#include <QtTest>
#include <filesystem>

#include "core/project/project_file.h"
#include "core/project/workspace_file.h"
#include "core/util/atomic_file.h"
#include "core/util/errors.h"

namespace glowscope {

class TstProjectFile : public QObject {
  Q_OBJECT

  static Project sampleProject() {
    Project project;
    project.name = "fashion study";
    project.datasets = {"fashion-mnist:train", "mnist:test", "folder:/data/faces"};
    ProjectRun run;
    run.name = "in-dist tiny";
    run.config = {
        {"trainSet", "fashion-mnist:train"}, {"steps", 20}, {"model", {{"preset", "tiny"}}}};
    run.status = "finished";
    run.created = "2026-11-28T23:00:00Z";
    run.steps = 20;
    run.testBitsPerDim = 3.25;
    project.runs.push_back(run);
    project.models.push_back(
        {"tiny fmnist", "runs/in-dist tiny/model.glow", run.name, "in-distribution"});
    project.experiments.push_back({"table 1", "experiments/table1.json", "results/table1"});
    return project;
  }

 private Q_SLOTS:
  void roundTripKeepsEveryField() {
    QTemporaryDir dir;
    const Project original = sampleProject();
    saveProject(original, dir.path().toStdString());
    const Project loaded = loadProject(dir.path().toStdString());
    QCOMPARE(loaded.toJson().dump(), original.toJson().dump());
    QCOMPARE(loaded.runs.size(), size_t{1});
    QCOMPARE(loaded.runs[0].config.at("steps").get<int>(), 20);
    QCOMPARE(loaded.runs[0].testBitsPerDim, 3.25);
    QCOMPARE(loaded.models[0].file.generic_string(), std::string("runs/in-dist tiny/model.glow"));
    QCOMPARE(loaded.datasets.size(), size_t{3});
  }

  void newerVersionIsRejectedAndFileUntouched() {
    QTemporaryDir dir;
    nlohmann::json document = sampleProject().toJson();
    document["version"] = kProjectFormatVersion + 1;
    const std::filesystem::path file = projectFilePath(dir.path().toStdString());
    const std::string text = document.dump(2);
    writeFileAtomically(file, text);
    try {
      loadProject(file);
      QFAIL("a newer project file was accepted");
    } catch (const FileError& error) {
      QVERIFY2(std::string(error.what()).find("newer") != std::string::npos, error.what());
    }
    QCOMPARE(readWholeFile(file), text);
  }

  void corruptFilesGiveFileErrors() {
    QTemporaryDir dir;
    const std::filesystem::path file = projectFilePath(dir.path().toStdString());
    const std::vector<std::string> corrupt = {
        "{ not json",
        "[]",
        R"({"format":"something-else","version":1,"name":"x"})",
        R"({"format":"glowscope-project","name":"x"})",
        R"({"format":"glowscope-project","version":1})",
        R"({"format":"glowscope-project","version":1,"name":"x","runs":[{"name":"a/b","config":{}}]})",
        R"({"format":"glowscope-project","version":1,"name":"x","runs":[{"name":"a","config":{}},{"name":"a","config":{}}]})",
        R"({"format":"glowscope-project","version":1,"name":"x","colour":"red"})",
        R"({"format":"glowscope-project","version":1,"name":"x","datasets":[3]})",
    };
    for (const std::string& text : corrupt) {
      writeFileAtomically(file, text);
      QVERIFY_THROWS_EXCEPTION(FileError, loadProject(file));
      QCOMPARE(readWholeFile(file), text);
    }
    QVERIFY_THROWS_EXCEPTION(
        FileError, loadProject(std::filesystem::path(dir.path().toStdString()) / "missing"));
  }

  void runConfigResolvesOutputDir() {
    Project project = sampleProject();
    project.runs[0].config["outputDir"] = "runs/in-dist tiny";
    const auto config = runTrainingConfig(project, "/data/study", "in-dist tiny");
    QCOMPARE(config.at("outputDir").get<std::string>(),
             std::string("/data/study/runs/in-dist tiny"));
    QCOMPARE(config.at("steps").get<int>(), 20);
    project.runs[0].config["outputDir"] = "/elsewhere/run";
    QCOMPARE(runTrainingConfig(project, "/data/study", "in-dist tiny")
                 .at("outputDir")
                 .get<std::string>(),
             std::string("/elsewhere/run"));
    project.runs[0].config.erase("outputDir");
    QCOMPARE(runTrainingConfig(project, "/data/study", "in-dist tiny")
                 .at("outputDir")
                 .get<std::string>(),
             std::string("/data/study/runs/in-dist tiny"));
    QVERIFY_THROWS_EXCEPTION(ConfigError, runTrainingConfig(project, "/data/study", "nope"));
    QCOMPARE(projectFolderOf("/a/b/glowscope-project.json").generic_string(), std::string("/a/b"));
    QCOMPARE(projectFolderOf("/a/b").generic_string(), std::string("/a/b"));
  }

  void upsertAndDatasets() {
    Project project = sampleProject();
    ProjectRun run = project.runs[0];
    run.steps = 99;
    project.upsertRun(run);
    QCOMPARE(project.runs.size(), size_t{1});
    QCOMPARE(project.findRun("in-dist tiny")->steps, int64_t{99});
    run.name = "second";
    project.upsertRun(run);
    QCOMPARE(project.runs.size(), size_t{2});
    QVERIFY(project.findRun("nope") == nullptr);
    QVERIFY(!project.addDataset("mnist:test"));
    QVERIFY(project.addDataset("svhn:/x.mat"));
    QVERIFY_THROWS_EXCEPTION(ConfigError, validateRunName(""));
    QVERIFY_THROWS_EXCEPTION(ConfigError, validateRunName("../up"));
    validateRunName("general model_2.b");
  }
  void hiddenRunsRoundTripAndOthersAreWrittenAsBefore() {
    QTemporaryDir dir;
    Project project = sampleProject();
    QVERIFY(!project.toJson().at("runs").at(0).contains("hidden"));  // unchanged for most runs
    project.runs[0].hidden = true;
    saveProject(project, dir.path().toStdString());
    const Project loaded = loadProject(dir.path().toStdString());
    QVERIFY(loaded.runs[0].hidden);
    QCOMPARE(loaded.toJson().dump(), project.toJson().dump());
    nlohmann::json wrongType = project.toJson();
    wrongType["runs"][0]["hidden"] = "yes";
    QVERIFY_THROWS_EXCEPTION(ConfigError, Project::fromJson(wrongType));
  }

  void workspaceStateKeepsRemovedRuns() {
    QTemporaryDir dir;
    const std::filesystem::path folder = dir.filePath("ws").toStdString();
    QVERIFY(loadWorkspaceState(folder).hiddenRuns.empty());  // no file yet: nothing hidden
    WorkspaceState state;
    state.hide("run-1");
    state.hide("run 2");
    state.hide("run-1");
    QCOMPARE(state.hiddenRuns.size(), size_t{2});
    saveWorkspaceState(state, folder);
    WorkspaceState loaded = loadWorkspaceState(folder);
    QVERIFY(loaded.isHidden("run-1") && loaded.isHidden("run 2") && !loaded.isHidden("run-3"));
    loaded.unhide("run-1");
    QCOMPARE(loaded.hiddenRuns, std::vector<std::string>{"run 2"});
    // A corrupt or foreign file is a FileError naming it, and stays as it is.
    const std::filesystem::path file = folder / kWorkspaceFileName;
    writeFileAtomically(file, "{\"format\": \"glowscope-workspace\", \"hiddenRuns\": 3}");
    try {
      loadWorkspaceState(folder);
      QFAIL("a corrupt workspace file was accepted");
    } catch (const FileError& error) {
      QVERIFY2(std::string(error.what()).find(kWorkspaceFileName) != std::string::npos,
               error.what());
    }
    writeFileAtomically(file, "not json");
    QVERIFY_THROWS_EXCEPTION(FileError, loadWorkspaceState(folder));
  }
};

}  // namespace glowscope

QTEST_APPLESS_MAIN(glowscope::TstProjectFile)
#include "tst_project_file.moc"
