#pragma once
#include <QString>

class QWidget;

namespace glowscope {

/// The text of Help > About: Glowscope, Qt, LibTorch, OpenCV and spdlog versions, threads, BLAS.
QString aboutText();

void showAboutDialog(QWidget* parent);

}  // namespace glowscope
