#include "widgets/views/batch_export.h"

#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <algorithm>
#include <exception>
#include <set>
#include <vector>

#include "core/util/errors.h"
#include "widgets/base/qt_strings.h"
#include "widgets/qcustomplot_include.h"
#include "widgets/views/correlation_heatmap_view.h"
#include "widgets/views/results_table_view.h"
#include "widgets/views/roc_curve_view.h"
#include "widgets/views/score_histogram_view.h"
#include "widgets/views/score_scatter_view.h"

namespace glowscope {
namespace {

struct Step {
  QString what;
  std::function<void()> run;
};

// One scatter plot: y against x for every set that has both columns.
struct ScatterPlan {
  QString xLabel, yLabel, stem, caption;
  std::function<std::vector<double>(const ScoreColumns&)> x, y;
};

// Rows: the labels (~1.7 mm per character at 8 pt), 9 mm per cell so that "-0.42" fits, and the
// colour scale; a large matrix gets the room it needs instead of overlapping numbers.
FigureOptions heatmapFigure(const FigureOptions& figure, const std::vector<std::string>& labels) {
  std::size_t longest = 0;
  for (const std::string& label : labels) longest = std::max(longest, label.size());
  const double cells = 9.0 * static_cast<double>(labels.size());
  const double labelsMm = 1.7 * static_cast<double>(longest);
  FigureOptions sized = figure;
  sized.widthMm = std::max(figure.widthMm, labelsMm + cells + 25);
  sized.heightMm = std::max(figure.heightMm, 0.75 * labelsMm + cells + 15);
  return sized;
}

// Writes the files and collects them with their captions for the index.
class Writer {
 public:
  Writer(const QString& outDir, const FigureOptions& figure, const BatchExportOptions& options)
      : dir_(outDir), figure_(figure), options_(options) {}

  QString uniqueStem(const QString& wanted) {
    QString stem = wanted;
    for (int n = 2; !used_.insert(stem.toLower()).second; ++n)
      stem = wanted + '-' + QString::number(n);
    return stem;
  }

  void writeText(const QString& fileName, const QString& text, const QString& caption) {
    const QString path = dir_.absoluteFilePath(fileName);
    writeTextFile(path, text);
    add(path, caption);
  }

  void writePlot(QCustomPlot* plot, const QString& stem, const QString& caption) {
    writePlot(plot, stem, caption, figure_);
  }

  void writePlot(QCustomPlot* plot, const QString& stem, const QString& caption,
                 const FigureOptions& figure) {
    for (FigureFormat format : options_.formats) {
      const QString suffix = figureFormatSuffix(format);
      const QString path = dir_.absoluteFilePath(stem + '.' + suffix);
      writeFigure(plot, path, figure);
      add(path, caption + QStringLiteral(" (%1)").arg(suffix.toUpper()));
    }
    if (options_.dataCsv)
      writeText(stem + ".csv", plotDataCsv(plot), QObject::tr("Data of %1 (CSV)").arg(stem));
  }

  QString indexText(const QString& header) const {
    QString text = header + '\n';
    for (qsizetype i = 0; i < files_.size(); ++i) {
      const QString name = QFileInfo(files_[i]).fileName();
      text += QStringLiteral("- [%1](%1): %2\n").arg(name, captions_[i]);
    }
    return text;
  }

  const QStringList& files() const { return files_; }
  const FigureOptions& figure() const { return figure_; }
  void add(const QString& path, const QString& caption) {
    files_ << path;
    captions_ << caption;
  }

 private:
  QDir dir_;
  FigureOptions figure_;
  const BatchExportOptions& options_;
  std::set<QString> used_;
  QStringList files_, captions_;
};

using SetColumns = std::map<std::string, ScoreColumns>;

std::vector<ScoreSample> samplesOf(const ResultsFolder& results, const SetColumns& sets,
                                   const std::string& score) {
  std::vector<ScoreSample> samples;
  for (const std::string& set : results.allSets()) {
    const auto columns = sets.find(set);
    if (columns == sets.end() || !columns->second.count(score)) continue;
    samples.push_back({toQString(set), columns->second.at(score), nullptr});
  }
  return samples;
}

std::vector<ScatterSeries> seriesOf(const ResultsFolder& results, const SetColumns& sets,
                                    const ScatterPlan& plan) {
  std::vector<ScatterSeries> series;
  for (const std::string& set : results.allSets()) {
    const auto columns = sets.find(set);
    if (columns == sets.end()) continue;
    std::vector<double> x = plan.x(columns->second), y = plan.y(columns->second);
    if (!x.empty() && x.size() == y.size())
      series.push_back({toQString(set), std::move(x), std::move(y)});
  }
  return series;
}

std::function<std::vector<double>(const ScoreColumns&)> column(const std::string& name) {
  return [name](const ScoreColumns& columns) {
    const auto found = columns.find(name);
    return found == columns.end() ? std::vector<double>{} : found->second;
  };
}

std::function<std::vector<double>(const ScoreColumns&)> columnSum(const std::string& a,
                                                                  const std::string& b) {
  return [a, b](const ScoreColumns& columns) {
    std::vector<double> sum = column(a)(columns);
    const std::vector<double> other = column(b)(columns);
    if (sum.size() != other.size()) return std::vector<double>{};
    for (std::size_t i = 0; i < sum.size(); ++i) sum[i] += other[i];
    return sum;
  };
}

// The x of the score-vs-score plots: the first raw likelihood score.
std::string referenceScore(const ResultsFolder& results) {
  for (const std::string& name : results.scoreNames)
    if (const auto info = results.scoreInfo.find(name);
        info != results.scoreInfo.end() && info->second.kind == "raw")
      return name;
  for (const std::string& name : results.scoreNames)
    if (toQString(name).startsWith(QStringLiteral("raw"), Qt::CaseInsensitive)) return name;
  return results.scoreNames.empty() ? std::string() : results.scoreNames.front();
}

// Per model with "scale" scores for c_1, c_2 and the last scale: c_1 + c_2 against c_L, the
// paper's view of local (first scales) against global (last scale) likelihood.
std::vector<ScatterPlan> scalePlans(const ResultsFolder& results) {
  struct Scales {
    std::string c1, c2, last;
    int lastScale = 0;
  };
  std::map<std::string, Scales> models;
  for (const std::string& name : results.scoreNames) {
    const auto info = results.scoreInfo.find(name);
    if (info == results.scoreInfo.end() || info->second.kind != "scale") continue;
    Scales& scales = models[info->second.model];
    const int scale = info->second.scale;
    if (scale == 1) scales.c1 = name;
    if (scale == 2) scales.c2 = name;
    if (scale == -1 || (scales.lastScale != -1 && scale > std::max(2, scales.lastScale))) {
      scales.last = name;
      scales.lastScale = scale;
    }
  }
  std::vector<ScatterPlan> plans;
  for (const auto& [model, s] : models) {
    if (s.c1.empty() || s.c2.empty() || s.last.empty()) continue;
    const QString x = QObject::tr("c_1 + c_2 (%1 + %2)").arg(toQString(s.c1), toQString(s.c2));
    plans.push_back({x, toQString(s.last), "scatter-c1+c2-vs-cL-" + fileSafeStem(toQString(model)),
                     QObject::tr("c_1 + c_2 against the last scale (%1) of model %2 per set")
                         .arg(toQString(s.last), toQString(model)),
                     columnSum(s.c1, s.c2), column(s.last)});
  }
  return plans;
}

std::vector<ScatterPlan> scatterPlans(const ResultsFolder& results,
                                      const std::map<std::string, QString>& stems) {
  std::vector<ScatterPlan> plans;
  const std::string x = referenceScore(results);
  for (const std::string& y : results.scoreNames) {
    if (y == x) continue;
    plans.push_back({toQString(x), toQString(y), "scatter-" + stems.at(y) + "-vs-" + stems.at(x),
                     QObject::tr("%1 against %2 per set").arg(toQString(y), toQString(x)),
                     column(x), column(y)});
  }
  for (ScatterPlan& plan : scalePlans(results)) plans.push_back(std::move(plan));
  return plans;
}

QString tableStem(const QString& tableName) {
  return "table-" + fileSafeStem(QString(tableName).remove('@').toLower());
}

// The tables, one step for all four metrics in the three text formats.
Step tableStep(const ResultsFolder& results, ResultsTableView& view, Writer& writer) {
  return {QObject::tr("Tables"), [&results, &view, &writer] {
            const std::vector<NamedResultsTable> tables = metricTables(results);
            view.setTables(tables);
            const std::pair<TableTextFormat, QString> formats[] = {
                {TableTextFormat::Csv, "csv"},
                {TableTextFormat::Markdown, "md"},
                {TableTextFormat::Latex, "tex"}};
            for (int t = 0; t < static_cast<int>(tables.size()); ++t) {
              view.setCurrentTable(t);
              const QString name = tables[static_cast<std::size_t>(t)].name;
              for (const auto& [format, suffix] : formats)
                writer.writeText(
                    tableStem(name) + '.' + suffix, view.tableText(format),
                    QObject::tr("%1 table (rows: OOD sets, columns: scores; mean ± sd over "
                                "seeds), %2")
                        .arg(name, suffix == "md"    ? QObject::tr("Markdown")
                                   : suffix == "tex" ? QObject::tr("LaTeX")
                                                     : QObject::tr("CSV")));
            }
          }};
}

struct Views {
  ResultsTableView table;
  ScoreHistogramView histogram;
  RocCurveView roc;
  ScoreScatterView scatter;
  CorrelationHeatmapView heatmap;
};

Step heatmapStep(const ResultsFolder& results, std::uint64_t seed, CorrelationHeatmapView& view,
                 Writer& writer) {
  return {QObject::tr("Correlations"), [&results, seed, &view, &writer] {
            const CorrelationMatrix correlations = inDistributionSpearman(results, seed);
            const QString inDistribution = toQString(results.inDistribution);
            view.setMatrix(correlations.labels, correlations.values,
                           QObject::tr("Spearman ρ between scores on %1").arg(inDistribution));
            const FigureOptions figure = heatmapFigure(writer.figure(), correlations.labels);
            QString caption = QObject::tr("Spearman ρ between every pair of scores on %1 (seed %2")
                                  .arg(inDistribution)
                                  .arg(seed);
            if (figure.widthMm != writer.figure().widthMm ||
                figure.heightMm != writer.figure().heightMm)
              caption += QObject::tr("; %L1 × %L2 mm to fit %Ln scores", "",
                                     static_cast<int>(correlations.labels.size()))
                             .arg(figure.widthMm, 0, 'f', 0)
                             .arg(figure.heightMm, 0, 'f', 0);
            writer.writePlot(view.plot(), writer.uniqueStem("correlations-spearman"), caption + ')',
                             figure);
          }};
}

std::vector<Step> plotSteps(const ResultsFolder& results, const SetColumns& sets,
                            std::uint64_t seed, Views& views, Writer& writer) {
  std::vector<Step> steps;
  std::map<std::string, QString> stems;
  for (const std::string& score : results.scoreNames)
    stems[score] = writer.uniqueStem(fileSafeStem(toQString(score)));
  const QString seedText = QObject::tr("seed %1").arg(seed);
  const QString inDistribution = toQString(results.inDistribution);
  for (const std::string& key : results.scoreNames) {
    const QString stem = stems.at(key), score = toQString(key);
    steps.push_back({QObject::tr("Histogram of %1").arg(score), [&, key, score, stem, seedText] {
                       views.histogram.setSamples(score, samplesOf(results, sets, key));
                       writer.writePlot(views.histogram.plot(), "histogram-" + stem,
                                        QObject::tr("Histogram of %1 per set, AUROC of each OOD "
                                                    "set in the legend (%2)")
                                            .arg(score, seedText));
                     }});
    steps.push_back({QObject::tr("ROC curves of %1").arg(score),
                     [&, key, score, stem, seedText, inDistribution] {
                       views.roc.setSamples(score, samplesOf(results, sets, key));
                       writer.writePlot(views.roc.plot(), "roc-" + stem,
                                        QObject::tr("ROC curves of %1, each OOD set against %2 "
                                                    "(%3)")
                                            .arg(score, inDistribution, seedText));
                     }});
  }
  for (const ScatterPlan& plan : scatterPlans(results, stems)) {
    steps.push_back(
        {plan.caption, [&, plan, seedText] {
           views.scatter.setSeries(plan.xLabel, plan.yLabel, seriesOf(results, sets, plan));
           writer.writePlot(
               views.scatter.plot(), writer.uniqueStem(plan.stem),
               plan.caption + QObject::tr(", Spearman ρ in the title (%1)").arg(seedText));
         }});
  }
  steps.push_back(heatmapStep(results, seed, views.heatmap, writer));
  return steps;
}

QString indexHeader(const ResultsFolder& results, std::uint64_t seed,
                    const BatchExportOptions& options) {
  QStringList seeds;
  for (std::uint64_t s : results.seeds) seeds << QString::number(s);
  return QObject::tr(
             "# Exported views: %1\n\n"
             "Results folder `%2`; figures from the per-image scores of seed %3, tables "
             "over seeds %4. Figures %L5 × %L6 mm, PNG at %L7 dpi. Scores are oriented so "
             "that higher = more in-distribution.\n")
      .arg(toQString(results.name),
           QDir::toNativeSeparators(QString::fromStdString(results.path.string())))
      .arg(seed)
      .arg(seeds.join(QStringLiteral(", ")))
      .arg(options.figure.widthMm)
      .arg(options.figure.heightMm)
      .arg(options.figure.dpi);
}

// Checks what would otherwise fail half-way; throws Error with the message to show.
std::uint64_t checkedSeed(const ResultsFolder& results, const BatchExportOptions& options) {
  if (!qobject_cast<QApplication*>(QCoreApplication::instance()))
    throw Error("exporting figures needs a QApplication");
  if (results.seeds.empty()) throw Error("the results folder has no seeds");
  const std::uint64_t seed = options.seed.value_or(results.seeds.front());
  if (std::find(results.seeds.begin(), results.seeds.end(), seed) == results.seeds.end())
    throw ConfigError("seed", std::to_string(seed) + " is not a seed of these results");
  if (!results.scoresOf(seed))
    throw Error("the results folder has no per-image scores for seed " + std::to_string(seed));
  if (options.figure.pixelWidth() < 1 || options.figure.pixelHeight() < 1)
    throw ConfigError("figure size", "must be at least one pixel wide and high");
  return seed;
}

void prepareFolder(const QString& outDir, bool overwrite) {
  const QStringList present =
      QDir(outDir).entryList(QDir::AllEntries | QDir::NoDotAndDotDot | QDir::Hidden);
  if (!overwrite && !present.isEmpty())
    throw FileError(outDir.toStdString(),
                    QObject::tr("the folder already holds %n file(s) (e.g. %1); choose an empty "
                                "folder or allow overwriting (--force)",
                                "", static_cast<int>(present.size()))
                        .arg(present.front())
                        .toStdString());
  if (!QDir().mkpath(outDir)) throw FileError(outDir.toStdString(), "cannot create the folder");
  const QFileInfo info(outDir);
  if (!info.isDir() || !info.isWritable())
    throw FileError(outDir.toStdString(), "the folder is not writable");
}

}  // namespace

QString fileSafeStem(const QString& name) {
  QString stem;
  for (const QChar c : name) {
    const bool safe = c.unicode() < 128 && (c.isLetterOrNumber() || c == '-' || c == '_');
    if (safe)
      stem += c;
    else if (!stem.endsWith('_'))
      stem += '_';
  }
  while (stem.startsWith('_')) stem.remove(0, 1);
  while (stem.endsWith('_')) stem.chop(1);
  return stem.isEmpty() ? QStringLiteral("figure") : stem;
}

QList<FigureFormat> allFigureFormats() {
  return {FigureFormat::Png, FigureFormat::Svg, FigureFormat::Pdf};
}

QString figureFormatSuffix(FigureFormat format) {
  switch (format) {
    case FigureFormat::Png:
      return QStringLiteral("png");
    case FigureFormat::Svg:
      return QStringLiteral("svg");
    case FigureFormat::Pdf:
      return QStringLiteral("pdf");
  }
  return {};
}

void setExportFormats(const QString& list, BatchExportOptions& options) {
  options.formats.clear();
  options.dataCsv = false;
  for (const QString& entry : list.split(',', Qt::SkipEmptyParts)) {
    const QString name = entry.trimmed().toLower();
    if (name == "csv")
      options.dataCsv = true;
    else if (name == "png" || name == "svg" || name == "pdf") {
      const FigureFormat format = figureFormatForPath("figure." + name);
      if (!options.formats.contains(format)) options.formats << format;
    } else
      throw ConfigError("formats",
                        "unknown format '" + entry.toStdString() + "' (use png, svg, pdf, csv)");
  }
  if (options.formats.isEmpty() && !options.dataCsv)
    throw ConfigError("formats", "name at least one of png, svg, pdf, csv");
}

BatchExportResult exportAllViews(const ResultsFolder& results, const QString& outDir,
                                 const BatchExportOptions& options) {
  BatchExportResult result;
  std::optional<Writer> writer;
  try {
    const std::uint64_t seed = checkedSeed(results, options);
    prepareFolder(outDir, options.overwrite);
    writer.emplace(outDir, options.figure, options);
    Views views;
    views.histogram.setAutoRangeMode(ScoreHistogramView::AutoRange::InDistribution);
    std::vector<Step> steps{tableStep(results, views.table, *writer)};
    for (Step& step : plotSteps(results, *results.scoresOf(seed), seed, views, *writer))
      steps.push_back(std::move(step));
    const int total = static_cast<int>(steps.size()) + 1;  // + the index
    for (int done = 0; done < static_cast<int>(steps.size()); ++done) {
      if (options.cancel && options.cancel->load()) {
        result.cancelled = true;
        break;
      }
      const Step& step = steps[static_cast<std::size_t>(done)];
      if (options.progress) options.progress(done, total, step.what);
      step.run();
    }
    if (!result.cancelled) {
      if (options.progress) options.progress(total - 1, total, QObject::tr("Index"));
      const QString index = writer->indexText(indexHeader(results, seed, options));
      writer->writeText(QStringLiteral("index.md"), index, QObject::tr("This index"));
      if (options.progress) options.progress(total, total, QObject::tr("Done"));
    }
  } catch (const std::exception& error) {
    result.error = QString::fromUtf8(error.what());
  }
  if (writer) result.files = writer->files();
  return result;
}

}  // namespace glowscope
