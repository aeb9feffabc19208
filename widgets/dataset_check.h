#pragma once
// Checks in the background that data set specs load (core/data loadDataset, one image) and
// remembers each answer: the wizard's data page refuses a set the loader refuses, with the
// loader's reason, before the run starts, and the page never freezes while a file is read.
#include <QHash>
#include <QObject>
#include <QStringList>
#include <cstdint>

#include "widgets/base/background_task.h"

namespace glowscope {

class DatasetCheck : public QObject {
  Q_OBJECT

 public:
  enum class State { Unknown, Checking, Loads, Fails };
  struct Answer {
    State state = State::Unknown;
    QString detail;  ///< "28×28×1" when it loads, else the loader's reason
  };

  explicit DatasetCheck(QObject* parent = nullptr);
  /// Queues the specs not checked yet (checked ones keep their answer).
  void request(const QStringList& specs);
  Answer answer(const QString& spec) const { return answers_.value(spec); }
  bool busy() const { return !queue_.isEmpty() || task_.isBusy(); }

 Q_SIGNALS:
  void answered(const QString& spec);

 private:
  struct Outcome {
    QString shape;
    QString error;
  };
  void startNext();

  QHash<QString, Answer> answers_;
  QStringList queue_;
  QString current_;
  BackgroundTask<Outcome> task_{this, [this](Outcome outcome) {
                                  answers_[current_] = outcome.error.isEmpty()
                                                           ? Answer{State::Loads, outcome.shape}
                                                           : Answer{State::Fails, outcome.error};
                                  const QString spec = current_;
                                  current_.clear();
                                  Q_EMIT answered(spec);
                                  startNext();
                                }};
};

}  // namespace glowscope
