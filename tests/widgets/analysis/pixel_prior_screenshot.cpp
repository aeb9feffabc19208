// Not a test: a screenshot of the pixel-difference prior view on a results folder (for the docs).
//   QT_QPA_PLATFORM=offscreen pixel_prior_screenshot <results folder> <out.png> [images per set]
// Loads models/conv-seed0/model.glow; sets fashion-mnist:test, mnist:test, photo-crops-gray:test
// (1000 images each), the prior fitted on photo-crops-gray:test.
#include <QApplication>
#include <QDir>
#include <cstdio>
#include <cstdlib>
#include <functional>

#include "screenshot_support.h"
#include "widgets/analysis/model_picker.h"
#include "widgets/analysis/pixel_prior_view.h"

using glowscope::screenshots::waitUntil;

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s <results folder> <out.png> [images per set]\n", argv[0]);
    return 2;
  }
  const QDir folder(QString::fromLocal8Bit(argv[1]));
  glowscope::PixelPriorView view;
  view.setModels({{"conv-seed0", folder.filePath("models/conv-seed0/model.glow")}});
  glowscope::PixelPriorSettings settings;
  settings.sets = {"fashion-mnist:test", "mnist:test", "photo-crops-gray:test"};
  settings.priorSet = "photo-crops-gray:test";
  settings.imagesPerSet = argc > 3 ? std::atoi(argv[3]) : 1000;
  view.setSettings(settings);
  view.setLogDensityAxis(true);
  view.resize(1200, 800);
  view.show();
  if (!waitUntil([&] { return view.modelPicker()->model() != nullptr; }, 120000)) {
    std::fprintf(stderr, "the model did not load\n");
    return 1;
  }
  view.run();
  if (!waitUntil([&] { return !view.isRunning(); }, 600000)) return 1;
  std::printf("%s\n", qPrintable(view.status()));
  return view.grab().save(QString::fromLocal8Bit(argv[2])) ? 0 : 1;
}
