#pragma once
// A paper-style results table (rows = OOD sets, columns = scores) with the best cell of each row
// in bold, a metric toggle (AUROC / AUPR-in / AUPR-out / FPR@95) and copy/save as LaTeX,
// Markdown or CSV.
#include <QString>
#include <QWidget>
#include <vector>

#include "core/experiments/results_folder.h"
#include "core/metrics/results_table.h"

class QActionGroup;
class QComboBox;
class QLabel;
class QTableWidget;
class QToolButton;

namespace glowscope {

/// One metric's table under the name shown in the toggle, e.g. "AUROC".
struct NamedResultsTable {
  QString name;
  ResultsTable table;
};

/// The four metric tables of a results summary (AUROC, AUPR-in, AUPR-out, FPR@95), named as
/// core's tableMetrics().
std::vector<NamedResultsTable> metricTables(const ResultsSummary& summary);

enum class TableTextFormat { Csv, Markdown, Latex };

class ResultsTableView : public QWidget {
  Q_OBJECT
 public:
  explicit ResultsTableView(QWidget* parent = nullptr);

  /// Replaces the tables; shows the first one (or the one with the previous name).
  void setTables(std::vector<NamedResultsTable> tables);
  void setCurrentTable(int index);
  int currentTableIndex() const;
  /// Null when there are no tables.
  const ResultsTable* currentTable() const;

  /// The current table as text (ResultsTable::toCsv / toMarkdown / toLatex).
  QString tableText(TableTextFormat format) const;
  void copyToClipboard(TableTextFormat format) const;
  /// Throws FileError when the file cannot be written, Error (and writes nothing) when there is
  /// no table.
  void saveTo(const QString& path, TableTextFormat format) const;

  /// How Copy LaTeX and Save as .tex lay the table out (core's LatexOptions: booktabs or plain
  /// \hline rules; automatic, wide, transposed or split layout), chosen in Copy LaTeX's menu.
  void setLatexOptions(const LatexOptions& options);
  LatexOptions latexOptions() const { return latexOptions_; }
  /// "Copy LaTeX": a click copies; its menu holds the rules and layout switches.
  QToolButton* latexButton() const { return latexButton_; }

  QTableWidget* tableWidget() const { return table_; }
  QComboBox* metricBox() const { return metricBox_; }
  QLabel* headerLabel() const { return header_; }

 private:
  void showCurrent();
  void saveWithDialog();
  QToolButton* buildLatexButton();

  std::vector<NamedResultsTable> tables_;
  LatexOptions latexOptions_;
  QToolButton* latexButton_ = nullptr;
  QAction* plainRulesAction_ = nullptr;
  QActionGroup* layoutGroup_ = nullptr;
  QComboBox* metricBox_;
  QLabel* header_;
  QTableWidget* table_;
};

}  // namespace glowscope
