// Not a test: screenshots of the result views of a results folder (for the docs), with the images
// behind the scores loaded as the GUI loads them:
//   QT_QPA_PLATFORM=offscreen results_views_screenshots <results folder> <out dir> [score]
// writes table.png, histogram-thumbnails.png (the fullest in-distribution bin clicked), roc.png,
// scatter.png (one point's image shown as on hover), correlations.png and export-dialog.png
// (File > Export All Views…).
#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QTabWidget>
#include <cstdio>

#include "app/gui/results_images.h"
#include "widgets/qcustomplot_include.h"
#include "widgets/views/batch_export_dialog.h"
#include "widgets/views/results_browser.h"
#include "widgets/views/roc_curve_view.h"
#include "widgets/views/score_histogram_view.h"
#include "widgets/views/score_scatter_view.h"

namespace {

using glowscope::ResultsBrowser;

bool save(QWidget* widget, const QDir& out, const QString& name) {
  QApplication::processEvents();
  const QString path = out.filePath(name);
  const bool ok = widget->grab().save(path);
  std::printf("%s %s\n", ok ? "wrote" : "FAILED", qPrintable(path));
  return ok;
}

void attachImages(ResultsBrowser& browser) {
  const QString folder = QString::fromStdString(browser.results()->path.string());
  for (const std::string& name : browser.results()->allSets()) {
    const QString set = QString::fromStdString(name);
    const glowscope::ResultsSetImages loaded = glowscope::loadResultsSetImages(folder, set);
    if (!loaded.images || !browser.setSetImages(set, loaded.images))
      std::fprintf(stderr, "no images for %s: %s\n", qPrintable(set), qPrintable(loaded.error));
  }
}

void clickFullestBin(glowscope::ScoreHistogramView* histogram) {
  const auto& members = histogram->histograms().at(0).members;
  int fullest = 0;
  for (int bin = 0; bin < static_cast<int>(members.size()); ++bin)
    if (members[static_cast<std::size_t>(bin)].size() >
        members[static_cast<std::size_t>(fullest)].size())
      fullest = bin;
  histogram->activateBin(0, fullest);
}

// Shows the image of the last set's median point, as hovering it would.
void hoverAPoint(glowscope::ScoreScatterView* scatter) {
  QCustomPlot* plot = scatter->plot();
  plot->replot();
  QCPGraph* graph = plot->graph(plot->graphCount() - 1);
  if (!graph || graph->dataCount() == 0) return;
  const auto point = graph->data()->at(graph->dataCount() / 2);
  scatter->hoverAt(QPoint(static_cast<int>(plot->xAxis->coordToPixel(point->key)),
                          static_cast<int>(plot->yAxis->coordToPixel(point->value))));
}

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s <results folder> <out dir> [score]\n", argv[0]);
    return 2;
  }
  ResultsBrowser browser;
  QString error;
  if (!browser.openFolder(QString::fromLocal8Bit(argv[1]), &error)) {
    std::fprintf(stderr, "%s\n", qPrintable(error));
    return 1;
  }
  const QDir out(QString::fromLocal8Bit(argv[2]));
  QDir().mkpath(out.path());
  if (argc > 3) browser.scoreBox()->setCurrentText(QString::fromLocal8Bit(argv[3]));
  attachImages(browser);
  browser.resize(1200, 780);
  browser.show();
  bool ok = save(&browser, out, "table.png");
  browser.tabs()->setCurrentIndex(1);
  QApplication::processEvents();
  clickFullestBin(browser.histogramView());
  ok = save(&browser, out, "histogram-thumbnails.png") && ok;
  // The ROC view is narrow beside the histogram; on its own at a readable size.
  const QString rocPath = out.filePath("roc.png");
  const bool rocSaved = browser.rocView()->plot()->toPixmap(760, 560).save(rocPath);
  std::printf("%s %s\n", rocSaved ? "wrote" : "FAILED", qPrintable(rocPath));
  ok = rocSaved && ok;
  browser.tabs()->setCurrentIndex(2);
  QApplication::processEvents();
  hoverAPoint(browser.scatterView());
  ok = save(&browser, out, "scatter.png") && ok;
  browser.tabs()->setCurrentIndex(3);
  ok = save(&browser, out, "correlations.png") && ok;
  glowscope::BatchExportDialog dialog(*browser.results());
  dialog.show();
  ok = save(&dialog, out, "export-dialog.png") && ok;
  return ok ? 0 : 1;
}
