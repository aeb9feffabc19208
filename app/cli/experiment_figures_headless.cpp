// experiment_figures.h for builds without the GUI libraries (GLOWSCOPE_BUILD_GUI=OFF): no views,
// so no figures; the tables and scores of the results folder are complete without them.
#include "app/cli/experiment_figures.h"

#include <cstdio>

#include "app/cli/cli_support.h"

namespace glowscope::cli {

std::unique_ptr<QCoreApplication> makeFigureApplication(int& argc, char** argv) {
  return std::make_unique<QCoreApplication>(argc, argv);
}

int exportExperimentFigures(const std::filesystem::path&, const std::filesystem::path&) {
  std::printf("Figures: not written (this glowscope-cli was built without the GUI libraries).\n");
  return kExitOk;
}

}  // namespace glowscope::cli
