// Experiment specs: a typo or a dangling reference fails with the field's name; a valid spec
// survives a JSON round trip; "@id" references resolve to the files of earlier models.
#include <QtTest>
#include <nlohmann/json.hpp>

#include "core/experiments/default_experiment.h"
#include "core/experiments/experiment_runner.h"
#include "core/experiments/experiment_spec.h"
#include "core/training/training_config.h"
#include "core/util/errors.h"

namespace glowscope {

namespace {
nlohmann::json validSpec() {
  return nlohmann::json::parse(R"({
    "name": "t", "inDistribution": "fashion-mnist:test", "oodSets": ["mnist:test"],
    "seeds": [0, 1],
    "models": [
      {"id": "general", "modelFile": "/tmp/general.glow", "sharedAcrossSeeds": true},
      {"id": "conv", "training": {"trainSet": "fashion-mnist:train", "initFrom": "@general"}}
    ],
    "scores": [
      {"name": "Raw", "kind": "raw", "model": "conv"},
      {"name": "Diff", "kind": "ratio", "model": "conv", "general": "general"}
    ]})");
}

QString failingField(const nlohmann::json& json) {
  try {
    ExperimentSpec::fromJson(json);
  } catch (const ConfigError& error) {
    return QString::fromStdString(error.field());
  }
  return "(no error)";
}
}  // namespace

class TstExperimentSpec : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void validSpecParsesAndRoundTrips() {
    const ExperimentSpec spec = ExperimentSpec::fromJson(validSpec());
    QCOMPARE(spec.models.size(), size_t{2});
    QCOMPARE(spec.seeds, (std::vector<uint64_t>{0, 1}));
    QVERIFY(spec.models[0].sharedAcrossSeeds);
    const ExperimentSpec back = ExperimentSpec::fromJson(spec.toJson());
    QCOMPARE(back.toJson().dump(), spec.toJson().dump());
  }

  void typosNameTheField() {
    nlohmann::json json = validSpec();
    json["oodSet"] = json["oodSets"];
    QCOMPARE(failingField(json), QString("oodSet"));
    json = validSpec();
    json["scores"][1]["genral"] = "general";
    QCOMPARE(failingField(json), QString("scores[1].genral"));
    json = validSpec();
    json["models"][1]["trainig"] = json["models"][1]["training"];
    QCOMPARE(failingField(json), QString("models[1].trainig"));
    json = validSpec();
    json["imagesPerSet"] = "many";
    QCOMPARE(failingField(json), QString("imagesPerSet"));
  }

  void danglingReferencesAreRejected() {
    nlohmann::json json = validSpec();
    json["scores"][1]["general"] = "tiny";
    QCOMPARE(failingField(json), QString("scores[1].general"));
    json = validSpec();
    json["models"][1]["training"]["initFrom"] = "@later";
    QCOMPARE(failingField(json), QString("models[1].training.initFrom"));
    json = validSpec();
    json["models"][1]["id"] = "general";
    QCOMPARE(failingField(json), QString("models[1].id"));
  }

  // The main job runs for ~40 minutes: a typo in its training configs must fail here, not there.
  void defaultExperimentIsValid() {
    const ExperimentSpec spec =
        ExperimentSpec::fromJson(nlohmann::json::parse(kDefaultExperimentJson));
    QCOMPARE(spec.inDistribution, std::string("fashion-mnist:test"));
    std::map<std::string, std::filesystem::path> files;
    for (const ExperimentModel& model : spec.models) {
      const nlohmann::json config = resolvedTrainingConfig(model, 0, files, "/tmp/x-" + model.id);
      const TrainingConfig parsed = TrainingConfig::fromJson(config);
      QVERIFY(parsed.steps > 0);
      files[model.id] = "/tmp/" + model.id + ".glow";
    }
    // The paper's protocol (Sec. 5, Tables 1-4): the general model on the Tiny-like set, the
    // in-distribution models fine-tuned from it (plain, two scales frozen, Eq. 2's outlier loss
    // "Ours", the margin loss "OE") beside the from-scratch conv and dense models.
    const auto training = [&](const std::string& id) {
      return TrainingConfig::fromJson(resolvedTrainingConfig(spec.model(id), 0, files, "/tmp/y"));
    };
    QCOMPARE(training("general").trainSet, std::string("general-gray:train"));
    QVERIFY(!training("conv").fineTuning() && !training("dense").fineTuning());
    for (const char* id : {"ft", "ft2", "ours", "oe"})
      QCOMPARE(training(id).initFrom, std::filesystem::path("/tmp/general.glow"));
    QCOMPARE(training("ft2").freezeScales, int64_t{2});
    QVERIFY(training("ours").losses.outlier && !training("ours").losses.margin);
    QVERIFY(training("oe").losses.margin && !training("oe").losses.outlier);
    for (const char* id : {"ours", "oe"}) {
      QCOMPARE(training(id).outlierSet, std::string("general-gray:train"));
      QCOMPARE(training(id).effectiveOutlierAugmentation(), (AugmentationConfig{2, true}));
      QCOMPARE(training(id).trainAugmentation(), (AugmentationConfig{2, false}));
    }
    std::map<std::string, std::string> modelOf;
    for (const ScoreDefinition& score : spec.scores) modelOf[score.name] = score.model;
    for (const char* name : {"Raw (FT)", "4x4", "Diff", "8x8 Diff", "PNG diff"})
      QCOMPARE(modelOf.at(name), std::string("ft"));
    QCOMPARE(modelOf.at("Raw"), std::string("conv"));
    QCOMPARE(modelOf.at("Ours Diff"), std::string("ours"));
    QCOMPARE(modelOf.at("OE"), std::string("oe"));
    QCOMPARE(modelOf.at("Diff (2 scales frozen)"), std::string("ft2"));
    // OOD rows: MNIST and the held-out font letters; the general set's held-out images are shown
    // only as a row marked not OOD.
    QCOMPARE(spec.oodSets,
             (std::vector<std::string>{"mnist:test", "font-letters:test", "general-gray:test"}));
    QCOMPARE(spec.notOodSets.at("general-gray:test"), std::string("general (held out), not OOD"));
  }

  void notOodSetsMustBeOodSetsWithANote() {
    nlohmann::json json = validSpec();
    json["notOodSets"] = {{"elsewhere:test", "not OOD"}};
    QCOMPARE(failingField(json), QString("notOodSets.elsewhere:test"));
    json["notOodSets"] = nlohmann::json::object();
    json["notOodSets"]["mnist:test"] = "";
    QCOMPARE(failingField(json), QString("notOodSets.mnist:test"));
    json["notOodSets"]["mnist:test"] = "held out";
    const ExperimentSpec parsed = ExperimentSpec::fromJson(json);
    QCOMPARE(ExperimentSpec::fromJson(parsed.toJson()).notOodSets, parsed.notOodSets);
    QCOMPARE(parsed.notOodSets.size(), std::size_t(1));
  }

  // Every shipped spec (resources/experiments/*.json) parses and its training configs resolve,
  // and models with the default's ids are the default's models, so that running one into the
  // default's results folder reuses them.
  void shippedExperimentsAreValid() {
    const ExperimentSpec defaults =
        ExperimentSpec::fromJson(nlohmann::json::parse(kDefaultExperimentJson));
    int checked = 0;
    for (const auto& entry : std::filesystem::directory_iterator(GLOWSCOPE_EXPERIMENTS_DIR)) {
      if (entry.path().extension() != ".json") continue;
      const ExperimentSpec spec = ExperimentSpec::fromFile(entry.path());
      std::map<std::string, std::filesystem::path> files;
      for (const ExperimentModel& model : spec.models) {
        const nlohmann::json config = resolvedTrainingConfig(model, 0, files, "/tmp/x");
        QVERIFY(TrainingConfig::fromJson(config).steps > 0);
        files[model.id] = "/tmp/" + model.id + ".glow";
        for (const ExperimentModel& shared : defaults.models)
          if (shared.id == model.id) QCOMPARE(model.training, shared.training);
      }
      ++checked;
    }
    QVERIFY(checked >= 2);
  }

  // The no-glyph ablation (docs/data.md) must follow every change of the default's recipe: its
  // models differ from the default's only in the general set's mix and the ids they refer to.
  void noGlyphAblationDiffersFromTheDefaultOnlyInItsMix() {
    const ExperimentSpec defaults =
        ExperimentSpec::fromJson(nlohmann::json::parse(kDefaultExperimentJson));
    const ExperimentSpec ablation = ExperimentSpec::fromFile(
        std::filesystem::path(GLOWSCOPE_EXPERIMENTS_DIR) / "default-no-glyphs.json");
    const std::string noGlyphTrainSet =
        ablation.model("general-ng").training.at("trainSet").get<std::string>();
    const std::string noGlyphMix = noGlyphTrainSet.substr(0, noGlyphTrainSet.rfind(':') + 1);
    QVERIFY(noGlyphMix.starts_with("general-gray:") && noGlyphMix.size() > 13);
    const auto asDefault = [&](std::string text) {
      for (const auto& [from, to] :
           {std::pair<std::string, std::string>{noGlyphMix, "general-gray:"}, {"-ng\"", "\""}})
        for (auto at = text.find(from); at != std::string::npos;
             at = text.find(from, at + to.size()))
          text.replace(at, from.size(), to);
      return nlohmann::json::parse(text);
    };
    int mirrored = 0;
    for (const ExperimentModel& model : ablation.models) {
      if (!model.id.ends_with("-ng")) continue;
      const std::string id = model.id.substr(0, model.id.size() - 3);
      QCOMPARE(asDefault(model.training.dump()), defaults.model(id).training);
      ++mirrored;
    }
    QCOMPARE(mirrored, 5);
  }

  void referencesResolveToFiles() {
    const ExperimentSpec spec = ExperimentSpec::fromJson(validSpec());
    const nlohmann::json config = resolvedTrainingConfig(
        spec.models[1], 7, {{"general", "/models/general.glow"}}, "/out/conv-seed7");
    QCOMPARE(QString::fromStdString(config["initFrom"].get<std::string>()),
             QString("/models/general.glow"));
    QCOMPARE(config["seed"].get<uint64_t>(), uint64_t{7});
    QCOMPARE(QString::fromStdString(config["outputDir"].get<std::string>()),
             QString("/out/conv-seed7"));
  }
};

}  // namespace glowscope

QTEST_GUILESS_MAIN(glowscope::TstExperimentSpec)
#include "tst_experiment_spec.moc"
