// The results table view: best cell per row in bold, mean ± sd, metric toggle, copy as text.
#include <QApplication>
#include <QClipboard>
#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QToolButton>
#include <QTranslator>
#include <QtTest>

#include "core/util/errors.h"
#include "widgets/views/results_table_view.h"

using namespace glowscope;

namespace {

/// Marks every text the view translates: "⟦source⟧", so a test sees which words went through
/// tr() and which did not.
class MarkingTranslator : public QTranslator {
 public:
  QString translate(const char* context, const char* source, const char* = nullptr,
                    int = -1) const override {
    if (QLatin1String(context) != QLatin1String("glowscope::ResultsTableView")) return {};
    return QStringLiteral("⟦%1⟧").arg(QString::fromUtf8(source));
  }
  bool isEmpty() const override { return false; }
};

/// An experiment's AUROC table as core's metricTable builds it: subject, convention, a noted row.
ResultsTable experimentTable() {
  ResultsTable table({"AUROC", true, true, 1});
  table.setSubject({"fmnist-demo", "fashion-mnist:test", {0, 1, 2}});
  table.setConvention(ScoreConvention::paper());
  table.set("mnist:test", "Raw", TableCell(0.1384, 0.0212));
  table.set("general:test", "Raw", TableCell(0.5));
  table.setRowNote("general:test", "general (held out), not OOD");
  return table;
}

}  // namespace

class TestResultsTableView : public QObject {
  Q_OBJECT

 private:
  static ResultsTable aurocTable() {
    ResultsTable table({"AUROC", true, true, 1});
    table.setCaption("AUROC (%) of test");
    table.setConvention(ScoreConvention::paper());
    table.set("mnist:test", "Raw", TableCell(0.60, 0.02));
    table.set("mnist:test", "Diff", TableCell(0.93, 0.01));
    table.set("noise", "Raw", TableCell(0.99, 0.001));
    table.set("noise", "Diff", TableCell(0.40, 0.05));
    return table;
  }
  static ResultsTable fprTable() {
    ResultsTable table({"FPR at 95% TPR", false, true, 1});
    table.set("mnist:test", "Raw", TableCell(0.70));
    table.set("mnist:test", "Diff", TableCell(0.20));
    table.set("noise", "Raw", TableCell(0.05));
    table.set("noise", "Diff", TableCell(0.90));
    return table;
  }
  static bool bold(const QTableWidget* table, int row, int column) {
    return table->item(row, column)->font().bold();
  }

 private Q_SLOTS:
  void bestCellOfEachRowIsBold() {
    ResultsTableView view;
    view.setTables({{"AUROC", aurocTable()}});
    const QTableWidget* table = view.tableWidget();
    QCOMPARE(table->rowCount(), 2);
    QCOMPARE(table->columnCount(), 2);
    QCOMPARE(table->horizontalHeaderItem(1)->text(), QString("Diff"));
    QVERIFY(!bold(table, 0, 0));
    QVERIFY(bold(table, 0, 1));
    QVERIFY(bold(table, 1, 0));
    QVERIFY(!bold(table, 1, 1));
    QCOMPARE(table->item(0, 1)->text(), QString("93.0 ± 1.0"));
  }

  void headerStatesTheConvention() {
    ResultsTableView view;
    view.setTables({{"AUROC", aurocTable()}});
    const QString header = view.headerLabel()->text();
    QVERIFY2(header.contains("higher score = more in-distribution"), qPrintable(header));
    QVERIFY(header.contains("mean ± sd"));
  }

  // The header is composed from the table's data, every word through tr(): nothing of core's
  // English caption sentence is left, the experiment's names and notes are shown as data.
  void headerIsComposedFromTheTablesDataAndTranslated() {
    MarkingTranslator translator;
    QCoreApplication::installTranslator(&translator);
    ResultsTableView view;
    view.setTables({{"AUROC", experimentTable()}});
    const QStringList lines = view.headerLabel()->text().split('\n');
    QCoreApplication::removeTranslator(&translator);
    QCOMPARE(lines.size(), 4);
    QCOMPARE(lines[0], QString("⟦AUROC (%) of fmnist-demo, fashion-mnist:test as in-distribution, "
                               "seeds 0, 1, 2⟧"));
    QCOMPARE(lines[1], QString("⟦Convention: ⟦in-distribution = positive⟧; ⟦higher score = more "
                               "in-distribution⟧⟧"));
    QCOMPARE(lines[2], QString("⟦Not ranked: general:test — general (held out), not OOD⟧"));
    QCOMPARE(lines[3], QString("⟦AUROC (%), higher is better; best of each row in bold; mean ± sd "
                               "over seeds⟧"));
    // Untranslated, the same lines carry the data.
    view.setTables({{"AUROC", experimentTable()}});
    const QString english = view.headerLabel()->text();
    QVERIFY2(english.startsWith("AUROC (%) of fmnist-demo, fashion-mnist:test as "
                                "in-distribution, seeds 0, 1, 2\nConvention: in-distribution = "
                                "positive; higher score = more in-distribution\nNot ranked: "
                                "general:test — general (held out), not OOD\n"),
             qPrintable(english));
  }

  // Cell values follow the interface's locale (decimal comma in German); the saved and copied
  // text stays core's English file format.
  void cellsFollowTheLocale() {
    QLocale::setDefault(QLocale(QLocale::German, QLocale::Germany));
    ResultsTableView view;
    view.setTables({{"AUROC", experimentTable()}});
    const QString cell = view.tableWidget()->item(0, 0)->text();
    const QString csv = view.tableText(TableTextFormat::Markdown);
    QLocale::setDefault(QLocale::c());
    QCOMPARE(cell, QString("13,8 ± 2,1"));
    QVERIFY2(csv.contains("13.8 ± 2.1"), qPrintable(csv));
  }

  void toggleShowsOtherMetricWithItsDirection() {
    ResultsTableView view;
    view.setTables({{"AUROC", aurocTable()}, {"FPR@95", fprTable()}});
    QCOMPARE(view.metricBox()->count(), 2);
    view.setCurrentTable(1);
    QCOMPARE(view.currentTable()->metric().name, std::string("FPR at 95% TPR"));
    const QTableWidget* table = view.tableWidget();
    // Lower is better: the smaller FPR is bold.
    QVERIFY(bold(table, 0, 1));
    QVERIFY(bold(table, 1, 0));
    QVERIFY(!bold(table, 0, 0));
    QCOMPARE(table->item(0, 0)->text(), QString("70.0"));
    QVERIFY(view.headerLabel()->text().contains("lower is better"));
  }

  void copyGivesTheTableText() {
    ResultsTableView view;
    const ResultsTable table = aurocTable();
    view.setTables({{"AUROC", table}});
    view.copyToClipboard(TableTextFormat::Markdown);
    QCOMPARE(QApplication::clipboard()->text(), QString::fromStdString(table.toMarkdown()));
    view.copyToClipboard(TableTextFormat::Latex);
    QCOMPARE(QApplication::clipboard()->text(), QString::fromStdString(table.toLatex()));
    view.copyToClipboard(TableTextFormat::Csv);
    QCOMPARE(QApplication::clipboard()->text(), QString::fromStdString(table.toCsv()));
  }

  void latexMenuSwitchesRulesAndLayoutOfTheCopiedText() {
    ResultsTableView view;
    const ResultsTable table = aurocTable();
    view.setTables({{"AUROC", table}});
    QToolButton* button = view.latexButton();
    button->click();
    const QString booktabs = QApplication::clipboard()->text();
    QCOMPARE(booktabs, QString::fromStdString(table.toLatex()));
    QVERIFY(booktabs.contains("\\toprule"));
    // The menu as the user opens it: the plain-rules switch, then the transposed layout.
    QMenu* menu = button->menu();
    QAction* plain = menu->findChild<QAction*>("latexPlainRules");
    QVERIFY(plain);
    plain->trigger();
    button->click();
    const QString plainText = QApplication::clipboard()->text();
    QVERIFY2(plainText.contains("\\hline") && !plainText.contains("\\toprule"),
             qPrintable(plainText));
    LatexOptions expected;
    expected.booktabs = false;
    QCOMPARE(plainText, QString::fromStdString(table.toLatex(expected)));
    QAction* transposed = nullptr;
    for (QAction* action : menu->actions())
      if (action->text().startsWith("Transposed")) transposed = action;
    QVERIFY(transposed);
    transposed->trigger();
    QCOMPARE(view.latexOptions().layout, LatexOptions::Layout::Transposed);
    button->click();
    expected.layout = LatexOptions::Layout::Transposed;
    QCOMPARE(QApplication::clipboard()->text(), QString::fromStdString(table.toLatex(expected)));
    QVERIFY(QApplication::clipboard()->text() != plainText);
    // Saving as .tex writes the same choice.
    QTemporaryDir dir;
    view.saveTo(dir.filePath("t.tex"), TableTextFormat::Latex);
    QFile file(dir.filePath("t.tex"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), QString::fromStdString(table.toLatex(expected)));
  }

  void saveWritesTheTableText() {
    QTemporaryDir dir;
    ResultsTableView view;
    view.setTables({{"AUROC", aurocTable()}});
    view.saveTo(dir.filePath("t.md"), TableTextFormat::Markdown);
    QFile file(dir.filePath("t.md"));
    QVERIFY(file.open(QIODevice::ReadOnly));
    QCOMPARE(QString::fromUtf8(file.readAll()), QString::fromStdString(aurocTable().toMarkdown()));
  }

  void emptyViewHasNoTable() {
    ResultsTableView view;
    view.setTables({});
    QVERIFY(view.currentTable() == nullptr);
    QCOMPARE(view.tableWidget()->rowCount(), 0);
    QVERIFY(view.tableText(TableTextFormat::Csv).isEmpty());
    // Saving it writes no (0-byte) file.
    QTemporaryDir dir;
    QVERIFY_THROWS_EXCEPTION(Error, view.saveTo(dir.filePath("t.tex"), TableTextFormat::Latex));
    QVERIFY(!QFile::exists(dir.filePath("t.tex")));
  }
};

QTEST_MAIN(TestResultsTableView)
#include "tst_results_table_view.moc"
