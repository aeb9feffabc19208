// Not run: linked (with --no-as-needed) against the libraries that must stay free of LibTorch
// and OpenCV, so that the torch_free_libraries test can read what they pull in. Each library
// contributes a symbol, so none is left out of the link.
#include <cstdio>

#include "core/experiments/results_folder.h"
#include "core/metrics/ood_metrics.h"
#include "core/project/project_file.h"
#include "core/training/run_metrics.h"
#include "core/util/json_reader.h"
#ifdef GLOWSCOPE_PROBE_WIDGETS
#include "widgets/base/image_conversion.h"
#include "widgets/views/results_table_view.h"
#endif

int main() {
  const void* symbols[] = {
      reinterpret_cast<const void*>(&glowscope::readJsonFile),
      reinterpret_cast<const void*>(&glowscope::computeOodMetrics),
      reinterpret_cast<const void*>(&glowscope::loadProject),
      reinterpret_cast<const void*>(&glowscope::loadResultsFolder),
      reinterpret_cast<const void*>(&glowscope::readRunMetrics),
#ifdef GLOWSCOPE_PROBE_WIDGETS
      reinterpret_cast<const void*>(&glowscope::imageSetThumbnail),
      reinterpret_cast<const void*>(&glowscope::metricTables),
#endif
  };
  for (const void* symbol : symbols) std::printf("%p\n", symbol);
  return 0;
}
