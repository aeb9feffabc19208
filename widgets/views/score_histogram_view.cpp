#include "widgets/views/score_histogram_view.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDoubleSpinBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QMenu>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <cmath>
#include <limits>

#include "core/metrics/axis_range.h"
#include "core/metrics/ood_metrics.h"
#include "widgets/base/image_conversion.h"
#include "widgets/qcustomplot_include.h"
#include "widgets/views/empty_plot.h"
#include "widgets/views/plot_interaction.h"
#include "widgets/views/figure_layout.h"

namespace glowscope {
namespace {

constexpr int kMaxThumbnails = 200;

QDoubleSpinBox* rangeBox() {
  auto* box = new QDoubleSpinBox;
  box->setRange(-1e12, 1e12);
  box->setDecimals(3);
  box->setKeyboardTracking(false);
  return box;
}

}  // namespace

ScoreHistogramView::ScoreHistogramView(QWidget* parent)
    : QWidget(parent),
      plot_(new QCustomPlot),
      bins_(new QSpinBox),
      autoRange_(new QCheckBox(tr("Auto range"))),
      rangeMode_(new QComboBox),
      low_(rangeBox()),
      high_(rangeBox()),
      thumbnails_(new QListWidget),
      drillDown_(new QLabel),
      showAll_(new QPushButton) {
  drillDown_->hide();
  rangeMode_->addItems({tr("over all values"), tr("without 1% tails"), tr("over in-distribution")});
  bins_->setRange(1, 1000);
  bins_->setValue(50);
  autoRange_->setChecked(true);
  low_->setEnabled(false);
  high_->setEnabled(false);
  thumbnails_->setViewMode(QListView::IconMode);
  thumbnails_->setIconSize(QSize(48, 48));
  thumbnails_->setMaximumHeight(140);
  thumbnails_->hide();
  plot_->setMinimumSize(320, 240);
  plot_->setObjectName("histogram");  // the export's suggested file name
  plot_->legend->setVisible(true);
  plot_->yAxis->setLabel(tr("density"));
  installPlotInteractions(plot_);
  setPlotEmptyMessage(plot_, tr("No scores yet — File ▸ Open Results Folder…"));
  // The legend may raise the y axis to sit above the bars instead of on them.
  plot_->setProperty(kLegendHeadroomProperty, true);
  style_ = PlotStyle::fromDefaultSettings();
  style_.applyTo(plot_);

  // Two rows: beside the ROC view in a 1024-pixel window one row of controls was wider than the
  // window and made the whole results page scroll sideways.
  auto* binning = new QHBoxLayout;
  binning->addWidget(new QLabel(tr("Bins:")));
  binning->addWidget(bins_);
  binning->addWidget(autoRange_);
  binning->addWidget(rangeMode_);
  showAll_->setObjectName("showAllButton");
  showAll_->hide();
  connect(showAll_, &QPushButton::clicked, this, [this] { showAllValues(!showingAllValues()); });
  binning->addWidget(showAll_);
  binning->addStretch();
  auto* range = new QHBoxLayout;
  range->addWidget(new QLabel(tr("from")));
  range->addWidget(low_);
  range->addWidget(new QLabel(tr("to")));
  range->addWidget(high_);
  range->addStretch();
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(binning);
  layout->addLayout(range);
  layout->addWidget(plot_, 1);
  layout->addWidget(drillDown_);
  layout->addWidget(thumbnails_);

  connect(bins_, &QSpinBox::valueChanged, this, [this] { rebuild(); });
  // A range the user sets by hand ends "show all values": there is nothing to go back to.
  const auto userRange = [this] {
    if (!switchingRange_) before_.reset();
  };
  connect(low_, &QDoubleSpinBox::valueChanged, this, [this, userRange] {
    userRange();
    rebuild();
  });
  connect(high_, &QDoubleSpinBox::valueChanged, this, [this, userRange] {
    userRange();
    rebuild();
  });
  connect(autoRange_, &QCheckBox::toggled, this, [this, userRange](bool automatic) {
    userRange();
    setAutoRange(automatic);
  });
  connect(rangeMode_, &QComboBox::currentIndexChanged, this, [this, userRange] {
    userRange();
    setAutoRange(true);
  });
  connect(plot_, &QCustomPlot::plottableClick, this,
          [this](QCPAbstractPlottable* plottable, int dataIndex, QMouseEvent*) {
            // Overlapping bars: every set with images in this bin is offered.
            const std::vector<int> candidates = samplesInBin(dataIndex);
            if (candidates.size() > 1) {
              offerSets(dataIndex, candidates);
              return;
            }
            for (int p = 0; p < plot_->plottableCount(); ++p)
              if (plot_->plottable(p) == plottable) activateBin(p, dataIndex);
          });
}

// A menu of the sets whose bars overlap at the clicked bin; the chosen one is drilled into.
void ScoreHistogramView::offerSets(int bin, const std::vector<int>& candidates) {
  QMenu menu(this);
  menu.setObjectName("overlapMenu");
  for (int sample : candidates)
    menu.addAction(tr("%1: %L2 images in this bin")
                       .arg(samples_[static_cast<std::size_t>(sample)].setName)
                       .arg(histograms_[static_cast<std::size_t>(sample)]
                                .members[static_cast<std::size_t>(bin)]
                                .size()))
        ->setData(sample);
  if (QAction* chosen = menu.exec(QCursor::pos())) activateBin(chosen->data().toInt(), bin);
}

std::size_t ScoreHistogramView::valuesOutside() const {
  std::size_t outside = 0;
  for (const Histogram& histogram : histograms_) outside += histogram.outOfRange;
  return outside;
}

void ScoreHistogramView::showAllValues(bool all) {
  if (all == showingAllValues()) return;
  switchingRange_ = true;
  if (all) {
    before_ = RangeBefore{autoRange_->isChecked(), rangeMode_->currentIndex(), low_->value(),
                          high_->value()};
    setAutoRangeMode(AutoRange::AllValues);
  } else {
    const RangeBefore before = *before_;
    before_.reset();
    if (before.automatic)
      setAutoRangeMode(static_cast<AutoRange>(before.mode));
    else {
      rangeMode_->setCurrentIndex(before.mode);
      setRange(before.low, before.high);
    }
  }
  switchingRange_ = false;
  refreshShowAllButton();
}

void ScoreHistogramView::refreshShowAllButton() {
  if (showingAllValues()) {
    showAll_->setText(tr("Back to the range before"));
    showAll_->setToolTip(tr("The range before all values were shown"));
  } else {
    showAll_->setText(tr("Show all values (%L1 outside)").arg(valuesOutside()));
    showAll_->setToolTip(tr("A range over every finite value of every set"));
  }
  showAll_->setVisible(showingAllValues() || valuesOutside() > 0);
}

void ScoreHistogramView::setSamples(const QString& scoreName, std::vector<ScoreSample> samples) {
  scoreName_ = scoreName;
  samples_ = std::move(samples);
  aurocs_.assign(samples_.size(), std::numeric_limits<double>::quiet_NaN());
  for (std::size_t i = 1; i < samples_.size(); ++i)
    if (!samples_[0].values.empty() && !samples_[i].values.empty())
      aurocs_[i] = auroc(samples_[0].values, samples_[i].values);
  thumbnails_->clear();
  thumbnails_->hide();
  drillDown_->clear();
  drillDown_->hide();
  before_.reset();
  setAutoRange(true);
  rebuild();
}

void ScoreHistogramView::setBinCount(int bins) { bins_->setValue(bins); }

void ScoreHistogramView::setRange(double low, double high) {
  if (!(low < high)) return;
  autoRange_->setChecked(false);
  const QSignalBlocker blockLow(low_), blockHigh(high_);
  low_->setValue(low);
  high_->setValue(high);
  rebuild();
}

void ScoreHistogramView::setAutoRange(bool automatic) {
  const QSignalBlocker blockCheck(autoRange_);
  autoRange_->setChecked(automatic);
  low_->setEnabled(!automatic);
  high_->setEnabled(!automatic);
  if (!automatic) return;
  if (const std::optional<ValueRange> range = automaticRange()) {
    const QSignalBlocker blockLow(low_), blockHigh(high_);
    low_->setValue(range->low);
    high_->setValue(range->high);
    // The spin boxes round to their decimals; keep the exact range for the binning.
    low_->setProperty("exact", range->low);
    high_->setProperty("exact", range->high);
  }
  rebuild();
}

void ScoreHistogramView::setAutoRangeMode(AutoRange mode) {
  rangeMode_->setCurrentIndex(static_cast<int>(mode));
  setAutoRange(true);
}

std::optional<ValueRange> ScoreHistogramView::automaticRange() const {
  std::vector<std::span<const double>> values;
  for (const ScoreSample& sample : samples_) values.emplace_back(sample.values);
  switch (static_cast<AutoRange>(rangeMode_->currentIndex())) {
    case AutoRange::WithoutTails:
      return trimmedRange(values, 0.01);
    case AutoRange::InDistribution:
      // The bulk of the in-distribution set (core's Tukey fences: a few far outliers do not
      // stretch it), widened by 25% at each side; the legend counts what lies outside.
      if (values.empty()) return std::nullopt;
      return focusRange({values.front()}, 0, 10, 0.25);
    case AutoRange::AllValues:
      break;
  }
  return finiteRange(values);
}

int ScoreHistogramView::binCount() const { return bins_->value(); }

double ScoreHistogramView::aurocOf(std::size_t sample) const {
  return sample < aurocs_.size() ? aurocs_[sample] : std::numeric_limits<double>::quiet_NaN();
}

QString ScoreHistogramView::legendText(std::size_t sample) const {
  if (sample >= samples_.size()) return {};
  const ScoreSample& s = samples_[sample];
  // A list of whole translated parts, not sentence fragments to be glued.
  QStringList parts{
      sample == 0 ? tr("in-distribution") : tr("AUROC %L1%").arg(aurocOf(sample) * 100, 0, 'f', 1),
      tr("n = %L1").arg(s.values.size())};
  if (sample < histograms_.size() && histograms_[sample].outOfRange > 0)
    parts << tr("%L1 outside the range").arg(histograms_[sample].outOfRange);
  if (sample < histograms_.size() && histograms_[sample].nonFinite > 0)
    parts << tr("%L1 not finite").arg(histograms_[sample].nonFinite);
  return tr("%1 (%2)").arg(s.setName, parts.join(QStringLiteral(", ")));
}

void ScoreHistogramView::rebuild() {
  histograms_.clear();
  const bool automatic = autoRange_->isChecked();
  const double low = automatic ? low_->property("exact").toDouble() : low_->value();
  const double high = automatic ? high_->property("exact").toDouble() : high_->value();
  if (!samples_.empty() && std::isfinite(low) && std::isfinite(high) && low < high)
    for (const ScoreSample& sample : samples_)
      histograms_.push_back(
          computeHistogram(sample.values, low, high, static_cast<std::size_t>(bins_->value())));
  redraw();
}

void ScoreHistogramView::redraw() {
  plot_->clearPlottables();
  plot_->xAxis->setLabel(scoreName_);
  for (std::size_t s = 0; s < histograms_.size(); ++s) {
    const Histogram& histogram = histograms_[s];
    auto* bars = new QCPBars(plot_->xAxis, plot_->yAxis);
    bars->setName(legendText(s));
    bars->setWidth(histogram.binWidth());
    QColor color = style_.color(static_cast<int>(s));
    bars->setPen(QPen(color, style_.lineWidthPt * 96.0 / 72.0));
    color.setAlphaF(0.3);
    bars->setBrush(color);
    bars->setSelectable(QCP::stSingleData);
    const std::vector<double> density = histogram.densities();
    QVector<double> keys, values;
    for (std::size_t b = 0; b < density.size(); ++b) {
      keys << histogram.binCentre(b);
      values << density[b];
    }
    bars->setData(keys, values, true);
  }
  plot_->rescaleAxes();
  // The highest bar ends below the top of the axes, not on it.
  plot_->yAxis->setRange(0, plot_->yAxis->range().upper * 1.05);
  setPlotEmptyMessage(
      plot_, histograms_.empty() ? tr("No scores yet — File ▸ Open Results Folder…") : QString());
  plotDataChanged(plot_);
  refreshShowAllButton();
}

void ScoreHistogramView::activateBin(int sample, int bin) {
  if (sample < 0 || sample >= static_cast<int>(histograms_.size())) return;
  const Histogram& histogram = histograms_[static_cast<std::size_t>(sample)];
  if (bin < 0 || bin >= static_cast<int>(histogram.members.size())) return;
  const std::vector<std::size_t>& members = histogram.members[static_cast<std::size_t>(bin)];
  // The bar stays marked, whether it was clicked or activated from code.
  plot_->deselectAll();
  if (QCPAbstractPlottable* bars = plot_->plottable(sample))
    bars->setSelection(QCPDataSelection(QCPDataRange(bin, bin + 1)));
  plot_->replot();
  const double binLow = histogram.binCentre(static_cast<std::size_t>(bin)) - histogram.binWidth() / 2;
  drillDown_->setText(
      tr("%1, bin [%L2, %L3): %4")
          .arg(samples_[static_cast<std::size_t>(sample)].setName)
          .arg(binLow, 0, 'g', 6)
          .arg(binLow + histogram.binWidth(), 0, 'g', 6)
          .arg(members.size() == 1 ? tr("1 image") : tr("%L1 images").arg(members.size())));
  drillDown_->show();
  showThumbnails(samples_[static_cast<std::size_t>(sample)], members);
  QVector<qint64> indices;
  for (std::size_t index : members) indices << static_cast<qint64>(index);
  Q_EMIT binClicked(samples_[static_cast<std::size_t>(sample)].setName, bin, indices);
}

std::vector<int> ScoreHistogramView::samplesInBin(int bin) const {
  std::vector<int> samples;
  for (std::size_t s = 0; s < histograms_.size(); ++s) {
    const auto& members = histograms_[s].members;
    const QCPAbstractPlottable* bars =
        static_cast<int>(s) < plot_->plottableCount() ? plot_->plottable(static_cast<int>(s)) : nullptr;
    if (bin >= 0 && bin < static_cast<int>(members.size()) &&
        !members[static_cast<std::size_t>(bin)].empty() && bars && bars->visible())
      samples.push_back(static_cast<int>(s));
  }
  return samples;
}

QString ScoreHistogramView::drillDownText() const { return drillDown_->text(); }

void ScoreHistogramView::showThumbnails(const ScoreSample& sample,
                                        const std::vector<std::size_t>& indices) {
  thumbnails_->clear();
  if (!sample.images) {
    thumbnails_->hide();
    return;
  }
  for (std::size_t index : indices) {
    if (thumbnails_->count() >= kMaxThumbnails) break;
    if (static_cast<std::int64_t>(index) >= sample.images->count) continue;
    const QImage image = imageSetThumbnail(*sample.images, static_cast<std::int64_t>(index));
    auto* item = new QListWidgetItem(QIcon(QPixmap::fromImage(image.scaled(48, 48))),
                                     QString::number(index));
    thumbnails_->addItem(item);
  }
  thumbnails_->setVisible(thumbnails_->count() > 0);
}

void ScoreHistogramView::setPlotStyle(const PlotStyle& style) {
  style_ = style;
  style_.applyTo(plot_);
  redraw();
}

}  // namespace glowscope
