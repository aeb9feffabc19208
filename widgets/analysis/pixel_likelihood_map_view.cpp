#include "widgets/analysis/pixel_likelihood_map_view.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QPushButton>
#include <QVBoxLayout>
#include <algorithm>
#include <cmath>

#include "widgets/analysis/image_picker.h"
#include "widgets/qcustomplot_include.h"
#include "widgets/views/plot_export.h"
#include "widgets/views/empty_plot.h"
#include "widgets/views/plot_interaction.h"

namespace glowscope {
namespace {

QCPColorGradient sequentialGradient() {  // viridis stops: colour-blind safe, dark = unlikely
  QCPColorGradient gradient;
  gradient.clearColorStops();
  gradient.setColorStopAt(0.0, QColor(68, 1, 84));
  gradient.setColorStopAt(0.25, QColor(59, 82, 139));
  gradient.setColorStopAt(0.5, QColor(33, 145, 140));
  gradient.setColorStopAt(0.75, QColor(94, 201, 98));
  gradient.setColorStopAt(1.0, QColor(253, 231, 37));
  return gradient;
}

QCPColorGradient divergingGradient() {  // Okabe-Ito blue (general likelier), white, vermillion
  QCPColorGradient gradient;
  gradient.clearColorStops();
  gradient.setColorStopAt(0.0, QColor(0, 114, 178));
  gradient.setColorStopAt(0.5, QColor(255, 255, 255));
  gradient.setColorStopAt(1.0, QColor(213, 94, 0));
  return gradient;
}

}  // namespace

PixelLikelihoodMapView::PixelLikelihoodMapView(ImageSetCache* cache, const AnalysisInputs& shared,
                                               QWidget* parent)
    : QWidget(parent),
      model_(new QComboBox),
      general_(new QComboBox),
      picker_(shared.imageA ? shared.imageA : new ImagePicker(tr("Image"), cache)),
      ownPicker_(!shared.imageA),
      compute_(new QPushButton(tr("Compute maps"))),
      status_(new QLabel),
      plot_(new QCustomPlot) {
  model_->setObjectName("pixelMapModel");
  general_->setObjectName("pixelMapGeneral");
  auto* models = new QHBoxLayout;
  models->addWidget(new QLabel(tr("PixelCNN++ model:")));
  models->addWidget(model_, 1);
  models->addWidget(new QLabel(tr("General model:")));
  models->addWidget(general_, 1);
  models->addWidget(compute_);
  status_->setWordWrap(true);
  status_->setText(tr("Choose a PixelCNN++ model and an image (flows have no per-pixel terms)."));
  plot_->setMinimumSize(480, 220);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(models);
  if (ownPicker_) layout->addWidget(picker_);
  layout->addWidget(status_);
  layout->addWidget(plot_, 1);
  const QString names[] = {tr("image (grey level)"), tr("log P per pixel (nats)"),
                           tr("model − general (nats)")};
  // Three panels share one 85 mm column in a paper: labels on two lines, four ticks, and each
  // colour bar as wide as its map (a margin group), not the column, so it keeps off the edge.
  const QString scaleLabels[] = {tr("image\n(grey level)"), tr("log P per pixel\n(nats)"),
                                 tr("log ratio to\ngeneral (nats)")};
  for (int panel = 0; panel < 3; ++panel) {
    QCPAxisRect* rect = panel == 0 ? plot_->axisRect() : new QCPAxisRect(plot_);
    if (panel > 0) plot_->plotLayout()->addElement(0, panel, rect);
    rect->axis(QCPAxis::atLeft)->setRangeReversed(true);  // row 0 at the top, as an image
    for (QCPAxis* axis : {rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft)})
      axis->ticker()->setTickCount(4);
    auto* map = new QCPColorMap(rect->axis(QCPAxis::atBottom), rect->axis(QCPAxis::atLeft));
    map->setInterpolate(false);
    map->setName(names[panel]);
    auto* scale = new QCPColorScale(plot_);
    scale->setType(QCPAxis::atBottom);
    scale->axis()->setLabel(scaleLabels[panel]);
    scale->axis()->ticker()->setTickCount(panel == 0 ? 2 : 3);  // 0-255 needs wide labels
    scale->axis()->ticker()->setTickStepStrategy(QCPAxisTicker::tssMeetTickCount);
    auto* column = new QCPMarginGroup(plot_);
    rect->setMarginGroup(QCP::msLeft | QCP::msRight, column);
    scale->setMarginGroup(QCP::msLeft | QCP::msRight, column);
    plot_->plotLayout()->addElement(1, panel, scale);
    map->setColorScale(scale);
    map->setGradient(panel == 0   ? QCPColorGradient(QCPColorGradient::gpGrayscale)
                     : panel == 1 ? sequentialGradient()
                                  : divergingGradient());
    panels_.push_back(map);
  }
  installPlotInteractions(plot_);
  setPlotEmptyMessage(plot_, tr("No maps yet: press Compute maps"));
  connect(compute_, &QPushButton::clicked, this, &PixelLikelihoodMapView::run);
  // Another file chosen: the loaded model goes (its memory too); the next run loads the new one.
  connect(model_, &QComboBox::currentIndexChanged, this, [this] { loadedModel_.reset(); });
  connect(general_, &QComboBox::currentIndexChanged, this, [this] { loadedGeneral_.reset(); });
}

PixelLikelihoodMapView::~PixelLikelihoodMapView() { task_.cancel(); }

void PixelLikelihoodMapView::setModels(const std::vector<std::pair<QString, QString>>& models) {
  model_->clear();
  general_->clear();
  general_->addItem(tr("none"), QString());
  for (const auto& [label, path] : models) {
    model_->addItem(label, path);
    general_->addItem(label, path);
  }
  // The ratio is what the view is for: start with the results' general model where there is
  // one, and an in-distribution model beside it.
  for (int i = 0; i < model_->count(); ++i)
    if (model_->itemText(i).contains(QStringLiteral("general"), Qt::CaseInsensitive)) {
      general_->setCurrentIndex(i + 1);
      if (model_->currentIndex() == i && model_->count() > 1)
        model_->setCurrentIndex(i == 0 ? 1 : 0);
      break;
    }
}

void PixelLikelihoodMapView::setSetNames(const QStringList& names) {
  if (ownPicker_) picker_->setSetNames(names);  // a shared picker is the page's to fill
}

void PixelLikelihoodMapView::setCurrentModels(int model, int general) {
  model_->setCurrentIndex(model);
  general_->setCurrentIndex(general + 1);
}

std::shared_ptr<analysis::PixelMapModel> PixelLikelihoodMapView::loadedFor(
    const QComboBox* box, const std::shared_ptr<analysis::PixelMapModel>& loaded) {
  const std::filesystem::path chosen = box->currentData().toString().toStdString();
  return loaded && loaded->path() == chosen ? loaded : nullptr;
}

void PixelLikelihoodMapView::run() {
  const QString modelFile = model_->currentData().toString();
  const QString generalFile = general_->currentData().toString();
  const std::optional<ImageSet> image = picker_->currentImage();
  if (modelFile.isEmpty() || !image) {
    status_->setText(modelFile.isEmpty() ? tr("No model chosen.")
                                         : tr("The image set is not loaded yet."));
    return;
  }
  status_->setText(tr("Computing…"));
  const QString title = QString::fromStdString(image->name);
  task_.start([modelFile, generalFile, model = loadedFor(model_, loadedModel_),
               general = loadedFor(general_, loadedGeneral_), image = *image,
               title](const BackgroundRun&) {
    PixelLikelihoodMapResult result;
    result.model = model ? model : analysis::PixelMapModel::load(modelFile.toStdString());
    result.general = general || generalFile.isEmpty()
                         ? general
                         : analysis::PixelMapModel::load(generalFile.toStdString());
    result.maps = analysis::pixelLikelihoodMaps(*result.model, result.general.get(), image);
    result.title = title;
    return result;
  });
}

void PixelLikelihoodMapView::show(PixelLikelihoodMapResult result) {
  if (!result.error.isEmpty()) {
    status_->setText(result.error);
    Q_EMIT finished();
    return;
  }
  // Kept only while the same files are chosen (the boxes may have changed during the run).
  if (result.model && result.model->path() == model_->currentData().toString().toStdString())
    loadedModel_ = std::move(result.model);
  if (result.general && result.general->path() == general_->currentData().toString().toStdString())
    loadedGeneral_ = std::move(result.general);
  shown_ = std::move(result.maps);
  const analysis::PixelLikelihoodMap& map = shown_.maps.front();
  showPanel(0, map.greyLevels, false);
  showPanel(1, map.logProbNats, false);
  showPanel(2, map.differenceNats, true);
  status_->setText(map.differenceNats.empty()
                       ? tr("%1: log P = %L2 nats")
                             .arg(result.title)
                             .arg(map.totalLogProbNats, 0, 'f', 1)
                       : tr("%1: log P = %L2 nats, model − general = %L3 nats")
                             .arg(result.title)
                             .arg(map.totalLogProbNats, 0, 'f', 1)
                             .arg(map.totalDifferenceNats, 0, 'f', 1));
  plot_->setProperty(kPlotDataCsvProperty, csv());
  setPlotEmptyMessage(plot_, QString());
  plotDataChanged(plot_);
  Q_EMIT finished();
}

void PixelLikelihoodMapView::showPanel(int panel, const std::vector<double>& values,
                                       bool diverging) {
  QCPColorMap* map = panels_[static_cast<size_t>(panel)];
  const int w = shown_.width, h = shown_.height;
  map->data()->setSize(w, h);
  map->data()->setRange(QCPRange(0, w - 1), QCPRange(0, h - 1));
  map->setVisible(!values.empty());
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      map->data()->setCell(x, y, values.empty() ? 0.0 : values[static_cast<size_t>(y * w + x)]);
  if (diverging) {  // symmetric, so white is "no difference"
    double extent = 1e-9;
    for (double v : values) extent = std::max(extent, std::abs(v));
    map->setDataRange(QCPRange(-extent, extent));
  } else {
    map->rescaleDataRange(true);
  }
  map->keyAxis()->setRange(-0.5, w - 0.5);
  map->valueAxis()->setRange(-0.5, h - 0.5);
}

QString PixelLikelihoodMapView::csv() const {
  QString text = QStringLiteral("row,column,grey,log_p_nats,general_log_p_nats,difference_nats\n");
  if (shown_.maps.empty()) return text;
  const analysis::PixelLikelihoodMap& map = shown_.maps.front();
  const std::vector<double>& grey = map.greyLevels;
  const auto cell = [](const std::vector<double>& v, size_t i) {
    return v.empty() ? QStringLiteral("") : QString::number(v[i], 'g', 10);
  };
  for (int y = 0; y < shown_.height; ++y)
    for (int x = 0; x < shown_.width; ++x) {
      const size_t i = static_cast<size_t>(y * shown_.width + x);
      text += QStringLiteral("%1,%2,%3,%4,%5,%6\n")
                  .arg(y)
                  .arg(x)
                  .arg(grey[i])
                  .arg(cell(map.logProbNats, i), cell(map.generalLogProbNats, i),
                       cell(map.differenceNats, i));
    }
  return text;
}

}  // namespace glowscope
