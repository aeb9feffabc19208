#include "app/gui/about_dialog.h"

#include <QMessageBox>
#include <QWidget>

#include "core/runtime/runtime.h"
#include "core/util/version.h"

namespace glowscope {

QString aboutText() {
  const RuntimeInfo runtime = runtimeInfo();
  return QObject::tr(
             "<h3>Glowscope %1</h3>"
             "<p>Likelihood-based anomaly detection with deep invertible networks "
             "(Schirrmeister et al., NeurIPS 2020).</p>"
             "<table><tr><td>Qt</td><td>%2</td></tr>"
             "<tr><td>LibTorch</td><td>%3</td></tr>"
             "<tr><td>OpenCV</td><td>%4</td></tr>"
             "<tr><td>spdlog</td><td>%5</td></tr>"
             "<tr><td>Threads</td><td>%6 of %7</td></tr>"
             "<tr><td>BLAS</td><td>%8</td></tr>"
             "<tr><td>Device</td><td>%9</td></tr></table>")
      .arg(QString::fromUtf8(kGlowscopeVersion), QString::fromUtf8(qVersion()),
           QString::fromStdString(torchVersion()), QString::fromStdString(openCvVersion()),
           QString::fromStdString(spdlogVersion()), QString::number(runtime.torchThreads),
           QString::number(runtime.hardwareThreads), QString::fromStdString(runtime.blasLibrary),
           QString::fromStdString(runtime.deviceName));
}

void showAboutDialog(QWidget* parent) {
  QMessageBox::about(parent, QObject::tr("About Glowscope"), aboutText());
}

}  // namespace glowscope
