#include "widgets/welcome_page.h"

#include <QDir>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPushButton>
#include <QVBoxLayout>

namespace glowscope {
namespace {

QPushButton* actionButton(const QString& text, const QString& hint, const char* name,
                          QWidget* parent) {
  auto* button = new QPushButton(text, parent);
  button->setObjectName(name);
  button->setToolTip(hint);
  button->setMinimumHeight(36);
  return button;
}

}  // namespace

WelcomePage::WelcomePage(QWidget* parent) : QWidget(parent) {
  setObjectName("welcomePage");
  auto* title = new QLabel(tr("<h2>Glowscope</h2><p>Anomaly detection with Glow flows: train a "
                              "model, score data sets, compare the scores.</p>"),
                           this);
  title->setWordWrap(true);
  auto* recentTitle = new QLabel(tr("<b>Recent projects</b>"), this);
  recent_ = new QListWidget(this);
  recent_->setObjectName("recentProjects");
  recent_->setTextElideMode(Qt::ElideMiddle);
  connect(recent_, &QListWidget::itemActivated, this, [this](QListWidgetItem* item) {
    if (item->flags() & Qt::ItemIsEnabled)
      Q_EMIT recentProjectChosen(item->data(Qt::UserRole).toString());
  });
  auto* left = new QVBoxLayout;
  left->addWidget(recentTitle);
  left->addWidget(recent_, 1);
  auto* columns = new QHBoxLayout;
  columns->addLayout(left, 3);
  columns->addWidget(buildActions(), 2);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(24, 16, 24, 16);
  layout->addWidget(title);
  layout->addLayout(columns, 1);
  setRecentProjects({});
}

QWidget* WelcomePage::buildActions() {
  auto* actions = new QWidget(this);
  auto* layout = new QVBoxLayout(actions);
  layout->setContentsMargins(0, 0, 0, 0);
  layout->addWidget(new QLabel(tr("<b>Start</b>"), actions));
  QPushButton* project =
      actionButton(tr("Open a &project…"), tr("A folder with glowscope-project.json"),
                   "startOpenProject", actions);
  QPushButton* results =
      actionButton(tr("Open a &results folder…"),
                   tr("What glowscope-cli evaluate or demo wrote (summary.json inside)"),
                   "startOpenResults", actions);
  QPushButton* train =
      actionButton(tr("&Train a model…"), tr("The training wizard: data, model, schedule"),
                   "startTrain", actions);
  QPushButton* datasets =
      actionButton(tr("&Browse data sets"), tr("The data sets on this machine and their images"),
                   "startDatasets", actions);
  QPushButton* docs = actionButton(tr("Read the &documentation"),
                                   tr("The documentation folder, in the file manager"),
                                   "startDocumentation", actions);
  connect(project, &QPushButton::clicked, this, &WelcomePage::openProjectRequested);
  connect(results, &QPushButton::clicked, this, &WelcomePage::openResultsRequested);
  connect(train, &QPushButton::clicked, this, &WelcomePage::trainRequested);
  connect(datasets, &QPushButton::clicked, this, &WelcomePage::datasetsRequested);
  connect(docs, &QPushButton::clicked, this, &WelcomePage::documentationRequested);
  for (QPushButton* button : {project, results, train, datasets, docs}) layout->addWidget(button);
  layout->addStretch(1);
  return actions;
}

void WelcomePage::setRecentProjects(const QStringList& folders) {
  recent_->clear();
  for (const QString& folder : folders) {
    auto* item = new QListWidgetItem(QDir::toNativeSeparators(folder), recent_);
    item->setData(Qt::UserRole, folder);
    item->setToolTip(folder);
  }
  if (folders.isEmpty()) {
    auto* hint =
        new QListWidgetItem(tr("No project opened yet: File > New Project makes one."), recent_);
    hint->setFlags(Qt::NoItemFlags);
  }
}

QStringList WelcomePage::recentProjects() const {
  QStringList folders;
  for (int row = 0; row < recent_->count(); ++row)
    if (recent_->item(row)->flags() & Qt::ItemIsEnabled)
      folders << recent_->item(row)->data(Qt::UserRole).toString();
  return folders;
}

}  // namespace glowscope
