#include "widgets/views/score_scatter_view.h"

#include <QLabel>
#include <QListWidget>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QSplitter>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>
#include <limits>

#include "core/metrics/axis_range.h"
#include "core/metrics/correlation.h"
#include "core/util/errors.h"
#include "widgets/base/image_conversion.h"
#include "widgets/qcustomplot_include.h"
#include "widgets/views/empty_plot.h"
#include "widgets/views/plot_interaction.h"
#include "widgets/views/score_histogram_view.h"

namespace glowscope {
namespace {

constexpr int kPreviewPixels = 96;
constexpr int kGridThumbnailPixels = 56;

bool finitePoint(double x, double y) { return std::isfinite(x) && std::isfinite(y); }

// The image enlarged (pixels kept sharp) above one line of caption.
QPixmap previewPixmap(const QImage& image, const QString& caption) {
  const QImage scaled =
      image.scaled(kPreviewPixels, kPreviewPixels, Qt::KeepAspectRatio, Qt::FastTransformation);
  const QFontMetrics metrics{QFont()};
  const int textHeight = metrics.height();
  QPixmap pixmap(std::max(scaled.width(), metrics.horizontalAdvance(caption) + 4),
                 scaled.height() + textHeight + 2);
  pixmap.fill(Qt::white);
  QPainter painter(&pixmap);
  painter.drawImage((pixmap.width() - scaled.width()) / 2, 0, scaled);
  painter.setPen(Qt::black);
  painter.drawText(QRect(0, scaled.height() + 1, pixmap.width(), textHeight), Qt::AlignCenter,
                   caption);
  return pixmap;
}

QPointF clampedTo(const QRectF& rect, double x, double y) {
  return {std::clamp(x, rect.left(), rect.right()), std::clamp(y, rect.top(), rect.bottom())};
}

}  // namespace

std::vector<ScatterSelection> pointsInRect(const std::vector<ScatterSeries>& series,
                                           const QRectF& rect,
                                           const std::optional<QRectF>& clampTo) {
  const QRectF r = rect.normalized();
  const auto inside = [&r](const QPointF& p) {
    return p.x() >= r.left() && p.x() <= r.right() && p.y() >= r.top() && p.y() <= r.bottom();
  };
  std::vector<ScatterSelection> selection;
  for (const ScatterSeries& s : series) {
    ScatterSelection chosen{s.setName, {}};
    for (std::size_t i = 0; i < s.x.size() && i < s.y.size(); ++i)
      if (finitePoint(s.x[i], s.y[i]) &&
          (inside({s.x[i], s.y[i]}) ||
           (clampTo && inside(clampedTo(clampTo->normalized(), s.x[i], s.y[i])))))
        chosen.imageIndices << static_cast<qint64>(i);
    selection.push_back(std::move(chosen));
  }
  return selection;
}

double pooledSpearman(const std::vector<ScatterSeries>& series) {
  std::vector<double> xs, ys;
  for (const ScatterSeries& s : series) {
    const std::size_t points = std::min(s.x.size(), s.y.size());
    xs.insert(xs.end(), s.x.begin(), s.x.begin() + static_cast<std::ptrdiff_t>(points));
    ys.insert(ys.end(), s.y.begin(), s.y.begin() + static_cast<std::ptrdiff_t>(points));
  }
  return spearmanOfFinitePairs(xs, ys);
}

ScoreScatterView::ScoreScatterView(QWidget* parent)
    : QWidget(parent),
      plot_(new QCustomPlot),
      title_(new QCPTextElement(plot_, QString())),
      list_(new QListWidget),
      summary_(new QLabel),
      preview_(new QLabel(plot_)) {
  plot_->setMinimumSize(320, 140);  // with the thumbnail row, fits a 1024x700 screen
  plot_->setMouseTracking(true);  // hover without a pressed button
  preview_->setFrameShape(QFrame::Box);
  preview_->setAutoFillBackground(true);
  preview_->setAttribute(Qt::WA_TransparentForMouseEvents);
  preview_->hide();
  plot_->plotLayout()->insertRow(0);
  plot_->plotLayout()->addElement(0, 0, title_);
  plot_->legend->setVisible(true);
  // srmCustom: QCustomPlot only reports the dragged rectangle; the selection is ours.
  plot_->setSelectionRectMode(QCP::srmCustom);
  installPlotInteractions(plot_);
  setPlotEmptyMessage(plot_, tr("No scores yet — File ▸ Open Results Folder…"));
  style_ = PlotStyle::fromDefaultSettings();
  style_.applyTo(plot_);
  // The selection: a grid of thumbnails, each with its set, index and both scores.
  list_->setObjectName("selectionGrid");
  list_->setViewMode(QListView::IconMode);
  list_->setIconSize(QSize(kGridThumbnailPixels, kGridThumbnailPixels));
  list_->setGridSize(
      QSize(160, kGridThumbnailPixels + 3 * QFontMetrics(list_->font()).height() + 10));
  list_->setTextElideMode(Qt::ElideMiddle);  // a long set name keeps its "#index" visible
  list_->setMinimumHeight(list_->gridSize().height() + 2 * list_->frameWidth() + 4);
  list_->setResizeMode(QListView::Adjust);
  list_->setMovement(QListView::Static);
  list_->setUniformItemSizes(true);
  list_->setSelectionMode(QAbstractItemView::NoSelection);
  summary_->setObjectName("selectionSummary");
  summary_->setText(
      tr("Drag a rectangle over points to see their images and scores here "
         "(Ctrl+drag pans)."));
  summary_->setWordWrap(true);
  auto* selectionBox = new QWidget;
  auto* selectionLayout = new QVBoxLayout(selectionBox);
  selectionLayout->setContentsMargins(0, 0, 0, 0);
  selectionLayout->addWidget(summary_);
  selectionLayout->addWidget(list_, 1);
  auto* splitter = new QSplitter(Qt::Vertical);
  splitter->addWidget(plot_);
  splitter->addWidget(selectionBox);
  splitter->setStretchFactor(0, 4);
  splitter->setSizes({2, 1});  // most of the height for the plot; the grid scrolls
  auto* layout = new QVBoxLayout(this);
  layout->addWidget(splitter);
  connect(plot_->selectionRect(), &QCPSelectionRect::accepted, this,
          [this](const QRect& pixels, QMouseEvent*) {
            const QRectF data(QPointF(plot_->xAxis->pixelToCoord(pixels.left()),
                                      plot_->yAxis->pixelToCoord(pixels.top())),
                              QPointF(plot_->xAxis->pixelToCoord(pixels.right()),
                                      plot_->yAxis->pixelToCoord(pixels.bottom())));
            selectDataRect(data);
          });
  connect(plot_, &QCustomPlot::mouseMove, this,
          [this](QMouseEvent* event) { hoverAt(event->position().toPoint()); });
}

void ScoreScatterView::setSeries(const QString& xLabel, const QString& yLabel,
                                 std::vector<ScatterSeries> series) {
  for (const ScatterSeries& s : series)
    if (s.x.size() != s.y.size())
      throw ConfigError("scatter series " + s.setName.toStdString(),
                        "x and y have different lengths");
  xLabel_ = xLabel;
  yLabel_ = yLabel;
  series_ = std::move(series);
  rho_ = pooledSpearman(series_);
  selection_.clear();
  list_->clear();
  preview_->hide();
  redraw();
}

QString ScoreScatterView::title() const {
  const QString rho = std::isnan(rho_) ? tr("n/a") : QLocale().toString(rho_, 'f', 3);
  return tr("%1 vs %2 — Spearman ρ = %3").arg(yLabel_, xLabel_, rho);
}

// The axes show the data of interest (core's samplesOfInterest over both axes, the
// in-distribution set first): a set far from the others, such as photographs under a model of
// clothes, would otherwise squeeze the rest into a line.
static std::optional<std::pair<ValueRange, ValueRange>> focusRanges(
    const std::vector<ScatterSeries>& series) {
  std::vector<std::span<const double>> xs, ys;
  for (const ScatterSeries& s : series) {
    xs.emplace_back(s.x);
    ys.emplace_back(s.y);
  }
  std::vector<bool> include = samplesOfInterest({xs, ys});
  if (std::none_of(include.begin(), include.end(), [](bool in) { return in; })) include.clear();
  const std::optional<ValueRange> x = unionOfFencedRanges(xs, include);
  const std::optional<ValueRange> y = unionOfFencedRanges(ys, include);
  if (!x || !y) return std::nullopt;
  return std::make_pair(paddedRange(*x, 0.04), paddedRange(*y, 0.04));
}

void ScoreScatterView::redraw() {
  plot_->clearPlottables();
  plot_->xAxis->setLabel(xLabel_);
  plot_->yAxis->setLabel(yLabel_);
  title_->setText(title());
  const auto ranges = focusRanges(series_);
  edgeRect_.reset();
  if (ranges)
    edgeRect_ = QRectF(QPointF(ranges->first.low, ranges->second.low),
                       QPointF(ranges->first.high, ranges->second.high));
  const auto inside = [&](double x, double y) {
    return !ranges || (x >= ranges->first.low && x <= ranges->first.high &&
                       y >= ranges->second.low && y <= ranges->second.high);
  };
  const auto clamp = [](double v, const ValueRange& r) { return std::clamp(v, r.low, r.high); };
  for (std::size_t s = 0; s < series_.size(); ++s) {
    QCPGraph* graph = plot_->addGraph();
    graph->setLineStyle(QCPGraph::lsNone);
    // The same colour per set as in the histogram view (in-distribution first).
    const QColor color = style_.color(static_cast<int>(s));
    graph->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssDisc, color, color, 4));
    QVector<double> x, y, edgeX, edgeY;
    for (std::size_t i = 0; i < series_[s].x.size(); ++i) {
      const double px = series_[s].x[i], py = series_[s].y[i];
      if (!finitePoint(px, py)) continue;
      // Every point stays in the series (its data CSV); those outside the axes are clipped there
      // and drawn again, clamped, as markers on the edge.
      x << px;
      y << py;
      if (!inside(px, py)) {
        edgeX << clamp(px, ranges->first);
        edgeY << clamp(py, ranges->second);
      }
    }
    graph->setData(x, y);
    QString name = series_[s].setName;
    if (!edgeX.isEmpty()) {
      // Points outside the axes: open triangles on the edge, counted in the legend.
      name = tr("%1 (%L2 of %L3 outside, on the edge)").arg(name).arg(edgeX.size()).arg(x.size());
      QCPGraph* edge = plot_->addGraph();
      edge->setName(tr("%1 outside the axes, clamped to the edge").arg(series_[s].setName));
      edge->setLineStyle(QCPGraph::lsNone);
      edge->setScatterStyle(QCPScatterStyle(QCPScatterStyle::ssTriangle, color, 6));
      edge->setData(edgeX, edgeY);
      edge->removeFromLegend();
      edge->setProperty(kNotPlotDataProperty, true);
    }
    graph->setName(name);
    graph->setProperty(kSeriesNameProperty, series_[s].setName);
  }
  plot_->rescaleAxes();
  if (ranges) {
    plot_->xAxis->setRange(ranges->first.low, ranges->first.high);
    plot_->yAxis->setRange(ranges->second.low, ranges->second.high);
  }
  setPlotEmptyMessage(
      plot_, series_.empty() ? tr("No scores yet — File ▸ Open Results Folder…") : QString());
  plotDataChanged(plot_);
}

void ScoreScatterView::selectDataRect(const QRectF& rect) {
  // Outliers are selected where they are drawn, on the edge, too.
  selection_ = pointsInRect(series_, rect, edgeRect_);
  fillSelectionGrid();
  Q_EMIT selectionChanged(selection_);
}

QString ScoreScatterView::pointCaption(std::size_t series, std::int64_t index) const {
  const ScatterSeries& s = series_[series];
  const auto i = static_cast<std::size_t>(index);
  return tr("%1 #%2\n%3 = %L4\n%5 = %L6")
      .arg(s.setName)
      .arg(index)
      .arg(xLabel_)
      .arg(s.x[i], 0, 'g', 5)
      .arg(yLabel_)
      .arg(s.y[i], 0, 'g', 5);
}

void ScoreScatterView::fillSelectionGrid() {
  list_->clear();
  QStringList perSet;
  qint64 total = 0;
  for (const ScatterSelection& chosen : selection_)
    if (!chosen.imageIndices.isEmpty()) {
      perSet << tr("%1: %L2").arg(chosen.setName).arg(chosen.imageIndices.size());
      total += chosen.imageIndices.size();
    }
  QString summary = total == 0   ? tr("No points in the rectangle.")
                    : total == 1 ? tr("1 point selected (%1)").arg(perSet.join(", "))
                                 : tr("%L1 points selected (%2)").arg(total).arg(perSet.join(", "));
  if (total > kMaxSelectionThumbnails)
    summary += tr("; the first %L1 are shown").arg(kMaxSelectionThumbnails);
  summary_->setText(summary);
  for (std::size_t s = 0; s < selection_.size() && s < series_.size(); ++s) {
    const auto images = images_.find(series_[s].setName);
    const QColor colour = style_.color(static_cast<int>(s));
    for (qint64 index : selection_[s].imageIndices) {
      if (list_->count() >= kMaxSelectionThumbnails) return;
      QPixmap thumbnail(kGridThumbnailPixels, kGridThumbnailPixels);
      if (images != images_.end() && images->second && index < images->second->count) {
        thumbnail = QPixmap::fromImage(imageSetThumbnail(*images->second, index)
                                           .scaled(kGridThumbnailPixels, kGridThumbnailPixels,
                                                   Qt::KeepAspectRatio, Qt::FastTransformation));
      } else {  // images not known (yet): the set's colour in their place
        QColor fill = colour;
        fill.setAlpha(60);
        thumbnail.fill(fill);
      }
      auto* item = new QListWidgetItem(QIcon(thumbnail), pointCaption(s, index));
      item->setToolTip(pointCaption(s, index).replace('\n', QStringLiteral(", ")));
      item->setForeground(colour);
      item->setData(SetRole, series_[s].setName);
      item->setData(IndexRole, index);
      item->setData(XRole, series_[s].x[static_cast<std::size_t>(index)]);
      item->setData(YRole, series_[s].y[static_cast<std::size_t>(index)]);
      list_->addItem(item);
    }
  }
}

void ScoreScatterView::setSetImages(const QString& setName,
                                    std::shared_ptr<const ImageSet> images) {
  images_[setName] = std::move(images);
  if (!selection_.empty()) fillSelectionGrid();  // images that arrive after a selection
}

void ScoreScatterView::clearSetImages() {
  images_.clear();
  preview_->hide();
}

std::optional<ScatterPoint> ScoreScatterView::pointNear(const QPoint& pixel,
                                                        double radiusPx) const {
  std::optional<ScatterPoint> nearest;
  double bestSquared = radiusPx * radiusPx;
  const auto consider = [&](const QPointF& at, std::size_t s, std::size_t i, bool onEdge) {
    const double dx = plot_->xAxis->coordToPixel(at.x()) - pixel.x();
    const double dy = plot_->yAxis->coordToPixel(at.y()) - pixel.y();
    if (dx * dx + dy * dy <= bestSquared) {
      bestSquared = dx * dx + dy * dy;
      nearest = ScatterPoint{s, static_cast<std::int64_t>(i), onEdge};
    }
  };
  for (std::size_t s = 0; s < series_.size(); ++s)
    for (std::size_t i = 0; i < series_[s].x.size(); ++i) {
      const double x = series_[s].x[i], y = series_[s].y[i];
      if (!finitePoint(x, y)) continue;
      consider({x, y}, s, i, false);
      // An outlier is drawn a second time, as a triangle clamped to the edge.
      if (edgeRect_ && !edgeRect_->contains(x, y))
        consider(clampedTo(*edgeRect_, x, y), s, i, true);
    }
  return nearest;
}

void ScoreScatterView::hoverAt(const QPoint& pixel) {
  const std::optional<ScatterPoint> point = pointNear(pixel);
  if (point)
    showPreview(*point, pixel);
  else
    preview_->hide();
}

void ScoreScatterView::showPreview(const ScatterPoint& point, const QPoint& pixel) {
  const ScatterSeries& series = series_[point.series];
  const auto images = images_.find(series.setName);
  if (images == images_.end() || !images->second || point.imageIndex >= images->second->count) {
    preview_->hide();
    return;
  }
  QString caption =
      pointCaption(point.series, point.imageIndex).replace('\n', QStringLiteral(", "));
  // The triangle's place on the edge is not its value: the caption gives the true scores.
  if (point.onEdge) caption += tr(" (outside the axes)");
  preview_->setPixmap(previewPixmap(imageSetThumbnail(*images->second, point.imageIndex), caption));
  preview_->setAccessibleName(caption);  // the text drawn into the pixmap, for screen readers
  preview_->adjustSize();
  // Beside the cursor, flipped to stay inside the plot.
  QPoint at = pixel + QPoint(12, 12);
  if (at.x() + preview_->width() > plot_->width()) at.rx() = pixel.x() - 12 - preview_->width();
  if (at.y() + preview_->height() > plot_->height()) at.ry() = pixel.y() - 12 - preview_->height();
  preview_->move(at);
  preview_->show();
  preview_->raise();
}

}  // namespace glowscope
