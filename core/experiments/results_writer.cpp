#include "core/experiments/results_writer.h"

#include <cctype>
#include <cmath>
#include <map>
#include <sstream>

#include "core/util/atomic_file.h"
#include "core/util/runtime.h"
#include "core/util/version.h"

namespace glowscope {
namespace {

struct MetricInfo {
  TableMetric metric;
  const char* fileStem;
  MetricDescription description;
};

const MetricInfo kMetrics[] = {
    {TableMetric::Auroc, "auroc", {"AUROC", true, true, 1}},
    {TableMetric::AuprIn, "aupr-in", {"AUPR-in", true, true, 1}},
    {TableMetric::AuprOut, "aupr-out", {"AUPR-out", true, true, 1}},
    {TableMetric::FprAt95, "fpr95", {"FPR at 95% TPR", false, true, 1}},
};

double metricValue(const OodMetrics& metrics, TableMetric metric) {
  switch (metric) {
    case TableMetric::Auroc:
      return metrics.auroc;
    case TableMetric::AuprIn:
      return metrics.auprIn;
    case TableMetric::AuprOut:
      return metrics.auprOut;
    case TableMetric::FprAt95:
      return metrics.fprAtTpr;
  }
  return 0;
}

const MetricInfo& infoOf(TableMetric metric) {
  for (const MetricInfo& info : kMetrics)
    if (info.metric == metric) return info;
  return kMetrics[0];
}

std::string seedsText(const ExperimentSpec& spec) {
  std::ostringstream text;
  for (std::size_t i = 0; i < spec.seeds.size(); ++i) text << (i ? ", " : "") << spec.seeds[i];
  return text.str();
}

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
  for (const auto& [ood, scores] : seed.metrics) {
    for (const auto& [score, result] : scores) {
      const OodMetrics& m = result.metrics;
      nlohmann::json entry = {{"auroc", m.auroc},
                              {"auprIn", m.auprIn},
                              {"auprOut", m.auprOut},
                              {"fprAt95Tpr", m.fprAtTpr},
                              {"nonFiniteInDistribution", m.nonFiniteInDistribution},
                              {"nonFiniteOutOfDistribution", m.nonFiniteOutOfDistribution}};
      if (result.aurocInterval)
        entry["auroc95Interval"] = {result.aurocInterval->lower, result.aurocInterval->upper};
      json["metrics"][ood][score] = entry;
    }
  }
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

std::string fileSafeName(const std::string& text) {
  std::string name = text;
  for (char& c : name)
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '-' && c != '_') c = '_';
  return name;
}

ResultsTable metricTable(const ExperimentResults& results, TableMetric metric) {
  const ExperimentSpec& spec = results.spec;
  ResultsTable table(infoOf(metric).description);
  table.setCaption(infoOf(metric).description.name + " (%) of " + spec.name + ", " +
                   spec.inDistribution + " as in-distribution, seeds " + seedsText(spec));
  table.setConvention(ScoreConvention::paper().describe());
  for (const std::string& ood : spec.oodSets) table.addRow(ood);  // the spec's order
  for (const auto& [set, note] : spec.notOodSets) table.setRowNote(set, note);
  for (const std::string& ood : spec.oodSets) {
    for (const ScoreDefinition& score : spec.scores) {
      std::vector<double> perSeed;
      for (const SeedResults& seed : results.seeds)
        perSeed.push_back(metricValue(seed.metrics.at(ood).at(score.name).metrics, metric));
      table.set(ood, score.name, TableCell::fromSeeds(perSeed));
    }
  }
  return table;
}

ResultsTable bitsPerDimTable(const ExperimentResults& results) {
  ResultsTable table({"bits/dim", false, false, 2});
  table.setCaption(
      "Mean bits/dim of every model on every set (lower = more likely), over the images with a "
      "finite log p; in brackets the images left out (all seeds)");
  table.setRowHeader("model");
  for (const ExperimentModel& model : results.spec.models) {
    std::map<std::string, std::vector<double>> perSet;
    std::map<std::string, std::size_t> nonFinite;
    for (const SeedResults& seed : results.seeds) {
      for (const auto& [set, bits] : seed.bitsPerDim.at(model.id))
        if (std::isfinite(bits)) perSet[set].push_back(bits);
      if (const auto found = seed.nonFiniteImages.find(model.id);
          found != seed.nonFiniteImages.end())
        for (const auto& [set, count] : found->second) nonFinite[set] += count;
    }
    for (const auto& [set, values] : perSet) {
      if (values.empty()) continue;
      TableCell cell = TableCell::fromSeeds(values);
      cell.note = std::to_string(nonFinite[set]) + " non-finite";
      table.set(model.label, set, cell);
    }
  }
  return table;
}

void writeExperimentResults(const ExperimentResults& results, const std::filesystem::path& folder,
                            const nlohmann::json& extraMetadata) {
  for (const MetricInfo& info : kMetrics)
    writeTable(metricTable(results, info.metric), folder / info.fileStem);
  const ResultsTable bits = bitsPerDimTable(results);
  writeFileAtomically(folder / "bits-per-dim.csv", bits.toCsv());
  writeFileAtomically(folder / "bits-per-dim.md", bits.toMarkdown());
  nlohmann::json summary = {{"name", results.spec.name}, {"seeds", nlohmann::json::array()}};
  for (const SeedResults& seed : results.seeds) {
    summary["seeds"].push_back(seedSummary(seed));
    for (const auto& [setName, columns] : seed.scoreValues)
      writeFileAtomically(
          folder / "scores" /
              (fileSafeName(setName) + "-seed" + std::to_string(seed.seed) + ".csv"),
          perImageCsv(seed, setName, results.spec));
  }
  writeFileAtomically(folder / "summary.json", summary.dump(2));
  writeFileAtomically(folder / "metadata.json", metadata(results, extraMetadata).dump(2));
}

}  // namespace glowscope
