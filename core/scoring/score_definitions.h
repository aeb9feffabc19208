#pragma once
// The anomaly scores of the paper as named, composable definitions. Every score is oriented the
// paper's way: higher = more in-distribution. One place computes them, for tables and views alike.
#include <functional>
#include <nlohmann/json_fwd.hpp>
#include <string>
#include <vector>

#include "core/scoring/model_scores.h"

namespace glowscope {

enum class ScoreKind {
  Raw,         ///< log p_model(x)
  Scale,       ///< c_scale(x) of the model (Eq. 3); the last scale is the paper's "4x4"
  Ratio,       ///< log p_model(x) - log p_general(x) (Eq. 1, "Diff")
  ScaleRatio,  ///< c_scale^model(x) - c_scale^general(x) ("Diff" at one scale)
  Png,         ///< -PNG bits (less compressible = more anomalous; Serra et al.'s complexity)
  PngRatio,    ///< log p_model(x) + PNG bits · ln 2 (PNG as -log p_general, "PNG diff")
};

std::string scoreKindName(ScoreKind kind);             ///< "raw", "scale", "ratio", ...
ScoreKind scoreKindFromName(const std::string& name);  ///< throws ConfigError("kind", ...)

struct ScoreDefinition {
  std::string name;  ///< column title, e.g. "Raw (conv)", "4x4", "Diff"
  ScoreKind kind = ScoreKind::Raw;
  std::string model;    ///< model id
  std::string general;  ///< general model id (Ratio, ScaleRatio)
  int scale = 0;        ///< 1-based scale (Scale, ScaleRatio); negative counts from the end

  /// Missing/unknown fields throw ConfigError naming "<context>.<field>".
  static ScoreDefinition fromJson(const nlohmann::json& json, const std::string& context);
  nlohmann::json toJson() const;
};

/// Where the per-image inputs of a score come from, for one image set.
struct ScoreInputs {
  std::function<const ModelScores&(const std::string& modelId)> modelScores;
  /// PNG bits per image of exactly what `modelId` scores (the set brought to its C×H×W by
  /// prepareImagesForModel), as the reference compresses the model's input; an empty id (a
  /// "png" score without a model) means the images as loaded.
  std::function<const std::vector<double>&(const std::string& modelId)> pngBits;
};

/// The per-image values of `definition` (higher = more in-distribution). Throws Error when the
/// inputs disagree in length or a scale is out of range.
std::vector<double> evaluateScore(const ScoreDefinition& definition, const ScoreInputs& inputs);

/// Element-wise a - b (the likelihood ratio in log space). Throws Error on a length mismatch.
std::vector<double> scoreDifference(const std::vector<double>& a, const std::vector<double>& b);

}  // namespace glowscope
