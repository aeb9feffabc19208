#pragma once
// Enlarged images with their log p under them: the cell widget of the z_L swapping and
// optimisation views, and the captioned PNG grid (+ CSV beside) they export.
#include <QImage>
#include <QString>
#include <QWidget>
#include <vector>

class QLabel;

namespace glowscope {

/// One tile of an exported grid: the image at its own resolution and the lines under it.
struct CaptionedImage {
  QImage image;
  QString title;    ///< first line, bold
  QString caption;  ///< further lines ('\n' separated)
};

/// Tiles row-major, `columns` per row, each image magnified by nearest neighbour to
/// `tilePixels` wide (aspect kept), its title and caption below in `fontPixels` high text, on
/// white. A null image leaves its tile blank.
QImage renderCaptionedGrid(const std::vector<CaptionedImage>& tiles, int columns,
                           int tilePixels = 128, int fontPixels = 12);

/// Writes `image` as a PNG to `pngPath` and `csv` to csvPathBeside(pngPath), each through a
/// QSaveFile (nothing half-written). Throws FileError.
void writeImageWithCsv(const QString& pngPath, const QImage& image, const QString& csv);

/// "log p = -1234.5 nats\n3.21 bits/dim": how the views show a log-likelihood.
QString formatLogLikelihood(double logLikelihoodNats, double bitsPerDim);

/// An enlarged image (nearest neighbour, crisp pixels) with a bold title above and a caption
/// below.
class ImageCell : public QWidget {
  Q_OBJECT
 public:
  explicit ImageCell(const QString& title, int displayPixels = 128, QWidget* parent = nullptr);
  void setImage(const QImage& image, const QString& caption);
  void clear(const QString& caption = {});
  void setTitle(const QString& title);

  QString title() const;
  QString caption() const;
  /// The image as given (model resolution), null when cleared.
  const QImage& image() const { return image_; }
  CaptionedImage captioned() const { return {image_, title(), caption()}; }

 private:
  int displayPixels_;
  QImage image_;
  QLabel* title_;
  QLabel* picture_;
  QLabel* caption_;
};

}  // namespace glowscope
