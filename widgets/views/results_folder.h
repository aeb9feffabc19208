#pragma once
// Reads an experiment's results folder (written by `glowscope-cli evaluate`, see
// core/experiments/results_writer.h): the metric tables from summary.json (mean ± sd over seeds)
// and the per-image scores from scores/<set>-seed<s>.csv.
#include <QString>
#include <QStringList>
#include <cstdint>
#include <map>
#include <vector>

#include "widgets/views/results_table_view.h"

namespace glowscope {

/// Score name -> per-image values (higher = more in-distribution), in image order.
using ScoreColumns = std::map<QString, std::vector<double>>;

/// How a score was defined (metadata.json's spec; core/scoring/score_definitions.h).
struct ScoreInfo {
  QString kind;  ///< "raw", "scale", "ratio", "scale-ratio", "png", "png-ratio"
  QString model;
  QString general;
  int scale = 0;  ///< 1-based; negative counts from the end (-1 = the last scale, c_L)
};

struct ResultsFolder {
  QString path;
  QString name;            ///< the experiment's name
  QString inDistribution;  ///< e.g. "fashion-mnist:test"
  QStringList oodSets;     ///< in the order of the tables
  QStringList scoreNames;  ///< in the order of the tables
  std::vector<std::uint64_t> seeds;
  /// AUROC, AUPR-in, AUPR-out, FPR at 95% TPR.
  std::vector<NamedResultsTable> tables;
  /// seed -> set -> score columns; sets without a scores file are absent.
  std::map<std::uint64_t, std::map<QString, ScoreColumns>> scores;
  /// Score name -> definition; empty without metadata.json.
  std::map<QString, ScoreInfo> scoreInfo;
  /// In-distribution set first, then the OOD sets.
  QStringList allSets() const;
  /// The set -> columns of `seed`; null when the seed has no scores.
  const std::map<QString, ScoreColumns>* scoresOf(std::uint64_t seed) const;
};

/// Spearman's rho between every pair of scores on the in-distribution set (rows where both are
/// finite; NaN with fewer than 2 such rows), scores in scoreNames order, those without values
/// left out.
struct ScoreCorrelations {
  std::vector<std::string> labels;
  std::vector<std::vector<double>> values;
};
ScoreCorrelations inDistributionSpearman(const ResultsFolder& results, std::uint64_t seed);

/// Throws FileError naming the file when summary.json is missing or malformed or a scores CSV
/// cannot be parsed. metadata.json is optional (it names the in-distribution set; without it
/// the set with scores that is no OOD set is taken).
ResultsFolder loadResultsFolder(const QString& folder);

/// One CSV file with a header line: column name -> values. "nan", "inf", "-inf" are read as such;
/// RFC 4180 quoting. Throws FileError on a ragged row or a field that is no number.
ScoreColumns readScoresCsv(const QString& path, QStringList* columnOrder = nullptr);

/// The results writer's file name for a set: every character other than [A-Za-z0-9_-] -> '_'.
QString fileSafeSetName(const QString& setName);

}  // namespace glowscope
