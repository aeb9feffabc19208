#include "widgets/views/empty_plot.h"

#include "widgets/qcustomplot_include.h"

namespace glowscope {
namespace {

constexpr const char* kEmptyProperty = "glowscopeEmptyPlot";
constexpr const char* kAxisShownProperty = "glowscopeShownWithData";

QCPItemText* messageItem(const QCustomPlot* plot) {
  for (int i = 0; i < plot->itemCount(); ++i)
    if (auto* text = qobject_cast<QCPItemText*>(plot->item(i)))
      if (text->objectName() == kEmptyPlotMessageName) return text;
  return nullptr;
}

}  // namespace

void setPlotEmptyMessage(QCustomPlot* plot, const QString& message) {
  const bool empty = !message.isEmpty();
  QCPItemText* text = messageItem(plot);
  if (empty && !text) {
    text = new QCPItemText(plot);
    text->setObjectName(kEmptyPlotMessageName);
    text->setClipToAxisRect(false);
    text->position->setType(QCPItemPosition::ptViewportRatio);
    text->position->setCoords(0.5, 0.5);
    text->setPositionAlignment(Qt::AlignCenter);
    text->setTextAlignment(Qt::AlignCenter);
    text->setColor(plot->xAxis->labelColor());
    text->setSelectable(false);
  }
  if (text) {
    text->setText(message);
    text->setVisible(empty);
  }
  const bool wasEmpty = plot->property(kEmptyProperty).toBool();
  if (empty == wasEmpty) return;
  plot->setProperty(kEmptyProperty, empty);
  // Hidden axes, grids, colour maps and scales remember whether the view showed them (x2/y2 are
  // usually hidden).
  for (QCPAxisRect* rect : plot->axisRects())
    for (QCPAxis* axis : rect->axes()) {
      if (empty) {
        axis->setProperty(kAxisShownProperty, axis->visible());
        axis->grid()->setProperty(kAxisShownProperty, axis->grid()->visible());
      }
      axis->setVisible(!empty && axis->property(kAxisShownProperty).toBool());
      axis->grid()->setVisible(!empty && axis->grid()->property(kAxisShownProperty).toBool());
    }
  // A colour map without data would still fill its axes with one colour.
  for (int i = 0; i < plot->plottableCount(); ++i)
    if (auto* map = qobject_cast<QCPColorMap*>(plot->plottable(i))) {
      if (empty) map->setProperty(kAxisShownProperty, map->visible());
      map->setVisible(!empty && map->property(kAxisShownProperty).toBool());
    }
  for (QCPLayoutElement* element : plot->plotLayout()->elements(true))
    if (auto* scale = qobject_cast<QCPColorScale*>(element)) {
      if (empty) scale->setProperty(kAxisShownProperty, scale->visible());
      scale->setVisible(!empty && scale->property(kAxisShownProperty).toBool());
    }
}

QString plotEmptyMessage(const QCustomPlot* plot) {
  const QCPItemText* text = messageItem(plot);
  return text && text->visible() ? text->text() : QString();
}

}  // namespace glowscope
