// Score definitions: JSON with a typo fails naming the field; each kind computes what the paper
// defines (ratio = difference, PNG ratio = log p + bits ln 2, last scale = c_L).
#include <QtTest>
#include <cmath>
#include <nlohmann/json.hpp>

#include "core/scoring/score_definitions.h"
#include "core/util/errors.h"

namespace glowscope {

class TstScoreDefinitions : public QObject {
  Q_OBJECT

 private:
  ModelScores inModel_, general_;
  std::vector<double> pngBits_{100, 200};

  ScoreInputs inputs() {
    ScoreInputs result;
    result.modelScores = [this](const std::string& id) -> const ModelScores& {
      return id == "in" ? inModel_ : general_;
    };
    result.pngBits = [this](const std::string&) -> const std::vector<double>& { return pngBits_; };
    return result;
  }

 private Q_SLOTS:
  void initTestCase() {
    inModel_.logLikelihoodNats = {-10, -20};
    inModel_.scaleLogLikelihoodNats = {{-4, -8}, {-6, -12}};
    general_.logLikelihoodNats = {-15, -18};
    general_.scaleLogLikelihoodNats = {{-5, -9}, {-10, -9}};
  }

  void typoNamesTheField() {
    const auto json = nlohmann::json::parse(R"({"name": "Diff", "kind": "ratio", "modle": "in"})");
    try {
      ScoreDefinition::fromJson(json, "scores[2]");
      QFAIL("expected ConfigError");
    } catch (const ConfigError& error) {
      QCOMPARE(QString::fromStdString(error.field()), QString("scores[2].modle"));
    }
    QVERIFY_THROWS_EXCEPTION(
        ConfigError,
        ScoreDefinition::fromJson(
            nlohmann::json::parse(R"({"name": "x", "kind": "ratioo", "model": "in"})"), "s"));
    QVERIFY_THROWS_EXCEPTION(
        ConfigError,
        ScoreDefinition::fromJson(
            nlohmann::json::parse(R"({"name": "x", "kind": "ratio", "model": "in"})"), "s"));
  }

  void jsonRoundTrip() {
    const ScoreDefinition definition{"8x8 Diff", ScoreKind::ScaleRatio, "in", "gen", 2};
    const ScoreDefinition back = ScoreDefinition::fromJson(definition.toJson(), "s");
    QCOMPARE(back.name, definition.name);
    QVERIFY(back.kind == definition.kind);
    QCOMPARE(back.general, definition.general);
    QCOMPARE(back.scale, 2);
  }

  void kindsComputeThePaperDefinitions() {
    auto values = [this](ScoreKind kind, int scale = 0) {
      return evaluateScore({"s", kind, "in", "gen", scale}, inputs());
    };
    QCOMPARE(values(ScoreKind::Raw), (std::vector<double>{-10, -20}));
    QCOMPARE(values(ScoreKind::Scale, -1), (std::vector<double>{-6, -12}));
    QCOMPARE(values(ScoreKind::Scale, 1), (std::vector<double>{-4, -8}));
    QCOMPARE(values(ScoreKind::Ratio), (std::vector<double>{5, -2}));
    QCOMPARE(values(ScoreKind::ScaleRatio, 2), (std::vector<double>{4, -3}));
    QCOMPARE(values(ScoreKind::Png), (std::vector<double>{-100, -200}));
    const std::vector<double> pngRatio = values(ScoreKind::PngRatio);
    QVERIFY(std::abs(pngRatio[0] - (-10 + 100 * std::log(2.0))) < 1e-9);
    QVERIFY(std::abs(pngRatio[1] - (-20 + 200 * std::log(2.0))) < 1e-9);
  }

  void badScaleIsAnError() {
    QVERIFY_THROWS_EXCEPTION(Error, evaluateScore({"s", ScoreKind::Scale, "in", "", 3}, inputs()));
  }
};

}  // namespace glowscope

QTEST_GUILESS_MAIN(glowscope::TstScoreDefinitions)
#include "tst_score_definitions.moc"
