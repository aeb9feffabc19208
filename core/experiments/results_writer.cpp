#include "core/experiments/results_writer.h"

#include <sstream>

#include "core/runtime/runtime.h"
#include "core/util/atomic_file.h"
#include "core/util/version.h"

namespace glowscope {
namespace {

std::string perImageCsv(const SeedResults& seed, const std::string& setName,
                        const ExperimentSpec& spec) {
  const auto& columns = seed.scoreValues.at(setName);
  std::ostringstream csv;
  csv.precision(17);
  csv << "index";
  for (const ScoreDefinition& score : spec.scores) csv << "," << escapeCsv(score.name);
  csv << "\n";
  const std::size_t rows = columns.at(spec.scores.front().name).size();
  for (std::size_t row = 0; row < rows; ++row) {
    csv << row;
    for (const ScoreDefinition& score : spec.scores) csv << "," << columns.at(score.name)[row];
    csv << "\n";
  }
  return csv.str();
}

nlohmann::json seedSummary(const SeedResults& seed) {
  nlohmann::json json = {{"seed", seed.seed}};
  for (const auto& [id, file] : seed.modelFiles) json["models"][id] = file.string();
  json["bitsPerDim"] = seed.bitsPerDim;
  json["bitsPerDimNonFinite"] = seed.nonFiniteImages;
  for (const auto& [ood, scores] : seed.metrics)
    for (const auto& [score, result] : scores)
      json["metrics"][ood][score] = scoreMetricsToJson(result);
  return json;
}

nlohmann::json metadata(const ExperimentResults& results, const nlohmann::json& extra) {
  nlohmann::json json = {{"glowscope", kGlowscopeVersion}, {"libtorch", torchVersion()},
                         {"opencv", openCvVersion()},      {"spdlog", spdlogVersion()},
                         {"runtime", describeRuntime()},   {"spec", results.spec.toJson()},
                         {"seeds", results.spec.seeds},    {"seconds", results.seconds}};
  for (const auto& [name, fingerprint] : results.dataFingerprints)
    json["data"][name] = {{"fingerprint", fingerprint}, {"images", results.setSizes.at(name)}};
  for (const auto& [key, value] : extra.items()) json[key] = value;
  return json;
}

void writeTable(const ResultsTable& table, const std::filesystem::path& stem) {
  writeFileAtomically(stem.string() + ".csv", table.toCsv());
  writeFileAtomically(stem.string() + ".md", table.toMarkdown());
  writeFileAtomically(stem.string() + ".tex", table.toLatex("tab:" + stem.filename().string()));
}

}  // namespace

ResultsSummary resultsSummary(const ExperimentResults& results) {
  const ExperimentSpec& spec = results.spec;
  ResultsSummary summary;
  summary.name = spec.name;
  summary.inDistribution = spec.inDistribution;
  summary.oodSets = spec.oodSets;
  summary.notOodSets = spec.notOodSets;
  for (const ScoreDefinition& score : spec.scores) summary.scoreNames.push_back(score.name);
  for (const ExperimentModel& model : spec.models)
    summary.models.emplace_back(model.id, model.label);
  for (const SeedResults& seed : results.seeds) {
    summary.seeds.push_back(seed.seed);
    summary.metrics.push_back(seed.metrics);
    summary.bitsPerDim.push_back(seed.bitsPerDim);
    summary.bitsPerDimNonFinite.push_back(seed.nonFiniteImages);
  }
  return summary;
}

void writeExperimentResults(const ExperimentResults& results, const std::filesystem::path& folder,
                            const nlohmann::json& extraMetadata) {
  const ResultsSummary summary = resultsSummary(results);
  for (const TableMetricInfo& info : tableMetrics())
    writeTable(metricTable(summary, info.metric), folder / info.fileStem);
  const ResultsTable bits = bitsPerDimTable(summary);
  writeFileAtomically(folder / "bits-per-dim.csv", bits.toCsv());
  writeFileAtomically(folder / "bits-per-dim.md", bits.toMarkdown());
  nlohmann::json summaryJson = {{"name", results.spec.name}, {"seeds", nlohmann::json::array()}};
  for (const SeedResults& seed : results.seeds) {
    summaryJson["seeds"].push_back(seedSummary(seed));
    for (const auto& [setName, columns] : seed.scoreValues)
      writeFileAtomically(folder / scoresFilePath(setName, seed.seed),
                          perImageCsv(seed, setName, results.spec));
  }
  writeFileAtomically(folder / "summary.json", summaryJson.dump(2));
  writeFileAtomically(folder / "metadata.json", metadata(results, extraMetadata).dump(2));
}

}  // namespace glowscope
