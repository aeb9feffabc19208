#include "widgets/views/results_browser.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QSplitter>
#include <QTabWidget>
#include <QVBoxLayout>

#include "core/util/errors.h"
#include "core/util/log.h"
#include "widgets/base/qt_strings.h"
#include "widgets/views/correlation_heatmap_view.h"
#include "widgets/views/results_table_view.h"
#include "widgets/views/roc_curve_view.h"
#include "widgets/views/score_histogram_view.h"
#include "widgets/views/score_scatter_view.h"

namespace glowscope {
namespace {

QWidget* withChoices(const std::vector<std::pair<QString, QComboBox*>>& choices, QWidget* view) {
  auto* page = new QWidget;
  auto* bar = new QHBoxLayout;
  for (const auto& [label, box] : choices) {
    bar->addWidget(new QLabel(label));
    bar->addWidget(box);
  }
  bar->addStretch();
  auto* layout = new QVBoxLayout(page);
  layout->addLayout(bar);
  layout->addWidget(view, 1);
  return page;
}

void fillBox(QComboBox* box, const QStringList& items, int preferred) {
  const QSignalBlocker blocker(box);
  box->clear();
  box->addItems(items);
  box->setCurrentIndex(std::min(preferred, static_cast<int>(items.size()) - 1));
}

}  // namespace

ResultsBrowser::ResultsBrowser(QWidget* parent)
    : QWidget(parent),
      title_(new QLabel(tr("No results folder open."))),
      seedBox_(new QComboBox),
      scoreBox_(new QComboBox),
      xBox_(new QComboBox),
      yBox_(new QComboBox),
      tabs_(new QTabWidget),
      tableView_(new ResultsTableView),
      histogramView_(new ScoreHistogramView),
      rocView_(new RocCurveView),
      scatterView_(new ScoreScatterView),
      correlationView_(new CorrelationHeatmapView) {
  title_->setWordWrap(true);
  QFont font = title_->font();
  font.setBold(true);
  title_->setFont(font);
  // Likelihoods of far-OOD sets reach -1e5 next to +500: a range over the in-distribution set
  // keeps its bars readable; the legend counts what falls outside.
  histogramView_->setAutoRangeMode(ScoreHistogramView::AutoRange::InDistribution);
  tabs_->addTab(tableView_, tr("Tables"));
  auto* histogramAndRoc = new QSplitter(Qt::Horizontal);
  histogramAndRoc->addWidget(histogramView_);
  histogramAndRoc->addWidget(rocView_);
  histogramAndRoc->setStretchFactor(0, 3);
  histogramAndRoc->setStretchFactor(1, 2);
  tabs_->addTab(withChoices({{tr("Score:"), scoreBox_}}, histogramAndRoc), tr("Histogram && ROC"));
  tabs_->addTab(withChoices({{tr("x:"), xBox_}, {tr("y:"), yBox_}}, scatterView_), tr("Scatter"));
  tabs_->addTab(correlationView_, tr("Correlations"));
  auto* header = new QHBoxLayout;
  header->addWidget(title_, 1);
  header->addWidget(new QLabel(tr("Seed:")));
  header->addWidget(seedBox_);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(header);
  layout->addWidget(tabs_, 1);
  connect(seedBox_, &QComboBox::currentIndexChanged, this, [this] {
    showHistogram();
    showScatter();
    showCorrelations();
  });
  connect(scoreBox_, &QComboBox::currentIndexChanged, this, &ResultsBrowser::showHistogram);
  connect(xBox_, &QComboBox::currentIndexChanged, this, &ResultsBrowser::showScatter);
  connect(yBox_, &QComboBox::currentIndexChanged, this, &ResultsBrowser::showScatter);
}

bool ResultsBrowser::openFolder(const QString& folder, QString* error) {
  try {
    setResults(loadResultsFolder(folder.toStdString()));
    return true;
  } catch (const Error& e) {
    if (error) *error = QString::fromUtf8(e.what());
    return false;
  }
}

void ResultsBrowser::setResults(ResultsFolder results) {
  results_ = std::move(results);
  images_.clear();
  scatterView_->clearSetImages();
  title_->setText(tr("%1 — %2 as in-distribution, %L3 OOD sets, %L4 scores")
                      .arg(toQString(results_->name), toQString(results_->inDistribution))
                      .arg(results_->oodSets.size())
                      .arg(results_->scoreNames.size()));
  tableView_->setTables(metricTables(*results_));
  fillChoices();
  showHistogram();
  showScatter();
  showCorrelations();
  Q_EMIT resultsChanged();
}

bool ResultsBrowser::setSetImages(const QString& setName, std::shared_ptr<const ImageSet> images) {
  if (!results_ || !images) return false;
  bool hasScores = false;
  for (const auto& [seed, sets] : results_->scores) {
    const auto columns = sets.find(setName.toStdString());
    if (columns == sets.end()) continue;
    hasScores = true;
    for (const auto& [score, values] : columns->second)
      if (static_cast<std::int64_t>(values.size()) != images->count) {
        logger()->warn("not showing the images of {}: {} images, but {} values of '{}' (seed {})",
                       setName.toStdString(), images->count, values.size(), score, seed);
        return false;
      }
  }
  if (!hasScores) {
    logger()->warn("not showing the images of {}: the results have no scores for it",
                   setName.toStdString());
    return false;
  }
  images_[setName] = images;
  scatterView_->setSetImages(setName, std::move(images));
  showHistogram();
  return true;
}

std::shared_ptr<const ImageSet> ResultsBrowser::setImages(const QString& setName) const {
  const auto found = images_.find(setName);
  return found == images_.end() ? nullptr : found->second;
}

std::optional<std::uint64_t> ResultsBrowser::currentSeed() const {
  if (!results_ || seedBox_->currentIndex() < 0) return std::nullopt;
  return results_->seeds.at(static_cast<std::size_t>(seedBox_->currentIndex()));
}

void ResultsBrowser::fillChoices() {
  QStringList seeds;
  for (std::uint64_t seed : results_->seeds) seeds << QString::number(seed);
  fillBox(seedBox_, seeds, 0);
  const QStringList scores = toQStringList(results_->scoreNames);
  fillBox(scoreBox_, scores, 0);
  fillBox(xBox_, scores, 0);
  fillBox(yBox_, scores, 1);
}

const std::map<std::string, ScoreColumns>* ResultsBrowser::currentSeedScores() const {
  const std::optional<std::uint64_t> seed = currentSeed();
  return seed ? results_->scoresOf(*seed) : nullptr;
}

void ResultsBrowser::showHistogram() {
  const auto* sets = currentSeedScores();
  const QString score = scoreBox_->currentText();
  const std::string scoreKey = score.toStdString();
  std::vector<ScoreSample> samples;
  if (sets)
    for (const std::string& set : results_->allSets()) {
      const auto columns = sets->find(set);
      if (columns == sets->end() || !columns->second.count(scoreKey)) continue;
      samples.push_back({toQString(set), columns->second.at(scoreKey), setImages(toQString(set))});
    }
  rocView_->setSamples(score, samples);
  histogramView_->setSamples(score, std::move(samples));
}

void ResultsBrowser::showScatter() {
  const auto* sets = currentSeedScores();
  const QString x = xBox_->currentText(), y = yBox_->currentText();
  const std::string xKey = x.toStdString(), yKey = y.toStdString();
  std::vector<ScatterSeries> series;
  if (sets)
    for (const std::string& set : results_->allSets()) {
      const auto columns = sets->find(set);
      if (columns == sets->end() || !columns->second.count(xKey) || !columns->second.count(yKey))
        continue;
      series.push_back({toQString(set), columns->second.at(xKey), columns->second.at(yKey)});
    }
  scatterView_->setSeries(x, y, std::move(series));
}

void ResultsBrowser::showCorrelations() {
  const std::optional<std::uint64_t> seed = currentSeed();
  const CorrelationMatrix correlations =
      seed ? inDistributionSpearman(*results_, *seed) : CorrelationMatrix{};
  correlationView_->setMatrix(
      correlations.labels, correlations.values,
      results_ ? tr("Spearman ρ between scores on %1").arg(toQString(results_->inDistribution))
               : QString());
}

}  // namespace glowscope
