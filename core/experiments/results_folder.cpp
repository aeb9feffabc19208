#include "core/experiments/results_folder.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>

#include "core/util/atomic_file.h"
#include "core/util/errors.h"
#include "core/util/json_reader.h"

namespace glowscope {
namespace {

using Json = nlohmann::json;

double numberOr(const Json& object, const char* key, double fallback) {
  const auto found = object.find(key);
  return found != object.end() && found->is_number() ? found->get<double>() : fallback;
}

std::size_t countOr(const Json& object, const char* key) {
  const auto found = object.find(key);
  return found != object.end() && found->is_number_unsigned() ? found->get<std::size_t>() : 0;
}

std::string stringOr(const Json& object, const char* key, const std::string& fallback = {}) {
  const auto found = object.find(key);
  return found != object.end() && found->is_string() ? found->get<std::string>() : fallback;
}

// `found` in the order of `preferred` (the spec's), the rest after in their own order.
std::vector<std::string> orderedLike(const std::vector<std::string>& found,
                                     const std::vector<std::string>& preferred) {
  std::vector<std::string> ordered;
  const auto contains = [](const std::vector<std::string>& list, const std::string& name) {
    return std::find(list.begin(), list.end(), name) != list.end();
  };
  for (const std::string& name : preferred)
    if (contains(found, name)) ordered.push_back(name);
  for (const std::string& name : found)
    if (!contains(ordered, name)) ordered.push_back(name);
  return ordered;
}

void addOnce(std::vector<std::string>& list, const std::string& name) {
  if (std::find(list.begin(), list.end(), name) == list.end()) list.push_back(name);
}

// RFC 4180 fields of one line (no embedded line breaks: the writer never produces them).
std::vector<std::string> splitCsvLine(const std::string& line) {
  std::vector<std::string> fields;
  std::string field;
  bool quoted = false;
  for (std::size_t i = 0; i < line.size(); ++i) {
    const char c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      field += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields.push_back(std::move(field));
      field.clear();
    } else {
      field += c;
    }
  }
  fields.push_back(std::move(field));
  return fields;
}

// Locale-independent (a GUI may run under a locale with a decimal comma).
bool parseNumber(std::string text, double* value) {
  const auto notSpace = [](unsigned char c) { return !std::isspace(c); };
  text.erase(text.begin(), std::find_if(text.begin(), text.end(), notSpace));
  text.erase(std::find_if(text.rbegin(), text.rend(), notSpace).base(), text.end());
  if (text.starts_with('+')) text.erase(0, 1);
  const char* end = text.data() + text.size();
  const auto [stop, error] = std::from_chars(text.data(), end, *value);
  return error == std::errc() && stop == end && !text.empty();
}

// Fills the summary's seeds, sets, scores, metrics and bits/dim from summary.json.
void readSummary(const std::filesystem::path& path, const Json& spec, ResultsSummary& summary) {
  const Json document = readJsonFile(path);
  if (!document.is_object()) throw FileError(path.string(), "not a JSON object");
  summary.name = stringOr(document, "name");
  const auto seeds = document.find("seeds");
  if (seeds == document.end() || !seeds->is_array() || seeds->empty())
    throw FileError(path.string(), "no \"seeds\"");
  for (const Json& seed : *seeds) {
    if (!seed.is_object()) throw FileError(path.string(), "a seed entry is not an object");
    summary.seeds.push_back(static_cast<std::uint64_t>(numberOr(seed, "seed", 0)));
    MetricsBySet& metrics = summary.metrics.emplace_back();
    const Json seedMetrics = seed.value("metrics", Json::object());
    for (const auto& [set, scores] : seedMetrics.items()) {
      addOnce(summary.oodSets, set);
      for (const auto& [score, entry] : scores.items()) {
        addOnce(summary.scoreNames, score);
        if (entry.is_object()) metrics[set][score] = scoreMetricsFromJson(entry);
      }
    }
    BitsPerDimByModel& bits = summary.bitsPerDim.emplace_back();
    const Json seedBits = seed.value("bitsPerDim", Json::object());
    for (const auto& [model, sets] : seedBits.items())
      for (const auto& [set, value] : sets.items())
        bits[model][set] =
            value.is_number() ? value.get<double>() : std::numeric_limits<double>::quiet_NaN();
    NonFiniteByModel& nonFinite = summary.bitsPerDimNonFinite.emplace_back();
    const Json seedNonFinite = seed.value("bitsPerDimNonFinite", Json::object());
    for (const auto& [model, sets] : seedNonFinite.items())
      for (const auto& [set, value] : sets.items())
        if (value.is_number_unsigned()) nonFinite[model][set] = value.get<std::size_t>();
  }
  std::vector<std::string> specOod, specScores;
  for (const Json& ood : spec.value("oodSets", Json::array()))
    if (ood.is_string()) specOod.push_back(ood.get<std::string>());
  for (const Json& score : spec.value("scores", Json::array()))
    if (score.is_object()) specScores.push_back(stringOr(score, "name"));
  summary.oodSets = orderedLike(summary.oodSets, specOod);
  summary.scoreNames = orderedLike(summary.scoreNames, specScores);
}

// Model labels in the spec's order; without a spec, the ids the summary's bits/dim name.
void readModels(const Json& spec, ResultsSummary& summary) {
  for (const Json& model : spec.value("models", Json::array()))
    if (model.is_object()) {
      const std::string id = stringOr(model, "id");
      summary.models.emplace_back(id, stringOr(model, "label", id));
    }
  if (!summary.models.empty()) return;
  for (const BitsPerDimByModel& seed : summary.bitsPerDim)
    for (const auto& [id, sets] : seed)
      if (std::none_of(summary.models.begin(), summary.models.end(),
                       [&id](const auto& model) { return model.first == id; }))
        summary.models.emplace_back(id, id);
}

std::map<std::string, ResultsScoreInfo> readScoreInfo(const Json& spec) {
  std::map<std::string, ResultsScoreInfo> info;
  for (const Json& score : spec.value("scores", Json::array())) {
    if (!score.is_object()) continue;
    info[stringOr(score, "name")] = {stringOr(score, "kind", "raw"), stringOr(score, "model"),
                                     stringOr(score, "general"),
                                     static_cast<int>(numberOr(score, "scale", 0))};
  }
  return info;
}

// Without metadata.json: the set of a scores file that is no OOD set.
std::string guessInDistribution(const std::filesystem::path& folder,
                                const ResultsSummary& summary) {
  std::vector<std::string> oodStems;
  for (const std::string& ood : summary.oodSets) oodStems.push_back(fileSafeName(ood));
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder / "scores", error)) {
    const std::string name = entry.path().filename().string();
    const auto seedAt = name.rfind("-seed");
    if (entry.path().extension() != ".csv" || seedAt == std::string::npos) continue;
    const std::string stem = name.substr(0, seedAt);
    if (std::find(oodStems.begin(), oodStems.end(), stem) == oodStems.end()) return stem;
  }
  return {};
}

void readScores(const std::filesystem::path& folder, ResultsFolder& results) {
  for (std::uint64_t seed : results.seeds)
    for (const std::string& set : results.allSets()) {
      const std::filesystem::path file = folder / scoresFilePath(set, seed);
      std::error_code error;
      if (!std::filesystem::exists(file, error)) continue;
      ScoreColumns columns = readScoresCsv(file);
      columns.erase("index");
      results.scores[seed][set] = std::move(columns);
    }
}

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

}  // namespace

const std::vector<TableMetricInfo>& tableMetrics() {
  static const std::vector<TableMetricInfo> metrics = {
      {TableMetric::Auroc, "AUROC", "auroc", "auroc", {"AUROC", true, true, 1}},
      {TableMetric::AuprIn, "AUPR-in", "aupr-in", "auprIn", {"AUPR-in", true, true, 1}},
      {TableMetric::AuprOut, "AUPR-out", "aupr-out", "auprOut", {"AUPR-out", true, true, 1}},
      {TableMetric::FprAt95, "FPR@95", "fpr95", "fprAt95Tpr", {"FPR at 95% TPR", false, true, 1}},
  };
  return metrics;
}

const TableMetricInfo& tableMetricInfo(TableMetric metric) {
  for (const TableMetricInfo& info : tableMetrics())
    if (info.metric == metric) return info;
  return tableMetrics().front();
}

std::string fileSafeName(const std::string& text) {
  // ASCII by value, not std::isalnum: the result must not depend on the process's locale.
  const auto safe = [](char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
           c == '_';
  };
  std::string name = text;
  for (char& c : name)
    if (!safe(c)) c = '_';
  return name;
}

std::filesystem::path scoresFilePath(const std::string& set, std::uint64_t seed) {
  return std::filesystem::path("scores") /
         (fileSafeName(set) + "-seed" + std::to_string(seed) + ".csv");
}

std::filesystem::path modelFolderPath(const std::string& id, std::uint64_t seed) {
  return std::filesystem::path("models") / fileSafeName(id + "-seed" + std::to_string(seed));
}

std::vector<std::pair<std::string, std::filesystem::path>> resultsModelFiles(
    const std::filesystem::path& folder, std::uint64_t seed) {
  std::vector<std::pair<std::string, std::filesystem::path>> models;
  const std::string suffix = "-seed" + std::to_string(seed);
  std::error_code error;
  for (const auto& entry : std::filesystem::directory_iterator(folder / "models", error)) {
    const std::string name = entry.path().filename().string();
    const std::filesystem::path file = entry.path() / "model.glow";
    if (!name.ends_with(suffix) || !std::filesystem::is_regular_file(file, error)) continue;
    models.emplace_back(name.substr(0, name.size() - suffix.size()), file);
  }
  std::sort(models.begin(), models.end());
  return models;
}

Json scoreMetricsToJson(const ScoreMetrics& result) {
  const OodMetrics& m = result.metrics;
  Json entry = {{"auroc", m.auroc},
                {"auprIn", m.auprIn},
                {"auprOut", m.auprOut},
                {"fprAt95Tpr", m.fprAtTpr},
                {"nonFiniteInDistribution", m.nonFiniteInDistribution},
                {"nonFiniteOutOfDistribution", m.nonFiniteOutOfDistribution}};
  if (result.aurocInterval)
    entry["auroc95Interval"] = {result.aurocInterval->lower, result.aurocInterval->upper};
  return entry;
}

ScoreMetrics scoreMetricsFromJson(const Json& entry) {
  ScoreMetrics result;
  OodMetrics& m = result.metrics;
  m.auroc = numberOr(entry, "auroc", 0);
  m.auprIn = numberOr(entry, "auprIn", 0);
  m.auprOut = numberOr(entry, "auprOut", 0);
  m.fprAtTpr = numberOr(entry, "fprAt95Tpr", 0);
  m.nonFiniteInDistribution = countOr(entry, "nonFiniteInDistribution");
  m.nonFiniteOutOfDistribution = countOr(entry, "nonFiniteOutOfDistribution");
  const auto interval = entry.find("auroc95Interval");
  if (interval != entry.end() && interval->is_array() && interval->size() == 2 &&
      (*interval)[0].is_number() && (*interval)[1].is_number()) {
    result.aurocInterval = BootstrapInterval{};
    result.aurocInterval->estimate = m.auroc;
    result.aurocInterval->lower = (*interval)[0].get<double>();
    result.aurocInterval->upper = (*interval)[1].get<double>();
  }
  return result;
}

ResultsTable metricTable(const ResultsSummary& summary, TableMetric metric) {
  const TableMetricInfo& info = tableMetricInfo(metric);
  ResultsTable table(info.description);
  table.setSubject({summary.name, summary.inDistribution, summary.seeds});
  table.setConvention(ScoreConvention::paper());
  for (const std::string& ood : summary.oodSets) table.addRow(ood);  // the spec's order
  for (const auto& [set, note] : summary.notOodSets)
    if (std::find(summary.oodSets.begin(), summary.oodSets.end(), set) != summary.oodSets.end())
      table.setRowNote(set, note);
  for (const std::string& ood : summary.oodSets)
    for (const std::string& score : summary.scoreNames) {
      std::vector<double> perSeed;
      for (const MetricsBySet& seed : summary.metrics) {
        const auto set = seed.find(ood);
        if (set == seed.end()) continue;
        const auto entry = set->second.find(score);
        if (entry != set->second.end())
          perSeed.push_back(metricValue(entry->second.metrics, metric));
      }
      if (!perSeed.empty()) table.set(ood, score, TableCell::fromSeeds(perSeed));
    }
  return table;
}

ResultsTable bitsPerDimTable(const ResultsSummary& summary) {
  ResultsTable table({"bits/dim", false, false, 2});
  table.setCaption(
      "Mean bits/dim of every model on every set (lower = more likely), over the images with a "
      "finite log p; in brackets the images left out (all seeds)");
  table.setRowHeader("model");
  for (const auto& [id, label] : summary.models) {
    std::map<std::string, std::vector<double>> perSet;
    std::map<std::string, std::size_t> nonFinite;
    for (const BitsPerDimByModel& seed : summary.bitsPerDim)
      if (const auto model = seed.find(id); model != seed.end())
        for (const auto& [set, bits] : model->second)
          if (std::isfinite(bits)) perSet[set].push_back(bits);
    for (const NonFiniteByModel& seed : summary.bitsPerDimNonFinite)
      if (const auto model = seed.find(id); model != seed.end())
        for (const auto& [set, count] : model->second) nonFinite[set] += count;
    for (const auto& [set, values] : perSet) {
      TableCell cell = TableCell::fromSeeds(values);
      cell.note = std::to_string(nonFinite[set]) + " non-finite";
      table.set(label, set, cell);
    }
  }
  return table;
}

std::vector<std::string> ResultsFolder::allSets() const {
  std::vector<std::string> sets;
  if (!inDistribution.empty()) sets.push_back(inDistribution);
  sets.insert(sets.end(), oodSets.begin(), oodSets.end());
  return sets;
}

const std::map<std::string, ScoreColumns>* ResultsFolder::scoresOf(std::uint64_t seed) const {
  const auto found = scores.find(seed);
  return found == scores.end() ? nullptr : &found->second;
}

ResultsFolder loadResultsFolder(const std::filesystem::path& folder) {
  ResultsFolder results;
  results.path = folder;
  const std::filesystem::path metadataPath = folder / "metadata.json";
  std::error_code error;
  Json spec = Json::object();
  if (std::filesystem::exists(metadataPath, error)) {
    const Json metadata = readJsonFile(metadataPath);
    if (metadata.is_object() && metadata.contains("spec") && metadata["spec"].is_object())
      spec = metadata["spec"];
  }
  readSummary(folder / "summary.json", spec, results);
  readModels(spec, results);
  results.inDistribution = stringOr(spec, "inDistribution");
  const Json notOod = spec.value("notOodSets", Json::object());
  for (const auto& [set, note] : notOod.items())
    if (note.is_string()) results.notOodSets[set] = note.get<std::string>();
  results.scoreInfo = readScoreInfo(spec);
  if (results.inDistribution.empty()) results.inDistribution = guessInDistribution(folder, results);
  readScores(folder, results);
  return results;
}

ScoreColumns readScoresCsv(const std::filesystem::path& path,
                           std::vector<std::string>* columnOrder) {
  const std::string text = readWholeFile(path);
  std::vector<std::string> lines;
  std::istringstream stream(text);
  for (std::string line; std::getline(stream, line);) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (!line.empty()) lines.push_back(std::move(line));
  }
  if (lines.empty()) throw FileError(path.string(), "empty file");
  const std::vector<std::string> header = splitCsvLine(lines.front());
  std::vector<std::vector<double>> values(header.size());
  for (std::size_t row = 1; row < lines.size(); ++row) {
    const std::vector<std::string> fields = splitCsvLine(lines[row]);
    if (fields.size() != header.size())
      throw FileError(path.string(), "line " + std::to_string(row + 1) + " has " +
                                         std::to_string(fields.size()) + " fields, the header " +
                                         std::to_string(header.size()));
    for (std::size_t c = 0; c < fields.size(); ++c) {
      double value = 0;
      if (!parseNumber(fields[c], &value))
        throw FileError(path.string(),
                        "line " + std::to_string(row + 1) + ": '" + fields[c] + "' is no number");
      values[c].push_back(value);
    }
  }
  ScoreColumns columns;
  for (std::size_t c = 0; c < header.size(); ++c) columns[header[c]] = std::move(values[c]);
  if (columnOrder) *columnOrder = header;
  return columns;
}

CorrelationMatrix inDistributionSpearman(const ResultsFolder& results, std::uint64_t seed) {
  std::vector<std::string> labels;
  std::vector<std::vector<double>> series;
  if (const auto* sets = results.scoresOf(seed))
    if (const auto columns = sets->find(results.inDistribution); columns != sets->end())
      for (const std::string& score : results.scoreNames)
        if (const auto found = columns->second.find(score); found != columns->second.end()) {
          labels.push_back(score);
          series.push_back(found->second);
        }
  return spearmanMatrix(labels, series, NonFiniteValues::SkipPerPair);
}

}  // namespace glowscope
