#pragma once
// Shared by the run-list tests (tst_removed_runs, tst_save_project_as): the Training page as
// the application wires it, and a run folder with a metrics file.
#include <QDir>
#include <QString>
#include <QWidget>
#include <QtTest>
#include <fstream>

#include "app/gui/project_controller.h"
#include "app/gui/training_controller.h"
#include "core/training/run_metrics.h"
#include "core/util/atomic_file.h"
#include "widgets/training_view.h"

namespace glowscope::testing {

/// A window as the application has it: projects, the view and the controller of its runs.
struct Workbench {
  QWidget window;
  ProjectController projects{&window};
  TrainingView view;
  TrainingController controller{&projects, &view, &window};
};

/// A run folder with a metrics file of `steps` reports (loss 5 - step/10), finished; with
/// `withCheckpoint` also a stand-in checkpoint file, for tests that copy or delete folders.
inline void writeRunFolder(const QString& folder, int steps, bool withCheckpoint = false) {
  QVERIFY(QDir().mkpath(withCheckpoint ? folder + "/checkpoints" : folder));
  if (withCheckpoint)
    writeFileAtomically((folder + "/checkpoints/step-1.pt").toStdString(), "weights");
  std::ofstream out(runMetricsPath(folder.toStdString()));
  for (int step = 1; step <= steps; ++step) {
    TrainingProgress progress;
    progress.step = step;
    progress.totalSteps = steps;
    progress.loss = 5.0 - step / 10.0;
    progress.trainBitsPerDim = 4.0 - step / 10.0;
    progress.finished = step == steps;
    out << progressToJson(progress).dump() << "\n";
  }
}

}  // namespace glowscope::testing
