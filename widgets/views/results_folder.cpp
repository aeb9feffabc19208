#include "widgets/views/results_folder.h"

#include <QDir>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <cmath>
#include <limits>

#include "core/metrics/correlation.h"
#include "core/metrics/ood_metrics.h"
#include "core/util/errors.h"

namespace glowscope {
namespace {

struct MetricKey {
  const char* tableName;
  const char* jsonKey;
  MetricDescription description;
};

// The same descriptions as core/experiments/results_writer.cpp's tables.
const MetricKey kMetricKeys[] = {
    {"AUROC", "auroc", {"AUROC", true, true, 1}},
    {"AUPR-in", "auprIn", {"AUPR-in", true, true, 1}},
    {"AUPR-out", "auprOut", {"AUPR-out", true, true, 1}},
    {"FPR@95", "fprAt95Tpr", {"FPR at 95% TPR", false, true, 1}},
};

[[noreturn]] void fail(const QString& path, const QString& reason) {
  throw FileError(path.toStdString(), reason.toStdString());
}

QJsonObject readJsonObject(const QString& path) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly)) fail(path, file.errorString());
  QJsonParseError error;
  const QJsonDocument document = QJsonDocument::fromJson(file.readAll(), &error);
  if (error.error != QJsonParseError::NoError) fail(path, error.errorString());
  if (!document.isObject()) fail(path, QStringLiteral("not a JSON object"));
  return document.object();
}

// RFC 4180 fields of one line (no embedded line breaks: the writer never produces them).
QStringList splitCsvLine(const QString& line) {
  QStringList fields;
  QString field;
  bool quoted = false;
  for (qsizetype i = 0; i < line.size(); ++i) {
    const QChar c = line[i];
    if (quoted && c == '"' && i + 1 < line.size() && line[i + 1] == '"') {
      field += '"';
      ++i;
    } else if (c == '"') {
      quoted = !quoted;
    } else if (c == ',' && !quoted) {
      fields << field;
      field.clear();
    } else {
      field += c;
    }
  }
  fields << field;
  return fields;
}

bool parseNumber(const QString& text, double* value) {
  const QString t = text.trimmed().toLower();
  if (t == "nan" || t == "-nan")
    *value = std::numeric_limits<double>::quiet_NaN();
  else if (t == "inf" || t == "+inf")
    *value = std::numeric_limits<double>::infinity();
  else if (t == "-inf")
    *value = -std::numeric_limits<double>::infinity();
  else {
    bool ok = false;
    *value = t.toDouble(&ok);
    return ok;
  }
  return true;
}

// `found` in the order of `preferred` (e.g. the spec's), the rest after in their own order.
QStringList orderedLike(const QStringList& found, const QStringList& preferred) {
  QStringList ordered;
  for (const QString& name : preferred)
    if (found.contains(name)) ordered << name;
  for (const QString& name : found)
    if (!ordered.contains(name)) ordered << name;
  return ordered;
}

// Fills oodSets, scoreNames, seeds and the tables from summary.json's per-seed metrics.
void readSummary(const QString& path, const QJsonObject& spec, ResultsFolder& results) {
  const QJsonObject summary = readJsonObject(path);
  results.name = summary.value("name").toString();
  const QJsonArray seeds = summary.value("seeds").toArray();
  if (seeds.isEmpty()) fail(path, QStringLiteral("no \"seeds\""));
  for (const QJsonValue& seed : seeds) {
    results.seeds.push_back(static_cast<std::uint64_t>(seed.toObject().value("seed").toInteger()));
    const QJsonObject metrics = seed.toObject().value("metrics").toObject();
    for (auto set = metrics.begin(); set != metrics.end(); ++set) {
      if (!results.oodSets.contains(set.key())) results.oodSets << set.key();
      const QJsonObject scores = set.value().toObject();
      for (auto score = scores.begin(); score != scores.end(); ++score)
        if (!results.scoreNames.contains(score.key())) results.scoreNames << score.key();
    }
  }
  QStringList specOod, specScores;
  for (const QJsonValue& ood : spec.value("oodSets").toArray()) specOod << ood.toString();
  for (const QJsonValue& score : spec.value("scores").toArray())
    specScores << score.toObject().value("name").toString();
  results.oodSets = orderedLike(results.oodSets, specOod);
  results.scoreNames = orderedLike(results.scoreNames, specScores);
  for (const MetricKey& key : kMetricKeys) {
    ResultsTable table(key.description);
    table.setCaption(key.description.name + " (%) of " + results.name.toStdString());
    table.setConvention(ScoreConvention::paper().describe());
    // Sets shown for reference (the general distribution's held-out images) are never ranked,
    // as in core/experiments/results_writer.cpp.
    const QJsonObject notOod = spec.value("notOodSets").toObject();
    for (const QString& ood : results.oodSets) table.addRow(ood.toStdString());
    for (const QString& ood : results.oodSets)
      if (notOod.contains(ood))
        table.setRowNote(ood.toStdString(), notOod.value(ood).toString().toStdString());
    for (const QString& ood : results.oodSets)
      for (const QString& score : results.scoreNames) {
        std::vector<double> perSeed;
        for (const QJsonValue& seed : seeds) {
          const QJsonValue value = seed.toObject()["metrics"][ood][score][key.jsonKey];
          if (value.isDouble()) perSeed.push_back(value.toDouble());
        }
        if (!perSeed.empty())
          table.set(ood.toStdString(), score.toStdString(), TableCell::fromSeeds(perSeed));
      }
    results.tables.push_back({QString::fromLatin1(key.tableName), std::move(table)});
  }
}

void readScores(const QString& folder, ResultsFolder& results) {
  const QDir scores(QDir(folder).filePath("scores"));
  QStringList sets = results.oodSets;
  if (!results.inDistribution.isEmpty()) sets.prepend(results.inDistribution);
  for (std::uint64_t seed : results.seeds)
    for (const QString& set : sets) {
      const QString file =
          scores.filePath(fileSafeSetName(set) + "-seed" + QString::number(seed) + ".csv");
      if (!QFile::exists(file)) continue;
      ScoreColumns columns = readScoresCsv(file);
      columns.erase(QStringLiteral("index"));
      results.scores[seed][set] = std::move(columns);
    }
}

std::map<QString, ScoreInfo> readScoreInfo(const QJsonObject& spec) {
  std::map<QString, ScoreInfo> info;
  for (const QJsonValue& value : spec.value("scores").toArray()) {
    const QJsonObject score = value.toObject();
    info[score.value("name").toString()] = {
        score.value("kind").toString(QStringLiteral("raw")), score.value("model").toString(),
        score.value("general").toString(), score.value("scale").toInt()};
  }
  return info;
}

// Spearman of two columns over the rows where both are finite; NaN with fewer than 2 such rows.
double finiteSpearman(const std::vector<double>& a, const std::vector<double>& b) {
  std::vector<double> x, y;
  for (std::size_t i = 0; i < a.size() && i < b.size(); ++i)
    if (std::isfinite(a[i]) && std::isfinite(b[i])) {
      x.push_back(a[i]);
      y.push_back(b[i]);
    }
  return x.size() < 2 ? std::numeric_limits<double>::quiet_NaN() : spearman(x, y);
}

// Without metadata.json: the one scores file whose set is no OOD set.
QString guessInDistribution(const QString& folder, const ResultsFolder& results) {
  const QStringList files = QDir(QDir(folder).filePath("scores")).entryList({"*.csv"});
  QStringList oodFiles;
  for (const QString& ood : results.oodSets) oodFiles << fileSafeSetName(ood);
  for (const QString& file : files) {
    const QString stem = file.section("-seed", 0, -2);
    if (!oodFiles.contains(stem)) return stem;
  }
  return {};
}

}  // namespace

QStringList ResultsFolder::allSets() const {
  QStringList sets = oodSets;
  if (!inDistribution.isEmpty()) sets.prepend(inDistribution);
  return sets;
}

const std::map<QString, ScoreColumns>* ResultsFolder::scoresOf(std::uint64_t seed) const {
  const auto found = scores.find(seed);
  return found == scores.end() ? nullptr : &found->second;
}

ScoreCorrelations inDistributionSpearman(const ResultsFolder& results, std::uint64_t seed) {
  ScoreCorrelations correlations;
  std::vector<const std::vector<double>*> series;
  const auto* sets = results.scoresOf(seed);
  const auto columns =
      sets ? sets->find(results.inDistribution) : std::map<QString, ScoreColumns>::const_iterator();
  if (sets && columns != sets->end())
    for (const QString& score : results.scoreNames)
      if (const auto found = columns->second.find(score); found != columns->second.end()) {
        correlations.labels.push_back(score.toStdString());
        series.push_back(&found->second);
      }
  const std::size_t n = series.size();
  correlations.values.assign(n, std::vector<double>(n));
  for (std::size_t r = 0; r < n; ++r)
    for (std::size_t c = 0; c < n; ++c)
      correlations.values[r][c] = finiteSpearman(*series[r], *series[c]);
  return correlations;
}

QString fileSafeSetName(const QString& setName) {
  QString name = setName;
  for (QChar& c : name)
    if (!(c.unicode() < 128 && (c.isLetterOrNumber() || c == '-' || c == '_'))) c = '_';
  return name;
}

ScoreColumns readScoresCsv(const QString& path, QStringList* columnOrder) {
  QFile file(path);
  if (!file.open(QIODevice::ReadOnly | QIODevice::Text)) fail(path, file.errorString());
  const QStringList lines = QString::fromUtf8(file.readAll()).split('\n', Qt::SkipEmptyParts);
  if (lines.isEmpty()) fail(path, QStringLiteral("empty file"));
  const QStringList header = splitCsvLine(lines.front());
  std::vector<std::vector<double>> values(static_cast<std::size_t>(header.size()));
  for (qsizetype row = 1; row < lines.size(); ++row) {
    const QStringList fields = splitCsvLine(lines[row]);
    if (fields.size() != header.size())
      fail(path, QStringLiteral("line %1 has %2 fields, the header %3")
                     .arg(row + 1)
                     .arg(fields.size())
                     .arg(header.size()));
    for (qsizetype c = 0; c < fields.size(); ++c) {
      double value = 0;
      if (!parseNumber(fields[c], &value))
        fail(path, QStringLiteral("line %1: '%2' is no number").arg(row + 1).arg(fields[c]));
      values[static_cast<std::size_t>(c)].push_back(value);
    }
  }
  ScoreColumns columns;
  for (qsizetype c = 0; c < header.size(); ++c)
    columns[header[c]] = std::move(values[static_cast<std::size_t>(c)]);
  if (columnOrder) *columnOrder = header;
  return columns;
}

ResultsFolder loadResultsFolder(const QString& folder) {
  ResultsFolder results;
  results.path = folder;
  const QDir dir(folder);
  const QString metadataPath = dir.filePath("metadata.json");
  const QJsonObject spec = QFile::exists(metadataPath)
                               ? readJsonObject(metadataPath).value("spec").toObject()
                               : QJsonObject();
  readSummary(dir.filePath("summary.json"), spec, results);
  results.inDistribution = spec.value("inDistribution").toString();
  results.scoreInfo = readScoreInfo(spec);
  if (results.inDistribution.isEmpty())
    results.inDistribution = guessInDistribution(folder, results);
  readScores(folder, results);
  return results;
}

}  // namespace glowscope
