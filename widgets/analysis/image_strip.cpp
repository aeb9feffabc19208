#include "widgets/analysis/image_strip.h"

#include <QBuffer>
#include <QFont>
#include <QFontMetrics>
#include <QLabel>
#include <QPainter>
#include <QPixmap>
#include <QSaveFile>
#include <QVBoxLayout>
#include <algorithm>

#include "core/util/errors.h"
#include "widgets/views/plot_export.h"

namespace glowscope {
namespace {

constexpr int kPaddingPixels = 8;

int captionLines(const CaptionedImage& tile) {
  return 1 + (tile.caption.isEmpty() ? 0 : int(tile.caption.count('\n')) + 1);
}

QImage magnified(const QImage& image, int tilePixels) {
  return image.scaled(tilePixels, tilePixels, Qt::KeepAspectRatio, Qt::FastTransformation);
}

void writeFile(const QString& path, const QByteArray& bytes) {
  QSaveFile file(path);
  if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size() || !file.commit())
    throw FileError(path.toStdString(), file.errorString().toStdString());
}

}  // namespace

QImage renderCaptionedGrid(const std::vector<CaptionedImage>& tiles, int columns, int tilePixels,
                           int fontPixels) {
  columns = std::max(1, std::min(columns, int(std::max<std::size_t>(tiles.size(), 1))));
  const int rows = int((tiles.size() + std::size_t(columns) - 1) / std::size_t(columns));
  QFont font(PlotStyle().fontFamily);
  font.setPixelSize(fontPixels);
  QFont bold = font;
  bold.setBold(true);
  // Cells are as wide as the widest caption line, so no number is cut off.
  int lines = 1, textWidth = 0;
  for (const CaptionedImage& tile : tiles) {
    lines = std::max(lines, captionLines(tile));
    textWidth = std::max(textWidth, QFontMetrics(bold).horizontalAdvance(tile.title));
    for (const QString& line : tile.caption.split('\n'))
      textWidth = std::max(textWidth, QFontMetrics(font).horizontalAdvance(line));
  }
  const int lineHeight = QFontMetrics(font).lineSpacing();
  const int contentWidth = std::max(tilePixels, textWidth);
  const int cellWidth = contentWidth + kPaddingPixels;
  const int cellHeight = tilePixels + lines * lineHeight + 2 * kPaddingPixels;
  QImage grid(columns * cellWidth + kPaddingPixels, std::max(rows, 1) * cellHeight,
              QImage::Format_RGB32);
  grid.fill(Qt::white);
  QPainter painter(&grid);
  painter.setPen(Qt::black);
  for (std::size_t i = 0; i < tiles.size(); ++i) {
    const int x = int(i % std::size_t(columns)) * cellWidth + kPaddingPixels;
    const int y = int(i / std::size_t(columns)) * cellHeight + kPaddingPixels;
    if (!tiles[i].image.isNull())
      painter.drawImage(x + (contentWidth - tilePixels) / 2, y,
                        magnified(tiles[i].image, tilePixels));
    painter.setFont(bold);
    const QRect titleRect(x, y + tilePixels + kPaddingPixels / 2, contentWidth, lineHeight);
    painter.drawText(titleRect, Qt::AlignHCenter | Qt::AlignTop, tiles[i].title);
    painter.setFont(font);
    const QRect captionRect(x, titleRect.bottom() + 1, contentWidth, (lines - 1) * lineHeight);
    painter.drawText(captionRect, Qt::AlignHCenter | Qt::AlignTop, tiles[i].caption);
  }
  return grid;
}

void writeImageWithCsv(const QString& pngPath, const QImage& image, const QString& csv) {
  QByteArray png;
  {
    QBuffer buffer(&png);
    buffer.open(QIODevice::WriteOnly);
    if (!image.save(&buffer, "PNG"))
      throw FileError(pngPath.toStdString(), "cannot encode the image as PNG");
  }
  writeFile(pngPath, png);
  writeFile(csvPathBeside(pngPath), csv.toUtf8());
}

QString formatLogLikelihood(double logLikelihoodNats, double bitsPerDim) {
  return QObject::tr("log p = %L1 nats\n%L2 bits/dim")
      .arg(logLikelihoodNats, 0, 'f', 1)
      .arg(bitsPerDim, 0, 'f', 3);
}

ImageCell::ImageCell(const QString& title, int displayPixels, QWidget* parent)
    : QWidget(parent),
      displayPixels_(displayPixels),
      title_(new QLabel(title)),
      picture_(new QLabel),
      caption_(new QLabel) {
  QFont bold = title_->font();
  bold.setBold(true);
  title_->setFont(bold);
  title_->setAlignment(Qt::AlignHCenter);
  title_->setWordWrap(true);
  picture_->setFixedSize(displayPixels, displayPixels);
  picture_->setAlignment(Qt::AlignCenter);
  picture_->setFrameShape(QFrame::StyledPanel);
  caption_->setAlignment(Qt::AlignHCenter | Qt::AlignTop);
  caption_->setTextInteractionFlags(Qt::TextSelectableByMouse);
  auto* layout = new QVBoxLayout(this);
  layout->setContentsMargins(2, 2, 2, 2);
  layout->addWidget(title_);
  layout->addWidget(picture_, 0, Qt::AlignHCenter);
  layout->addWidget(caption_);
  layout->addStretch(1);
}

void ImageCell::setImage(const QImage& image, const QString& caption) {
  image_ = image;
  picture_->setPixmap(QPixmap::fromImage(magnified(image, displayPixels_ - 4)));
  caption_->setText(caption);
}

void ImageCell::clear(const QString& caption) {
  image_ = QImage();
  picture_->clear();
  caption_->setText(caption);
}

void ImageCell::setTitle(const QString& title) { title_->setText(title); }
QString ImageCell::title() const { return title_->text(); }
QString ImageCell::caption() const { return caption_->text(); }

}  // namespace glowscope
