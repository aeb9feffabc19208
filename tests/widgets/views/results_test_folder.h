#pragma once
// The results folder the widget tests open: the core writer's output for the small experiment of
// tests/core/experiments/results_fixture.h (so the views read what the writer writes).
#include <QByteArray>
#include <QFile>
#include <QString>
#include <QtTest>

#include "tests/core/experiments/results_fixture.h"

namespace glowscope::testing {

inline void writeFile(const QString& path, const QByteArray& text) {
  QFile file(path);
  QVERIFY(file.open(QIODevice::WriteOnly));
  file.write(text);
}

// Two seeds, OOD sets "b:test" and "a:test" (spec order, not alphabetical), two scores.
inline void writeResultsFolder(const QString& folder) {
  writeTinyResultsFolder(folder.toStdString());
}

}  // namespace glowscope::testing
