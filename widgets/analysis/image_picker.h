#pragma once
// Picks one image from any loaded data set: a set box, an index, a random button and an enlarged
// thumbnail. The analysis views (Fourier mixing, z_L swapping) use two of them.
#include <QString>
#include <QStringList>
#include <QWidget>
#include <memory>
#include <optional>

#include "core/data/image_set.h"

class QComboBox;
class QLabel;
class QSpinBox;

namespace glowscope {

class ImageSetCache;

struct ImagePickerOptions {
  /// Which name of the set list the picker starts on (and returns to when the list is
  /// replaced), when the list is that long: image b starts on a set other than a's.
  int initialSet = 0;
  /// One low row with a small thumbnail (the Analysis page's shared pickers above the tabs)
  /// instead of a column with an enlarged one.
  bool compact = false;
};

class ImagePicker : public QWidget {
  Q_OBJECT
 public:
  /// `cache` null = ImageSetCache::shared(). The set box lists the cache's available sets.
  explicit ImagePicker(const QString& title, ImageSetCache* cache = nullptr,
                       QWidget* parent = nullptr, ImagePickerOptions options = {});

  /// Replaces the names in the set box (e.g. the sets of a results folder) and chooses the
  /// options' initial set among them.
  void setSetNames(const QStringList& names);
  /// Selects a set (added to the box if missing; loaded if needed) and an image index.
  void setCurrent(const QString& setName, int index);

  QString currentSetName() const;
  int currentIndex() const;
  /// The selected set, or null while it loads or when loading failed.
  std::shared_ptr<const ImageSet> currentSet() const;
  /// The selected image as a one-image set named "<set> #<index>", if the set is loaded.
  std::optional<ImageSet> currentImage() const;

  QComboBox* setBox() const { return setBox_; }
  QSpinBox* indexBox() const { return indexBox_; }

 Q_SIGNALS:
  /// The selection changed and its image is available.
  void imageChanged();

 private:
  void layOutInAColumn(const QString& title, QWidget* randomButton);
  void layOutInARow(const QString& title, QWidget* randomButton);
  void onSetChosen();
  void onLoaded(const QString& name);
  void onFailed(const QString& name, const QString& error);
  void showCurrent();

  ImageSetCache* cache_;
  ImagePickerOptions options_;
  QComboBox* setBox_;
  QSpinBox* indexBox_;
  QLabel* thumbnail_;
  QLabel* caption_;
  int pendingIndex_ = -1;
};

}  // namespace glowscope
