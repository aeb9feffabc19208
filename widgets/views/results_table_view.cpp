#include "widgets/views/results_table_view.h"

#include <QActionGroup>
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QFileDialog>
#include <QFileInfo>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QMenu>
#include <QMessageBox>
#include <QPushButton>
#include <QSaveFile>
#include <QTableWidget>
#include <QToolButton>
#include <QVBoxLayout>
#include <algorithm>

#include "core/util/errors.h"

namespace glowscope {
namespace {

/// A value as the table shows it, in the interface's locale ("93,9" in German).
QString shownNumber(const ResultsTable& table, double value) {
  const QString text = QLocale().toString(table.shownValue(value), 'f', table.metric().decimals);
  // "-0.0" would read as a real negative number.
  return QLocale().toDouble(text) == 0 ? QLocale().toString(0.0, 'f', table.metric().decimals)
                                       : text;
}

/// What ResultsTable::formatCell prints, in the interface's locale.
QString cellText(const ResultsTable& table, const TableCell& cell) {
  QString text = shownNumber(table, cell.value);
  if (cell.sd) text += QStringLiteral(" ± ") + shownNumber(table, *cell.sd);
  if (!cell.note.empty()) text += " (" + QString::fromStdString(cell.note) + ')';
  return text;
}

QTableWidgetItem* cellItem(const ResultsTable& table, std::size_t row, std::size_t column,
                           const std::vector<std::size_t>& best) {
  const std::optional<TableCell> cell = table.cell(row, column);
  auto* item = new QTableWidgetItem;
  item->setTextAlignment(Qt::AlignRight | Qt::AlignVCenter);
  item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable);
  if (!cell) return item;
  item->setText(cellText(table, *cell));
  if (std::find(best.begin(), best.end(), column) != best.end()) {
    QFont font = item->font();
    font.setBold(true);
    item->setFont(font);
  }
  return item;
}

/// The caption line, translated: composed from the table's subject (core's files carry the
/// English sentence), or the table's own free-text caption.
QString captionLine(const ResultsTable& table) {
  if (!table.subject()) return QString::fromStdString(table.caption());
  const TableSubject& subject = *table.subject();
  QStringList seeds;  // identifiers, not quantities: no digit grouping
  for (const std::uint64_t seed : subject.seeds) seeds << QString::number(seed);
  const MetricDescription& metric = table.metric();
  const QString name = QString::fromStdString(metric.name) + (metric.asPercent ? " (%)" : "");
  return ResultsTableView::tr("%1 of %2, %3 as in-distribution, seeds %4")
      .arg(name, QString::fromStdString(subject.experiment),
           QString::fromStdString(subject.inDistribution), seeds.join(QStringLiteral(", ")));
}

QString conventionLine(const ScoreConvention& convention) {
  const QString positive = convention.positive == PositiveClass::kInDistribution
                               ? ResultsTableView::tr("in-distribution = positive")
                               : ResultsTableView::tr("out-of-distribution = positive");
  const QString higher = convention.higherScore == HigherScoreMeans::kInDistribution
                             ? ResultsTableView::tr("higher score = more in-distribution")
                             : ResultsTableView::tr("higher score = more out-of-distribution");
  return ResultsTableView::tr("Convention: %1; %2").arg(positive, higher);
}

QString headerText(const ResultsTable& table) {
  QStringList lines;
  if (const QString caption = captionLine(table); !caption.isEmpty()) lines << caption;
  if (table.convention()) lines << conventionLine(*table.convention());
  for (std::size_t r = 0; r < table.rows().size(); ++r)
    if (!table.rowRanked(r))
      // The note is the experiment's own text (its spec), shown as written.
      lines << ResultsTableView::tr("Not ranked: %1 — %2")
                   .arg(QString::fromStdString(table.rows()[r]),
                        QString::fromStdString(table.rowNote(r)));
  const MetricDescription& metric = table.metric();
  const QString name = QString::fromStdString(metric.name) + (metric.asPercent ? " (%)" : "");
  // Whole sentences, one tr() each, so a translation can order its words freely.
  const bool sd = table.anySd();
  lines << (metric.higherIsBetter
                ? (sd ? ResultsTableView::tr(
                            "%1, higher is better; best of each row in bold; mean ± sd over seeds")
                      : ResultsTableView::tr("%1, higher is better; best of each row in bold"))
                : (sd ? ResultsTableView::tr(
                            "%1, lower is better; best of each row in bold; mean ± sd over seeds")
                      : ResultsTableView::tr("%1, lower is better; best of each row in bold")))
               .arg(name);
  return lines.join('\n');
}

}  // namespace

std::vector<NamedResultsTable> metricTables(const ResultsSummary& summary) {
  std::vector<NamedResultsTable> tables;
  for (const TableMetricInfo& info : tableMetrics())
    tables.push_back({QString::fromLatin1(info.shortName), metricTable(summary, info.metric)});
  return tables;
}

ResultsTableView::ResultsTableView(QWidget* parent)
    : QWidget(parent), metricBox_(new QComboBox), header_(new QLabel), table_(new QTableWidget) {
  header_->setWordWrap(true);
  header_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  table_->setEditTriggers(QAbstractItemView::NoEditTriggers);
  table_->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
  auto* bar = new QHBoxLayout;
  bar->addWidget(new QLabel(tr("Metric:")));
  bar->addWidget(metricBox_);
  bar->addStretch();
  bar->addWidget(buildLatexButton());
  const std::pair<QString, TableTextFormat> copies[] = {
      {tr("Copy Markdown"), TableTextFormat::Markdown}, {tr("Copy CSV"), TableTextFormat::Csv}};
  for (const auto& [label, format] : copies) {
    auto* button = new QPushButton(label);
    connect(button, &QPushButton::clicked, this, [this, format] { copyToClipboard(format); });
    bar->addWidget(button);
  }
  auto* save = new QPushButton(tr("Save…"));
  connect(save, &QPushButton::clicked, this, &ResultsTableView::saveWithDialog);
  bar->addWidget(save);
  auto* layout = new QVBoxLayout(this);
  layout->addLayout(bar);
  layout->addWidget(header_);
  layout->addWidget(table_, 1);
  connect(metricBox_, &QComboBox::currentIndexChanged, this, [this] { showCurrent(); });
}

QToolButton* ResultsTableView::buildLatexButton() {
  latexButton_ = new QToolButton;
  latexButton_->setObjectName("copyLatexButton");
  latexButton_->setText(tr("Copy LaTeX"));
  latexButton_->setToolTip(tr("Copy the table as LaTeX; the arrow chooses rules and layout"));
  latexButton_->setPopupMode(QToolButton::MenuButtonPopup);
  latexButton_->setToolButtonStyle(Qt::ToolButtonTextOnly);
  connect(latexButton_, &QToolButton::clicked, this,
          [this] { copyToClipboard(TableTextFormat::Latex); });
  auto* menu = new QMenu(latexButton_);
  plainRulesAction_ = menu->addAction(tr("Plain rules (\\hline, no packages needed)"));
  plainRulesAction_->setObjectName("latexPlainRules");
  plainRulesAction_->setCheckable(true);
  plainRulesAction_->setToolTip(
      tr("Without it the table uses booktabs rules "
         "(\\usepackage{booktabs})"));
  connect(plainRulesAction_, &QAction::toggled, this,
          [this](bool plain) { latexOptions_.booktabs = !plain; });
  menu->addSection(tr("Layout"));
  layoutGroup_ = new QActionGroup(menu);
  using Layout = LatexOptions::Layout;
  const std::pair<QString, Layout> layouts[] = {
      {tr("Automatic (transposed or split when too wide)"), Layout::Auto},
      {tr("Wide (rows: OOD sets)"), Layout::Wide},
      {tr("Transposed (rows: scores)"), Layout::Transposed},
      {tr("Split into blocks of columns"), Layout::Split}};
  for (const auto& [label, layout] : layouts) {
    QAction* action = menu->addAction(label);
    action->setCheckable(true);
    action->setData(static_cast<int>(layout));
    action->setChecked(layout == latexOptions_.layout);
    layoutGroup_->addAction(action);
  }
  connect(layoutGroup_, &QActionGroup::triggered, this, [this](QAction* action) {
    latexOptions_.layout = static_cast<Layout>(action->data().toInt());
  });
  latexButton_->setMenu(menu);
  return latexButton_;
}

void ResultsTableView::setLatexOptions(const LatexOptions& options) {
  latexOptions_ = options;
  const QSignalBlocker blocker(plainRulesAction_);
  plainRulesAction_->setChecked(!options.booktabs);
  for (QAction* action : layoutGroup_->actions())
    action->setChecked(action->data().toInt() == static_cast<int>(options.layout));
}

void ResultsTableView::setTables(std::vector<NamedResultsTable> tables) {
  const QString previous = metricBox_->currentText();
  tables_ = std::move(tables);
  const QSignalBlocker blocker(metricBox_);
  metricBox_->clear();
  for (const NamedResultsTable& table : tables_) metricBox_->addItem(table.name);
  metricBox_->setCurrentIndex(std::max(0, metricBox_->findText(previous)));
  showCurrent();
}

void ResultsTableView::setCurrentTable(int index) { metricBox_->setCurrentIndex(index); }

int ResultsTableView::currentTableIndex() const { return metricBox_->currentIndex(); }

const ResultsTable* ResultsTableView::currentTable() const {
  const int index = metricBox_->currentIndex();
  if (index < 0 || index >= static_cast<int>(tables_.size())) return nullptr;
  return &tables_[static_cast<std::size_t>(index)].table;
}

void ResultsTableView::showCurrent() {
  table_->clear();
  const ResultsTable* table = currentTable();
  if (!table) {
    table_->setRowCount(0);
    table_->setColumnCount(0);
    header_->clear();
    return;
  }
  table_->setRowCount(static_cast<int>(table->rows().size()));
  table_->setColumnCount(static_cast<int>(table->columns().size()));
  for (std::size_t c = 0; c < table->columns().size(); ++c)
    table_->setHorizontalHeaderItem(
        static_cast<int>(c), new QTableWidgetItem(QString::fromStdString(table->columns()[c])));
  for (std::size_t r = 0; r < table->rows().size(); ++r) {
    table_->setVerticalHeaderItem(static_cast<int>(r),
                                  new QTableWidgetItem(QString::fromStdString(table->rowLabel(r))));
    const std::vector<std::size_t> best = table->bestColumns(r);
    for (std::size_t c = 0; c < table->columns().size(); ++c)
      table_->setItem(static_cast<int>(r), static_cast<int>(c), cellItem(*table, r, c, best));
  }
  header_->setText(headerText(*table));
}

QString ResultsTableView::tableText(TableTextFormat format) const {
  const ResultsTable* table = currentTable();
  if (!table) return {};
  switch (format) {
    case TableTextFormat::Csv:
      return QString::fromStdString(table->toCsv());
    case TableTextFormat::Markdown:
      return QString::fromStdString(table->toMarkdown());
    case TableTextFormat::Latex:
      return QString::fromStdString(table->toLatex(latexOptions_));
  }
  return {};
}

void ResultsTableView::copyToClipboard(TableTextFormat format) const {
  QApplication::clipboard()->setText(tableText(format));
}

void ResultsTableView::saveTo(const QString& path, TableTextFormat format) const {
  // An empty view has no text: no empty file that looks like a saved table.
  if (!currentTable() || currentTable()->rows().empty())
    throw Error("there is no table to save (open a results folder first)");
  QSaveFile file(path);
  const bool ok = file.open(QIODevice::WriteOnly | QIODevice::Text) &&
                  file.write(tableText(format).toUtf8()) >= 0 && file.commit();
  if (!ok) throw FileError(path.toStdString(), file.errorString().toStdString());
}

void ResultsTableView::saveWithDialog() {
  if (!currentTable() || currentTable()->rows().empty()) {
    QMessageBox::information(this, tr("Save table"),
                             tr("There is no table to save: open a results folder first."));
    return;
  }
  QString filter;
  const QString path =
      QFileDialog::getSaveFileName(this, tr("Save table"), QString(),
                                   tr("LaTeX (*.tex);;Markdown (*.md);;CSV (*.csv)"), &filter);
  if (path.isEmpty()) return;
  const QString suffix = QFileInfo(path).suffix().toLower();
  const TableTextFormat format = suffix == "csv"  ? TableTextFormat::Csv
                                 : suffix == "md" ? TableTextFormat::Markdown
                                                  : TableTextFormat::Latex;
  try {
    saveTo(path, format);
  } catch (const Error& error) {
    QMessageBox::warning(this, tr("Save table"), QString::fromUtf8(error.what()));
  }
}

}  // namespace glowscope
