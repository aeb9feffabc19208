// Renders the application's SVG icon to a square PNG of a given size (the hicolor theme's PNG
// sizes are made at build time from resources/icons/glowscope.svg, so they never drift).
// Usage: glowscope_render_icon <in.svg> <size px> <out.png>
#include <QImage>
#include <QPainter>
#include <QSvgRenderer>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
  if (argc != 4) {
    std::fprintf(stderr, "usage: %s <in.svg> <size px> <out.png>\n", argv[0]);
    return 2;
  }
  QSvgRenderer renderer(QString::fromLocal8Bit(argv[1]));
  const int sizePx = std::atoi(argv[2]);
  if (!renderer.isValid() || sizePx <= 0) {
    std::fprintf(stderr, "%s: cannot render %s at %s px\n", argv[0], argv[1], argv[2]);
    return 1;
  }
  QImage image(sizePx, sizePx, QImage::Format_ARGB32_Premultiplied);
  image.fill(Qt::transparent);
  QPainter painter(&image);
  painter.setRenderHint(QPainter::Antialiasing);
  renderer.render(&painter);
  painter.end();
  if (!image.save(QString::fromLocal8Bit(argv[3]), "PNG")) {
    std::fprintf(stderr, "%s: cannot write %s\n", argv[0], argv[3]);
    return 1;
  }
  return 0;
}
