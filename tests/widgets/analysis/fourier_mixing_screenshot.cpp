// Not a test: screenshots of the Fourier mixing view on a results folder (for the docs).
//   QT_QPA_PLATFORM=offscreen fourier_mixing_screenshot <results folder> <out.png> [pairs]
// Loads models/conv-seed0/model.glow, mixes fashion-mnist:test #0 with mnist:test #0 (out.png, the
// "Single pair" tab) and runs the batch on the first `pairs` (200) images of both sets
// (<out>-batch.png, the "Batch" tab).
#include <QApplication>
#include <QDir>
#include <QFileInfo>
#include <QTabWidget>
#include <cstdio>
#include <cstdlib>
#include <functional>

#include "screenshot_support.h"
#include "widgets/analysis/fourier_mixing_view.h"
#include "widgets/analysis/image_picker.h"
#include "widgets/analysis/model_picker.h"

using glowscope::screenshots::waitUntil;

namespace {

std::vector<std::pair<QString, QString>> folderModels(const QString& folder) {
  std::vector<std::pair<QString, QString>> models;
  const QDir dir(QDir(folder).filePath("models"));
  QStringList ids = dir.entryList(QDir::Dirs | QDir::NoDotAndDotDot, QDir::Name);
  ids.removeAll("conv-seed0");
  ids.prepend("conv-seed0");
  for (const QString& id : ids)
    if (QFileInfo::exists(dir.filePath(id + "/model.glow")))
      models.emplace_back(id, dir.filePath(id + "/model.glow"));
  return models;
}

}  // namespace

int main(int argc, char** argv) {
  QApplication app(argc, argv);
  if (argc < 3) {
    std::fprintf(stderr, "usage: %s <results folder> <out.png> [pairs]\n", argv[0]);
    return 2;
  }
  const QString out = QString::fromLocal8Bit(argv[2]);
  glowscope::FourierMixingView view;
  view.setModels(folderModels(QString::fromLocal8Bit(argv[1])));
  view.pickerA()->setCurrent("fashion-mnist:test", 0);
  view.pickerB()->setCurrent("mnist:test", 0);
  view.setBatch("fashion-mnist:test", "mnist:test", argc > 3 ? std::atoi(argv[3]) : 200);
  view.resize(1200, 800);
  view.show();
  if (!waitUntil([&] { return view.modelPicker()->model() != nullptr; }, 120000)) {
    std::fprintf(stderr, "the model did not load\n");
    return 1;
  }
  const bool pairDone = waitUntil(
      [&] { return !view.isComputingPair() && view.pairResult().logLikelihoodNats.size() == 4; },
      120000);
  if (!pairDone || !view.grab().save(out)) return 1;
  auto* tabs = view.findChild<QTabWidget*>();
  tabs->setCurrentIndex(1);
  view.runBatch();
  if (!waitUntil([&] { return !view.isBatchRunning(); }, 600000)) return 1;
  std::printf("%s\n", qPrintable(view.batchStatus()));
  const QFileInfo info(out);
  return view.grab().save(info.dir().filePath(info.completeBaseName() + "-batch.png")) ? 0 : 1;
}
