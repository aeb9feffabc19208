// The results table: best cell bold in each format, LaTeX escaping, CSV that parses back.
#include <QtTest>
#include <algorithm>
#include <cstdlib>
#include <sstream>
#include <string>
#include <vector>

#include "core/metrics/ood_metrics.h"
#include "core/metrics/results_table.h"

namespace glowscope {
namespace {

bool contains(const std::string& text, const std::string& part) {
  return text.find(part) != std::string::npos;
}

/// Minimal RFC 4180 reader for the test: quoted fields, doubled quotes, '#' comment lines.
std::vector<std::vector<std::string>> parseCsv(const std::string& csv) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream lines(csv);
  std::string line;
  while (std::getline(lines, line)) {
    if (line.empty() || line[0] == '#') continue;
    std::vector<std::string> fields(1);
    bool quoted = false;
    for (std::size_t i = 0; i < line.size(); ++i) {
      const char ch = line[i];
      if (quoted && ch == '"' && i + 1 < line.size() && line[i + 1] == '"') {
        fields.back() += '"';
        ++i;
      } else if (ch == '"') {
        quoted = !quoted;
      } else if (ch == ',' && !quoted) {
        fields.emplace_back();
      } else {
        fields.back() += ch;
      }
    }
    rows.push_back(fields);
  }
  return rows;
}

/// AUROCs of two scores on two OOD sets; Diff wins on SVHN, Raw on "tiny_imagenet & co".
ResultsTable aurocTable() {
  ResultsTable table;
  table.setCaption("Tab. 1, CIFAR10 in-distribution.");
  table.setConvention(ScoreConvention::paper());
  table.set("SVHN", "Raw", {0.087});
  table.set("SVHN", "Diff", {0.939});
  table.set("tiny_imagenet & co", "Raw", {0.551});
  table.set("tiny_imagenet & co", "Diff", {0.5});
  return table;
}

}  // namespace

class TstResultsTable : public QObject {
  Q_OBJECT

 private Q_SLOTS:
  void bestCellIsBoldInMarkdown() {
    const std::string md = aurocTable().toMarkdown();
    QVERIFY2(contains(md, "| SVHN | 8.7 | **93.9** |"), md.c_str());
    QVERIFY2(contains(md, "| tiny\\_imagenet & co | **55.1** | 50.0 |"), md.c_str());
    QVERIFY(contains(md, "in-distribution = positive; higher score = more in-distribution"));
  }

  void bestCellIsBoldInLatex() {
    const std::string tex = aurocTable().toLatex("tab:auroc");
    QVERIFY2(contains(tex, "SVHN & 8.7 & \\textbf{93.9} \\\\"), tex.c_str());
    QVERIFY2(contains(tex, "tiny\\_imagenet \\& co & \\textbf{55.1} & 50.0 \\\\"), tex.c_str());
    QVERIFY(contains(tex, "\\toprule") && contains(tex, "\\midrule") &&
            contains(tex, "\\bottomrule"));
    QVERIFY(contains(tex, "\\begin{tabular}{lrr}"));
    QVERIFY(contains(tex, "AUROC (\\%)"));
    QVERIFY(contains(tex, "\\label{tab:auroc}"));
  }

  void lowerIsBetterPicksTheMinimum() {
    ResultsTable table({"FPR at 95% TPR", false, true, 1});
    table.set("MNIST", "Raw", {0.80});
    table.set("MNIST", "Diff", {0.12});
    QCOMPARE(table.bestColumns(0), (std::vector<std::size_t>{1}));
    QVERIFY(contains(table.toMarkdown(), "| MNIST | 80.0 | **12.0** |"));
    QVERIFY(contains(table.toLatex(), "FPR at 95\\% TPR"));
  }

  void cellsThatPrintAlikeAreBothBest() {
    ResultsTable table;
    table.set("LSUN", "A", {0.9391});
    table.set("LSUN", "B", {0.9389});
    table.set("LSUN", "C", {0.90});
    QCOMPARE(table.bestColumns(0), (std::vector<std::size_t>{0, 1}));
  }

  // Held-out images of the general distribution are shown for reference, never as a contest.
  void notedRowIsLabelledAndNeverBold() {
    ResultsTable table = aurocTable();
    table.set("general held out", "Raw", {1.0});
    table.set("general held out", "Diff", {0.2});
    table.setRowNote("general held out", "general (held out), not OOD");
    QVERIFY(table.rowRanked(0));
    QVERIFY(!table.rowRanked(2));
    QVERIFY(table.bestColumns(2).empty());
    QCOMPARE(table.bestColumns(0), (std::vector<std::size_t>{1}));
    const std::string md = table.toMarkdown();
    QVERIFY2(contains(md, "| general held out \u2014 general (held out), not OOD | 100.0 | 20.0 |"),
             md.c_str());
    QVERIFY(!contains(md, "**100.0**"));
    QVERIFY(!contains(table.toLatex(), "\\textbf{100.0}"));
    const auto rows = parseCsv(table.toCsv());
    QCOMPARE(rows[3].front(), std::string("general held out"));
    QCOMPARE(rows[3].back(), std::string());  // no best column
    QVERIFY(contains(table.toCsv(), "# not ranked: general held out"));
  }

  void seedsGiveMeanAndSd() {
    ResultsTable table;
    table.set("CIFAR100", "Diff", TableCell::fromSeeds(std::vector<double>{0.90, 0.92, 0.94}));
    table.set("CIFAR100", "Raw", TableCell::fromSeeds(std::vector<double>{0.52}));
    const std::string md = table.toMarkdown();
    QVERIFY2(contains(md, "| CIFAR100 | **92.0 ± 2.0** | 52.0 |"), md.c_str());
    QVERIFY(contains(table.toLatex(), "\\textbf{92.0 $\\pm$ 2.0}"));
    QCOMPARE(table.formatValue(-0.0001), std::string("0.0"));
  }

  void latexNamesItsPackagesAndHasALabel() {
    const std::string tex = aurocTable().toLatex();
    QVERIFY2(contains(tex, "% Needs \\usepackage{booktabs}"), tex.c_str());
    QVERIFY(contains(tex, "\\label{tab:auroc}"));  // a default label from the metric
    LatexOptions plain;
    plain.booktabs = false;
    plain.label = "tab:x";
    const std::string hline = aurocTable().toLatex(plain);
    QVERIFY(!contains(hline, "booktabs") && !contains(hline, "\\toprule"));
    QVERIFY(contains(hline, "\\hline") && contains(hline, "no packages needed"));
    QVERIFY(contains(hline, "\\label{tab:x}"));
  }

  // A table of an experiment keeps what its caption is made of as data (for a translated view)
  // and writes the English sentence into every file.
  void subjectComposesTheCaptionAndStaysReadable() {
    ResultsTable table;
    table.setSubject({"demo", "cifar10:test", {0, 1, 2}});
    table.setConvention(ScoreConvention::paper());
    table.set("svhn", "Raw", {0.1});
    table.setRowNote("noise", "not OOD");
    QCOMPARE(table.caption(),
             std::string("AUROC (%) of demo, cifar10:test as in-distribution, seeds 0, 1, 2"));
    QCOMPARE(table.subject()->inDistribution, std::string("cifar10:test"));
    QCOMPARE(table.subject()->seeds, (std::vector<std::uint64_t>{0, 1, 2}));
    QVERIFY(table.convention() == ScoreConvention::paper());
    QCOMPARE(table.rowNote(0), std::string());
    QCOMPARE(table.rowNote(1), std::string("not OOD"));
    const std::string csv = table.toCsv();
    QVERIFY2(contains(csv,
                      "# AUROC (%) of demo, cifar10:test as in-distribution, seeds 0, 1, 2\n"
                      "# convention: in-distribution = positive; higher score = more "
                      "in-distribution\n# not ranked: noise \u2014 not OOD\n"),
             csv.c_str());
    // Free text wins over the subject.
    table.setCaption("Tab. 1");
    QCOMPARE(table.caption(), std::string("Tab. 1"));
    QCOMPARE(table.shownValue(0.25), 25.0);
  }

  void captionNamesTheMetricOnce() {
    ResultsTable table;
    table.setCaption("AUROC (%) of default, fashion-mnist:test as in-distribution, seeds 0");
    table.set("MNIST", "Raw", {0.2});
    const std::string tex = table.toLatex();
    const std::size_t first = tex.find("AUROC");
    QVERIFY(first != std::string::npos);
    QVERIFY2(tex.find("AUROC", first + 1) == std::string::npos, tex.c_str());
    QVERIFY2(contains(tex, "seeds 0. Higher is better"), tex.c_str());
    QVERIFY(table.toMarkdown().find("AUROC", table.toMarkdown().find("AUROC") + 1) ==
            std::string::npos);
  }

  void scoreNamesAreMathWhereTheyAreMath() {
    QCOMPARE(latexScoreName("4x4 (c_3)"), std::string("4$\\times$4 ($c_{3}$)"));
    QCOMPARE(latexScoreName("c_1 + c_2"), std::string("$c_{1}$ + $c_{2}$"));
    QCOMPARE(latexScoreName("Diff\u2020 (c_L)"), std::string("Diff$^\\dagger$ ($c_{L}$)"));
    QCOMPARE(latexScoreName("OE_raw & co"), std::string("OE\\_raw \\& co"));
    QCOMPARE(latexScoreName("a \u2014 b"), std::string("a --- b"));
  }

  // Ten scores never fit a column: transposed when the sets fit across, split otherwise.
  void tenColumnsAreTransposedOrSplit() {
    ResultsTable table;
    for (int c = 0; c < 10; ++c)
      for (const char* set : {"MNIST", "photo crops"})
        table.set(set, "score " + std::to_string(c), {0.5 + 0.01 * c + (set[0] == 'M' ? 0 : 0.2)});
    const std::string transposed = table.toLatex();
    QVERIFY2(contains(transposed, "\\begin{tabular}{lrr}"), transposed.c_str());
    QVERIFY(contains(transposed, " & MNIST & photo crops \\\\"));
    // The best of each set stays bold: score 9 wins both rows of the wide table.
    QVERIFY2(contains(transposed, "score 9 & \\textbf{59.0} & \\textbf{79.0} \\\\"),
             transposed.c_str());
    QVERIFY(contains(transposed, "Rows: scores"));
    LatexOptions split;
    split.layout = LatexOptions::Layout::Split;
    split.maxColumns = 4;
    const std::string blocks = table.toLatex(split);
    std::size_t tabulars = 0;
    for (std::size_t at = blocks.find("\\begin{tabular}"); at != std::string::npos;
         at = blocks.find("\\begin{tabular}", at + 1))
      ++tabulars;
    QCOMPARE(tabulars, std::size_t{3});  // 4 + 4 + 2 columns
    QVERIFY(contains(blocks, "\\begin{tabular}{lrrrr}") && contains(blocks, "\\begin{tabular}{lrr}"));
    QVERIFY(contains(blocks, "OOD set & score 8 & score 9 \\\\"));
    // Too many sets to transpose either: Auto splits.
    for (int r = 0; r < 8; ++r) table.set("set " + std::to_string(r), "score 0", {0.5});
    QVERIFY(contains(table.toLatex(), "\\par\\medskip"));
  }

  void latexEscapesSpecials() {
    QCOMPARE(escapeLatex("a_b&c%d$e#f{g}"), std::string("a\\_b\\&c\\%d\\$e\\#f\\{g\\}"));
    QCOMPARE(escapeLatex("~^\\"),
             std::string("\\textasciitilde{}\\textasciicircum{}\\textbackslash{}"));
    QCOMPARE(escapeMarkdown("a|b*c"), std::string("a\\|b\\*c"));
  }

  void csvParsesBack() {
    ResultsTable table = aurocTable();
    table.set("CelebA, \"aligned\"", "Diff", TableCell::fromSeeds(std::vector<double>{0.7, 0.8}));
    const std::vector<std::vector<std::string>> rows = parseCsv(table.toCsv());
    QCOMPARE(rows.size(), std::size_t{4});
    QCOMPARE(rows[0],
             (std::vector<std::string>{"OOD set", "Raw", "Raw_sd", "Diff", "Diff_sd", "best"}));
    QCOMPARE(rows[1][0], std::string("SVHN"));
    QCOMPARE(std::strtod(rows[1][1].c_str(), nullptr), 0.087);
    QCOMPARE(std::strtod(rows[1][3].c_str(), nullptr), 0.939);
    QCOMPARE(rows[1][5], std::string("Diff"));
    QCOMPARE(rows[2][0], std::string("tiny_imagenet & co"));
    QCOMPARE(rows[2][5], std::string("Raw"));
    QCOMPARE(rows[3][0], std::string("CelebA, \"aligned\""));
    QCOMPARE(rows[3][1], std::string());  // no Raw value for CelebA
    const TableCell celeba = *table.cell(2, 1);
    QCOMPARE(std::strtod(rows[3][3].c_str(), nullptr), celeba.value);
    QCOMPARE(std::strtod(rows[3][4].c_str(), nullptr), *celeba.sd);
    QVERIFY(table.toCsv().rfind("# Tab. 1", 0) == 0);
    QVERIFY(!contains(table.toCsv(false), "#"));
  }
};

}  // namespace glowscope

QTEST_APPLESS_MAIN(glowscope::TstResultsTable)
#include "tst_results_table.moc"
