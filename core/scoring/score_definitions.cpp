#include "core/scoring/score_definitions.h"

#include <cmath>
#include <nlohmann/json.hpp>
#include <utility>

#include "core/scoring/png_complexity.h"
#include "core/util/errors.h"
#include "core/util/json_reader.h"

namespace glowscope {
namespace {

const std::pair<ScoreKind, const char*> kKindNames[] = {
    {ScoreKind::Raw, "raw"},     {ScoreKind::Scale, "scale"},
    {ScoreKind::Ratio, "ratio"}, {ScoreKind::ScaleRatio, "scale-ratio"},
    {ScoreKind::Png, "png"},     {ScoreKind::PngRatio, "png-ratio"}};

const std::vector<double>& scaleColumn(const ModelScores& scores, int scale,
                                       const std::string& modelId) {
  const int count = static_cast<int>(scores.scaleLogLikelihoodNats.size());
  if (count == 0 && !scores.logLikelihoodNats.empty())
    throw Error("model '" + modelId + "' has no per-scale contributions: a PixelCNN++ model has " +
                "no scales (scale and scale-ratio scores need a flow model)");
  const int index = scale > 0 ? scale - 1 : count + scale;
  if (scale == 0 || index < 0 || index >= count)
    throw Error("scale " + std::to_string(scale) + " is out of range: the model has " +
                std::to_string(count) + " scales");
  return scores.scaleLogLikelihoodNats[static_cast<std::size_t>(index)];
}

bool needsGeneral(ScoreKind kind) {
  return kind == ScoreKind::Ratio || kind == ScoreKind::ScaleRatio;
}
bool needsScale(ScoreKind kind) {
  return kind == ScoreKind::Scale || kind == ScoreKind::ScaleRatio;
}

}  // namespace

std::string scoreKindName(ScoreKind kind) {
  for (const auto& [value, name] : kKindNames)
    if (value == kind) return name;
  return "raw";
}

ScoreKind scoreKindFromName(const std::string& name) {
  for (const auto& [value, text] : kKindNames)
    if (name == text) return value;
  throw ConfigError(
      "kind", "unknown score kind '" + name + "' (raw, scale, ratio, scale-ratio, png, png-ratio)");
}

ScoreDefinition ScoreDefinition::fromJson(const nlohmann::json& json, const std::string& context) {
  JsonObjectReader reader(json, context);
  ScoreDefinition definition;
  reader.read("name", definition.name);
  std::string kind = scoreKindName(definition.kind);
  reader.read("kind", kind);
  try {
    definition.kind = scoreKindFromName(kind);
  } catch (const ConfigError& error) {
    throw ConfigError(reader.path("kind"), error.what());
  }
  reader.read("model", definition.model);
  reader.read("general", definition.general);
  reader.read("scale", definition.scale);
  reader.finish();
  if (definition.name.empty()) throw ConfigError(context + ".name", "is required");
  const bool pngOnly = definition.kind == ScoreKind::Png;
  if (!pngOnly && definition.model.empty()) throw ConfigError(context + ".model", "is required");
  if (needsGeneral(definition.kind) && definition.general.empty())
    throw ConfigError(context + ".general", "is required for this kind");
  if (needsScale(definition.kind) && definition.scale == 0)
    throw ConfigError(context + ".scale", "is required for this kind (1-based, or -1 = last)");
  return definition;
}

nlohmann::json ScoreDefinition::toJson() const {
  nlohmann::json json = {{"name", name}, {"kind", scoreKindName(kind)}};
  if (!model.empty()) json["model"] = model;
  if (!general.empty()) json["general"] = general;
  if (scale != 0) json["scale"] = scale;
  return json;
}

std::vector<double> scoreDifference(const std::vector<double>& a, const std::vector<double>& b) {
  if (a.size() != b.size())
    throw Error("score vectors differ in length (" + std::to_string(a.size()) + " vs " +
                std::to_string(b.size()) + ")");
  std::vector<double> difference(a.size());
  for (std::size_t i = 0; i < a.size(); ++i) difference[i] = a[i] - b[i];
  return difference;
}

std::vector<double> evaluateScore(const ScoreDefinition& definition, const ScoreInputs& inputs) {
  switch (definition.kind) {
    case ScoreKind::Raw:
      return inputs.modelScores(definition.model).logLikelihoodNats;
    case ScoreKind::Scale:
      return scaleColumn(inputs.modelScores(definition.model), definition.scale, definition.model);
    case ScoreKind::Ratio:
      return scoreDifference(inputs.modelScores(definition.model).logLikelihoodNats,
                             inputs.modelScores(definition.general).logLikelihoodNats);
    case ScoreKind::ScaleRatio:
      return scoreDifference(
          scaleColumn(inputs.modelScores(definition.model), definition.scale, definition.model),
          scaleColumn(inputs.modelScores(definition.general), definition.scale,
                      definition.general));
    case ScoreKind::Png: {
      std::vector<double> negativeBits = inputs.pngBits(definition.model);
      for (double& bits : negativeBits) bits = -bits;
      return negativeBits;
    }
    case ScoreKind::PngRatio: {
      std::vector<double> generalLogLikelihood = inputs.pngBits(definition.model);
      for (double& value : generalLogLikelihood) value = pngLogLikelihoodNats(value);
      return scoreDifference(inputs.modelScores(definition.model).logLikelihoodNats,
                             generalLogLikelihood);
    }
  }
  throw Error("unknown score kind");
}

}  // namespace glowscope
