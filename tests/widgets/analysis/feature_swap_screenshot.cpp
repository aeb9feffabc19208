// Not a test: saves a screenshot of the z_L swapping view on a results folder (for the docs).
//   QT_QPA_PLATFORM=offscreen feature_swap_screenshot <results folder> <out.png> [optimise]
// Model models/conv-seed0/model.glow, a = fashion-mnist:test #0, b = mnist:test #0; with
// "optimise" the fixed-z_L optimisation tab after 100 steps, showing the snapshot a third of the
// way. Also writes the tab's exports beside out.png: <out>-images.png (+ .csv) and, with
// "optimise", <out>-trace.png (+ .csv).
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QSlider>
#include <QSpinBox>
#include <QTabWidget>
#include <cstdio>
#include <cstdlib>
#include <functional>

#include "screenshot_support.h"
#include "widgets/analysis/feature_swap_view.h"
#include "widgets/analysis/image_picker.h"
#include "widgets/analysis/latent_optimisation_view.h"

using glowscope::screenshots::waitUntil;

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s <results folder> <out.png> [optimise]\n", argv[0]);
    return 2;
  }
  const QString model =
      QDir(QString::fromLocal8Bit(argv[1])).filePath("models/conv-seed0/model.glow");
  const bool optimise = argc > 3 && QString::fromLocal8Bit(argv[3]) == "optimise";
  glowscope::FeatureSwapView view;
  view.resize(1200, 800);
  view.pickerA()->setCurrent("fashion-mnist:test", 0);
  view.pickerB()->setCurrent("mnist:test", 0);
  view.setModels({{"conv-seed0", model}});
  view.show();
  if (!waitUntil([&] { return !view.isBusy() && view.swapResult().has_value(); }, 300000)) {
    std::fprintf(stderr, "the swap did not finish (model %s)\n", qPrintable(model));
    return 1;
  }
  if (optimise) {
    glowscope::LatentOptimisationView* optimisation = view.optimisationView();
    view.tabs()->setCurrentWidget(optimisation);
    optimisation->stepsBox()->setValue(100);
    optimisation->start();
    if (!waitUntil([&] { return !optimisation->isRunning(); }, 600000)) return 1;
    // The last frames of this model go almost black; a third of the way shows the drift better.
    optimisation->showSnapshot(optimisation->slider()->maximum() / 3);
  }
  app.processEvents();
  const QString out = QString::fromLocal8Bit(argv[2]);
  const QString stem = out.left(out.size() - QFileInfo(out).suffix().size() - 1);
  try {
    if (optimise) {
      view.optimisationView()->exportSnapshotStrip(stem + "-images.png");
      view.optimisationView()->exportTracePlot(stem + "-trace.png", glowscope::FigureOptions{});
    } else {
      view.exportSwapImages(stem + "-images.png");
    }
  } catch (const std::exception& error) {
    std::fprintf(stderr, "export failed: %s\n", error.what());
    return 1;
  }
  return view.grab().save(out) ? 0 : 1;
}
