#pragma once
// A small synthetic experiment results folder, as the core's results writer lays it out, shared
// by the widget tests that open one.
#include <QByteArray>
#include <QDir>
#include <QFile>
#include <QString>
#include <QtTest>

namespace glowscope::testing {

inline void writeFile(const QString& path, const QByteArray& text) {
  QFile file(path);
  QVERIFY(file.open(QIODevice::WriteOnly));
  file.write(text);
}

// Two seeds, OOD sets "b:test" and "a:test" (spec order, not alphabetical), two scores.
inline void writeResultsFolder(const QString& folder) {
  QDir(folder).mkpath("scores");
  writeFile(folder + "/metadata.json",
            R"({"spec": {"inDistribution": "in:test", "oodSets": ["b:test", "a:test"],
                "scores": [{"name": "Raw, x"}, {"name": "Diff"}]}})");
  writeFile(folder + "/summary.json", R"({"name": "tiny", "seeds": [
    {"seed": 0, "metrics": {
      "a:test": {"Raw, x": {"auroc": 0.6, "auprIn": 0.5, "auprOut": 0.4, "fprAt95Tpr": 0.9},
                 "Diff": {"auroc": 0.9, "auprIn": 0.8, "auprOut": 0.7, "fprAt95Tpr": 0.3}},
      "b:test": {"Raw, x": {"auroc": 0.8, "auprIn": 0.5, "auprOut": 0.4, "fprAt95Tpr": 0.2},
                 "Diff": {"auroc": 0.7, "auprIn": 0.8, "auprOut": 0.7, "fprAt95Tpr": 0.6}}}},
    {"seed": 1, "metrics": {
      "a:test": {"Raw, x": {"auroc": 0.8, "auprIn": 0.5, "auprOut": 0.4, "fprAt95Tpr": 0.9},
                 "Diff": {"auroc": 0.7, "auprIn": 0.8, "auprOut": 0.7, "fprAt95Tpr": 0.3}},
      "b:test": {"Raw, x": {"auroc": 0.8, "auprIn": 0.5, "auprOut": 0.4, "fprAt95Tpr": 0.2},
                 "Diff": {"auroc": 0.7, "auprIn": 0.8, "auprOut": 0.7, "fprAt95Tpr": 0.6}}}}]})");
  const QByteArray header = "index,\"Raw, x\",Diff\n";
  for (const char* seed : {"0", "1"}) {
    writeFile(folder + "/scores/in_test-seed" + seed + ".csv", header + "0,5,1\n1,6,2\n2,7,nan\n");
    writeFile(folder + "/scores/a_test-seed" + seed + ".csv", header + "0,1,-inf\n1,2,3\n");
    writeFile(folder + "/scores/b_test-seed" + seed + ".csv", header + "0,3,4\n");
  }
}

}  // namespace glowscope::testing
