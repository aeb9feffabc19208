#pragma once
// The results folder of an experiment, read and named in one place. results_writer.h writes it;
// the results browser, the batch export and `glowscope-cli export` read it with
// loadResultsFolder. Torch-free (library glowscope_core_experiments_results).
//   auroc.{csv,md,tex} aupr-in.* aupr-out.* fpr95.*   tables: rows = OOD sets, columns = scores,
//                                                     mean ± sd over seeds, best per row in bold
//   bits-per-dim.{csv,md}                             mean test bits/dim of every model on every
//   set scores/<set>-seed<s>.csv                          per-image values of every score
//   summary.json                                      every metric per seed, intervals, bits/dim
//   metadata.json                                     versions, spec, seeds, data fingerprints
#include <cstdint>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "core/metrics/bootstrap.h"
#include "core/metrics/correlation.h"
#include "core/metrics/ood_metrics.h"
#include "core/metrics/results_table.h"

namespace glowscope {

/// The metric tables of a results folder.
enum class TableMetric { Auroc, AuprIn, AuprOut, FprAt95 };

struct TableMetricInfo {
  TableMetric metric;
  const char* shortName;   ///< "AUROC", "AUPR-in", "AUPR-out", "FPR@95"
  const char* fileStem;    ///< the table files' name: "auroc" -> auroc.csv, .md, .tex
  const char* summaryKey;  ///< its key in summary.json's per-seed metrics
  MetricDescription description;
};
/// The four tables in the order they are shown.
const std::vector<TableMetricInfo>& tableMetrics();
const TableMetricInfo& tableMetricInfo(TableMetric metric);

/// A name usable as a file or folder name: every character other than ASCII letters, digits,
/// '-' and '_' becomes '_' (set names like "mnist:test", model folders like "conv-seed0").
std::string fileSafeName(const std::string& text);
/// Where the per-image scores of `set` for `seed` lie, relative to the folder:
/// scores/<fileSafeName(set)>-seed<seed>.csv.
std::filesystem::path scoresFilePath(const std::string& set, std::uint64_t seed);

/// Where the runner keeps model `id` of run `seed`, relative to the folder:
/// models/<fileSafeName(id + "-seed" + seed)>/ (model.glow inside once trained).
std::filesystem::path modelFolderPath(const std::string& id, std::uint64_t seed);
/// The trained models of `seed` in a results folder: (id, path of its model.glow), by id; folders
/// without a model.glow (a training that did not finish) are left out.
std::vector<std::pair<std::string, std::filesystem::path>> resultsModelFiles(
    const std::filesystem::path& folder, std::uint64_t seed);

/// The metrics of one score on one OOD set against the in-distribution set, for one seed.
struct ScoreMetrics {
  OodMetrics metrics;
  std::optional<BootstrapInterval> aurocInterval;
};
/// OOD set -> score name -> metrics, of one seed.
using MetricsBySet = std::map<std::string, std::map<std::string, ScoreMetrics>>;
/// model id -> set -> mean bits/dim over the images with a finite log p, of one seed (NaN where
/// not computed).
using BitsPerDimByModel = std::map<std::string, std::map<std::string, double>>;
/// model id -> set -> images whose log p is not finite (left out of that mean), of one seed.
using NonFiniteByModel = std::map<std::string, std::map<std::string, std::size_t>>;

/// summary.json's entry for one score on one OOD set, and back (absent keys read as 0).
nlohmann::json scoreMetricsToJson(const ScoreMetrics& metrics);
ScoreMetrics scoreMetricsFromJson(const nlohmann::json& entry);

/// What the tables are made of: the experiment's sets, scores and models in the spec's order and
/// every seed's metrics. The runner's results and a folder read back give the same tables.
struct ResultsSummary {
  std::string name;
  std::string inDistribution;
  std::vector<std::string> oodSets;  ///< table rows, in the spec's order
  /// Rows shown for reference and never ranked (e.g. the general set's held-out images) -> the
  /// note their label carries.
  std::map<std::string, std::string> notOodSets;
  std::vector<std::string> scoreNames;  ///< table columns, in the spec's order
  std::vector<std::uint64_t> seeds;
  std::vector<MetricsBySet> metrics;                        ///< [i] belongs to seeds[i]
  std::vector<BitsPerDimByModel> bitsPerDim;                ///< [i] belongs to seeds[i]
  std::vector<NonFiniteByModel> bitsPerDimNonFinite;        ///< [i] belongs to seeds[i]
  std::vector<std::pair<std::string, std::string>> models;  ///< (id, label), spec order
};

/// One metric over (OOD set x score), mean ± sd across the seeds that have it, rows in the spec's
/// order (not-OOD rows noted, never ranked), the caption naming the experiment, its
/// in-distribution set and seeds, the score convention in the header.
ResultsTable metricTable(const ResultsSummary& summary, TableMetric metric);
/// Mean bits/dim (over seeds, finite values only) of every model (rows) on every set (columns),
/// each cell noting the images left out for a non-finite log p (all seeds).
ResultsTable bitsPerDimTable(const ResultsSummary& summary);

/// Score name -> per-image values (higher = more in-distribution), in image order.
using ScoreColumns = std::map<std::string, std::vector<double>>;

/// How a score was defined (metadata.json's spec; core/scoring/score_definitions.h).
struct ResultsScoreInfo {
  std::string kind = "raw";  ///< "raw", "scale", "ratio", "scale-ratio", "png", "png-ratio"
  std::string model;
  std::string general;
  int scale = 0;  ///< 1-based; negative counts from the end (-1 = the last scale, c_L)
};

struct ResultsFolder : ResultsSummary {
  std::filesystem::path path;
  /// seed -> set -> score columns; sets without a scores file are absent.
  std::map<std::uint64_t, std::map<std::string, ScoreColumns>> scores;
  /// Score name -> definition; empty without metadata.json.
  std::map<std::string, ResultsScoreInfo> scoreInfo;

  /// The in-distribution set first (when known), then the OOD sets.
  std::vector<std::string> allSets() const;
  /// The set -> columns of `seed`; null when the seed has no scores.
  const std::map<std::string, ScoreColumns>* scoresOf(std::uint64_t seed) const;
};

/// Reads a results folder. summary.json is required; metadata.json is optional (it gives the
/// spec's order, the in-distribution set and the score definitions; without it the set with
/// scores that is no OOD set is taken as in-distribution). Throws FileError naming the file when
/// summary.json is missing or malformed or a scores CSV cannot be parsed.
ResultsFolder loadResultsFolder(const std::filesystem::path& folder);

/// One CSV file with a header line: column name -> values, the header's order in *columnOrder.
/// "nan", "inf", "-inf" read as such; RFC 4180 quoting. Throws FileError on a ragged row or a
/// field that is no number.
ScoreColumns readScoresCsv(const std::filesystem::path& path,
                           std::vector<std::string>* columnOrder = nullptr);

/// Spearman's rho between every pair of scores on the in-distribution set of `seed` (per pair the
/// images where both are finite), scores in scoreNames order, those without values left out.
CorrelationMatrix inDistributionSpearman(const ResultsFolder& results, std::uint64_t seed);

}  // namespace glowscope
