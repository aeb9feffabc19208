#include "widgets/dataset_check.h"

#include "core/data/dataset_registry.h"

namespace glowscope {

DatasetCheck::DatasetCheck(QObject* parent) : QObject(parent) {}

void DatasetCheck::request(const QStringList& specs) {
  for (const QString& spec : specs) {
    if (spec.isEmpty() || answers_.contains(spec) || queue_.contains(spec)) continue;
    answers_[spec] = {State::Checking, {}};
    queue_ << spec;
  }
  startNext();
}

void DatasetCheck::startNext() {
  // One check at a time: a second start would silence the first (its answer never comes).
  if (!current_.isEmpty() || queue_.isEmpty()) return;
  current_ = queue_.takeFirst();
  const std::string spec = current_.toStdString();
  task_.start([spec](const BackgroundRun&) {
    // One image is enough to know that the files are there and what shape they have; the
    // generated sets then make one crop instead of 50,000.
    LoadOptions options;
    options.limit = 1;
    options.photoCropCount = 1;
    const ImageSet set = loadDataset(spec, options);
    return Outcome{QString::fromUtf8("%1×%2×%3").arg(set.height).arg(set.width).arg(set.channels),
                   {}};
  });
}

}  // namespace glowscope
