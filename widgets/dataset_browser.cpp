#include "widgets/dataset_browser.h"

#include "widgets/qcustomplot_include.h"

#include <QAbstractListModel>
#include <QComboBox>
#include <QDragEnterEvent>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QListView>
#include <QLocale>
#include <QMenu>
#include <QMimeData>
#include <QPixmap>
#include <QProgressBar>
#include <QPushButton>
#include <QSlider>
#include <QSplitter>
#include <QTableWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

#include "core/data/dataset_paths.h"
#include "core/data/dataset_registry.h"
#include "core/util/errors.h"
#include "widgets/base/image_conversion.h"
#include "widgets/elided_label.h"

namespace glowscope {

/// Thumbnails of the images of the current set that pass the class filter; pixmaps are made
/// lazily for the visible items only.
class ThumbnailModel : public QAbstractListModel {
 public:
  using QAbstractListModel::QAbstractListModel;

  void setImages(std::shared_ptr<const ImageSet> images, int classFilter) {
    beginResetModel();
    images_ = std::move(images);
    indices_.clear();
    if (images_)
      for (int64_t i = 0; i < images_->count; ++i)
        if (classFilter < 0 || (images_->labelled() && images_->labels[size_t(i)] == classFilter))
          indices_.push_back(i);
    endResetModel();
  }
  void setThumbnailSize(int pixels) {
    beginResetModel();
    size_ = pixels;
    endResetModel();
  }
  int rowCount(const QModelIndex& parent = {}) const override {
    return parent.isValid() ? 0 : int(indices_.size());
  }
  QVariant data(const QModelIndex& index, int role) const override {
    if (!images_ || !index.isValid()) return {};
    const int64_t image = indices_[size_t(index.row())];
    if (role == Qt::DecorationRole)
      return QPixmap::fromImage(imageSetThumbnail(*images_, image).scaled(size_, size_));
    if (role == Qt::ToolTipRole)
      return images_->labelled()
                 ? QObject::tr("image %L1, class %2").arg(image).arg(images_->labels[size_t(image)])
                 : QObject::tr("image %L1").arg(image);
    if (role == Qt::SizeHintRole) return QSize(size_ + 4, size_ + 4);
    return {};
  }

 private:
  std::shared_ptr<const ImageSet> images_;
  std::vector<int64_t> indices_;
  int size_ = 56;
};

DatasetBrowser::DatasetBrowser(QWidget* parent) : QWidget(parent) {
  setObjectName("datasetBrowser");
  setAcceptDrops(true);
  buildLayout();
  refreshList();
}

DatasetBrowser::~DatasetBrowser() = default;

void DatasetBrowser::buildLayout() {
  list_ = new QTreeWidget(this);
  list_->setObjectName("datasetList");
  list_->setHeaderLabels({tr("Dataset"), tr("On this machine")});
  // The state column stays readable; a long spec is elided (its tooltip has it whole).
  list_->header()->setStretchLastSection(false);
  list_->header()->setSectionResizeMode(0, QHeaderView::Stretch);
  list_->header()->setSectionResizeMode(1, QHeaderView::ResizeToContents);
  list_->setTextElideMode(Qt::ElideMiddle);
  connect(list_, &QTreeWidget::currentItemChanged, this,
          [this](QTreeWidgetItem* item) { showDetails(item); });
  connect(list_, &QTreeWidget::itemDoubleClicked, this, [this](QTreeWidgetItem* item) {
    if (item->data(0, Qt::UserRole + 1).toBool())
      loadDataset(item->data(0, Qt::UserRole).toString());
  });
  details_ = new QLabel(this);
  details_->setObjectName("datasetDetails");
  details_->setWordWrap(true);
  details_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  // A long path in a spec must wrap or clip here, never set the window's minimum width.
  details_->setSizePolicy(QSizePolicy::Ignored, QSizePolicy::Preferred);
  auto* add = new QPushButton(tr("&Add from disk…"), this);
  add->setObjectName("addDatasetButton");
  add->setToolTip(
      tr("CIFAR-10/100 folder, SVHN .mat, IDX file or image folder; you can also "
         "drop files here"));
  auto* addMenu = new QMenu(add);
  addMenu->addAction(tr("&File (SVHN .mat, IDX, CIFAR batch)…"), this,
                     [this] { addFromDisk(false); });
  addMenu->addAction(tr("F&older (CIFAR folder, image folder)…"), this,
                     [this] { addFromDisk(true); });
  add->setMenu(addMenu);
  loadButton_ = new QPushButton(tr("&Load"), this);
  loadButton_->setObjectName("loadDatasetButton");
  connect(loadButton_, &QPushButton::clicked, this, [this] {
    if (QTreeWidgetItem* item = list_->currentItem())
      loadDataset(item->data(0, Qt::UserRole).toString());
  });
  auto* left = new QWidget(this);
  auto* leftLayout = new QVBoxLayout(left);
  leftLayout->setContentsMargins(0, 0, 0, 0);
  leftLayout->addWidget(list_, 1);
  leftLayout->addWidget(details_);
  auto* buttons = new QHBoxLayout;
  buttons->addWidget(add);
  buttons->addWidget(loadButton_);
  leftLayout->addLayout(buttons);
  auto* splitter = new QSplitter(this);
  splitter->addWidget(left);
  splitter->addWidget(buildDetailPane());
  splitter->setStretchFactor(1, 3);
  splitter->setSizes({340, 860});
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addWidget(splitter);
}

QWidget* DatasetBrowser::buildDetailPane() {
  auto* pane = new QWidget(this);
  setInfo_ = new ElidedLabel(tr("Double-click a dataset to load it."), pane);
  setInfo_->setObjectName("setInfo");
  progress_ = new QProgressBar(pane);
  progress_->setObjectName("loadProgress");
  progress_->setRange(0, 100);
  progress_->hide();
  cancelButton_ = new QPushButton(tr("Cancel"), pane);
  cancelButton_->setObjectName("cancelLoadButton");
  cancelButton_->hide();
  connect(cancelButton_, &QPushButton::clicked, this, &DatasetBrowser::cancelLoading);
  classFilter_ = new QComboBox(pane);
  classFilter_->setObjectName("classFilter");
  connect(classFilter_, &QComboBox::currentIndexChanged, this,
          [this](int index) { thumbnailModel_->setImages(current_, index <= 0 ? -1 : index - 1); });
  zoom_ = new QSlider(Qt::Horizontal, pane);
  zoom_->setObjectName("zoomSlider");
  zoom_->setRange(16, 160);
  zoom_->setValue(56);
  zoom_->setMaximumWidth(160);
  thumbnailModel_ = new ThumbnailModel(this);
  connect(zoom_, &QSlider::valueChanged, this,
          [this](int size) { thumbnailModel_->setThumbnailSize(size); });
  thumbnails_ = new QListView(pane);
  thumbnails_->setObjectName("thumbnails");
  thumbnails_->setViewMode(QListView::IconMode);
  thumbnails_->setResizeMode(QListView::Adjust);
  thumbnails_->setUniformItemSizes(true);
  thumbnails_->setMovement(QListView::Static);
  thumbnails_->setSpacing(2);
  thumbnails_->setModel(thumbnailModel_);
  classCounts_ = new QTableWidget(0, 2, pane);
  classCounts_->setObjectName("classCounts");
  classCounts_->setHorizontalHeaderLabels({tr("Class"), tr("Images")});
  classCounts_->verticalHeader()->hide();
  classCounts_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  classCounts_->setMaximumWidth(200);
  classCounts_->horizontalHeader()->setSectionResizeMode(QHeaderView::Stretch);
  channelStats_ = new QLabel(pane);
  channelStats_->setObjectName("channelStats");
  histogram_ = new QCustomPlot(pane);
  histogram_->setObjectName("histogramPlot");
  histogram_->setMinimumSize(260, 160);
  histogram_->xAxis->setLabel(tr("pixel minus mean of its 8 neighbours"));
  histogram_->yAxis->setLabel(tr("density"));
  histogram_->hide();  // until a set's statistics are there

  auto* top = new QHBoxLayout;
  top->addWidget(setInfo_, 1);
  top->addWidget(progress_);
  top->addWidget(cancelButton_);
  top->addWidget(new QLabel(tr("Class:"), pane));
  top->addWidget(classFilter_);
  top->addWidget(new QLabel(tr("Zoom:"), pane));
  top->addWidget(zoom_);
  auto* statsColumn = new QVBoxLayout;
  statsColumn->addWidget(channelStats_);
  statsColumn->addWidget(histogram_, 1);
  auto* bottom = new QHBoxLayout;
  bottom->addWidget(classCounts_);
  bottom->addLayout(statsColumn, 1);
  auto* layout = new QVBoxLayout(pane);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addLayout(top);
  layout->addWidget(thumbnails_, 3);
  layout->addLayout(bottom, 2);
  return pane;
}

void DatasetBrowser::setUserDatasets(const QStringList& userSpecs) {
  userSpecs_ = userSpecs;
  refreshList();
}

void DatasetBrowser::addUserDataset(const QString& spec) {
  if (spec.isEmpty() || userSpecs_.contains(spec)) return;
  userSpecs_.push_back(spec);
  refreshList();
  Q_EMIT datasetAdded(spec);
}

QStringList DatasetBrowser::usableDatasetNames() const {
  QStringList usable;
  for (const QString& spec : availableBuiltIns_ + userSpecs_)
    if (!failures_.contains(spec)) usable << spec;
  return usable;
}

void DatasetBrowser::refreshList() {
  list_->clear();
  availableBuiltIns_.clear();
  auto* builtIn = new QTreeWidgetItem(list_, {tr("Registry")});
  auto* added = new QTreeWidgetItem(list_, {tr("Added from disk")});
  for (const DatasetInfo& info : listDatasets()) {
    if (!info.builtIn) continue;  // path patterns: the user adds concrete paths instead
    const QString name = QString::fromStdString(info.name);
    auto* item =
        new QTreeWidgetItem(builtIn, {name, info.available ? tr("available") : tr("missing")});
    // "photos-animals[:train|test]": the part before the optional suffix is the default spec.
    const QString spec = name.left(name.indexOf('['));
    item->setData(0, Qt::UserRole, spec);
    item->setData(0, Qt::UserRole + 1, info.available);
    QString tip = QString::fromStdString(info.description);
    if (!info.available)
      tip += "\n" + tr("Install with: %1").arg(QString::fromStdString(info.installHint));
    item->setData(0, Qt::UserRole + 2, tip);
    item->setToolTip(0, tip);
    item->setToolTip(1, tip);
    if (!info.available)
      item->setForeground(1, QColor(200, 60, 60));
    else
      availableBuiltIns_.push_back(spec);
    markItem(item, spec);
  }
  for (const QString& spec : userSpecs_) {
    auto* item = new QTreeWidgetItem(added, {spec, tr("added")});
    item->setData(0, Qt::UserRole, spec);
    item->setData(0, Qt::UserRole + 1, true);
    item->setData(0, Qt::UserRole + 2, tr("Added from disk: %1").arg(spec));
    item->setToolTip(0, spec);
    markItem(item, spec);
  }
  list_->expandAll();
}

void DatasetBrowser::markItem(QTreeWidgetItem* item, const QString& spec) {
  // A set that failed to load says so until it loads: the wizard does not offer it meanwhile.
  if (!failures_.contains(spec)) return;
  const QString tip = tr("Failed to load: %1").arg(failures_.value(spec));
  item->setText(1, tr("failed"));
  item->setForeground(1, QColor(200, 60, 60));
  item->setToolTip(1, tip);
  item->setData(0, Qt::UserRole + 2, item->data(0, Qt::UserRole + 2).toString() + "\n" + tip);
}

void DatasetBrowser::showDetails(QTreeWidgetItem* item) {
  const bool isDataset = item && !item->data(0, Qt::UserRole).toString().isEmpty();
  details_->setText(isDataset ? item->data(0, Qt::UserRole + 2).toString() : QString());
  loadButton_->setEnabled(isDataset && item->data(0, Qt::UserRole + 1).toBool());
}

void DatasetBrowser::addFromDisk(bool folder) {
  QFileDialog dialog(this, folder ? tr("Add a dataset folder") : tr("Add a dataset file"));
  dialog.setFileMode(folder ? QFileDialog::Directory : QFileDialog::ExistingFile);
  // All files first: the content decides (core/data), a copy may have any name.
  dialog.setNameFilters(
      {tr("All files (*)"), tr("Dataset files (*.mat *idx3-ubyte data_batch_1 train)")});
  dialog.setOption(QFileDialog::DontUseNativeDialog);
  dialog.setLabelText(QFileDialog::Accept, tr("Add"));
  if (dialog.exec() != QDialog::Accepted || dialog.selectedFiles().isEmpty()) return;
  if (const QString spec = addPath(dialog.selectedFiles().front()); !spec.isEmpty())
    loadDataset(spec);
}

QString DatasetBrowser::addPath(const QString& path) {
  const DatasetPathGuess guess = identifyDatasetPath(path.toStdString());
  if (guess.spec.empty()) {
    const QString reason = QString::fromStdString(guess.reason);
    setInfo_->setFullText(tr("%1: %2").arg(path, reason));
    Q_EMIT loadFailed(path, reason);
    return {};
  }
  const QString spec = QString::fromStdString(guess.spec);
  addUserDataset(spec);
  return spec;
}

void DatasetBrowser::dragEnterEvent(QDragEnterEvent* event) {
  if (event->mimeData()->hasUrls()) event->acceptProposedAction();
}

void DatasetBrowser::dropEvent(QDropEvent* event) {
  QString lastSpec;
  for (const QUrl& url : event->mimeData()->urls())
    if (const QString spec = addPath(url.toLocalFile()); !spec.isEmpty()) lastSpec = spec;
  if (!lastSpec.isEmpty()) loadDataset(lastSpec);
  event->acceptProposedAction();
}

void DatasetBrowser::cancelLoading() {
  if (loader_.cancel() == BackgroundTaskBase::Stopped::Run)
    setInfo_->setFullText(tr("Cancelling…"));
}

void DatasetBrowser::loadDataset(const QString& spec) {
  loadingSpec_ = spec;
  progress_->setValue(0);
  progress_->show();
  cancelButton_->show();
  setInfo_->setFullText(tr("Loading %1…").arg(spec));
  loader_.start([spec](const BackgroundRun& run) {
    DatasetLoad load;
    run.progress(0.0, tr("reading files"));
    load.set = std::make_shared<const ImageSet>(glowscope::loadDataset(spec.toStdString()));
    run.throwIfCancelled();
    load.stats = computeDatasetStats(*load.set, run.cancelRequested, run.progress);
    return load;
  });
}

void DatasetBrowser::showProgress(double fraction, const QString& stage) {
  progress_->setValue(int(10 + 90 * fraction));
  progress_->setFormat(stage + " %p%");
}

void DatasetBrowser::finishLoading(DatasetLoad load) {
  const QString& spec = loadingSpec_;
  progress_->hide();
  cancelButton_->hide();
  const QString error = load.cancelled ? tr("cancelled") : load.error;
  if (!error.isEmpty()) {
    // The previous set's thumbnails and statistics go: beside the error they would look like
    // this set's.
    clearCurrentSet();
    if (!load.cancelled) {
      failures_[spec] = error;
      refreshList();
    }
    setInfo_->setFullText(tr("%1: %2").arg(spec, error));
    Q_EMIT loadFailed(spec, error);
    return;
  }
  if (failures_.remove(spec) > 0) refreshList();
  current_ = std::move(load.set);
  stats_ = std::move(load.stats);
  setInfo_->setFullText(tr("%1: %L2 images, %3×%4×%5")
                            .arg(QString::fromStdString(current_->name))
                            .arg(current_->count)
                            .arg(current_->channels)
                            .arg(current_->height)
                            .arg(current_->width));
  {
    const QSignalBlocker blocker(classFilter_);
    classFilter_->clear();
    classFilter_->addItem(tr("all classes"));
    for (size_t label = 0; label < stats_.countByClass.size(); ++label)
      classFilter_->addItem(QString::number(label));
  }
  thumbnailModel_->setImages(current_, -1);
  showStats();
  Q_EMIT datasetLoaded(spec);
}

void DatasetBrowser::showStats() {
  classCounts_->setRowCount(int(stats_.countByClass.size()));
  for (size_t label = 0; label < stats_.countByClass.size(); ++label) {
    classCounts_->setItem(int(label), 0, new QTableWidgetItem(QString::number(label)));
    classCounts_->setItem(
        int(label), 1,
        new QTableWidgetItem(QLocale().toString(qlonglong(stats_.countByClass[label]))));
  }
  QStringList channels;
  const QStringList names =
      stats_.channelMean.size() == 3 ? QStringList{"R", "G", "B"} : QStringList{tr("grey")};
  for (size_t c = 0; c < stats_.channelMean.size(); ++c)
    channels << tr("%1: mean %L2, std %L3")
                    .arg(c < size_t(names.size()) ? names[int(c)] : QString::number(c))
                    .arg(stats_.channelMean[c], 0, 'f', 1)
                    .arg(stats_.channelStd[c], 0, 'f', 1);
  channelStats_->setText(channels.join("   "));
  histogram_->clearPlottables();
  // No axes without data: an empty plot's default 0-5 axes would look like a result.
  histogram_->setVisible(!stats_.histogramCentres.isEmpty());
  if (!stats_.histogramCentres.isEmpty()) {
    auto* bars = new QCPBars(histogram_->xAxis, histogram_->yAxis);
    bars->setData(stats_.histogramCentres, stats_.histogramDensities, true);
    bars->setWidth(stats_.histogramCentres.size() > 1
                       ? stats_.histogramCentres[1] - stats_.histogramCentres[0]
                       : 0.02);
    bars->setName(tr("%L1 images").arg(stats_.histogramImages));
    histogram_->rescaleAxes();
    histogram_->xAxis->setRange(-0.5, 0.5);
  }
  histogram_->replot();
}

void DatasetBrowser::clearCurrentSet() {
  current_.reset();
  stats_ = {};
  {
    const QSignalBlocker blocker(classFilter_);
    classFilter_->clear();
  }
  thumbnailModel_->setImages(nullptr, -1);
  showStats();
}

void DatasetBrowser::setClassFilter(int label) { classFilter_->setCurrentIndex(label + 1); }

int DatasetBrowser::visibleThumbnailCount() const { return thumbnailModel_->rowCount(); }

}  // namespace glowscope
